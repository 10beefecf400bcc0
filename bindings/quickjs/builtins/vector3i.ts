// Godot's Vector3i (core/math/vector3i.h): a 3D vector of 32-bit integers, copied by value.
// Arithmetic wraps around as Godot's int32_t does. JavaScript has one number type, so where Godot
// tells `int` from `float` by type (`Vector3i * 2` is a Vector3i, `Vector3i * 2.5` a Vector3), a
// whole number counts as an int and any other number as a float.
import { bad_argument, bad_arguments, check_int } from "./checks.js";
import { join_ints } from "./format.js";
import { clamp_of, int32, max_of, min_of, sign_of, snapped } from "./math_funcs.js";
import { Vector3 } from "./vector3.js";

// C++'s (int32_t) of a float: truncation; NaN and out-of-range values give INT32_MIN, as x86 does.
function int32_from_real(value: number): number {
  const t = Math.trunc(value);
  return t >= -2147483648 && t <= 2147483647 ? t | 0 : -2147483648;
}

function check_int32(method: string, index: number, name: string, value: unknown): number {
  return int32(check_int(method, index, name, value));
}

// x² + y² + z² of three int32s in 64 bits, exact: a number up to 2^53, a bigint beyond (the
// engine's rule for ints a double would round; the type says number, as the typings do).
function sum_of_squares(x: number, y: number, z: number): number {
  const sum = x * x + y * y + z * z;
  if (sum <= Number.MAX_SAFE_INTEGER) return sum;
  const bx = BigInt(x);
  const by = BigInt(y);
  const bz = BigInt(z);
  return (bx * bx + by * by + bz * bz) as unknown as number;
}

// Godot stops the script with "Division by zero error" for an integer division or modulo by 0.
function division_by_zero(method: string): never {
  throw new RangeError(`${method}: division by zero`);
}

export class Vector3i {
  x: number;
  y: number;
  z: number;

  static readonly AXIS_X = 0;
  static readonly AXIS_Y = 1;
  static readonly AXIS_Z = 2;

  /** (0, 0, 0). Each read is a new vector. */
  static get ZERO(): Vector3i {
    return new Vector3i(0, 0, 0);
  }
  /** (1, 1, 1). */
  static get ONE(): Vector3i {
    return new Vector3i(1, 1, 1);
  }
  /** The smallest int32 in every component. */
  static get MIN(): Vector3i {
    return new Vector3i(-2147483648, -2147483648, -2147483648);
  }
  /** The largest int32 in every component. */
  static get MAX(): Vector3i {
    return new Vector3i(2147483647, 2147483647, 2147483647);
  }
  /** (-1, 0, 0). */
  static get LEFT(): Vector3i {
    return new Vector3i(-1, 0, 0);
  }
  /** (1, 0, 0). */
  static get RIGHT(): Vector3i {
    return new Vector3i(1, 0, 0);
  }
  /** (0, 1, 0). */
  static get UP(): Vector3i {
    return new Vector3i(0, 1, 0);
  }
  /** (0, -1, 0). */
  static get DOWN(): Vector3i {
    return new Vector3i(0, -1, 0);
  }
  /** (0, 0, -1). */
  static get FORWARD(): Vector3i {
    return new Vector3i(0, 0, -1);
  }
  /** (0, 0, 1). */
  static get BACK(): Vector3i {
    return new Vector3i(0, 0, 1);
  }

  /** Numbers are truncated to integers and wrapped to 32 bits; a Vector3 is truncated. */
  constructor();
  constructor(from: Vector3i | Vector3);
  constructor(x: number, y: number, z: number);
  constructor(a?: unknown, b?: unknown, c?: unknown) {
    const count = c !== undefined ? 3 : b !== undefined ? 2 : a !== undefined ? 1 : 0;
    if (count === 3 && typeof a === "number" && typeof b === "number" && typeof c === "number") {
      this.x = int32(Math.trunc(a));
      this.y = int32(Math.trunc(b));
      this.z = int32(Math.trunc(c));
      return;
    }
    if (count === 0) {
      this.x = 0;
      this.y = 0;
      this.z = 0;
      return;
    }
    if (count === 1 && a instanceof Vector3i) {
      this.x = a.x;
      this.y = a.y;
      this.z = a.z;
      return;
    }
    if (count === 1 && a instanceof Vector3) {
      this.x = int32_from_real(a.x);
      this.y = int32_from_real(a.y);
      this.z = int32_from_real(a.z);
      return;
    }
    bad_arguments(
      "Vector3i()",
      "(), (Vector3i from), (Vector3 from) or (int x, int y, int z)",
      [a, b, c].slice(0, count),
    );
  }

  /** Component by index: 0 is x, 1 is y, 2 is z (Godot's `v[i]`). */
  get 0(): number {
    return this.x;
  }
  set 0(value: number) {
    this.x = check_int32("Vector3i[0]", 0, "value", value);
  }
  get 1(): number {
    return this.y;
  }
  set 1(value: number) {
    this.y = check_int32("Vector3i[1]", 0, "value", value);
  }
  get 2(): number {
    return this.z;
  }
  set 2(value: number) {
    this.z = check_int32("Vector3i[2]", 0, "value", value);
  }

