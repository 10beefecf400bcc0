// The JUnit XML file (GUT's junit_xml_export).

import { DirAccess, FileAccess, Time } from "godot";
import { GutOptions } from "./options.js";
import { FailureRecord, ScriptResult } from "./results.js";
import { Totals } from "./summary.js";

function xml_attribute(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function xml_cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}

function failure_text(failure: FailureRecord): string {
  const lines = [failure.message];
  lines.push(...failure.notes.map((note) => `  ${note}`));
  if (failure.location !== "") lines.push(`  at ${failure.location}`);
  if (failure.stack !== "") lines.push(...failure.stack.split("\n").map((frame) => `    ${frame}`));
  return lines.join("\n");
}

/** JUnit XML in GUT's layout: one testsuite per script (inner classes as "path.TestInner"). */
export function junit_xml(scripts: readonly ScriptResult[], totals: Totals, elapsed_sec: number): string {
  // A skipped script, and a script whose before_all/after_all failed, add one testcase each.
  const hook_cases = scripts.filter((script) => script.hook_failures.length > 0).length;
  const skipped_scripts = scripts.filter((script) => script.skip_reason !== null).length;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = totals.failing_tests + hook_cases;
  const all_tests = totals.tests + hook_cases + skipped_scripts;
  out.push(
    `<testsuites name="GutTests" failures="${failures}" tests="${all_tests}" time="${elapsed_sec.toFixed(3)}">`,
  );
  for (const script of scripts) {
    const suite = script.name.replace(/^res:\/\//, "");
    const has_hook_failures = script.hook_failures.length > 0;
    const skipped_script = script.skip_reason !== null ? 1 : 0;
    const suite_failures = script.count("fail") + (has_hook_failures ? 1 : 0);
    const suite_tests = script.tests.length + (has_hook_failures ? 1 : 0) + skipped_script;
    const skipped = script.count("pending") + skipped_script;
    out.push(
      `  <testsuite name="${xml_attribute(suite)}" tests="${suite_tests}" failures="${suite_failures}" skipped="${skipped}" time="${script.time_sec.toFixed(3)}">`,
    );
    if (script.skip_reason !== null) {
      out.push(
        `    <testcase name="(skipped script)" assertions="0" status="skipped" classname="${xml_attribute(suite)}" time="0.000">`,
      );
      out.push(`      <skipped message="skipped">${xml_cdata(script.skip_reason)}</skipped>`);
      out.push("    </testcase>");
    }
    if (has_hook_failures) {
      out.push(
        `    <testcase name="before_all/after_all" assertions="${script.hook_failures.length + script.hook_pass_count}" status="fail" classname="${xml_attribute(suite)}" time="0.000">`,
      );
      out.push(
        `      <failure message="failed">${xml_cdata(script.hook_failures.map(failure_text).join("\n"))}</failure>`,
      );
      out.push("    </testcase>");
    }
    for (const test of script.tests) {
      const status = test.status;
      out.push(
        `    <testcase name="${xml_attribute(test.name)}" assertions="${test.assert_count}" status="${status}" classname="${xml_attribute(suite)}" time="${test.time_sec.toFixed(3)}">`,
      );
      if (status === "fail")
        out.push(
          `      <failure message="failed">${xml_cdata(test.failures.map(failure_text).join("\n"))}</failure>`,
        );
      else if (status === "pending")
        out.push(`      <skipped message="pending">${xml_cdata(test.pending_texts.join("\n"))}</skipped>`);
      out.push("    </testcase>");
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return out.join("\n") + "\n";
}

export function junit_path(options: GutOptions): string {
  let path = options.junit_xml_file;
  if (options.junit_xml_timestamp) {
    const stamp = Math.floor(Time.get_unix_time_from_system());
    const dot = path.lastIndexOf(".");
    path =
      dot > path.lastIndexOf("/") ? `${path.slice(0, dot)}_${stamp}${path.slice(dot)}` : `${path}_${stamp}`;
  }
  return path;
}

export function write_text_file(path: string, text: string): string | null {
  const slash = path.lastIndexOf("/");
  const folder = slash >= 0 ? path.slice(0, slash) : "";
  if (folder !== "" && !folder.endsWith(":/") && !DirAccess.dir_exists_absolute(folder)) {
    const made = DirAccess.make_dir_recursive_absolute(folder);
    if (made !== 0) return `could not create the folder ${folder} (error ${made})`;
  }
  const file = FileAccess.open(path, FileAccess.WRITE);
  if (file === null) return `could not open it for writing (error ${FileAccess.get_open_error()})`;
  const written = file.store_string(text);
  file.close();
  return written ? null : "writing failed";
}
