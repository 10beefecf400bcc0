// Comparing values for the asserts (GUT's comparator and compare_result): which values may be
// compared at all, deep equality with the first difference, tolerances and containment.

import { Object as GodotObject, Variant } from "godot";
import { constructor_name, is_record, is_typed_array, str, type_name } from "./strutils.js";

// Values GUT would refuse to compare ("Cannot compare ..."): different kinds, where null matches
// everything and numbers match bigints.
export function comparison_kind(value: unknown): string {
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

/** Anything with numeric x and y (and optionally z, w) components, such as Vector2 or Vector3. */
export interface VectorLike {
  readonly x: number;
  readonly y: number;
  readonly z?: number;
  readonly w?: number;
}

export function is_within(
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

export function contains(container: unknown, element: unknown): boolean | null {
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
