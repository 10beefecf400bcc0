// GutTest, the base class of test scripts (GUT's test.gd): the asserts, pending(), signal
// watching, waits, parameterised tests and freeing objects after a test.
// Just over 600 lines: GutTest is one class whose public API is GUT's; the assert logic already
// lives in assert_checks.ts and comparator.ts, and what is left are its one-line members.

import { FileAccess, Node, Object as GodotObject, wait_signal } from "godot";
import { compare, emissions_of, string_check, types_match } from "./assert_checks.js";
import { VectorLike, contains, find_difference, is_within } from "./comparator.js";
import { is_live } from "./engine_access.js";
import { signal_names_of } from "./signal_watcher.js";
import { str, type_name } from "./strutils.js";
import { record, state_of } from "./test_state.js";
import { announce_wait, poll, timer, tree_of } from "./waits.js";

/** The value of a `typeof` expression, for {@link GutTest.assert_typeof}. */
export type JsTypeName =
  "string" | "number" | "bigint" | "boolean" | "symbol" | "undefined" | "object" | "function";

/** A class a test file exports: the runner constructs it without arguments. */
export type GutTestClass = new () => GutTest;

/**
 * Base class of test scripts: `export default class TestPlayer extends GutTest { test_x() {...} }`.
 * Methods whose names start with `test_` are the tests, run in declaration order. Asserts are
 * soft, as in GUT: a failing assert is recorded and the test goes on. A test that asserts nothing
 * is reported as risky (not a failure). A GutTest is a Node: while it runs, it is in the tree, so
 * `this.get_tree()` and `this.add_child()` work.
 */
export class GutTest extends Node {
  /** Runs once before the first test of this class. May be async. */
  before_all(): void | Promise<void> {}
  /** Runs before each test (and before each call of a parameterised test). May be async. */
  before_each(): void | Promise<void> {}
  /** Runs after each test (and after each call of a parameterised test). May be async. */
  after_each(): void | Promise<void> {}
  /** Runs once after the last test of this class. May be async. */
  after_all(): void | Promise<void> {}
  /** Return true, or a reason, to skip every test of this class (reported as risky). */
  should_skip_script(): boolean | string {
    return false;
  }

  // ------------------------------------------------------------------------------ basic asserts

  /**
   * Passes when `got` equals `expected`. Arrays, typed arrays, Maps, Sets and plain objects are
   * compared by value, deeply (GUT compares Arrays and Dictionaries by value too); use
   * {@link assert_same} to require the same object. Numbers and bigints compare by value.
   */
  assert_eq<T>(got: T, expected: T, text = ""): void {
    if (!types_match(this, got, expected, text)) return;
    const diff = find_difference(got, expected);
    const note = diff !== null && typeof got === "object" && got !== null ? `first difference ${diff}` : "";
    record(this, diff === null, `[${str(got)}] expected to equal [${str(expected)}]:  ${text}`, note);
  }

  /** Passes when `got` does not equal `not_expected` (compared like {@link assert_eq}). */
  assert_ne<T>(got: T, not_expected: T, text = ""): void {
    if (!types_match(this, got, not_expected, text)) return;
    record(
      this,
      find_difference(got, not_expected) !== null,
      `[${str(got)}] expected not to equal [${str(not_expected)}]:  ${text}`,
    );
  }

  /** Deep equality with the first difference in the failure message (same comparison as assert_eq). */
  assert_eq_deep<T>(got: T, expected: T, text = ""): void {
    const diff = find_difference(got, expected);
    record(
      this,
      diff === null,
      diff === null
        ? `[${str(got)}] equals [${str(expected)}]:  ${text}`
        : `[${str(got)}] expected to equal [${str(expected)}], first difference ${diff}:  ${text}`,
    );
  }

  /** Passes when the values differ somewhere (deep comparison). */
  assert_ne_deep<T>(got: T, not_expected: T, text = ""): void {
    record(
      this,
      find_difference(got, not_expected) !== null,
      `[${str(got)}] expected not to equal [${str(not_expected)}] (deep):  ${text}`,
    );
  }

  /** Passes when `got` is exactly `true`. */
  assert_true(got: boolean, text = ""): void {
    if (typeof got !== "boolean") {
      record(this, false, `Cannot convert ${type_name(got)}[${str(got)}] to boolean.  ${text}`);
      return;
    }
    record(this, got, `[${str(got)}] expected to be [true]:  ${text}`);
  }

  /** Passes when `got` is exactly `false`. */
  assert_false(got: boolean, text = ""): void {
    if (typeof got !== "boolean") {
      record(this, false, `Cannot convert ${type_name(got)}[${str(got)}] to boolean.  ${text}`);
      return;
    }
    record(this, !got, `[${str(got)}] expected to be [false]:  ${text}`);
  }