  // Methods

  /** The smallest component's axis (Vector3i.AXIS_X, AXIS_Y or AXIS_Z); ties go to the later axis. */
  min_axis_index(): number {
    const { x, y, z } = this;
    return x < y ? (x < z ? Vector3i.AXIS_X : Vector3i.AXIS_Z) : y < z ? Vector3i.AXIS_Y : Vector3i.AXIS_Z;
  }

  /** The largest component's axis; ties go to the earlier axis except against z. */
  max_axis_index(): number {
    const { x, y, z } = this;
    return x < y ? (y < z ? Vector3i.AXIS_Z : Vector3i.AXIS_Y) : x < z ? Vector3i.AXIS_Z : Vector3i.AXIS_X;
  }

  distance_to(to: Vector3i): number {
    if (!(to instanceof Vector3i)) bad_argument("Vector3i.distance_to", 0, "to", "Vector3i", to);
    return Math.sqrt(Number(this.distance_squared_to(to)));
  }

  /** As Godot: the difference wraps to 32 bits, the squares add up in 64 bits (see length_squared). */
  distance_squared_to(to: Vector3i): number {
    if (!(to instanceof Vector3i)) bad_argument("Vector3i.distance_squared_to", 0, "to", "Vector3i", to);
    return sum_of_squares(int32(to.x - this.x), int32(to.y - this.y), int32(to.z - this.z));
  }

  /** The square root of the exact 64-bit length_squared(), as Godot's. */
  length(): number {
    return Math.sqrt(Number(this.length_squared()));
  }

  /** A 64-bit int, as in Godot: a number, or a bigint beyond 2^53 where a double would round it. */
  length_squared(): number {
    return sum_of_squares(this.x, this.y, this.z);
  }

  sign(): Vector3i {
    return new Vector3i(sign_of(this.x), sign_of(this.y), sign_of(this.z));
  }

  /** Absolute values, wrapping (abs of MIN is MIN). */
  abs(): Vector3i {
    return new Vector3i(Math.abs(this.x), Math.abs(this.y), Math.abs(this.z));
  }

  clamp(min: Vector3i, max: Vector3i): Vector3i {
    if (!(min instanceof Vector3i)) bad_argument("Vector3i.clamp", 0, "min", "Vector3i", min);
    if (!(max instanceof Vector3i)) bad_argument("Vector3i.clamp", 1, "max", "Vector3i", max);
    return new Vector3i(
      clamp_of(this.x, min.x, max.x),
      clamp_of(this.y, min.y, max.y),
      clamp_of(this.z, min.z, max.z),
    );
  }

  clampi(min: number, max: number): Vector3i {
    const lo = check_int32("Vector3i.clampi", 0, "min", min);
    const hi = check_int32("Vector3i.clampi", 1, "max", max);
    return new Vector3i(clamp_of(this.x, lo, hi), clamp_of(this.y, lo, hi), clamp_of(this.z, lo, hi));
  }

  /** Each component rounded to the nearest multiple of step's (a zero step leaves it). */
  snapped(step: Vector3i): Vector3i {
    if (!(step instanceof Vector3i)) bad_argument("Vector3i.snapped", 0, "step", "Vector3i", step);
    return new Vector3i(snapped(this.x, step.x), snapped(this.y, step.y), snapped(this.z, step.z));
  }

  snappedi(step: number): Vector3i {
    const s = check_int32("Vector3i.snappedi", 0, "step", step);
    return new Vector3i(snapped(this.x, s), snapped(this.y, s), snapped(this.z, s));
  }

  min(with_: Vector3i): Vector3i {
    if (!(with_ instanceof Vector3i)) bad_argument("Vector3i.min", 0, "with", "Vector3i", with_);
    return new Vector3i(min_of(this.x, with_.x), min_of(this.y, with_.y), min_of(this.z, with_.z));
  }

  mini(with_: number): Vector3i {
    const w = check_int32("Vector3i.mini", 0, "with", with_);
    return new Vector3i(min_of(this.x, w), min_of(this.y, w), min_of(this.z, w));
  }

  max(with_: Vector3i): Vector3i {
    if (!(with_ instanceof Vector3i)) bad_argument("Vector3i.max", 0, "with", "Vector3i", with_);
    return new Vector3i(max_of(this.x, with_.x), max_of(this.y, with_.y), max_of(this.z, with_.z));
  }

  maxi(with_: number): Vector3i {
    const w = check_int32("Vector3i.maxi", 0, "with", with_);
    return new Vector3i(max_of(this.x, w), max_of(this.y, w), max_of(this.z, w));
  }

  // Operators

  /** `this + right`, wrapping. */
  add(right: Vector3i): Vector3i {
    if (!(right instanceof Vector3i)) bad_argument("Vector3i.add", 0, "right", "Vector3i", right);
    return new Vector3i(this.x + right.x, this.y + right.y, this.z + right.z);
  }

