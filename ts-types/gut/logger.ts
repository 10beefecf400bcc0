// The console output while tests run (GUT's logger): script and test headings printed once, on
// the first line that belongs under them, then the indented [Passed]/[Failed]/... lines.

import { print, printerr } from "godot";
import { FailureRecord, ScriptResult, TestResult } from "./results.js";

export const INDENT = "    ";

export class Logger {
  private announced_script: ScriptResult | null = null;
  private current_script: ScriptResult | null = null;
  // The heading of what runs now: a test's name or "before_all"/"after_all", printed once.
  private heading: string | null = null;
  private heading_printed = false;

  constructor(readonly level: number) {}

  line(text = ""): void {
    print(text);
  }

  error(text: string): void {
    printerr(`[ERROR]:  ${text}`);
  }

  warning(text: string): void {
    print(`[WARNING]:  ${text}`);
  }

  info(text: string): void {
    print(`[INFO]:  ${text}`);
  }

  script_started(script: ScriptResult): void {
    this.current_script = script;
    this.announced_script = null;
    if (this.level >= 1) this.announce_script();
  }

  test_started(test: TestResult): void {
    this.heading = test.name;
    this.heading_printed = false;
    if (this.level >= 1) this.announce_test();
  }

  // Failures in before_all/after_all are printed under the hook's name.
  hook_started(name: string): void {
    this.heading = name;
    this.heading_printed = false;
  }

  hook_finished(): void {
    this.heading = null;
  }

  test_finished(test: TestResult): void {
    if (this.level >= 1) {
      for (const text of test.pending_texts) this.line(`${INDENT}[Pending]:  ${text}`);
      if (test.status === "risky") this.line(`${INDENT}[Risky]:  Did not assert`);
    }
    this.heading = null;
  }

  script_finished(script: ScriptResult): void {
    if (this.level >= 1 && script.skip_reason === null) {
      const passed = script.count("pass");
      this.line(`${passed}/${script.tests.length} passed.`);
    }
    this.current_script = null;
  }

  passed(text: string): void {
    if (this.level < 2) return;
    this.announce_script();
    this.announce_test();
    this.line(`${INDENT}[Passed]:  ${text}`);
  }

  failed(failure: FailureRecord): void {
    this.announce_script();
    this.announce_test();
    write_failure(this, failure, this.level >= 2);
  }

  waiting(what: string, msg: string): void {
    if (this.level < 1) return;
    this.announce_script();
    this.announce_test();
    this.line(`${INDENT}-- Awaiting ${what} -- ${msg}`);
  }

  skipped(reason: string): void {
    this.announce_script();
    this.line(`${INDENT}[Risky]:  Script was skipped:  ${reason}`);
  }

  private announce_script(): void {
    if (this.current_script === null || this.announced_script === this.current_script) return;
    this.announced_script = this.current_script;
    this.line();
    this.line(this.current_script.name);
  }

  private announce_test(): void {
    if (this.heading === null || this.heading_printed) return;
    this.heading_printed = true;
    this.line(`* ${this.heading}`);
  }
}

export function write_failure(logger: Logger, failure: FailureRecord, with_stack: boolean): void {
  logger.line(`${INDENT}[Failed]:  ${failure.message}`);
  for (const note of failure.notes) logger.line(`${INDENT}      ${note}`);
  if (failure.location !== "") logger.line(`${INDENT}      at ${failure.location}`);
  if (with_stack && failure.stack !== "") {
    for (const frame of failure.stack.split("\n")) logger.line(`${INDENT}        ${frame}`);
  }
}
