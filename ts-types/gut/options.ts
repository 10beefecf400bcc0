// The runner's options (GUT's options and .gutconfig.json handling): GUT's -g flags and config
// keys, their defaults, the help text and the sample config.

import { FileAccess } from "godot";
import { Logger } from "./logger.js";
import { is_record } from "./strutils.js";

export interface GutOptions {
  dirs: string[];
  include_subdirs: boolean;
  tests: string[];
  prefix: string;
  suffix: string;
  selected: string;
  unit_test_name: string;
  inner_class: string;
  log_level: number;
  junit_xml_file: string;
  junit_xml_timestamp: boolean;
  should_exit: boolean;
  should_exit_on_success: boolean;
  test_timeout: number;
  config_file: string;
  show_help: boolean;
  print_options: boolean;
  print_config_sample: boolean;
}

type OptionKind = "list" | "string" | "bool" | "int" | "number";

interface OptionSpec {
  readonly flag: string; // Without "-g".
  readonly key: keyof GutOptions | null; // null: accepted for GUT compatibility, ignored.
  readonly kind: OptionKind;
  readonly config_key: string | null; // The .gutconfig.json key.
  readonly help: string;
}

export const DEFAULT_CONFIG = "res://.gutconfig.json";

export function default_options(): GutOptions {
  return {
    dirs: [],
    include_subdirs: false,
    tests: [],
    prefix: "test_",
    suffix: ".ts",
    selected: "",
    unit_test_name: "",
    inner_class: "",
    log_level: 1,
    junit_xml_file: "",
    junit_xml_timestamp: false,
    should_exit: false,
    should_exit_on_success: false,
    test_timeout: 30,
    config_file: DEFAULT_CONFIG,
    show_help: false,
    print_options: false,
    print_config_sample: false,
  };
}

const OPTIONS: readonly OptionSpec[] = [
  {
    flag: "dir",
    key: "dirs",
    kind: "list",
    config_key: "dirs",
    help: "Folders to search for test scripts (repeatable, comma-separated).",
  },
  {
    flag: "include_subdirs",
    key: "include_subdirs",
    kind: "bool",
    config_key: "include_subdirs",
    help: "Also search the folders' subfolders.",
  },
  {
    flag: "test",
    key: "tests",
    kind: "list",
    config_key: "tests",
    help: "Test scripts to run, by path (repeatable, comma-separated).",
  },
  {
    flag: "prefix",
    key: "prefix",
    kind: "string",
    config_key: "prefix",
    help: 'File name prefix of test scripts (default "test_").',
  },
  {
    flag: "suffix",
    key: "suffix",
    kind: "string",
    config_key: "suffix",
    help: 'File name suffix of test scripts (default ".ts").',
  },
  {
    flag: "select",
    key: "selected",
    kind: "string",
    config_key: "selected",
    help: "Run only scripts whose file name contains this text.",
  },
  {
    flag: "unit_test_name",
    key: "unit_test_name",
    kind: "string",
    config_key: "unit_test_name",
    help: "Run only tests whose name contains this text.",
  },
  {
    flag: "inner_class",
    key: "inner_class",
    kind: "string",
    config_key: "inner_class",
    help: "Run only inner (exported Test*) classes whose name contains this text.",
  },
  {
    flag: "log",
    key: "log_level",
    kind: "int",
    config_key: "log_level",
    help: "0: failures only, 1: test names too (default), 2: every assert.",
  },
  {
    flag: "junit_xml_file",
    key: "junit_xml_file",
    kind: "string",
    config_key: "junit_xml_file",
    help: "Write JUnit XML results to this file.",
  },
  {
    flag: "junit_xml_timestamp",
    key: "junit_xml_timestamp",
    kind: "bool",
    config_key: "junit_xml_timestamp",
    help: "Add a timestamp to the JUnit file name.",
  },
  {
    flag: "exit",
    key: "should_exit",
    kind: "bool",
    config_key: "should_exit",
    help: "Quit when done (Quickdot always does: it is headless).",
  },
  {
    flag: "exit_on_success",
    key: "should_exit_on_success",
    kind: "bool",
    config_key: "should_exit_on_success",
    help: "Quit when done if all passed (Quickdot always quits).",
  },
  {
    flag: "test_timeout",
    key: "test_timeout",
    kind: "number",
    config_key: "test_timeout",
    help: "Seconds before a test (or hook) that has not finished fails; 0 = never (default 30). Quickdot extension.",
  },
  {
    flag: "config",
    key: "config_file",
    kind: "string",
    config_key: null,
    help: `A .gutconfig.json file (default ${DEFAULT_CONFIG} when it exists; -gconfig= for none).`,
  },
  { flag: "h", key: "show_help", kind: "bool", config_key: null, help: "Print this help and quit." },
  {
    flag: "po",
    key: "print_options",
    kind: "bool",
    config_key: null,
    help: "Print the options in effect before running.",
  },
  {
    flag: "print_gutconfig_sample",
    key: "print_config_sample",
    kind: "bool",
    config_key: null,
    help: "Print a sample .gutconfig.json and quit.",
  },
  // GUT options with no meaning here (no GUI, no doubles, no orphan tracking): accepted and ignored.
  ...[
    "disable_colors",
    "hide_orphans",
    "ignore_pause",
    "maximize",
    "compact_mode",
    "no_error_tracking",
    "errors_do_not_cause_failure",
    "check_update",
  ].map((flag): OptionSpec => ({ flag, key: null, kind: "bool", config_key: null, help: "" })),
  ...[
    "opacity",
    "font_name",
    "font_size",
    "background_color",
    "font_color",
    "paint_after",
    "wait_log_delay",
    "double_strategy",
    "failure_error_types",
    "pre_run_script",
    "post_run_script",
  ].map((flag): OptionSpec => ({ flag, key: null, kind: "string", config_key: null, help: "" })),
];