  /** `this - right`, wrapping. */
  subtract(right: Vector3i): Vector3i {
    if (!(right instanceof Vector3i)) bad_argument("Vector3i.subtract", 0, "right", "Vector3i", right);
    return new Vector3i(this.x - right.x, this.y - right.y, this.z - right.z);
  }

  /**
   * `this * right`: per component, or by a number. A whole number is Godot's int (a Vector3i,
   * wrapping); any other number is a float (a Vector3).
   */
  multiply(right: Vector3i): Vector3i;
  multiply(right: number): Vector3i | Vector3;
  multiply(right: Vector3i | number): Vector3i | Vector3 {
    if (right instanceof Vector3i)
      return new Vector3i(Math.imul(this.x, right.x), Math.imul(this.y, right.y), Math.imul(this.z, right.z));
    if (typeof right === "number") {
      if (Number.isInteger(right)) {
        const r = int32(right);
        return new Vector3i(Math.imul(this.x, r), Math.imul(this.y, r), Math.imul(this.z, r));
      }
      return new Vector3(this.x * right, this.y * right, this.z * right);
    }
    return bad_arguments("Vector3i.multiply", "(Vector3i), (int) or (float)", [right]);
  }

  /**
   * `this / right`: per component, or by a number. By a Vector3i or a whole number (Godot's int)
   * it truncates toward zero and throws a RangeError on division by zero, as Godot stops with
   * "Division by zero error"; by any other number it is a float division giving a Vector3.
   */
  divide(right: Vector3i): Vector3i;
  divide(right: number): Vector3i | Vector3;
  divide(right: Vector3i | number): Vector3i | Vector3 {
    if (right instanceof Vector3i) {
      if (right.x === 0 || right.y === 0 || right.z === 0) division_by_zero("Vector3i.divide");
      return new Vector3i(this.x / right.x, this.y / right.y, this.z / right.z);
    }
    if (typeof right === "number") {
      if (Number.isInteger(right)) {
        const r = int32(right);
        if (r === 0) division_by_zero("Vector3i.divide");
        return new Vector3i(this.x / r, this.y / r, this.z / r);
      }
      return new Vector3(this.x / right, this.y / right, this.z / right);
    }
    return bad_arguments("Vector3i.divide", "(Vector3i), (int) or (float)", [right]);
  }

  /** `this % right` by a Vector3i or an int: C's remainder (the sign of the dividend); RangeError on a zero divisor. */
  modulo(right: Vector3i | number): Vector3i {
    if (right instanceof Vector3i) {
      if (right.x === 0 || right.y === 0 || right.z === 0) division_by_zero("Vector3i.modulo");
      return new Vector3i(this.x % right.x, this.y % right.y, this.z % right.z);
    }
    if (typeof right === "number" && Number.isInteger(right)) {
      const r = int32(right);
      if (r === 0) division_by_zero("Vector3i.modulo");
      return new Vector3i(this.x % r, this.y % r, this.z % r);
    }
    return bad_arguments("Vector3i.modulo", "(Vector3i) or (int)", [right]);
  }

  /** `-this`, wrapping (-MIN is MIN). */
  negate(): Vector3i {
    return new Vector3i(-this.x, -this.y, -this.z);
  }

  /** `+this`: a copy. */
  positive(): Vector3i {
    return new Vector3i(this.x, this.y, this.z);
  }

  /** `this == right`: false for any other type, a Vector3 included (as Godot's Variant ==). */
  equals(right: unknown): boolean {
    return right instanceof Vector3i && this.x === right.x && this.y === right.y && this.z === right.z;
  }

  /** `this != right`. */
  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  /** `this < right`: by x, then y, then z. */
  less(right: Vector3i): boolean {
    if (!(right instanceof Vector3i)) bad_argument("Vector3i.less", 0, "right", "Vector3i", right);
    if (this.x !== right.x) return this.x < right.x;
    return this.y === right.y ? this.z < right.z : this.y < right.y;
  }

  less_equal(right: Vector3i): boolean {
    if (!(right instanceof Vector3i)) bad_argument("Vector3i.less_equal", 0, "right", "Vector3i", right);
    if (this.x !== right.x) return this.x < right.x;
    return this.y === right.y ? this.z <= right.z : this.y < right.y;
  }

  greater(right: Vector3i): boolean {
    if (!(right instanceof Vector3i)) bad_argument("Vector3i.greater", 0, "right", "Vector3i", right);
    if (this.x !== right.x) return this.x > right.x;
    return this.y === right.y ? this.z > right.z : this.y > right.y;
  }

  greater_equal(right: Vector3i): boolean {
    if (!(right instanceof Vector3i)) bad_argument("Vector3i.greater_equal", 0, "right", "Vector3i", right);
    if (this.x !== right.x) return this.x > right.x;
    return this.y === right.y ? this.z >= right.z : this.y > right.y;
  }

  /** As Godot's str(): "(1, -2, 3)". */
  toString(): string {
    return join_ints([this.x, this.y, this.z]);
  }
}

export namespace Vector3i {
  export enum Axis {
    AXIS_X = 0,
    AXIS_Y = 1,
    AXIS_Z = 2,
  }
}
