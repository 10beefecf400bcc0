// The "gut" module: a GUT-style (Godot Unit Test, version 9) test framework for Quickdot's
// TypeScript scripts, and its headless runner.
//
// A test file default-exports a class extending GutTest; its test_* methods run in declaration
// order, with before_all/before_each/after_each/after_all around them, soft asserts that record
// and go on, pending(), signal watching, awaitable waits and parameterised tests. Exported classes
// whose names start with "Test" are run too, as GUT's inner classes. A project's test entry is a
// scene script that re-exports the runner:
//
//   // res://gut_runner.ts
//   export { GutRunner as default } from "gut";
//
//   quickdot --path <project> --script res://gut_runner.ts -gdir=res://tests -ginclude_subdirs -gexit
//
// See ts-types/gut/README.md for the differences from GUT.
//
// Compiled into bin/gut/test.js, which the engine serves as "gut/test.js"; index.ts is the
// module "gut" itself and re-exports the public API from here.

import {
  DirAccess,
  FileAccess,
  Node,
  OS,
  Object as GodotObject,
  SceneTree,
  SceneTreeTimer,
  Time,
  Variant,
  is_instance_valid,
  print,
  printerr,
  map_stack_trace,
  wait_signal,
} from "godot";

// ================================================================================================
// Engine access
// ================================================================================================

function ticks_sec(): number {
  return Time.get_ticks_usec() / 1e6;
}

// is_instance_valid() that also answers false where the binding refuses a freed object.
function is_live(object: GodotObject): boolean {
  try {
    return is_instance_valid(object);
  } catch {
    return false;
  }
}

function create_timer(tree: SceneTree, seconds: number): SceneTreeTimer {
  const timer = tree.create_timer(seconds);
  if (timer === null) throw new Error(`SceneTree.create_timer(${seconds}) returned null`);
  return timer;
}

// ================================================================================================
// Source locations
// ================================================================================================

/** A place in a source file, as shown in reports ("res://tests/test_x.ts:12"). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

function location_text(location: SourceLocation | null): string {
  return location === null ? "" : `${location.file}:${location.line}`;
}

// The engine names the gut module's files "gut/index.js", "gut/test.js"... in stack traces.
function is_gut_frame(file: string): boolean {
  return file.startsWith("gut/");
}

interface StackFrame {
  readonly text: string; // The frame line without "at ".
  readonly function_name: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

// quickjs-ng frames: "    at name (file:line:col)", "    at file:line:col", "    at name (native)".
function parse_stack(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const raw of stack.split("\n")) {
    const text = raw.trim();
    if (!text.startsWith("at ")) continue;
    const body = text.slice(3);
    const paren = /^(.*?) \((.*)\)$/.exec(body);
    const function_name = paren !== null ? (paren[1] ?? "") : "";
    const where = paren !== null ? (paren[2] ?? "") : body;
    const position = /^(.*?):(\d+)(?::(\d+))?$/.exec(where);
    if (position === null) {
      frames.push({ text: body, function_name, file: where, line: 0, column: 0 });
      continue;
    }
    frames.push({
      text: body,
      function_name,
      file: position[1] ?? "",
      line: Number(position[2]),
      column: position[3] === undefined ? 0 : Number(position[3]),
    });
  }
  return frames;
}

// The engine maps what has a source map beside it; the rest keeps its compiled path, shown
// project-relative: "/p/.quickdot/js/tests/a.js" → "res://.quickdot/js/tests/a.js" when /p is the
// project folder (found from the .quickdot/js part of compiled paths).
let project_root: string | null = null;

function localize(path: string): string {
  const marker = path.indexOf("/.quickdot/js/");
  if (marker > 0 && project_root === null) project_root = path.slice(0, marker);
  if (project_root !== null && path.startsWith(project_root + "/"))
    return "res://" + path.slice(project_root.length + 1);
  return path;
}

// The frames of a stack trace, at their TypeScript positions (the engine's source mapping).
function mapped_frames(stack: string): StackFrame[] {
  return parse_stack(map_stack_trace(stack)).map((frame) => ({ ...frame, file: localize(frame.file) }));
}

/**
 * Where a stack trace points to in the tests: the first frame outside the gut module, mapped to
 * the TypeScript source. Every stack the framework reports goes through here or
 * {@link describe_stack}.
 */