// .gutconfig.json keys GUT knows that have no effect here.
const IGNORED_CONFIG_KEYS = new Set([
  "background_color",
  "compact_mode",
  "configured_dirs",
  "disable_colors",
  "double_strategy",
  "errors_do_not_cause_failure",
  "failure_error_types",
  "font_color",
  "font_name",
  "font_size",
  "gut_on_top",
  "hide_orphans",
  "ignore_pause",
  "include_subdirectories",
  "opacity",
  "paint_after",
  "panel_options",
  "post_run_script",
  "pre_run_script",
  "should_maximize",
  "show_help",
  "wait_log_delay",
  "no_error_tracking",
]);

export type OptionValue = string[] | string | boolean | number;

function parse_value(spec: OptionSpec, raw: string | null): OptionValue | Error {
  switch (spec.kind) {
    case "list":
      return (raw ?? "")
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item !== "");
    case "string":
      return raw ?? "";
    case "bool": {
      if (raw === null) return true;
      const lowered = raw.toLowerCase();
      if (["true", "1", "yes", ""].includes(lowered)) return true;
      if (["false", "0", "no"].includes(lowered)) return false;
      return new Error(`-g${spec.flag} expects true or false, got "${raw}"`);
    }
    case "int":
    case "number": {
      const value = Number(raw);
      if (
        raw === null ||
        raw.trim() === "" ||
        !Number.isFinite(value) ||
        (spec.kind === "int" && !Number.isInteger(value))
      ) {
        return new Error(
          `-g${spec.flag} expects a ${spec.kind === "int" ? "whole number" : "number"}, got "${raw ?? ""}"`,
        );
      }
      return value;
    }
  }
}

export function assign_option(options: GutOptions, key: keyof GutOptions, value: OptionValue): void {
  (options as unknown as Record<string, OptionValue>)[key] = value;
}

export interface ParsedCommandLine {
  readonly values: Map<keyof GutOptions, OptionValue>;
  readonly unknown: string[];
  readonly errors: string[];
  readonly config_given: boolean;
}

