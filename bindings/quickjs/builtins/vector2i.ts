// Godot's Vector2i (core/math/vector2i.h): a 2D vector of 32-bit integers, copied by value.
// Arithmetic wraps around as Godot's int32_t does. JavaScript has one number type, so where Godot
// tells `int` from `float` by type (`Vector2i * 2` is a Vector2i, `Vector2i * 2.5` a Vector2), a
// whole number counts as an int and any other number as a float.
import { bad_argument, bad_arguments, check_int } from "./checks.js";
import { join_ints } from "./format.js";
import { clamp_of, int32, max_of, min_of, sign_of, snapped } from "./math_funcs.js";
import { Vector2 } from "./vector2.js";

// C++'s (int32_t) of a float: truncation; NaN and out-of-range values give INT32_MIN, as x86 does.
export function int32_from_real(value: number): number {
  const t = Math.trunc(value);
  return t >= -2147483648 && t <= 2147483647 ? t | 0 : -2147483648;
}

function check_int32(method: string, index: number, name: string, value: unknown): number {
  return int32(check_int(method, index, name, value));
}

// x * x + y * y of two int32s, exact: a number up to 2^53, a bigint beyond.
function sum_of_squares(x: number, y: number): number {
  const sum = x * x + y * y;
  if (sum <= Number.MAX_SAFE_INTEGER) return sum;
  const bx = BigInt(x);
  const by = BigInt(y);
  return (bx * bx + by * by) as unknown as number;
}

function division_by_zero(method: string): never {
  throw new RangeError(`${method}: division by zero`);
}

export class Vector2i {
  x: number;
  y: number;

  static readonly AXIS_X = 0;
  static readonly AXIS_Y = 1;

  /** (0, 0). Each read is a new vector. */
  static get ZERO(): Vector2i {
    return new Vector2i(0, 0);
  }
  /** (1, 1). */
  static get ONE(): Vector2i {
    return new Vector2i(1, 1);
  }
  /** The smallest int32 in both components. */
  static get MIN(): Vector2i {
    return new Vector2i(-2147483648, -2147483648);
  }
  /** The largest int32 in both components. */
  static get MAX(): Vector2i {
    return new Vector2i(2147483647, 2147483647);
  }
  /** (-1, 0). */
  static get LEFT(): Vector2i {
    return new Vector2i(-1, 0);
  }
  /** (1, 0). */
  static get RIGHT(): Vector2i {
    return new Vector2i(1, 0);
  }
  /** (0, -1): 2D's y axis points down. */
  static get UP(): Vector2i {
    return new Vector2i(0, -1);
  }
  /** (0, 1). */
  static get DOWN(): Vector2i {
    return new Vector2i(0, 1);
  }

  /** Numbers are truncated to integers and wrapped to 32 bits; a Vector2 is truncated. */
  constructor();
  constructor(from: Vector2i | Vector2);
  constructor(x: number, y: number);
  constructor(a?: unknown, b?: unknown) {
    const count = b !== undefined ? 2 : a !== undefined ? 1 : 0;
    if (count === 2 && typeof a === "number" && typeof b === "number") {
      this.x = int32(Math.trunc(a));
      this.y = int32(Math.trunc(b));
      return;
    }
    if (count === 0) {
      this.x = 0;
      this.y = 0;
      return;
    }
    if (count === 1 && a instanceof Vector2i) {
      this.x = a.x;
      this.y = a.y;
      return;
    }
    if (count === 1 && a instanceof Vector2) {
      this.x = int32_from_real(a.x);
      this.y = int32_from_real(a.y);
      return;
    }
    bad_arguments(
      "Vector2i()",
      "(), (Vector2i from), (Vector2 from) or (int x, int y)",
      [a, b].slice(0, count),
    );
  }

  /** Component by index: 0 is x, 1 is y (Godot's `v[i]`). */
  get 0(): number {
    return this.x;
  }
  set 0(value: number) {
    this.x = check_int32("Vector2i[0]", 0, "value", value);
  }
  get 1(): number {
    return this.y;
  }
  set 1(value: number) {
    this.y = check_int32("Vector2i[1]", 0, "value", value);
  }

  // Methods

  /** x / y as a float. */
  aspect(): number {
    return this.x / this.y;
  }

