// The end of run report (GUT's summary): the tests that did not pass, again, and the totals.

import { INDENT, Logger, write_failure } from "./logger.js";
import { GutOptions } from "./options.js";
import { ScriptResult } from "./results.js";

export interface Totals {
  scripts: number;
  tests: number;
  passing_tests: number;
  failing_tests: number;
  pending: number;
  risky: number;
  passing_asserts: number;
  failing_asserts: number;
  hook_failures: number;
}

export function totals_of(scripts: readonly ScriptResult[]): Totals {
  const totals: Totals = {
    scripts: scripts.length,
    tests: 0,
    passing_tests: 0,
    failing_tests: 0,
    pending: 0,
    risky: 0,
    passing_asserts: 0,
    failing_asserts: 0,
    hook_failures: 0,
  };
  for (const script of scripts) {
    totals.passing_asserts += script.hook_pass_count;
    totals.failing_asserts += script.hook_failures.length;
    totals.hook_failures += script.hook_failures.length;
    if (script.skip_reason !== null) totals.risky++;
    for (const test of script.tests) {
      totals.tests++;
      totals.passing_asserts += test.pass_count;
      totals.failing_asserts += test.fail_count;
      const status = test.status;
      if (status === "pass") totals.passing_tests++;
      else if (status === "fail") totals.failing_tests++;
      else if (status === "pending") totals.pending++;
      else totals.risky++;
    }
  }
  return totals;
}

function total_line(label: string, value: number | string): string {
  const text = value === 0 || value === "0" ? "none" : String(value);
  return label.padEnd(18) + text.padStart(5);
}

export function print_summary(
  logger: Logger,
  scripts: readonly ScriptResult[],
  totals: Totals,
  elapsed_sec: number,
  options: GutOptions,
): void {
  logger.line("\n\n");
  logger.line("==============================================");
  logger.line("= Run Summary");
  logger.line("==============================================");
  for (const script of scripts) {
    const listed = script.tests.filter((test) => test.status !== "pass");
    if (listed.length === 0 && script.hook_failures.length === 0 && script.skip_reason === null) continue;
    logger.line();
    logger.line(script.name);
    if (script.skip_reason !== null)
      logger.line(`${INDENT}[Risky]:  Script was skipped:  ${script.skip_reason}`);
    for (const failure of script.hook_failures) write_failure(logger, failure, false);
    for (const test of listed) {
      logger.line(`- ${test.name}`);
      for (const failure of test.failures) write_failure(logger, failure, false);
      for (const text of test.pending_texts) logger.line(`${INDENT}[Pending]:  ${text}`);
      if (test.status === "risky") logger.line(`${INDENT}[Risky]:  Did not assert`);
    }
  }
  logger.line();
  logger.line("Totals");
  logger.line("------");
  logger.line(total_line("Scripts", totals.scripts));
  logger.line(total_line("Tests", totals.tests));
  logger.line(total_line("Passing Tests", totals.passing_tests));
  if (totals.failing_tests > 0) logger.line(total_line("Failing Tests", totals.failing_tests));
  if (totals.risky + totals.pending > 0)
    logger.line(total_line("Risky/Pending", totals.risky + totals.pending));
  const asserts = totals.passing_asserts + totals.failing_asserts;
  logger.line(
    total_line("Asserts", totals.failing_asserts === 0 ? asserts : `${totals.passing_asserts}/${asserts}`),
  );
  logger.line(total_line("Time", `${elapsed_sec.toFixed(3)}s`));
  logger.line("\n");
  if (options.selected !== "") logger.line(`Ran Scripts matching "${options.selected}"`);
  if (options.unit_test_name !== "") logger.line(`Ran Tests matching "${options.unit_test_name}"`);
  if (options.inner_class !== "") logger.line(`Ran Inner Classes matching "${options.inner_class}"`);
  let final: string;
  if (totals.failing_tests > 0) final = `${totals.failing_tests} failing tests`;
  else if (totals.hook_failures > 0)
    final = `${totals.hook_failures} assert(s) in before_all/after_all methods failed`;
  else if (totals.risky + totals.pending > 0) final = `${totals.risky + totals.pending} pending/risky tests.`;
  else final = "All tests passed!";
  logger.line(`---- ${final} ----`);
  logger.line();
}