/** Reads GUT's -g options (`-gname=value` or `-gname value`); other arguments belong to the engine. */
export function parse_command_line(args: readonly string[]): ParsedCommandLine {
  const values = new Map<keyof GutOptions, OptionValue>();
  const unknown: string[] = [];
  const errors: string[] = [];
  let config_given = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (!arg.startsWith("-g")) continue;
    const equals = arg.indexOf("=");
    const flag = arg.slice(2, equals < 0 ? undefined : equals);
    const spec = OPTIONS.find((option) => option.flag === flag);
    if (spec === undefined) {
      unknown.push(arg);
      continue;
    }
    let raw: string | null = equals < 0 ? null : arg.slice(equals + 1);
    if (raw === null && spec.kind !== "bool") {
      const next = args[i + 1];
      if (next === undefined || next.startsWith("-")) {
        errors.push(`-g${flag} needs a value: -g${flag}=<value>`);
        continue;
      }
      raw = next;
      i++;
    }
    const value = parse_value(spec, raw);
    if (value instanceof Error) {
      errors.push(value.message);
      continue;
    }
    if (spec.key === null) continue;
    if (spec.key === "config_file") config_given = true;
    const previous = values.get(spec.key);
    values.set(spec.key, Array.isArray(previous) && Array.isArray(value) ? [...previous, ...value] : value);
  }
  return { values, unknown, errors, config_given };
}

export function apply_config(options: GutOptions, path: string, logger: Logger): string | null {
  if (!FileAccess.file_exists(path)) return `Could not find the config file ${path}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(FileAccess.get_file_as_string(path));
  } catch (error) {
    return `Could not parse the config file ${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!is_record(parsed)) return `The config file ${path} must hold a JSON object`;
  for (const [config_key, value] of Object.entries(parsed)) {
    const spec = OPTIONS.find((option) => option.config_key === config_key);
    if (spec === undefined || spec.key === null) {
      if (!IGNORED_CONFIG_KEYS.has(config_key))
        logger.warning(`Unknown key "${config_key}" in ${path} (ignored).`);
      continue;
    }
    let converted: OptionValue | Error;
    if (spec.kind === "list") {
      converted =
        Array.isArray(value) && value.every((item) => typeof item === "string")
          ? value.map(String)
          : typeof value === "string"
            ? parse_value(spec, value)
            : new Error("expects a list of strings");
    } else if (spec.kind === "bool") {
      converted = typeof value === "boolean" ? value : new Error("expects true or false");
    } else if (spec.kind === "string") {
      converted = typeof value === "string" ? value : new Error("expects a string");
    } else {
      converted =
        typeof value === "number" && (spec.kind === "number" || Number.isInteger(value))
          ? value
          : new Error(`expects a ${spec.kind === "int" ? "whole number" : "number"}`);
    }
    if (converted instanceof Error)
      return `${path}: "${config_key}" ${converted.message}, got ${JSON.stringify(value)}`;
    assign_option(options, spec.key, converted);
  }
  return null;
}

export function help_text(): string {
  const lines = [
    "Quickdot GUT-style test runner. Options use GUT's spelling: -gname=value or -gname value.",
    'A project\'s test entry is a script containing:  export { GutRunner as default } from "gut";',
    "",
  ];
  for (const spec of OPTIONS) {
    if (spec.help === "") continue;
    const name =
      spec.kind === "bool"
        ? `-g${spec.flag}`
        : `-g${spec.flag}=<${spec.kind === "list" ? "a,b" : spec.kind === "string" ? "text" : "n"}>`;
    lines.push(`  ${name.padEnd(26)} ${spec.help}`);
  }
  lines.push(
    "",
    "Exit code: 0 when every test passed (pending and risky tests do not fail a run), 1 otherwise.",
  );
  return lines.join("\n");
}

export function config_sample(options: GutOptions): string {
  const sample: Record<string, OptionValue> = {};
  for (const spec of OPTIONS) {
    if (spec.config_key !== null && spec.key !== null) sample[spec.config_key] = options[spec.key];
  }
  return JSON.stringify(sample, null, 2);
}