  /** Passes for `null` (and `undefined`, JavaScript's other "nothing"). */
  assert_null(got: unknown, text = ""): void {
    record(this, got === null || got === undefined, `Expected [${str(got)}] to be NULL:  ${text}`);
  }

  /** Passes for anything but `null` and `undefined`. */
  assert_not_null(got: unknown, text = ""): void {
    record(
      this,
      got !== null && got !== undefined,
      `Expected [${str(got)}] to be anything but NULL:  ${text}`,
    );
  }

  /** Passes when `got` and `expected` are the same object (or identical primitives). */
  assert_same(got: unknown, expected: unknown, text = ""): void {
    record(
      this,
      Object.is(got, expected),
      `[${str(got)}] expected to be same as [${str(expected)}]:  ${text}`,
    );
  }

  /** Passes when `got` and `not_expected` are different objects. */
  assert_not_same(got: unknown, not_expected: unknown, text = ""): void {
    record(
      this,
      !Object.is(got, not_expected),
      `[${str(got)}] expected to not be same as [${str(not_expected)}]:  ${text}`,
    );
  }

  // ------------------------------------------------------------------------------ numbers

  /** Passes when got > expected (numbers, bigints or strings). */
  assert_gt(got: number | bigint | string, expected: number | bigint | string, text = ""): void {
    compare(this, got, expected, text, ">", got > expected);
  }
  /** Passes when got >= expected. */
  assert_gte(got: number | bigint | string, expected: number | bigint | string, text = ""): void {
    compare(this, got, expected, text, ">=", got >= expected);
  }
  /** Passes when got < expected. */
  assert_lt(got: number | bigint | string, expected: number | bigint | string, text = ""): void {
    compare(this, got, expected, text, "<", got < expected);
  }
  /** Passes when got <= expected. */
  assert_lte(got: number | bigint | string, expected: number | bigint | string, text = ""): void {
    compare(this, got, expected, text, "<=", got <= expected);
  }

  /** Passes when expect_low <= got <= expect_high. */
  assert_between(
    got: number | bigint | string,
    expect_low: number | bigint | string,
    expect_high: number | bigint | string,
    text = "",
  ): void {
    if (!types_match(this, got, expect_low, text) || !types_match(this, got, expect_high, text)) return;
    if (expect_low > expect_high) {
      record(
        this,
        false,
        `Invalid range.  [${str(expect_low)}] is not less than [${str(expect_high)}]:  ${text}`,
      );
      return;
    }
    record(
      this,
      got >= expect_low && got <= expect_high,
      `[${str(got)}] expected to be between [${str(expect_low)}] and [${str(expect_high)}]:  ${text}`,
    );
  }

  /** Passes when got is outside (expect_low, expect_high); the bounds themselves count as outside. */
  assert_not_between(
    got: number | bigint | string,
    expect_low: number | bigint | string,
    expect_high: number | bigint | string,
    text = "",
  ): void {
    if (!types_match(this, got, expect_low, text) || !types_match(this, got, expect_high, text)) return;
    if (expect_low > expect_high) {
      record(
        this,
        false,
        `Invalid range.  [${str(expect_low)}] is not less than [${str(expect_high)}]:  ${text}`,
      );
      return;
    }
    record(
      this,
      got <= expect_low || got >= expect_high,
      `[${str(got)}] expected not to be between [${str(expect_low)}] and [${str(expect_high)}]:  ${text}`,
    );
  }

  /** Passes when |got - expected| <= error_interval (per component for vectors). */
  assert_almost_eq<T extends number | VectorLike>(
    got: T,
    expected: T,
    error_interval: T | number,
    text = "",
  ): void {
    const inside = is_within(got, expected, error_interval);
    const message = `[${str(got)}] expected to equal [${str(expected)}] +/- [${str(error_interval)}]:  ${text}`;
    record(
      this,
      inside === true,
      inside === null
        ? `Cannot compare ${str(got)} to ${str(expected)} +/- ${str(error_interval)}:  ${text}`
        : message,
    );
  }

  /** Passes when got differs from expected by more than error_interval. */
  assert_almost_ne<T extends number | VectorLike>(
    got: T,
    not_expected: T,
    error_interval: T | number,
    text = "",
  ): void {
    const inside = is_within(got, not_expected, error_interval);
    const message = `[${str(got)}] expected not to equal [${str(not_expected)}] +/- [${str(error_interval)}]:  ${text}`;
    record(
      this,
      inside === false,
      inside === null
        ? `Cannot compare ${str(got)} to ${str(not_expected)} +/- ${str(error_interval)}:  ${text}`
        : message,
    );
  }

