// Godot's Vector4 (core/math/vector4.h): a 4D vector of floats, copied by value. Methods never
// change the vector they are called on; operators are methods (`add`, `multiply`, `equals`...).
import { bad_argument, bad_arguments, check_instance, check_number } from "./checks.js";
import { join_reals } from "./format.js";
import {
  UNIT_EPSILON,
  clamp_of,
  cubic_interpolate,
  cubic_interpolate_in_time,
  fposmod,
  is_equal_approx,
  is_zero_approx,
  lerp,
  max_of,
  min_of,
  round_half_away,
  sign_of,
  snapped,
} from "./math_funcs.js";
import { Projection } from "./projection.js";
import { Vector4i } from "./vector4i.js";

// Godot's normalize(): a zero or non-finite vector becomes (0, 0, 0, 0).
function normalized_xyzw(x: number, y: number, z: number, w: number): Vector4 {
  if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z) && Number.isFinite(w)))
    return new Vector4(0, 0, 0, 0);
  const l2 = x * x + y * y + z * z + w * w;
  if (l2 === 0) return new Vector4(0, 0, 0, 0);
  const l = Math.sqrt(l2);
  return new Vector4(x / l, y / l, z / l, w / l);
}

export class Vector4 {
  x: number;
  y: number;
  z: number;
  w: number;

  static readonly AXIS_X = 0;
  static readonly AXIS_Y = 1;
  static readonly AXIS_Z = 2;
  static readonly AXIS_W = 3;

  /** (0, 0, 0, 0). Each read is a new vector. */
  static get ZERO(): Vector4 {
    return new Vector4(0, 0, 0, 0);
  }
  /** (1, 1, 1, 1). */
  static get ONE(): Vector4 {
    return new Vector4(1, 1, 1, 1);
  }
  /** (inf, inf, inf, inf). */
  static get INF(): Vector4 {
    return new Vector4(Infinity, Infinity, Infinity, Infinity);
  }

