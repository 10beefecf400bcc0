// Godot's Vector4i (core/math/vector4i.h): a 4D vector of 32-bit integers, copied by value.
// Arithmetic wraps around as Godot's int32_t does. JavaScript has one number type, so where Godot
// tells `int` from `float` by type (`Vector4i * 2` is a Vector4i, `Vector4i * 2.5` a Vector4), a
// whole number counts as an int and any other number as a float.
import { bad_argument, bad_arguments, check_int } from "./checks.js";
import { join_ints } from "./format.js";
import { clamp_of, int32, max_of, min_of, sign_of, snapped } from "./math_funcs.js";
import { int32_from_real } from "./vector2i.js";
import { Vector4 } from "./vector4.js";

function check_int32(method: string, index: number, name: string, value: unknown): number {
  return int32(check_int(method, index, name, value));
}

// Godot stops the script with "Division by zero error" for an integer division by zero.
function division_by_zero(method: string): never {
  throw new RangeError(`${method}: division by zero`);
}

function has_zero(v: Vector4i): boolean {
  return v.x === 0 || v.y === 0 || v.z === 0 || v.w === 0;
}

export class Vector4i {
  x: number;
  y: number;
  z: number;
  w: number;

  static readonly AXIS_X = 0;
  static readonly AXIS_Y = 1;
  static readonly AXIS_Z = 2;
  static readonly AXIS_W = 3;

  /** (0, 0, 0, 0). Each read is a new vector. */
  static get ZERO(): Vector4i {
    return new Vector4i(0, 0, 0, 0);
  }
  /** (1, 1, 1, 1). */
  static get ONE(): Vector4i {
    return new Vector4i(1, 1, 1, 1);
  }
  /** The smallest int32 in every component. */
  static get MIN(): Vector4i {
    return new Vector4i(-2147483648, -2147483648, -2147483648, -2147483648);
  }
  /** The largest int32 in every component. */
  static get MAX(): Vector4i {
    return new Vector4i(2147483647, 2147483647, 2147483647, 2147483647);
  }

  /** Numbers are truncated to integers and wrapped to 32 bits; a Vector4 is truncated. */
  constructor();
  constructor(from: Vector4i | Vector4);
  constructor(x: number, y: number, z: number, w: number);
  constructor(a?: unknown, b?: unknown, c?: unknown, d?: unknown) {
    const count = d !== undefined ? 4 : c !== undefined ? 3 : b !== undefined ? 2 : a !== undefined ? 1 : 0;
    if (
      count === 4 &&
      typeof a === "number" &&
      typeof b === "number" &&
      typeof c === "number" &&
      typeof d === "number"
    ) {
      this.x = int32(Math.trunc(a));
      this.y = int32(Math.trunc(b));
      this.z = int32(Math.trunc(c));
      this.w = int32(Math.trunc(d));
      return;
    }
    if (count === 1 && a instanceof Vector4i) {
      this.x = a.x;
      this.y = a.y;
      this.z = a.z;
      this.w = a.w;
      return;
    }
    if (count === 1 && a instanceof Vector4) {
      this.x = int32_from_real(a.x);
      this.y = int32_from_real(a.y);
      this.z = int32_from_real(a.z);
      this.w = int32_from_real(a.w);
      return;
    }
    this.x = 0;
    this.y = 0;
    this.z = 0;
    this.w = 0;
    if (count === 0) return;
    bad_arguments(
      "Vector4i()",
      "(), (Vector4i from), (Vector4 from) or (int x, int y, int z, int w)",
      [a, b, c, d].slice(0, count),
    );
  }

  /** Component by index: 0 is x ... 3 is w (Godot's `v[i]`). */
  get 0(): number {
    return this.x;
  }
  set 0(value: number) {
    this.x = check_int32("Vector4i[0]", 0, "value", value);
  }
  get 1(): number {
    return this.y;
  }
  set 1(value: number) {
    this.y = check_int32("Vector4i[1]", 0, "value", value);
  }
  get 2(): number {
    return this.z;
  }
  set 2(value: number) {
    this.z = check_int32("Vector4i[2]", 0, "value", value);
  }
  get 3(): number {
    return this.w;
  }
  set 3(value: number) {
    this.w = check_int32("Vector4i[3]", 0, "value", value);
  }

  // Methods

  /** The smallest component's axis; on a tie the later axis. */
  min_axis_index(): number {
    let index = 0;
    let value = this.x;
    if (this.y <= value) {
      index = 1;
      value = this.y;
    }
    if (this.z <= value) {
      index = 2;
      value = this.z;
    }
    if (this.w <= value) index = 3;
    return index;
  }

  /** The largest component's axis; on a tie the earlier axis. */
  max_axis_index(): number {
    let index = 0;
    let value = this.x;
    if (this.y > value) {
      index = 1;
      value = this.y;
    }
    if (this.z > value) {
      index = 2;
      value = this.z;
    }
    if (this.w > value) index = 3;
    return index;
  }

  length(): number {
    return Math.sqrt(this.length_squared());
  }