  // ------------------------------------------------------------------------------ containers, strings, types

  /**
   * Passes when `obj` has `element`: an array element (compared by value), a substring, a Map key
   * or Set member, a plain object's key (like a Dictionary's has()), or a Godot object's has().
   */
  assert_has(obj: unknown, element: unknown, text = ""): void {
    const found = contains(obj, element);
    if (found === null) {
      record(this, false, `Cannot check whether ${type_name(obj)}[${str(obj)}] has a value:  ${text}`);
      return;
    }
    record(this, found, `Expected [${str(obj)}] to contain value:  [${str(element)}]:  ${text}`);
  }

  /** The opposite of {@link assert_has}. */
  assert_does_not_have(obj: unknown, element: unknown, text = ""): void {
    const found = contains(obj, element);
    if (found === null) {
      record(this, false, `Cannot check whether ${type_name(obj)}[${str(obj)}] has a value:  ${text}`);
      return;
    }
    record(this, !found, `Expected [${str(obj)}] to NOT contain value:  [${str(element)}]:  ${text}`);
  }

  /** Passes when `text` contains `search`. */
  assert_string_contains(text: string, search: string, match_case = true): void {
    string_check(this, text, search, match_case, "contain", (a, b) => a.includes(b));
  }
  /** Passes when `text` starts with `search`. */
  assert_string_starts_with(text: string, search: string, match_case = true): void {
    string_check(this, text, search, match_case, "start with", (a, b) => a.startsWith(b));
  }
  /** Passes when `text` ends with `search`. */
  assert_string_ends_with(text: string, search: string, match_case = true): void {
    string_check(this, text, search, match_case, "end with", (a, b) => a.endsWith(b));
  }

  /**
   * Passes when `object instanceof a_class` (Godot classes follow Godot's inheritance). Any class
   * is accepted, abstract ones and those with protected constructors included.
   */
  assert_is(object: unknown, a_class: Function, text = ""): void {
    record(
      this,
      object instanceof a_class,
      `Expected [${str(object)}] to extend [${a_class.name}]:  ${text}`,
    );
  }

  /** Passes when `typeof object` is `type` ("number", "string", "object"...). */
  assert_typeof(object: unknown, type: JsTypeName, text = ""): void {
    record(
      this,
      typeof object === type,
      `Expected [typeof(${str(object)}) = ${typeof object}] to equal [${type}]:  ${text}`,
    );
  }

  /** Passes when `typeof object` is not `type`. */
  assert_not_typeof(object: unknown, type: JsTypeName, text = ""): void {
    record(
      this,
      typeof object !== type,
      `Expected [typeof(${str(object)}) = ${typeof object}] to not equal [${type}]:  ${text}`,
    );
  }

  /** Passes when a file exists at the path (res://, user:// or absolute). */
  assert_file_exists(file_path: string): void {
    record(this, FileAccess.file_exists(file_path), `Expected file [${file_path}] to exist.`);
  }

  /** Passes when no file exists at the path. */
  assert_file_does_not_exist(file_path: string): void {
    record(this, !FileAccess.file_exists(file_path), `Expected file [${file_path}] to NOT exist.`);
  }

  // ------------------------------------------------------------------------------ outcome control

  /** Marks the test pending (not run yet, reported with the text); it is not a failure. */
  pending(text = ""): void {
    const test = state_of(this).current;
    if (test === null) {
      state_of(this).context.logger.warning(`pending() outside a test is ignored:  ${text}`);
      return;
    }
    test.pending_texts.push(text);
  }

  /** Records a passing assert with the text. */
  pass_test(text: string): void {
    record(this, true, text);
  }

  /** Records a failing assert with the text. */
  fail_test(text: string): void {
    record(this, false, text);
  }

  // ------------------------------------------------------------------------------ signals

  /**
   * Records every emission of the object's signals until the end of the test, for the
   * assert_signal_* methods: the named ones, or without names every signal the object has
   * (its class's, and those a script declared with signal() or add_user_signal()). A name the
   * object lacks fails the test.
   */
  watch_signals(object: GodotObject, ...signal_names: string[]): void {
    const names = signal_names.length > 0 ? signal_names : signal_names_of(object);
    for (const name of names) {
      if (!state_of(this).watcher.watch(object, name)) {
        record(
          this,
          false,
          `Signal [${name}] does not exist on object ${str(object)}; declare it with add_user_signal("${name}") before watching it.`,
        );
      }
    }
    if (names.length === 0 && !state_of(this).watcher.is_watching_object(object)) {
      state_of(this).context.logger.warning(
        `watch_signals(${str(object)}) found no engine signals to watch: pass the signal names.`,
      );
    }
  }