  constructor();
  constructor(from: Vector4 | Vector4i);
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
      this.x = a;
      this.y = b;
      this.z = c;
      this.w = d;
      return;
    }
    if (count === 1 && (a instanceof Vector4 || a instanceof Vector4i)) {
      this.x = a.x;
      this.y = a.y;
      this.z = a.z;
      this.w = a.w;
      return;
    }
    this.x = 0;
    this.y = 0;
    this.z = 0;
    this.w = 0;
    if (count === 0) return;
    bad_arguments(
      "Vector4()",
      "(), (Vector4 from), (Vector4i from) or (float x, float y, float z, float w)",
      [a, b, c, d].slice(0, count),
    );
  }

  /** Component by index: 0 is x ... 3 is w (Godot's `v[i]`). */
  get 0(): number {
    return this.x;
  }
  set 0(value: number) {
    this.x = check_number("Vector4[0]", 0, "value", value);
  }
  get 1(): number {
    return this.y;
  }
  set 1(value: number) {
    this.y = check_number("Vector4[1]", 0, "value", value);
  }
  get 2(): number {
    return this.z;
  }
  set 2(value: number) {
    this.z = check_number("Vector4[2]", 0, "value", value);
  }
  get 3(): number {
    return this.w;
  }
  set 3(value: number) {
    this.w = check_number("Vector4[3]", 0, "value", value);
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

  length_squared(): number {
    return this.x * this.x + this.y * this.y + this.z * this.z + this.w * this.w;
  }

  abs(): Vector4 {
    return new Vector4(Math.abs(this.x), Math.abs(this.y), Math.abs(this.z), Math.abs(this.w));
  }

  sign(): Vector4 {
    return new Vector4(sign_of(this.x), sign_of(this.y), sign_of(this.z), sign_of(this.w));
  }

  floor(): Vector4 {
    return new Vector4(Math.floor(this.x), Math.floor(this.y), Math.floor(this.z), Math.floor(this.w));
  }

  ceil(): Vector4 {
    return new Vector4(Math.ceil(this.x), Math.ceil(this.y), Math.ceil(this.z), Math.ceil(this.w));
  }

  /** Halves round away from zero, as C's round(). */
  round(): Vector4 {
    return new Vector4(
      round_half_away(this.x),
      round_half_away(this.y),
      round_half_away(this.z),
      round_half_away(this.w),
    );
  }

  lerp(to: Vector4, weight: number): Vector4 {
    if (!(to instanceof Vector4)) bad_argument("Vector4.lerp", 0, "to", "Vector4", to);
    check_number("Vector4.lerp", 1, "weight", weight);
    return new Vector4(
      lerp(this.x, to.x, weight),
      lerp(this.y, to.y, weight),
      lerp(this.z, to.z, weight),
      lerp(this.w, to.w, weight),
    );
  }

  cubic_interpolate(b: Vector4, pre_a: Vector4, post_b: Vector4, weight: number): Vector4 {
    const m = "Vector4.cubic_interpolate";
    check_instance(m, 0, "b", b, Vector4);
    check_instance(m, 1, "pre_a", pre_a, Vector4);
    check_instance(m, 2, "post_b", post_b, Vector4);
    check_number(m, 3, "weight", weight);
    return new Vector4(
      cubic_interpolate(this.x, b.x, pre_a.x, post_b.x, weight),
      cubic_interpolate(this.y, b.y, pre_a.y, post_b.y, weight),
      cubic_interpolate(this.z, b.z, pre_a.z, post_b.z, weight),
      cubic_interpolate(this.w, b.w, pre_a.w, post_b.w, weight),
    );
  }

  cubic_interpolate_in_time(
    b: Vector4,
    pre_a: Vector4,
    post_b: Vector4,
    weight: number,
    b_t: number,
    pre_a_t: number,
    post_b_t: number,
  ): Vector4 {
    const m = "Vector4.cubic_interpolate_in_time";
    check_instance(m, 0, "b", b, Vector4);
    check_instance(m, 1, "pre_a", pre_a, Vector4);
    check_instance(m, 2, "post_b", post_b, Vector4);
    check_number(m, 3, "weight", weight);
    check_number(m, 4, "b_t", b_t);
    check_number(m, 5, "pre_a_t", pre_a_t);
    check_number(m, 6, "post_b_t", post_b_t);
    return new Vector4(
      cubic_interpolate_in_time(this.x, b.x, pre_a.x, post_b.x, weight, b_t, pre_a_t, post_b_t),
      cubic_interpolate_in_time(this.y, b.y, pre_a.y, post_b.y, weight, b_t, pre_a_t, post_b_t),
      cubic_interpolate_in_time(this.z, b.z, pre_a.z, post_b.z, weight, b_t, pre_a_t, post_b_t),
      cubic_interpolate_in_time(this.w, b.w, pre_a.w, post_b.w, weight, b_t, pre_a_t, post_b_t),
    );
  }

  /** Each component's remainder by `mod`, with the sign of `mod`. */
  posmod(mod: number): Vector4 {
    check_number("Vector4.posmod", 0, "mod", mod);
    return new Vector4(
      fposmod(this.x, mod),
      fposmod(this.y, mod),
      fposmod(this.z, mod),
      fposmod(this.w, mod),
    );
  }

  posmodv(modv: Vector4): Vector4 {
    if (!(modv instanceof Vector4)) bad_argument("Vector4.posmodv", 0, "modv", "Vector4", modv);
    return new Vector4(
      fposmod(this.x, modv.x),
      fposmod(this.y, modv.y),
      fposmod(this.z, modv.z),
      fposmod(this.w, modv.w),
    );
  }

  snapped(step: Vector4): Vector4 {
    if (!(step instanceof Vector4)) bad_argument("Vector4.snapped", 0, "step", "Vector4", step);
    return new Vector4(
      snapped(this.x, step.x),
      snapped(this.y, step.y),
      snapped(this.z, step.z),
      snapped(this.w, step.w),
    );
  }

  snappedf(step: number): Vector4 {
    check_number("Vector4.snappedf", 0, "step", step);
    return new Vector4(
      snapped(this.x, step),
      snapped(this.y, step),
      snapped(this.z, step),
      snapped(this.w, step),
    );
  }

  clamp(min: Vector4, max: Vector4): Vector4 {
    if (!(min instanceof Vector4)) bad_argument("Vector4.clamp", 0, "min", "Vector4", min);
    if (!(max instanceof Vector4)) bad_argument("Vector4.clamp", 1, "max", "Vector4", max);
    return new Vector4(
      clamp_of(this.x, min.x, max.x),
      clamp_of(this.y, min.y, max.y),
      clamp_of(this.z, min.z, max.z),
      clamp_of(this.w, min.w, max.w),
    );
  }

  clampf(min: number, max: number): Vector4 {
    check_number("Vector4.clampf", 0, "min", min);
    check_number("Vector4.clampf", 1, "max", max);
    return new Vector4(
      clamp_of(this.x, min, max),
      clamp_of(this.y, min, max),
      clamp_of(this.z, min, max),
      clamp_of(this.w, min, max),
    );
  }

  /** Scaled to length 1; a zero or non-finite vector gives (0, 0, 0, 0). */
  normalized(): Vector4 {
    return normalized_xyzw(this.x, this.y, this.z, this.w);
  }

  is_normalized(): boolean {
    return Math.abs(this.length_squared() - 1) < UNIT_EPSILON;
  }

  direction_to(to: Vector4): Vector4 {
    if (!(to instanceof Vector4)) bad_argument("Vector4.direction_to", 0, "to", "Vector4", to);
    return normalized_xyzw(to.x - this.x, to.y - this.y, to.z - this.z, to.w - this.w);
  }

  distance_to(to: Vector4): number {
    if (!(to instanceof Vector4)) bad_argument("Vector4.distance_to", 0, "to", "Vector4", to);
    return Math.sqrt(this.distance_squared_to(to));
  }

  distance_squared_to(to: Vector4): number {
    if (!(to instanceof Vector4)) bad_argument("Vector4.distance_squared_to", 0, "to", "Vector4", to);
    const dx = to.x - this.x;
    const dy = to.y - this.y;
    const dz = to.z - this.z;
    const dw = to.w - this.w;
    return dx * dx + dy * dy + dz * dz + dw * dw;
  }

  dot(with_: Vector4): number {
    if (!(with_ instanceof Vector4)) bad_argument("Vector4.dot", 0, "with", "Vector4", with_);
    return this.x * with_.x + this.y * with_.y + this.z * with_.z + this.w * with_.w;
  }

  /** (1 / x, 1 / y, 1 / z, 1 / w). */
  inverse(): Vector4 {
    return new Vector4(1 / this.x, 1 / this.y, 1 / this.z, 1 / this.w);
  }

  is_equal_approx(to: Vector4): boolean {
    if (!(to instanceof Vector4)) bad_argument("Vector4.is_equal_approx", 0, "to", "Vector4", to);
    return (
      is_equal_approx(this.x, to.x) &&
      is_equal_approx(this.y, to.y) &&
      is_equal_approx(this.z, to.z) &&
      is_equal_approx(this.w, to.w)
    );
  }

  is_zero_approx(): boolean {
    return (
      is_zero_approx(this.x) && is_zero_approx(this.y) && is_zero_approx(this.z) && is_zero_approx(this.w)
    );
  }

  is_finite(): boolean {
    return (
      Number.isFinite(this.x) && Number.isFinite(this.y) && Number.isFinite(this.z) && Number.isFinite(this.w)
    );
  }

  min(with_: Vector4): Vector4 {
    if (!(with_ instanceof Vector4)) bad_argument("Vector4.min", 0, "with", "Vector4", with_);
    return new Vector4(
      min_of(this.x, with_.x),
      min_of(this.y, with_.y),
      min_of(this.z, with_.z),
      min_of(this.w, with_.w),
    );
  }

  minf(with_: number): Vector4 {
    check_number("Vector4.minf", 0, "with", with_);
    return new Vector4(
      min_of(this.x, with_),
      min_of(this.y, with_),
      min_of(this.z, with_),
      min_of(this.w, with_),
    );
  }

  max(with_: Vector4): Vector4 {
    if (!(with_ instanceof Vector4)) bad_argument("Vector4.max", 0, "with", "Vector4", with_);
    return new Vector4(
      max_of(this.x, with_.x),
      max_of(this.y, with_.y),
      max_of(this.z, with_.z),
      max_of(this.w, with_.w),
    );
  }

  maxf(with_: number): Vector4 {
    check_number("Vector4.maxf", 0, "with", with_);
    return new Vector4(
      max_of(this.x, with_),
      max_of(this.y, with_),
      max_of(this.z, with_),
      max_of(this.w, with_),
    );
  }

  // Operators

  add(right: Vector4): Vector4 {
    if (!(right instanceof Vector4)) bad_argument("Vector4.add", 0, "right", "Vector4", right);
    return new Vector4(this.x + right.x, this.y + right.y, this.z + right.z, this.w + right.w);
  }

  subtract(right: Vector4): Vector4 {
    if (!(right instanceof Vector4)) bad_argument("Vector4.subtract", 0, "right", "Vector4", right);
    return new Vector4(this.x - right.x, this.y - right.y, this.z - right.z, this.w - right.w);
  }

  /**
   * `this * right`: per component by a Vector4, scaled by a number, or by a Projection (Godot's
   * `vector * projection`, the transposed transform: each component is a dot with a column).
   */
  multiply(right: Vector4 | Projection | number): Vector4 {
    if (typeof right === "number")
      return new Vector4(this.x * right, this.y * right, this.z * right, this.w * right);
    if (right instanceof Vector4)
      return new Vector4(this.x * right.x, this.y * right.y, this.z * right.z, this.w * right.w);
    if (right instanceof Projection) {
      const { x: cx, y: cy, z: cz, w: cw } = right;
      return new Vector4(this.dot(cx), this.dot(cy), this.dot(cz), this.dot(cw));
    }
    return bad_arguments("Vector4.multiply", "(Vector4), (Projection), (int) or (float)", [right]);
  }

  /** `this / right`: per component, or by a number (a zero divisor gives infinities, as floats do). */
  divide(right: Vector4 | number): Vector4 {
    if (typeof right === "number")
      return new Vector4(this.x / right, this.y / right, this.z / right, this.w / right);
    if (right instanceof Vector4)
      return new Vector4(this.x / right.x, this.y / right.y, this.z / right.z, this.w / right.w);
    return bad_arguments("Vector4.divide", "(Vector4), (int) or (float)", [right]);
  }

  negate(): Vector4 {
    return new Vector4(-this.x, -this.y, -this.z, -this.w);
  }

  /** `+this`: a copy. */
  positive(): Vector4 {
    return new Vector4(this.x, this.y, this.z, this.w);
  }

  /** `this == right`: exact; false for any other type, a Vector4i included (as Godot's Variant ==). */
  equals(right: unknown): boolean {
    return (
      right instanceof Vector4 &&
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
  less(right: Vector4): boolean {
    if (!(right instanceof Vector4)) bad_argument("Vector4.less", 0, "right", "Vector4", right);
    if (this.x !== right.x) return this.x < right.x;
    if (this.y !== right.y) return this.y < right.y;
    if (this.z !== right.z) return this.z < right.z;
    return this.w < right.w;
  }

  less_equal(right: Vector4): boolean {
    if (!(right instanceof Vector4)) bad_argument("Vector4.less_equal", 0, "right", "Vector4", right);
    if (this.x !== right.x) return this.x < right.x;
    if (this.y !== right.y) return this.y < right.y;
    if (this.z !== right.z) return this.z < right.z;
    return this.w <= right.w;
  }

  greater(right: Vector4): boolean {
    if (!(right instanceof Vector4)) bad_argument("Vector4.greater", 0, "right", "Vector4", right);
    if (this.x !== right.x) return this.x > right.x;
    if (this.y !== right.y) return this.y > right.y;
    if (this.z !== right.z) return this.z > right.z;
    return this.w > right.w;
  }

  greater_equal(right: Vector4): boolean {
    if (!(right instanceof Vector4)) bad_argument("Vector4.greater_equal", 0, "right", "Vector4", right);
    if (this.x !== right.x) return this.x > right.x;
    if (this.y !== right.y) return this.y > right.y;
    if (this.z !== right.z) return this.z > right.z;
    return this.w >= right.w;
  }

  /** As Godot's str(): "(1, 2, 3, 4.5)". */
  toString(): string {
    return join_reals([this.x, this.y, this.z, this.w]);
  }
}

export namespace Vector4 {
  export enum Axis {
    AXIS_X = 0,
    AXIS_Y = 1,
    AXIS_Z = 2,
    AXIS_W = 3,
  }
}