  /** In 64 bits, as Godot (exact up to 2^53). */
  length_squared(): number {
    return this.x * this.x + this.y * this.y + this.z * this.z + this.w * this.w;
  }

  sign(): Vector4i {
    return new Vector4i(sign_of(this.x), sign_of(this.y), sign_of(this.z), sign_of(this.w));
  }

  /** Wrapping: abs(MIN) is MIN, as in C++. */
  abs(): Vector4i {
    return new Vector4i(Math.abs(this.x), Math.abs(this.y), Math.abs(this.z), Math.abs(this.w));
  }

  clamp(min: Vector4i, max: Vector4i): Vector4i {
    if (!(min instanceof Vector4i)) bad_argument("Vector4i.clamp", 0, "min", "Vector4i", min);
    if (!(max instanceof Vector4i)) bad_argument("Vector4i.clamp", 1, "max", "Vector4i", max);
    return new Vector4i(
      clamp_of(this.x, min.x, max.x),
      clamp_of(this.y, min.y, max.y),
      clamp_of(this.z, min.z, max.z),
      clamp_of(this.w, min.w, max.w),
    );
  }

  clampi(min: number, max: number): Vector4i {
    const lo = check_int32("Vector4i.clampi", 0, "min", min);
    const hi = check_int32("Vector4i.clampi", 1, "max", max);
    return new Vector4i(
      clamp_of(this.x, lo, hi),
      clamp_of(this.y, lo, hi),
      clamp_of(this.z, lo, hi),
      clamp_of(this.w, lo, hi),
    );
  }

  snapped(step: Vector4i): Vector4i {
    if (!(step instanceof Vector4i)) bad_argument("Vector4i.snapped", 0, "step", "Vector4i", step);
    return new Vector4i(
      snapped(this.x, step.x),
      snapped(this.y, step.y),
      snapped(this.z, step.z),
      snapped(this.w, step.w),
    );
  }

  snappedi(step: number): Vector4i {
    const s = check_int32("Vector4i.snappedi", 0, "step", step);
    return new Vector4i(snapped(this.x, s), snapped(this.y, s), snapped(this.z, s), snapped(this.w, s));
  }

  min(with_: Vector4i): Vector4i {
    if (!(with_ instanceof Vector4i)) bad_argument("Vector4i.min", 0, "with", "Vector4i", with_);
    return new Vector4i(
      min_of(this.x, with_.x),
      min_of(this.y, with_.y),
      min_of(this.z, with_.z),
      min_of(this.w, with_.w),
    );
  }

  mini(with_: number): Vector4i {
    const v = check_int32("Vector4i.mini", 0, "with", with_);
    return new Vector4i(min_of(this.x, v), min_of(this.y, v), min_of(this.z, v), min_of(this.w, v));
  }

  max(with_: Vector4i): Vector4i {
    if (!(with_ instanceof Vector4i)) bad_argument("Vector4i.max", 0, "with", "Vector4i", with_);
    return new Vector4i(
      max_of(this.x, with_.x),
      max_of(this.y, with_.y),
      max_of(this.z, with_.z),
      max_of(this.w, with_.w),
    );
  }

  maxi(with_: number): Vector4i {
    const v = check_int32("Vector4i.maxi", 0, "with", with_);
    return new Vector4i(max_of(this.x, v), max_of(this.y, v), max_of(this.z, v), max_of(this.w, v));
  }

  distance_to(to: Vector4i): number {
    if (!(to instanceof Vector4i)) bad_argument("Vector4i.distance_to", 0, "to", "Vector4i", to);
    return Math.sqrt(this.distance_squared_to(to));
  }

  /** As Godot: the difference wraps to 32 bits, the squares add up in 64 bits. */
  distance_squared_to(to: Vector4i): number {
    if (!(to instanceof Vector4i)) bad_argument("Vector4i.distance_squared_to", 0, "to", "Vector4i", to);
    const dx = int32(to.x - this.x);
    const dy = int32(to.y - this.y);
    const dz = int32(to.z - this.z);
    const dw = int32(to.w - this.w);
    return dx * dx + dy * dy + dz * dz + dw * dw;
  }

  // Operators

  /** `this + right`, wrapping. */
  add(right: Vector4i): Vector4i {
    if (!(right instanceof Vector4i)) bad_argument("Vector4i.add", 0, "right", "Vector4i", right);
    return new Vector4i(this.x + right.x, this.y + right.y, this.z + right.z, this.w + right.w);
  }

  /** `this - right`, wrapping. */
  subtract(right: Vector4i): Vector4i {
    if (!(right instanceof Vector4i)) bad_argument("Vector4i.subtract", 0, "right", "Vector4i", right);
    return new Vector4i(this.x - right.x, this.y - right.y, this.z - right.z, this.w - right.w);
  }