  /** Passes when the watched object emitted the signal at least once. */
  assert_signal_emitted(object: GodotObject, signal_name: string, text = ""): void {
    const emissions = emissions_of(this, object, signal_name, text);
    if (emissions === null) return;
    record(
      this,
      emissions.length > 0,
      `Expected object ${str(object)} to have emitted signal [${signal_name}]:  ${text}`,
    );
  }

  /** Passes when the watched object did not emit the signal. */
  assert_signal_not_emitted(object: GodotObject, signal_name: string, text = ""): void {
    const emissions = emissions_of(this, object, signal_name, text);
    if (emissions === null) return;
    record(
      this,
      emissions.length === 0,
      `Expected object ${str(object)} to NOT emit signal [${signal_name}]:  ${text}`,
    );
  }

  /** Passes when the watched object emitted the signal exactly `times` times. */
  assert_signal_emit_count(object: GodotObject, signal_name: string, times: number, text = ""): void {
    const emissions = emissions_of(this, object, signal_name, text);
    if (emissions === null) return;
    record(
      this,
      emissions.length === times,
      `Expected the signal [${signal_name}] emit count of [${emissions.length}] to equal [${times}]:  ${text}`,
    );
  }

  /**
   * Passes when the emission at `index` (default: the last one) carried these arguments
   * (compared by value).
   */
  assert_signal_emitted_with_parameters(
    object: GodotObject,
    signal_name: string,
    parameters: readonly unknown[],
    index = -1,
  ): void {
    const emissions = emissions_of(this, object, signal_name, "");
    if (emissions === null) return;
    if (emissions.length === 0) {
      record(this, false, `Expected object ${str(object)} to have emitted signal [${signal_name}]:  `);
      return;
    }
    const got = emissions[index < 0 ? emissions.length + index : index];
    if (got === undefined) {
      record(
        this,
        false,
        `Signal [${signal_name}] of ${str(object)} was emitted ${emissions.length} times: no emission at index ${index}.`,
      );
      return;
    }
    record(
      this,
      find_difference(got, parameters) === null,
      `Expected object ${str(object)} to emit signal [${signal_name}] with parameters ${str(parameters)}, got ${str(got)}`,
    );
  }

  /** Passes when the object declares the signal (engine or user signal). */
  assert_has_signal(object: GodotObject, signal_name: string, text = ""): void {
    record(
      this,
      object.has_signal(signal_name),
      `Expected object ${str(object)} to have signal [${signal_name}]:  ${text}`,
    );
  }

  /** How many times the watched signal was emitted; -1 when it is not watched. */
  get_signal_emit_count(object: GodotObject, signal_name: string): number {
    return state_of(this).watcher.emissions(object, signal_name)?.length ?? -1;
  }

  /** The arguments of the emission at `index` (default: the last), or null. */
  get_signal_parameters(object: GodotObject, signal_name: string, index = -1): unknown[] | null {
    const emissions = state_of(this).watcher.emissions(object, signal_name);
    if (emissions === null) return null;
    return emissions[index < 0 ? emissions.length + index : index] ?? null;
  }

  // ------------------------------------------------------------------------------ waiting

  /** Resolves after `time` seconds of engine time (a SceneTree timer). */
  async wait_seconds(time: number, msg = ""): Promise<void> {
    announce_wait(this, `${time} second(s)`, msg);
    await timer(this, time);
  }

  /** Resolves after `frames` process frames (at least one). */
  async wait_process_frames(frames: number, msg = ""): Promise<void> {
    announce_wait(this, `${frames} process frame(s)`, msg);
    for (let i = 0; i < Math.max(1, frames); i++) await wait_signal(tree_of(this), "process_frame");
  }

  /** Same as {@link wait_process_frames} (GUT's older name). */
  wait_frames(frames: number, msg = ""): Promise<void> {
    return this.wait_process_frames(frames, msg);
  }

  /** Resolves after `frames` physics frames (at least one). */
  async wait_physics_frames(frames: number, msg = ""): Promise<void> {
    announce_wait(this, `${frames} physics frame(s)`, msg);
    for (let i = 0; i < Math.max(1, frames); i++) await wait_signal(tree_of(this), "physics_frame");
  }

