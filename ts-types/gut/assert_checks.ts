// The checks several asserts share, recording a failure when a check does not hold.

import { Object as GodotObject } from "godot";
import { comparison_kind } from "./comparator.js";
import { str, type_name } from "./strutils.js";
import type { GutTest } from "./test.js";
import { record, state_of } from "./test_state.js";

// GUT refuses to compare values of different kinds ("Cannot compare ...").
export function types_match(test: GutTest, got: unknown, expected: unknown, text: string): boolean {
  const a = comparison_kind(got);
  const b = comparison_kind(expected);
  if (a === b || a === "null" || b === "null") return true;
  record(
    test,
    false,
    `Cannot compare ${type_name(got)}[${str(got)}] to ${type_name(expected)}[${str(expected)}].  ${text}`,
  );
  return false;
}

export function compare(
  test: GutTest,
  got: number | bigint | string,
  expected: number | bigint | string,
  text: string,
  symbol: string,
  ok: boolean,
): void {
  if (!types_match(test, got, expected, text)) return;
  record(test, ok, `[${str(got)}] expected to be ${symbol} than [${str(expected)}]:  ${text}`);
}

export function string_check(
  test: GutTest,
  text: string,
  search: string,
  match_case: boolean,
  verb: string,
  matches: (a: string, b: string) => boolean,
): void {
  if (typeof text !== "string" || typeof search !== "string") {
    record(
      test,
      false,
      `Expected text and search to both be strings.  You passed ${str(text)} and ${str(search)}.`,
    );
    return;
  }
  if (text === "" || search === "") {
    record(
      test,
      false,
      `Expected text and search strings to be non-empty. You passed ${str(text)} and ${str(search)}.`,
    );
    return;
  }
  const ok = match_case ? matches(text, search) : matches(text.toLowerCase(), search.toLowerCase());
  record(test, ok, `Expected '${text}' to ${verb} '${search}', match_case=${match_case}`);
}

export function emissions_of(
  test: GutTest,
  object: GodotObject,
  signal_name: string,
  text: string,
): unknown[][] | null {
  const emissions = state_of(test).watcher.emissions(object, signal_name);
  if (emissions !== null) return emissions;
  if (!object.has_signal(signal_name)) {
    record(test, false, `Signal [${signal_name}] does not exist on object ${str(object)}:  ${text}`);
  } else {
    record(
      test,
      false,
      `Signal [${signal_name}] of ${str(object)} is not being watched: call watch_signals(object, "${signal_name}") first:  ${text}`,
    );
  }
  return null;
}