  /**
   * `this * right`: per component, or by a number. A whole number is Godot's int (a Vector4i,
   * wrapping); any other number is a float (a Vector4).
   */
  multiply(right: Vector4i): Vector4i;
  multiply(right: number): Vector4i | Vector4;
  multiply(right: Vector4i | number): Vector4i | Vector4 {
    if (right instanceof Vector4i) {
      return new Vector4i(
        Math.imul(this.x, right.x),
        Math.imul(this.y, right.y),
        Math.imul(this.z, right.z),
        Math.imul(this.w, right.w),
      );
    }
    if (typeof right === "number") {
      if (!Number.isInteger(right))
        return new Vector4(this.x * right, this.y * right, this.z * right, this.w * right);
      const r = int32(right);
      return new Vector4i(
        Math.imul(this.x, r),
        Math.imul(this.y, r),
        Math.imul(this.z, r),
        Math.imul(this.w, r),
      );
    }
    return bad_arguments("Vector4i.multiply", "(Vector4i), (int) or (float)", [right]);
  }

  /**
   * `this / right`: per component, or by a number. By a Vector4i or a whole number (Godot's int)
   * it truncates toward zero and throws a RangeError on division by zero, as Godot stops with
   * "Division by zero error"; by any other number it is a float division giving a Vector4.
   */
  divide(right: Vector4i): Vector4i;
  divide(right: number): Vector4i | Vector4;
  divide(right: Vector4i | number): Vector4i | Vector4 {
    if (right instanceof Vector4i) {
      if (has_zero(right)) division_by_zero("Vector4i.divide");
      return new Vector4i(this.x / right.x, this.y / right.y, this.z / right.z, this.w / right.w);
    }
    if (typeof right === "number") {
      if (!Number.isInteger(right))
        return new Vector4(this.x / right, this.y / right, this.z / right, this.w / right);
      const r = int32(right);
      if (r === 0) division_by_zero("Vector4i.divide");
      return new Vector4i(this.x / r, this.y / r, this.z / r, this.w / r);
    }
    return bad_arguments("Vector4i.divide", "(Vector4i), (int) or (float)", [right]);
  }

  /** `this % right` by a Vector4i or an int: C's remainder (the sign of the dividend); RangeError on a zero divisor. */
  modulo(right: Vector4i | number): Vector4i {
    if (right instanceof Vector4i) {
      if (has_zero(right)) division_by_zero("Vector4i.modulo");
      return new Vector4i(this.x % right.x, this.y % right.y, this.z % right.z, this.w % right.w);
    }
    if (typeof right === "number" && Number.isInteger(right)) {
      const r = int32(right);
      if (r === 0) division_by_zero("Vector4i.modulo");
      return new Vector4i(this.x % r, this.y % r, this.z % r, this.w % r);
    }
    return bad_arguments("Vector4i.modulo", "(Vector4i) or (int)", [right]);
  }

  /** `-this`, wrapping (-MIN is MIN). */
  negate(): Vector4i {
    return new Vector4i(-this.x, -this.y, -this.z, -this.w);
  }

  /** `+this`: a copy. */
  positive(): Vector4i {
    return new Vector4i(this.x, this.y, this.z, this.w);
  }

  /** `this == right`: false for any other type, a Vector4 included (as Godot's Variant ==). */
  equals(right: unknown): boolean {
    return (
      right instanceof Vector4i &&
      this.x === right.x &&
      this.y === right.y &&
      this.z === right.z &&
      this.w === right.w
    );
  }

  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  /** `this < right`: by x, then y, then z, then w. */
  less(right: Vector4i): boolean {
    if (!(right instanceof Vector4i)) bad_argument("Vector4i.less", 0, "right", "Vector4i", right);
    if (this.x !== right.x) return this.x < right.x;
    if (this.y !== right.y) return this.y < right.y;
    if (this.z !== right.z) return this.z < right.z;
    return this.w < right.w;
  }

  less_equal(right: Vector4i): boolean {
    if (!(right instanceof Vector4i)) bad_argument("Vector4i.less_equal", 0, "right", "Vector4i", right);
    if (this.x !== right.x) return this.x < right.x;
    if (this.y !== right.y) return this.y < right.y;
    if (this.z !== right.z) return this.z < right.z;
    return this.w <= right.w;
  }

  greater(right: Vector4i): boolean {
    if (!(right instanceof Vector4i)) bad_argument("Vector4i.greater", 0, "right", "Vector4i", right);
    if (this.x !== right.x) return this.x > right.x;
    if (this.y !== right.y) return this.y > right.y;
    if (this.z !== right.z) return this.z > right.z;
    return this.w > right.w;
  }

  greater_equal(right: Vector4i): boolean {
    if (!(right instanceof Vector4i)) bad_argument("Vector4i.greater_equal", 0, "right", "Vector4i", right);
    if (this.x !== right.x) return this.x > right.x;
    if (this.y !== right.y) return this.y > right.y;
    if (this.z !== right.z) return this.z > right.z;
    return this.w >= right.w;
  }

  /** As Godot's str(): "(1, -2, 3, 4)". */
  toString(): string {
    return join_ints([this.x, this.y, this.z, this.w]);
  }
}

export namespace Vector4i {
  export enum Axis {
    AXIS_X = 0,
    AXIS_Y = 1,
    AXIS_Z = 2,
    AXIS_W = 3,
  }
}
