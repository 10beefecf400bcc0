// GutRunner, the scene a project runs its tests with (GUT's command-line runner, gut_cmdln):
// reads the options, runs the scripts, prints the summary, writes JUnit XML, sets the exit code.

import { FileAccess, Node, OS, print, printerr } from "godot";
import { collect_scripts } from "./collector.js";
import { ticks_sec } from "./engine_access.js";
import { junit_path, junit_xml, write_text_file } from "./junit_export.js";
import { Logger } from "./logger.js";
import {
  DEFAULT_CONFIG,
  apply_config,
  assign_option,
  config_sample,
  default_options,
  help_text,
  parse_command_line,
} from "./options.js";
import { ScriptResult } from "./results.js";
import { Runner } from "./runner.js";
import { describe_stack } from "./stack_trace.js";
import { str } from "./strutils.js";
import { print_summary, totals_of } from "./summary.js";

/** What a run reports back: the exit code it chose and the results. */
export interface GutRunSummary {
  readonly exit_code: number;
  readonly scripts: number;
  readonly tests: number;
  readonly passing_tests: number;
  readonly failing_tests: number;
  readonly pending_or_risky: number;
}

/**
 * Runs GUT-style tests with the options from the command line (`-gdir=...`) and
 * .gutconfig.json, prints GUT's report, writes JUnit XML on request and quits with 0 when no test
 * failed, 1 otherwise. Use it as a project's test scene: `export { GutRunner as default } from "gut";`.
 */
export class GutRunner extends Node {
  _ready(): void {
    void this.run_and_quit();
  }

  private async run_and_quit(): Promise<void> {
    let exit_code = 1;
    try {
      exit_code = (await this.run_tests([...OS.get_cmdline_args(), ...OS.get_cmdline_user_args()])).exit_code;
    } catch (error) {
      const stack = error instanceof Error ? describe_stack(error.stack) : "";
      printerr(
        `[ERROR]:  The GUT runner failed: ${error instanceof Error ? `${error.name}: ${error.message}` : str(error)}${stack === "" ? "" : "\n" + stack}`,
      );
    }
    // Headless, GUT quits by itself when done, with or without -gexit.
    this.get_tree()?.quit(exit_code);
  }

  /** Runs the tests the arguments select; resolves when all ran. */
  async run_tests(args: readonly string[]): Promise<GutRunSummary> {
    const tree = this.get_tree();
    if (tree === null) throw new Error("GutRunner must be in the scene tree to run tests");
    const nothing: Omit<GutRunSummary, "exit_code"> = {
      scripts: 0,
      tests: 0,
      passing_tests: 0,
      failing_tests: 0,
      pending_or_risky: 0,
    };
    const command_line = parse_command_line(args);
    const options = default_options();
    const early_logger = new Logger(1);
    if (command_line.unknown.length > 0) {
      early_logger.error(`Unknown arguments: [${command_line.unknown.map((arg) => `"${arg}"`).join(", ")}]`);
      return { exit_code: 1, ...nothing };
    }
    if (command_line.errors.length > 0) {
      for (const error of command_line.errors) early_logger.error(error);
      return { exit_code: 1, ...nothing };
    }
    if (command_line.values.get("show_help") === true) {
      print(help_text());
      return { exit_code: 0, ...nothing };
    }
    const config = command_line.values.get("config_file");
    const config_path = typeof config === "string" ? config : DEFAULT_CONFIG;
    if (config_path !== "" && (command_line.config_given || FileAccess.file_exists(config_path))) {
      const problem = apply_config(options, config_path, early_logger);
      if (problem !== null) {
        early_logger.error(problem);
        return { exit_code: 1, ...nothing };
      }
    }
    for (const [key, value] of command_line.values) assign_option(options, key, value);
    options.config_file = config_path;
    if (options.print_config_sample) {
      print(config_sample(options));
      return { exit_code: 0, ...nothing };
    }
    const logger = new Logger(options.log_level);
    if (options.print_options) print(config_sample(options));

    const started = ticks_sec();
    const paths = collect_scripts(options, logger);
    const runner = new Runner({ host: this, tree, logger, options });
    const scripts: ScriptResult[] = [];
    for (const path of paths) scripts.push(...(await runner.run_script(path)));
    const elapsed = ticks_sec() - started;
    const totals = totals_of(scripts);

    if (totals.tests === 0 && totals.hook_failures === 0) {
      logger.error("Nothing was run.");
      logger.line("On the one hand nothing failed, on the other hand nothing did anything.");
      if (options.dirs.length === 0 && options.tests.length === 0)
        logger.line('Pass -gdir=res://<folder> or -gtest=res://<script>, or set "dirs" in .gutconfig.json.');
      return { exit_code: 1, ...nothing };
    }
    print_summary(logger, scripts, totals, elapsed, options);

    let exit_code = totals.failing_tests > 0 || totals.hook_failures > 0 ? 1 : 0;
    if (options.junit_xml_file !== "") {
      const path = junit_path(options);
      const problem = write_text_file(path, junit_xml(scripts, totals, elapsed));
      if (problem === null) {
        logger.info(`Results saved to ${path}`);
      } else {
        logger.error(`Could not write the JUnit XML file ${path}: ${problem}`);
        exit_code = 1;
      }
    }
    return {
      exit_code,
      scripts: totals.scripts,
      tests: totals.tests,
      passing_tests: totals.passing_tests,
      failing_tests: totals.failing_tests,
      pending_or_risky: totals.pending + totals.risky,
    };
  }
}