  /** Vector2i.AXIS_X (0) or AXIS_Y (1): the larger component, x when they are equal. */
  max_axis_index(): number {
    return this.x < this.y ? Vector2i.AXIS_Y : Vector2i.AXIS_X;
  }

  /** The smaller component's axis, y when they are equal. */
  min_axis_index(): number {
    return this.x < this.y ? Vector2i.AXIS_X : Vector2i.AXIS_Y;
  }

  distance_to(to: Vector2i): number {
    if (!(to instanceof Vector2i)) bad_argument("Vector2i.distance_to", 0, "to", "Vector2i", to);
    return Math.sqrt(this.distance_squared_to(to));
  }

  /** As Godot: the difference wraps to 32 bits, the squares add up in 64 bits (see length_squared). */
  distance_squared_to(to: Vector2i): number {
    if (!(to instanceof Vector2i)) bad_argument("Vector2i.distance_squared_to", 0, "to", "Vector2i", to);
    return sum_of_squares(int32(to.x - this.x), int32(to.y - this.y));
  }

  length(): number {
    const x = this.x;
    const y = this.y;
    return Math.sqrt(x * x + y * y);
  }

  /**
   * A 64-bit int, as in Godot: a number, or a bigint beyond 2^53 where a double would round it
   * (the engine's rule for ints; the type says number, as the typings do).
   */
  length_squared(): number {
    return sum_of_squares(this.x, this.y);
  }

  sign(): Vector2i {
    return new Vector2i(sign_of(this.x), sign_of(this.y));
  }

  abs(): Vector2i {
    return new Vector2i(Math.abs(this.x), Math.abs(this.y));
  }

  clamp(min: Vector2i, max: Vector2i): Vector2i {
    if (!(min instanceof Vector2i)) bad_argument("Vector2i.clamp", 0, "min", "Vector2i", min);
    if (!(max instanceof Vector2i)) bad_argument("Vector2i.clamp", 1, "max", "Vector2i", max);
    return new Vector2i(clamp_of(this.x, min.x, max.x), clamp_of(this.y, min.y, max.y));
  }

  clampi(min: number, max: number): Vector2i {
    const lo = check_int32("Vector2i.clampi", 0, "min", min);
    const hi = check_int32("Vector2i.clampi", 1, "max", max);
    return new Vector2i(clamp_of(this.x, lo, hi), clamp_of(this.y, lo, hi));
  }

  snapped(step: Vector2i): Vector2i {
    if (!(step instanceof Vector2i)) bad_argument("Vector2i.snapped", 0, "step", "Vector2i", step);
    return new Vector2i(snapped(this.x, step.x), snapped(this.y, step.y));
  }

  snappedi(step: number): Vector2i {
    const s = check_int32("Vector2i.snappedi", 0, "step", step);
    return new Vector2i(snapped(this.x, s), snapped(this.y, s));
  }

  min(with_: Vector2i): Vector2i {
    if (!(with_ instanceof Vector2i)) bad_argument("Vector2i.min", 0, "with", "Vector2i", with_);
    return new Vector2i(min_of(this.x, with_.x), min_of(this.y, with_.y));
  }

  mini(with_: number): Vector2i {
    const w = check_int32("Vector2i.mini", 0, "with", with_);
    return new Vector2i(min_of(this.x, w), min_of(this.y, w));
  }

  max(with_: Vector2i): Vector2i {
    if (!(with_ instanceof Vector2i)) bad_argument("Vector2i.max", 0, "with", "Vector2i", with_);
    return new Vector2i(max_of(this.x, with_.x), max_of(this.y, with_.y));
  }

  maxi(with_: number): Vector2i {
    const w = check_int32("Vector2i.maxi", 0, "with", with_);
    return new Vector2i(max_of(this.x, w), max_of(this.y, w));
  }

  // Operators

  /** `this + right`, wrapping. */
  add(right: Vector2i): Vector2i {
    if (!(right instanceof Vector2i)) bad_argument("Vector2i.add", 0, "right", "Vector2i", right);
    return new Vector2i(this.x + right.x, this.y + right.y);
  }

  /** `this - right`, wrapping. */
  subtract(right: Vector2i): Vector2i {
    if (!(right instanceof Vector2i)) bad_argument("Vector2i.subtract", 0, "right", "Vector2i", right);
    return new Vector2i(this.x - right.x, this.y - right.y);
  }