  /**
   * Waits until the object emits the signal or `max_time` seconds pass; true when it was emitted.
   * GUT takes a Signal; JavaScript has none, so pass the object and the signal's name. The signal
   * is watched too, as in GUT, so the assert_signal_* methods see the emission.
   */
  async wait_for_signal(
    object: GodotObject,
    signal_name: string,
    max_time: number,
    msg = "",
  ): Promise<boolean> {
    announce_wait(this, `signal ${signal_name} or ${max_time} second(s)`, msg);
    this.watch_signals(object, signal_name);
    if (!object.has_signal(signal_name)) {
      state_of(this).did_timeout = true;
      return false;
    }
    let handler: (() => void) | null = null;
    const emitted = new Promise<boolean>((resolve) => {
      handler = (): void => resolve(true);
      object.connect(signal_name, handler);
    });
    const fired = await Promise.race([emitted, timer(this, max_time).then(() => false)]);
    if (handler !== null && is_live(object)) {
      try {
        object.disconnect(signal_name, handler);
      } catch {
        // Freed by the emission's receiver: nothing to disconnect.
      }
    }
    state_of(this).did_timeout = !fired;
    return fired;
  }

  /**
   * Calls `predicate` every frame (or every `p3` seconds when p3 is a number) until it returns
   * true or `max_time` seconds pass; true when it did. As in GUT, p3 may instead be the message.
   */
  async wait_until(
    predicate: () => boolean,
    max_time: number,
    p3: number | string = "",
    p4 = "",
  ): Promise<boolean> {
    announce_wait(this, `a condition or ${max_time} second(s)`, typeof p3 === "string" ? p3 : p4);
    return poll(this, predicate, true, max_time, typeof p3 === "number" ? p3 : 0);
  }

  /** Like {@link wait_until}, waiting while `predicate` returns true; true when it stopped in time. */
  async wait_while(
    predicate: () => boolean,
    max_time: number,
    p3: number | string = "",
    p4 = "",
  ): Promise<boolean> {
    announce_wait(this, `a condition to end or ${max_time} second(s)`, typeof p3 === "string" ? p3 : p4);
    return poll(this, predicate, false, max_time, typeof p3 === "number" ? p3 : 0);
  }

  /** True when the last wait_for_signal/wait_until/wait_while ran out of time. */
  did_wait_timeout(): boolean {
    return state_of(this).did_timeout;
  }

  // ------------------------------------------------------------------------------ parameters

  /**
   * Makes the test parameterised: write it as `test_x(p = this.use_parameters([[1, 2], [3, 4]]))`.
   * The runner calls the test once per element (with before_each/after_each around each call),
   * and each call gets the next element; the results count as one test.
   */
  use_parameters<T>(params: readonly T[]): T {
    const state = state_of(this);
    if (state.parameters === null) state.parameters = { values: params, index: 0 };
    const value = state.parameters.values[state.parameters.index] as T;
    state.parameter_call = state.parameters.index;
    state.parameters.index++;
    return value;
  }

  /** Parameter objects from names and rows: (["a", "b"], [[1, 2]]) → [{ a: 1, b: 2 }]. */
  named_parameters(
    names: readonly string[],
    values: readonly (readonly unknown[])[],
  ): Record<string, unknown>[] {
    return values.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i]])));
  }

  // ------------------------------------------------------------------------------ memory

  /**
   * Frees the object after the test: a Node with queue_free(), anything else is dropped (a
   * RefCounted goes when nothing else holds it). Returns the object.
   */
  autofree<T>(object: T): T {
    state_of(this).autofree_list.push(object);
    return object;
  }

  /** Same as {@link autofree}: every Node is freed with queue_free(). */
  autoqfree<T>(object: T): T {
    return this.autofree(object);
  }

  /** Adds the node as a child of this test and frees it after the test. */
  add_child_autofree<T extends Node>(node: T): T {
    this.add_child(node);
    return this.autofree(node);
  }

  /** Same as {@link add_child_autofree}. */
  add_child_autoqfree<T extends Node>(node: T): T {
    this.add_child(node);
    return this.autoqfree(node);
  }

  /**
   * Calls `_process(delta)` (and `_physics_process(delta)`) on the node and its children,
   * `times` times, without waiting for frames.
   */
  simulate(node: Node, times: number, delta: number): void {
    for (let i = 0; i < times; i++) simulate_node(node, delta);
  }
}

// GutTest's helpers, outside the class so they cannot clash with a test's own members.

function simulate_node(node: Node, delta: number): void {
  const processing = node as unknown as { _process?: unknown; _physics_process?: unknown };
  if (typeof processing._process === "function") Reflect.apply(processing._process, node, [delta]);
  if (typeof processing._physics_process === "function")
    Reflect.apply(processing._physics_process, node, [delta]);
  for (const child of node.get_children()) simulate_node(child, delta);
}