export function locate_stack(stack: string | undefined): SourceLocation | null {
  if (stack === undefined) return null;
  for (const frame of mapped_frames(stack)) {
    if (frame.line === 0 || is_gut_frame(frame.file)) continue;
    return { file: frame.file, line: frame.line, column: frame.column };
  }
  return null;
}

/** A stack trace with every frame mapped to TypeScript and the gut module's own frames left out. */
export function describe_stack(stack: string | undefined): string {
  if (stack === undefined) return "";
  const lines: string[] = [];
  for (const frame of mapped_frames(stack)) {
    if (is_gut_frame(frame.file) || frame.file === "native") continue; // The runner's own calls.
    if (frame.line === 0) {
      lines.push(`at ${frame.text}`);
      continue;
    }
    const position = `${frame.file}:${frame.line}:${frame.column}`;
    lines.push(frame.function_name === "" ? `at ${position}` : `at ${frame.function_name} (${position})`);
  }
  return lines.join("\n");
}

// ================================================================================================
// Values: text and comparison
// ================================================================================================

function is_record(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function is_plain_object(value: unknown): value is Record<string, unknown> {
  if (!is_record(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function is_typed_array(value: unknown): value is ArrayLike<number | bigint> & ArrayBufferView {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

function constructor_name(value: object): string {
  const ctor: unknown = Object.getPrototypeOf(value)?.constructor;
  return typeof ctor === "function" && ctor.name !== "" ? ctor.name : "Object";
}

function godot_object_text(value: GodotObject): string {
  if (!is_live(value)) return "<Freed Object>";
  try {
    const native = value.get_class();
    const script = constructor_name(value);
    const base = `<${native}#${value.get_instance_id()}>`;
    return script !== native && script !== "Object" ? `${base}(${script})` : base;
  } catch {
    return "<Freed Object>";
  }
}

/** How a value appears in assert messages: GUT's style, strings in quotes, `<null>` for null. */
export function str(value: unknown, depth = 0): string {
  switch (typeof value) {
    case "string":
      return `"${value}"`;
    case "number":
    case "boolean":
      return String(value);
    case "bigint":
      return value.toString();
    case "undefined":
      return "<undefined>";
    case "symbol":
      return value.toString();
    case "function":
      return `<function ${value.name === "" ? "(anonymous)" : value.name}>`;
  }
  if (value === null) return "<null>";
  if (value instanceof GodotObject) return godot_object_text(value);
  if (depth > 4) return "...";
  const list = (items: readonly unknown[]): string => {
    const shown = items.slice(0, 50).map((item) => str(item, depth + 1));
    if (items.length > 50) shown.push(`... (${items.length} items)`);
    return shown.join(", ");
  };
  if (Array.isArray(value)) return `[${list(value)}]`;
  if (is_typed_array(value)) return `${constructor_name(value)}[${list(Array.from(value))}]`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof Map) {
    const entries = Array.from(value.entries()).map(
      ([key, item]) => `${str(key, depth + 1)}: ${str(item, depth + 1)}`,
    );
    return entries.length === 0 ? "Map{}" : `Map{ ${entries.join(", ")} }`;
  }
  if (value instanceof Set) return `Set[${list(Array.from(value))}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) => `"${key}": ${str(item, depth + 1)}`);
    const body = entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
    return is_plain_object(value) ? body : `${constructor_name(value)}${body}`;
  }
  return String(value);
}

/** The kind of a value, as assert messages name it ("number", "string", "Array", "Node"...). */
export function type_name(value: unknown): string {
  if (value === null) return "null";
  if (value instanceof GodotObject) return is_live(value) ? value.get_class() : "Object";
  if (Array.isArray(value)) return "Array";
  if (typeof value === "object") return constructor_name(value);
  return typeof value;
}

// Values GUT would refuse to compare ("Cannot compare ..."): different kinds, where null matches
// everything and numbers match bigints.
function comparison_kind(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number" || typeof value === "bigint") return "number";
  if (typeof value !== "object") return typeof value;
  if (value instanceof GodotObject) return "object";
  if (Array.isArray(value)) return "array";
  if (is_typed_array(value)) return "typed array";
  if (value instanceof Map) return "map";
  if (value instanceof Set) return "set";
  return "dictionary";
}

function numbers_equal(a: number | bigint, b: number | bigint): boolean {
  if (typeof a === typeof b) return a === b || (a !== a && b !== b); // NaN equals NaN here.
  const number = typeof a === "number" ? a : (b as number);
  const big = typeof a === "bigint" ? a : (b as bigint);
  return Number.isInteger(number) && BigInt(number) === big;
}

/**
 * The first place where two values differ, or null when they are equal by value: arrays, typed
 * arrays, Maps, Sets and plain objects are compared element by element (deeply); Godot objects
 * and class instances by identity, except plain data classes (compared by their fields).
 */
export function find_difference(got: unknown, expected: unknown): string | null {
  return difference(got, expected, "", 0);
}

function difference(got: unknown, expected: unknown, path: string, depth: number): string | null {
  const here = path === "" ? "" : `at ${path}: `;
  if (Object.is(got, expected)) return null;
  if (
    (typeof got === "number" || typeof got === "bigint") &&
    (typeof expected === "number" || typeof expected === "bigint")
  ) {
    return numbers_equal(got, expected) ? null : `${here}${str(got)} != ${str(expected)}`;
  }
  if (typeof got !== "object" || typeof expected !== "object" || got === null || expected === null) {
    return `${here}${str(got)} != ${str(expected)}`;
  }
  if (depth > 64) return `${here}nested too deeply to compare (a cycle?)`;
  if (got instanceof GodotObject || expected instanceof GodotObject) {
    return `${here}${str(got)} is not the same object as ${str(expected)}`;
  }
  const kind = comparison_kind(got);
  if (kind !== comparison_kind(expected) || constructor_name(got) !== constructor_name(expected)) {
    return `${here}${type_name(got)} ${str(got)} != ${type_name(expected)} ${str(expected)}`;
  }
  if (Array.isArray(got) || is_typed_array(got)) {
    const a = Array.from(got as ArrayLike<unknown>);
    const b = Array.from(expected as ArrayLike<unknown>);
    if (a.length !== b.length) return `${here}size ${a.length} != ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const inner = difference(a[i], b[i], `${path}[${i}]`, depth + 1);
      if (inner !== null) return inner;
    }
    return null;
  }
  if (got instanceof Map && expected instanceof Map) {
    if (got.size !== expected.size) return `${here}size ${got.size} != ${expected.size}`;
    for (const [key, value] of got) {
      if (!expected.has(key)) return `${here}key ${str(key)} is missing from the expected value`;
      const inner = difference(value, expected.get(key), `${path}[${str(key)}]`, depth + 1);
      if (inner !== null) return inner;
    }
    return null;
  }
  if (got instanceof Set && expected instanceof Set) {
    if (got.size !== expected.size) return `${here}size ${got.size} != ${expected.size}`;
    for (const item of got) {
      if (!expected.has(item)) return `${here}${str(item)} is missing from the expected set`;
    }
    return null;
  }
  const got_keys = Object.keys(got);
  const expected_keys = Object.keys(expected);
  for (const key of expected_keys) {
    if (!Object.prototype.hasOwnProperty.call(got, key)) return `${here}key "${key}" is missing`;
  }
  for (const key of got_keys) {
    if (!Object.prototype.hasOwnProperty.call(expected, key)) return `${here}unexpected key "${key}"`;
  }
  for (const key of got_keys) {
    const inner = difference(
      Reflect.get(got, key),
      Reflect.get(expected, key),
      `${path}["${key}"]`,
      depth + 1,
    );
    if (inner !== null) return inner;
  }
  return null;
}

// ================================================================================================
// Results
// ================================================================================================

interface FailureRecord {
  readonly message: string;
  readonly location: string; // "res://tests/test_x.ts:12", or "".
  readonly notes: readonly string[]; // Always shown: the difference found, the parameters of the call.
  readonly stack: string; // Shown with -glog=2 and in JUnit XML: the mapped stack of an exception.
}

type TestStatus = "pass" | "fail" | "pending" | "risky";

class TestResult {
  pass_count = 0;
  fail_count = 0;
  readonly failures: FailureRecord[] = [];
  readonly pending_texts: string[] = [];
  time_sec = 0;

  constructor(readonly name: string) {}

  get assert_count(): number {
    return this.pass_count + this.fail_count;
  }

  get status(): TestStatus {
    if (this.fail_count > 0) return "fail";
    if (this.pending_texts.length > 0) return "pending";
    if (this.assert_count === 0) return "risky";
    return "pass";
  }
}

class ScriptResult {
  readonly tests: TestResult[] = [];
  hook_pass_count = 0;
  readonly hook_failures: FailureRecord[] = [];
  skip_reason: string | null = null;
  time_sec = 0;

  constructor(readonly name: string) {}

  count(status: TestStatus): number {
    return this.tests.filter((test) => test.status === status).length;
  }
}

// ================================================================================================
// Output
// ================================================================================================

const INDENT = "    ";

class Logger {
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

function write_failure(logger: Logger, failure: FailureRecord, with_stack: boolean): void {
  logger.line(`${INDENT}[Failed]:  ${failure.message}`);
  for (const note of failure.notes) logger.line(`${INDENT}      ${note}`);
  if (failure.location !== "") logger.line(`${INDENT}      at ${failure.location}`);
  if (with_stack && failure.stack !== "") {
    for (const frame of failure.stack.split("\n")) logger.line(`${INDENT}        ${frame}`);
  }
}

// ================================================================================================
// Signal watching
// ================================================================================================

interface WatchedSignal {
  readonly emissions: unknown[][];
  readonly handler: (...args: unknown[]) => void;
}

// Every signal the engine's classes declare. Scripts cannot list an object's signals, so
// watch_signals(object) without names watches those of these the object has; signals added with
// add_user_signal() must be named.
const ENGINE_SIGNALS: readonly string[] = [
  "script_changed",
  "property_list_changed",
  "changed",
  "setup_local_to_scene_requested",
  "timeout",
  "ready",
  "renamed",
  "tree_entered",
  "tree_exiting",
  "tree_exited",
  "child_entered_tree",
  "child_exiting_tree",
  "child_order_changed",
  "replacing_by",
  "editor_description_changed",
  "editor_state_changed",
  "on_request_permissions_result",
  "tree_changed",
  "scene_changed",
  "tree_process_mode_changed",
  "node_added",
  "node_removed",
  "node_renamed",
  "node_configuration_warning_changed",
  "process_frame",
  "physics_frame",
];

class SignalWatcher {
  private readonly objects = new Map<GodotObject, Map<string, WatchedSignal>>();

  /** False when the object has no such signal. */
  watch(object: GodotObject, signal_name: string): boolean {
    let signals = this.objects.get(object);
    if (signals?.has(signal_name)) return true;
    if (!object.has_signal(signal_name)) return false;
    const emissions: unknown[][] = [];
    const handler = (...args: unknown[]): void => {
      emissions.push(args);
    };
    object.connect(signal_name, handler);
    if (signals === undefined) {
      signals = new Map<string, WatchedSignal>();
      this.objects.set(object, signals);
    }
    signals.set(signal_name, { emissions, handler });
    return true;
  }

  is_watching_object(object: GodotObject): boolean {
    return this.objects.has(object);
  }

  emissions(object: GodotObject, signal_name: string): unknown[][] | null {
    return this.objects.get(object)?.get(signal_name)?.emissions ?? null;
  }

  clear(): void {
    for (const [object, signals] of this.objects) {
      if (!is_live(object)) continue;
      for (const [name, watched] of signals) {
        try {
          object.disconnect(name, watched.handler);
        } catch {
          // Freed meanwhile: nothing left to disconnect.
        }
      }
    }
    this.objects.clear();
  }
}

// ================================================================================================
// GutTest
// ================================================================================================

/** The value of a `typeof` expression, for {@link GutTest.assert_typeof}. */
export type JsTypeName =
  "string" | "number" | "bigint" | "boolean" | "symbol" | "undefined" | "object" | "function";

/** Anything with numeric x and y (and optionally z, w) components, such as Vector2 or Vector3. */
export interface VectorLike {
  readonly x: number;
  readonly y: number;
  readonly z?: number;
  readonly w?: number;
}

/** A class a test file exports: the runner constructs it without arguments. */
export type GutTestClass = new () => GutTest;

// What the runner gives each test instance.
interface GutContext {
  readonly tree: SceneTree;
  readonly logger: Logger;
  readonly script: ScriptResult;
}

interface ParameterState {
  readonly values: readonly unknown[];
  index: number;
}

// A test instance's bookkeeping, kept out of the instance so it cannot clash with test fields.
class TestState {
  current: TestResult | null = null;
  readonly watcher = new SignalWatcher();
  readonly autofree_list: unknown[] = [];
  parameters: ParameterState | null = null;
  parameter_call = 0;
  did_timeout = false;

  constructor(readonly context: GutContext) {}

  // Read through methods: TypeScript cannot see that a test's call to use_parameters() set them.
  parameters_in_use(): ParameterState | null {
    return this.parameters;
  }

  has_parameters_left(): boolean {
    return this.parameters !== null && this.parameters.index < this.parameters.values.length;
  }

  record(passed: boolean, message: string, note = "", location?: SourceLocation | null, stack = ""): void {
    const test = this.current;
    const logger = this.context.logger;
    if (passed) {
      if (test === null) this.context.script.hook_pass_count++;
      else test.pass_count++;
      logger.passed(message);
      return;
    }
    const where = location === undefined ? locate_stack(new Error().stack) : location;
    const notes: string[] = [];
    if (note !== "") notes.push(note);
    if (this.parameters !== null && test !== null) {
      notes.push(
        `with parameters[${this.parameter_call}] = ${str(this.parameters.values[this.parameter_call])}`,
      );
    }
    const failure: FailureRecord = { message, location: location_text(where), notes, stack };
    if (test === null) {
      this.context.script.hook_failures.push(failure);
    } else {
      test.fail_count++;
      test.failures.push(failure);
    }
    logger.failed(failure);
  }

  record_error(prefix: string, error: unknown): void {
    const stack = error instanceof Error ? error.stack : undefined;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : str(error);
    this.record(false, `${prefix}${text}`, "", locate_stack(stack), describe_stack(stack));
  }
}

const test_states = new WeakMap<GutTest, TestState>();

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
   * assert_signal_* methods. Name the signals to watch: scripts cannot list an object's signals,
   * so without names only the engine's own signals the object has are watched, and signals
   * declared with add_user_signal() need their names. A name the object lacks fails the test.
   */
  watch_signals(object: GodotObject, ...signal_names: string[]): void {
    const names =
      signal_names.length > 0 ? signal_names : ENGINE_SIGNALS.filter((name) => object.has_signal(name));
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

function state_of(test: GutTest): TestState {
  const state = test_states.get(test);
  if (state === undefined) throw new Error("this GutTest is not being run by GutRunner");
  return state;
}

function record(test: GutTest, passed: boolean, message: string, note = ""): void {
  state_of(test).record(passed, message, note);
}

// GUT refuses to compare values of different kinds ("Cannot compare ...").
function types_match(test: GutTest, got: unknown, expected: unknown, text: string): boolean {
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

function compare(
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

function is_within(
  got: number | VectorLike,
  expected: number | VectorLike,
  error_interval: number | VectorLike,
): boolean | null {
  if (typeof got === "number" && typeof expected === "number" && typeof error_interval === "number") {
    return Math.abs(got - expected) <= error_interval;
  }
  if (typeof got !== "object" || typeof expected !== "object") return null;
  for (const key of ["x", "y", "z", "w"] as const) {
    const a = got[key];
    const b = expected[key];
    if (a === undefined && b === undefined) continue;
    if (a === undefined || b === undefined) return null;
    const tolerance = typeof error_interval === "number" ? error_interval : error_interval[key];
    if (tolerance === undefined) return null;
    if (Math.abs(a - b) > tolerance) return false;
  }
  return true;
}

function contains(container: unknown, element: unknown): boolean | null {
  if (typeof container === "string") return typeof element === "string" && container.includes(element);
  if (Array.isArray(container) || is_typed_array(container)) {
    return Array.from(container as ArrayLike<unknown>).some(
      (item) => find_difference(item, element) === null,
    );
  }
  if (container instanceof Map || container instanceof Set) return container.has(element);
  if (container instanceof GodotObject) {
    return container.has_method("has") ? container.call("has", element as Variant) === true : null;
  }
  if (is_record(container))
    return typeof element === "string" && Object.prototype.hasOwnProperty.call(container, element);
  return null;
}

function string_check(
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

function emissions_of(
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

// GUT names what a test waits for when given a message.
function announce_wait(test: GutTest, what: string, msg: string): void {
  if (msg !== "") state_of(test).context.logger.waiting(what, msg);
}

function tree_of(test: GutTest): SceneTree {
  return state_of(test).context.tree;
}

function timer(test: GutTest, seconds: number): Promise<unknown[]> {
  return wait_signal(create_timer(tree_of(test), seconds), "timeout");
}

async function poll(
  test: GutTest,
  predicate: () => boolean,
  wanted: boolean,
  max_time: number,
  interval: number,
): Promise<boolean> {
  let expired = false;
  void timer(test, max_time).then(() => {
    expired = true;
  });
  while (true) {
    if ((predicate() === true) === wanted) {
      state_of(test).did_timeout = false;
      return true;
    }
    if (expired) break;
    if (interval > 0) await timer(test, interval);
    else await wait_signal(tree_of(test), "process_frame");
  }
  state_of(test).did_timeout = true;
  return false;
}

function simulate_node(node: Node, delta: number): void {
  const processing = node as unknown as { _process?: unknown; _physics_process?: unknown };
  if (typeof processing._process === "function") Reflect.apply(processing._process, node, [delta]);
  if (typeof processing._physics_process === "function")
    Reflect.apply(processing._physics_process, node, [delta]);
  for (const child of node.get_children()) simulate_node(child, delta);
}

// ================================================================================================
// Options
// ================================================================================================

interface GutOptions {
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

const DEFAULT_CONFIG = "res://.gutconfig.json";

function default_options(): GutOptions {
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

type OptionValue = string[] | string | boolean | number;

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

function assign_option(options: GutOptions, key: keyof GutOptions, value: OptionValue): void {
  (options as unknown as Record<string, OptionValue>)[key] = value;
}

interface ParsedCommandLine {
  readonly values: Map<keyof GutOptions, OptionValue>;
  readonly unknown: string[];
  readonly errors: string[];
  readonly config_given: boolean;
}

/** Reads GUT's -g options (`-gname=value` or `-gname value`); other arguments belong to the engine. */
function parse_command_line(args: readonly string[]): ParsedCommandLine {
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

function apply_config(options: GutOptions, path: string, logger: Logger): string | null {
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

function help_text(): string {
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

function config_sample(options: GutOptions): string {
  const sample: Record<string, OptionValue> = {};
  for (const spec of OPTIONS) {
    if (spec.config_key !== null && spec.key !== null) sample[spec.config_key] = options[spec.key];
  }
  return JSON.stringify(sample, null, 2);
}

// ================================================================================================
// Collecting test scripts
// ================================================================================================

function as_res_path(path: string): string {
  if (path.startsWith("res://") || path.startsWith("user://") || path.startsWith("/")) return path;
  return "res://" + path.replace(/^\.\//, "");
}

function join_path(dir: string, name: string): string {
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

function base_name(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function collect_scripts(options: GutOptions, logger: Logger): string[] {
  const dirs = DirAccess;
  const found: string[] = [];
  const add_dir = (dir: string): void => {
    if (!dirs.dir_exists_absolute(dir)) {
      logger.error(`Directory does not exist: ${dir}`);
      return;
    }
    for (const name of dirs.get_files_at(dir)) {
      if (name.startsWith(options.prefix) && name.endsWith(options.suffix) && !name.endsWith(".d.ts"))
        found.push(join_path(dir, name));
    }
    if (options.include_subdirs) {
      for (const sub of dirs.get_directories_at(dir)) add_dir(join_path(dir, sub));
    }
  };
  for (const dir of options.dirs) add_dir(as_res_path(dir));
  for (const test of options.tests) {
    const path = as_res_path(test);
    if (FileAccess.file_exists(path)) found.push(path);
    else logger.error(`Test script does not exist: ${path}`);
  }
  const unique = Array.from(new Set(found));
  return options.selected === ""
    ? unique
    : unique.filter((path) => base_name(path).includes(options.selected));
}

interface TestClassEntry {
  readonly name: string; // Shown in reports: the script path, plus ".TestInner" for inner classes.
  readonly cls: GutTestClass;
}

function is_test_class(value: unknown): value is GutTestClass {
  return (
    typeof value === "function" && (value as { readonly prototype: unknown }).prototype instanceof GutTest
  );
}

function test_classes(path: string, module: unknown, options: GutOptions): TestClassEntry[] | string {
  if (typeof module !== "object" || module === null) return "the module did not load";
  const namespace = module as Record<string, unknown>;
  const outer = namespace["default"];
  const entries: TestClassEntry[] = [];
  const seen = new Set<unknown>();
  if (is_test_class(outer)) {
    seen.add(outer);
    if (options.inner_class === "") entries.push({ name: path, cls: outer });
  } else if (outer !== undefined) {
    return "its default export does not extend GutTest (write `export default class ... extends GutTest`)";
  }
  let inner_found = false;
  for (const [export_name, value] of Object.entries(namespace)) {
    if (
      export_name === "default" ||
      !export_name.startsWith("Test") ||
      !is_test_class(value) ||
      seen.has(value)
    )
      continue;
    seen.add(value);
    inner_found = true;
    if (export_name.includes(options.inner_class))
      entries.push({ name: `${path}.${export_name}`, cls: value });
  }
  if (outer === undefined && !inner_found)
    return "it exports no test class (write `export default class ... extends GutTest`)";
  return entries;
}

function test_names(cls: GutTestClass, filter: string): string[] {
  const chain: object[] = [];
  for (
    let proto: object | null = cls.prototype;
    proto !== null && proto !== GutTest.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    chain.unshift(proto);
  }
  const names: string[] = [];
  for (const proto of chain) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (name.startsWith("test_") && typeof descriptor?.value === "function" && !names.includes(name))
        names.push(name);
    }
  }
  return filter === "" ? names : names.filter((name) => name.includes(filter));
}

// ================================================================================================
// Running
// ================================================================================================

type Outcome =
  | { readonly kind: "done" }
  | { readonly kind: "error"; readonly error: unknown }
  | { readonly kind: "timeout" };

/**
 * Runs a test body or hook as its own job, so that even a script the engine's watchdog interrupts
 * only rejects this call, and races it against the per-test timeout.
 */
async function run_guarded(tree: SceneTree, call: () => unknown, timeout_sec: number): Promise<Outcome> {
  const body: Promise<Outcome> = Promise.resolve()
    .then(call)
    .then(
      (): Outcome => ({ kind: "done" }),
      (error: unknown): Outcome => ({ kind: "error", error }),
    );
  if (timeout_sec <= 0) return body;
  const timeout = wait_signal(create_timer(tree, timeout_sec), "timeout").then((): Outcome => ({
    kind: "timeout",
  }));
  return Promise.race([body, timeout]);
}

interface RunContext {
  readonly host: Node;
  readonly tree: SceneTree;
  readonly logger: Logger;
  readonly options: GutOptions;
}

class Runner {
  constructor(private readonly run: RunContext) {}

  private report_outcome(state: TestState, outcome: Outcome, what: string): void {
    if (outcome.kind === "error") {
      state.record_error(what === "" ? "Uncaught " : `${what} threw: `, outcome.error);
    } else if (outcome.kind === "timeout") {
      const seconds = this.run.options.test_timeout;
      state.record(
        false,
        `${what === "" ? "The test" : what} did not finish within ${seconds} s (an await that never resolves?); ` +
          `raise the limit with -gtest_timeout=<s> or "test_timeout" in .gutconfig.json`,
        "",
        null,
      );
    }
  }

  private async hook(
    instance: GutTest,
    state: TestState,
    name: "before_all" | "before_each" | "after_each" | "after_all",
  ): Promise<boolean> {
    const whole_class = name === "before_all" || name === "after_all";
    if (whole_class) this.run.logger.hook_started(name);
    const outcome = await run_guarded(this.run.tree, () => instance[name](), this.run.options.test_timeout);
    this.report_outcome(state, outcome, name);
    if (whole_class) this.run.logger.hook_finished();
    return outcome.kind === "done";
  }

  private async free_objects(state: TestState): Promise<void> {
    let queued = false;
    for (const object of state.autofree_list) {
      if (object instanceof Node && is_live(object)) {
        object.queue_free();
        queued = true;
      }
    }
    state.autofree_list.length = 0;
    // Let the queued frees happen before the next test starts.
    if (queued) await wait_signal(this.run.tree, "process_frame");
  }

  private async run_test(instance: GutTest, state: TestState, test: TestResult): Promise<void> {
    const started = ticks_sec();
    state.current = test;
    state.parameters = null;
    state.parameter_call = 0;
    state.did_timeout = false;
    this.run.logger.test_started(test);
    const method: unknown = Reflect.get(instance, test.name);
    do {
      if (await this.hook(instance, state, "before_each")) {
        const outcome = await run_guarded(
          this.run.tree,
          () => Reflect.apply(method as (...args: never[]) => unknown, instance, []),
          this.run.options.test_timeout,
        );
        this.report_outcome(state, outcome, "");
        if (outcome.kind === "timeout") break; // The test is still running: do not start it again.
      }
      await this.hook(instance, state, "after_each");
      const parameters = state.parameters_in_use();
      if (parameters !== null && parameters.values.length === 0) {
        state.record(false, "use_parameters() was given no parameters", "", null);
      }
    } while (state.has_parameters_left());
    state.watcher.clear();
    await this.free_objects(state);
    state.current = null;
    state.parameters = null;
    test.time_sec = ticks_sec() - started;
    this.run.logger.test_finished(test);
  }

  async run_class(entry: TestClassEntry, script: ScriptResult): Promise<void> {
    const started = ticks_sec();
    const logger = this.run.logger;
    const names = test_names(entry.cls, this.run.options.unit_test_name);
    logger.script_started(script);
    const state = new TestState({ tree: this.run.tree, logger, script });
    let instance: GutTest;
    try {
      instance = new entry.cls();
    } catch (error) {
      state.record_error(`Could not create the test class: `, error);
      logger.script_finished(script);
      return;
    }
    test_states.set(instance, state);
    this.run.host.add_child(instance);
    try {
      const skip = instance.should_skip_script();
      if (skip === true || (typeof skip === "string" && skip !== "")) {
        script.skip_reason = skip === true ? "should_skip_script() returned true" : skip;
        logger.skipped(script.skip_reason);
        return;
      }
      await this.hook(instance, state, "before_all");
      for (const name of names) {
        const test = new TestResult(name);
        script.tests.push(test);
        await this.run_test(instance, state, test);
      }
      await this.hook(instance, state, "after_all");
    } catch (error) {
      state.current = null;
      state.record_error("The runner failed in this script: ", error);
    } finally {
      state.watcher.clear();
      await this.free_objects(state);
      if (is_live(instance)) {
        this.run.host.remove_child(instance);
        instance.queue_free();
      }
      script.time_sec = ticks_sec() - started;
      logger.script_finished(script);
    }
  }

  // A script that cannot be imported, or exports nothing to run, is one failing test.
  load_failure(path: string, message: string, error: unknown): ScriptResult {
    const script = new ScriptResult(path);
    const test = new TestResult("(import)");
    script.tests.push(test);
    this.run.logger.script_started(script);
    this.run.logger.test_started(test);
    const state = new TestState({ tree: this.run.tree, logger: this.run.logger, script });
    state.current = test;
    if (error === undefined) state.record(false, message, "", { file: path, line: 1, column: 1 });
    else state.record_error(message, error);
    this.run.logger.test_finished(test);
    this.run.logger.script_finished(script);
    return script;
  }

  async run_script(path: string): Promise<ScriptResult[]> {
    let module: unknown;
    try {
      module = await import(path);
    } catch (error) {
      return [this.load_failure(path, "Could not import the script: ", error)];
    }
    const classes = test_classes(path, module, this.run.options);
    if (typeof classes === "string")
      return [this.load_failure(path, `Nothing to run in the script: ${classes}`, undefined)];
    const results: ScriptResult[] = [];
    for (const entry of classes) {
      if (test_names(entry.cls, this.run.options.unit_test_name).length === 0) continue;
      const script = new ScriptResult(entry.name);
      results.push(script);
      await this.run_class(entry, script);
    }
    return results;
  }
}

// ================================================================================================
// Reports
// ================================================================================================

interface Totals {
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

function totals_of(scripts: readonly ScriptResult[]): Totals {
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

function print_summary(
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
function junit_xml(scripts: readonly ScriptResult[], totals: Totals, elapsed_sec: number): string {
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

function junit_path(options: GutOptions): string {
  let path = options.junit_xml_file;
  if (options.junit_xml_timestamp) {
    const stamp = Math.floor(Time.get_unix_time_from_system());
    const dot = path.lastIndexOf(".");
    path =
      dot > path.lastIndexOf("/") ? `${path.slice(0, dot)}_${stamp}${path.slice(dot)}` : `${path}_${stamp}`;
  }
  return path;
}

function write_text_file(path: string, text: string): string | null {
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

// ================================================================================================
// The runner scene
// ================================================================================================

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