  /**
   * `this * right`: per component, or by a number. A whole number is Godot's int (a Vector2i,
   * wrapping); any other number is a float (a Vector2).
   */
  multiply(right: Vector2i): Vector2i;
  multiply(right: number): Vector2i | Vector2;
  multiply(right: Vector2i | number): Vector2i | Vector2 {
    if (right instanceof Vector2i)
      return new Vector2i(Math.imul(this.x, right.x), Math.imul(this.y, right.y));
    if (typeof right === "number") {
      if (Number.isInteger(right)) {
        const r = int32(right);
        return new Vector2i(Math.imul(this.x, r), Math.imul(this.y, r));
      }
      return new Vector2(this.x * right, this.y * right);
    }
    return bad_arguments("Vector2i.multiply", "(Vector2i), (int) or (float)", [right]);
  }

  /**
   * `this / right`: per component, or by a number. By a Vector2i or a whole number (Godot's int)
   * it truncates toward zero and throws a RangeError on division by zero, as Godot stops with
   * "Division by zero error"; by any other number it is a float division giving a Vector2.
   */
  divide(right: Vector2i): Vector2i;
  divide(right: number): Vector2i | Vector2;
  divide(right: Vector2i | number): Vector2i | Vector2 {
    if (right instanceof Vector2i) {
      if (right.x === 0 || right.y === 0) division_by_zero("Vector2i.divide");
      return new Vector2i(Math.trunc(this.x / right.x), Math.trunc(this.y / right.y));
    }
    if (typeof right === "number") {
      if (Number.isInteger(right)) {
        const r = int32(right);
        if (r === 0) division_by_zero("Vector2i.divide");
        return new Vector2i(Math.trunc(this.x / r), Math.trunc(this.y / r));
      }
      return new Vector2(this.x / right, this.y / right);
    }
    return bad_arguments("Vector2i.divide", "(Vector2i), (int) or (float)", [right]);
  }

  /** `this % right` by a Vector2i or an int: C's remainder (the sign of the dividend); RangeError on a zero divisor. */
  modulo(right: Vector2i | number): Vector2i {
    if (right instanceof Vector2i) {
      if (right.x === 0 || right.y === 0) division_by_zero("Vector2i.modulo");
      return new Vector2i(this.x % right.x, this.y % right.y);
    }
    if (typeof right === "number" && Number.isInteger(right)) {
      const r = int32(right);
      if (r === 0) division_by_zero("Vector2i.modulo");
      return new Vector2i(this.x % r, this.y % r);
    }
    return bad_arguments("Vector2i.modulo", "(Vector2i) or (int)", [right]);
  }

  /** `-this`, wrapping (-MIN is MIN). */
  negate(): Vector2i {
    return new Vector2i(-this.x, -this.y);
  }

  /** `+this`: a copy. */
  positive(): Vector2i {
    return new Vector2i(this.x, this.y);
  }

  /** `this == right`: false for any other type, a Vector2 included (as Godot's Variant ==). */
  equals(right: unknown): boolean {
    return right instanceof Vector2i && this.x === right.x && this.y === right.y;
  }

  /** `this != right`. */
  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  /** `this < right`: by x, then by y. */
  less(right: Vector2i): boolean {
    if (!(right instanceof Vector2i)) bad_argument("Vector2i.less", 0, "right", "Vector2i", right);
    return this.x === right.x ? this.y < right.y : this.x < right.x;
  }

  less_equal(right: Vector2i): boolean {
    if (!(right instanceof Vector2i)) bad_argument("Vector2i.less_equal", 0, "right", "Vector2i", right);
    return this.x === right.x ? this.y <= right.y : this.x < right.x;
  }

  greater(right: Vector2i): boolean {
    if (!(right instanceof Vector2i)) bad_argument("Vector2i.greater", 0, "right", "Vector2i", right);
    return this.x === right.x ? this.y > right.y : this.x > right.x;
  }

  greater_equal(right: Vector2i): boolean {
    if (!(right instanceof Vector2i)) bad_argument("Vector2i.greater_equal", 0, "right", "Vector2i", right);
    return this.x === right.x ? this.y >= right.y : this.x > right.x;
  }

  /** As Godot's str(): "(3, -4)". */
  toString(): string {
    return join_ints([this.x, this.y]);
  }
}

export namespace Vector2i {
  export enum Axis {
    AXIS_X = 0,
    AXIS_Y = 1,
  }
}
