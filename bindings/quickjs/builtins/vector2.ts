// Godot's Vector2 (core/math/vector2.h): a 2D vector of floats, copied by value. Methods never
// change the vector they are called on; operators are methods (`add`, `multiply`, `equals`...).
import { bad_argument, bad_arguments, check_instance, check_number, print_error } from "./checks.js";
import { join_reals } from "./format.js";
import {
  CMP_EPSILON,
  UNIT_EPSILON,
  bezier_derivative,
  bezier_interpolate,
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
import { Transform2D } from "./transform2d.js";
import { Vector2i } from "./vector2i.js";

export class Vector2 {
  x: number;
  y: number;

  static readonly AXIS_X = 0;
  static readonly AXIS_Y = 1;

  /** (0, 0). Each read is a new vector. */
  static get ZERO(): Vector2 {
    return new Vector2(0, 0);
  }
  /** (1, 1). */
  static get ONE(): Vector2 {
    return new Vector2(1, 1);
  }
  /** (inf, inf). */
  static get INF(): Vector2 {
    return new Vector2(Infinity, Infinity);
  }
  /** (-1, 0). */
  static get LEFT(): Vector2 {
    return new Vector2(-1, 0);
  }
  /** (1, 0). */
  static get RIGHT(): Vector2 {
    return new Vector2(1, 0);
  }
  /** (0, -1): 2D's y axis points down. */
  static get UP(): Vector2 {
    return new Vector2(0, -1);
  }
  /** (0, 1). */
  static get DOWN(): Vector2 {
    return new Vector2(0, 1);
  }

  constructor();
  constructor(from: Vector2 | Vector2i);
  constructor(x: number, y: number);
  constructor(a?: unknown, b?: unknown) {
    const count = b !== undefined ? 2 : a !== undefined ? 1 : 0;
    if (count === 2 && typeof a === "number" && typeof b === "number") {
      this.x = a;
      this.y = b;
      return;
    }
    if (count === 0) {
      this.x = 0;
      this.y = 0;
      return;
    }
    if (count === 1 && (a instanceof Vector2 || a instanceof Vector2i)) {
      this.x = a.x;
      this.y = a.y;
      return;
    }
    bad_arguments(
      "Vector2()",
      "(), (Vector2 from), (Vector2i from) or (float x, float y)",
      [a, b].slice(0, count),
    );
  }

  /** Component by index: 0 is x, 1 is y (Godot's `v[i]`). */
  get 0(): number {
    return this.x;
  }
  set 0(value: number) {
    this.x = check_number("Vector2[0]", 0, "value", value);
  }
  get 1(): number {
    return this.y;
  }
  set 1(value: number) {
    this.y = check_number("Vector2[1]", 0, "value", value);
  }

  // Methods

  angle(): number {
    return Math.atan2(this.y, this.x);
  }

  angle_to(to: Vector2): number {
    if (!(to instanceof Vector2)) bad_argument("Vector2.angle_to", 0, "to", "Vector2", to);
    return Math.atan2(this.x * to.y - this.y * to.x, this.x * to.x + this.y * to.y);
  }

  angle_to_point(to: Vector2): number {
    if (!(to instanceof Vector2)) bad_argument("Vector2.angle_to_point", 0, "to", "Vector2", to);
    return Math.atan2(to.y - this.y, to.x - this.x);
  }

  direction_to(to: Vector2): Vector2 {
    if (!(to instanceof Vector2)) bad_argument("Vector2.direction_to", 0, "to", "Vector2", to);
    return normalized_xy(to.x - this.x, to.y - this.y);
  }

  distance_to(to: Vector2): number {
    if (!(to instanceof Vector2)) bad_argument("Vector2.distance_to", 0, "to", "Vector2", to);
    const dx = this.x - to.x;
    const dy = this.y - to.y;
    return Math.sqrt(dx * dx + dy * dy);
  }

  distance_squared_to(to: Vector2): number {
    if (!(to instanceof Vector2)) bad_argument("Vector2.distance_squared_to", 0, "to", "Vector2", to);
    const dx = this.x - to.x;
    const dy = this.y - to.y;
    return dx * dx + dy * dy;
  }

  length(): number {
    return Math.sqrt(this.x * this.x + this.y * this.y);
  }

  length_squared(): number {
    return this.x * this.x + this.y * this.y;
  }

  limit_length(length = 1.0): Vector2 {
    check_number("Vector2.limit_length", 0, "length", length);
    const l = this.length();
    if (l > 0 && length < l) return new Vector2((this.x / l) * length, (this.y / l) * length);
    return new Vector2(this.x, this.y);
  }

  normalized(): Vector2 {
    return normalized_xy(this.x, this.y);
  }

  is_normalized(): boolean {
    const l = this.length_squared();
    return l === 1 || Math.abs(l - 1) < UNIT_EPSILON;
  }

  is_equal_approx(to: Vector2): boolean {
    if (!(to instanceof Vector2)) bad_argument("Vector2.is_equal_approx", 0, "to", "Vector2", to);
    return is_equal_approx(this.x, to.x) && is_equal_approx(this.y, to.y);
  }

  is_zero_approx(): boolean {
    return is_zero_approx(this.x) && is_zero_approx(this.y);
  }

  is_finite(): boolean {
    return Number.isFinite(this.x) && Number.isFinite(this.y);
  }

  posmod(mod: number): Vector2 {
    check_number("Vector2.posmod", 0, "mod", mod);
    return new Vector2(fposmod(this.x, mod) + 0, fposmod(this.y, mod) + 0);
  }

  posmodv(modv: Vector2): Vector2 {
    if (!(modv instanceof Vector2)) bad_argument("Vector2.posmodv", 0, "modv", "Vector2", modv);
    return new Vector2(fposmod(this.x, modv.x) + 0, fposmod(this.y, modv.y) + 0);
  }

  project(b: Vector2): Vector2 {
    if (!(b instanceof Vector2)) bad_argument("Vector2.project", 0, "b", "Vector2", b);
    const scale = (this.x * b.x + this.y * b.y) / (b.x * b.x + b.y * b.y);
    return new Vector2(b.x * scale, b.y * scale);
  }

  lerp(to: Vector2, weight: number): Vector2 {
    if (!(to instanceof Vector2)) bad_argument("Vector2.lerp", 0, "to", "Vector2", to);
    check_number("Vector2.lerp", 1, "weight", weight);
    return new Vector2(lerp(this.x, to.x, weight), lerp(this.y, to.y, weight));
  }

  slerp(to: Vector2, weight: number): Vector2 {
    if (!(to instanceof Vector2)) bad_argument("Vector2.slerp", 0, "to", "Vector2", to);
    check_number("Vector2.slerp", 1, "weight", weight);
    const start_length_sq = this.length_squared();
    const end_length_sq = to.length_squared();
    if (start_length_sq === 0 || end_length_sq === 0) {
      // Zero-length vectors have no angle: Godot falls back to lerp.
      return new Vector2(lerp(this.x, to.x, weight), lerp(this.y, to.y, weight));
    }
    const start_length = Math.sqrt(start_length_sq);
    const result_length = lerp(start_length, Math.sqrt(end_length_sq), weight);
    const angle = Math.atan2(this.x * to.y - this.y * to.x, this.x * to.x + this.y * to.y);
    return rotated_xy(this.x, this.y, angle * weight, result_length / start_length);
  }

  cubic_interpolate(b: Vector2, pre_a: Vector2, post_b: Vector2, weight: number): Vector2 {
    const m = "Vector2.cubic_interpolate";
    check_instance(m, 0, "b", b, Vector2);
    check_instance(m, 1, "pre_a", pre_a, Vector2);
    check_instance(m, 2, "post_b", post_b, Vector2);
    check_number(m, 3, "weight", weight);
    return new Vector2(
      cubic_interpolate(this.x, b.x, pre_a.x, post_b.x, weight),
      cubic_interpolate(this.y, b.y, pre_a.y, post_b.y, weight),
    );
  }

  cubic_interpolate_in_time(
    b: Vector2,
    pre_a: Vector2,
    post_b: Vector2,
    weight: number,
    b_t: number,
    pre_a_t: number,
    post_b_t: number,
  ): Vector2 {
    const m = "Vector2.cubic_interpolate_in_time";
    check_instance(m, 0, "b", b, Vector2);
    check_instance(m, 1, "pre_a", pre_a, Vector2);
    check_instance(m, 2, "post_b", post_b, Vector2);
    check_number(m, 3, "weight", weight);
    check_number(m, 4, "b_t", b_t);
    check_number(m, 5, "pre_a_t", pre_a_t);
    check_number(m, 6, "post_b_t", post_b_t);
    return new Vector2(
      cubic_interpolate_in_time(this.x, b.x, pre_a.x, post_b.x, weight, b_t, pre_a_t, post_b_t),
      cubic_interpolate_in_time(this.y, b.y, pre_a.y, post_b.y, weight, b_t, pre_a_t, post_b_t),
    );
  }

  bezier_interpolate(control_1: Vector2, control_2: Vector2, end: Vector2, t: number): Vector2 {
    const m = "Vector2.bezier_interpolate";
    check_instance(m, 0, "control_1", control_1, Vector2);
    check_instance(m, 1, "control_2", control_2, Vector2);
    check_instance(m, 2, "end", end, Vector2);
    check_number(m, 3, "t", t);
    return new Vector2(
      bezier_interpolate(this.x, control_1.x, control_2.x, end.x, t),
      bezier_interpolate(this.y, control_1.y, control_2.y, end.y, t),
    );
  }

  bezier_derivative(control_1: Vector2, control_2: Vector2, end: Vector2, t: number): Vector2 {
    const m = "Vector2.bezier_derivative";
    check_instance(m, 0, "control_1", control_1, Vector2);
    check_instance(m, 1, "control_2", control_2, Vector2);
    check_instance(m, 2, "end", end, Vector2);
    check_number(m, 3, "t", t);
    return new Vector2(
      bezier_derivative(this.x, control_1.x, control_2.x, end.x, t),
      bezier_derivative(this.y, control_1.y, control_2.y, end.y, t),
    );
  }

  /** Vector2.AXIS_X (0) or AXIS_Y (1): the larger component, x when they are equal. */
  max_axis_index(): number {
    return this.x < this.y ? Vector2.AXIS_Y : Vector2.AXIS_X;
  }

  /** The smaller component's axis, y when they are equal. */
  min_axis_index(): number {
    return this.x < this.y ? Vector2.AXIS_X : Vector2.AXIS_Y;
  }

  move_toward(to: Vector2, delta: number): Vector2 {
    if (!(to instanceof Vector2)) bad_argument("Vector2.move_toward", 0, "to", "Vector2", to);
    check_number("Vector2.move_toward", 1, "delta", delta);
    const dx = to.x - this.x;
    const dy = to.y - this.y;
    const len = Math.sqrt(dx * dx + dy * dy);
    if (len <= delta || len < CMP_EPSILON) return new Vector2(to.x, to.y);
    return new Vector2(this.x + (dx / len) * delta, this.y + (dy / len) * delta);
  }

  rotated(angle: number): Vector2 {
    check_number("Vector2.rotated", 0, "angle", angle);
    return rotated_xy(this.x, this.y, angle, 1);
  }

  orthogonal(): Vector2 {
    return new Vector2(this.y, -this.x);
  }

  floor(): Vector2 {
    return new Vector2(Math.floor(this.x), Math.floor(this.y));
  }

  ceil(): Vector2 {
    return new Vector2(Math.ceil(this.x), Math.ceil(this.y));
  }

  /** Halves round away from zero, as in Godot. */
  round(): Vector2 {
    return new Vector2(round_half_away(this.x), round_half_away(this.y));
  }

  aspect(): number {
    return this.x / this.y;
  }

  dot(with_: Vector2): number {
    if (!(with_ instanceof Vector2)) bad_argument("Vector2.dot", 0, "with", "Vector2", with_);
    return this.x * with_.x + this.y * with_.y;
  }

  /** Godot prints an error and returns (0, 0) when `n` is not normalized. */
  slide(n: Vector2): Vector2 {
    if (!(n instanceof Vector2)) bad_argument("Vector2.slide", 0, "n", "Vector2", n);
    if (!n.is_normalized()) return not_normalized(n);
    const d = this.x * n.x + this.y * n.y;
    return new Vector2(this.x - n.x * d, this.y - n.y * d);
  }

  /** Godot prints an error and returns (0, 0) when `n` is not normalized. */
  bounce(n: Vector2): Vector2 {
    if (!(n instanceof Vector2)) bad_argument("Vector2.bounce", 0, "n", "Vector2", n);
    if (!n.is_normalized()) return not_normalized(n);
    const d = this.x * n.x + this.y * n.y;
    return new Vector2(-(2 * n.x * d - this.x), -(2 * n.y * d - this.y));
  }

  /** Godot prints an error and returns (0, 0) when `line` is not normalized. */
  reflect(line: Vector2): Vector2 {
    if (!(line instanceof Vector2)) bad_argument("Vector2.reflect", 0, "line", "Vector2", line);
    if (!line.is_normalized()) return not_normalized(line);
    const d = this.x * line.x + this.y * line.y;
    return new Vector2(2 * line.x * d - this.x, 2 * line.y * d - this.y);
  }

  cross(with_: Vector2): number {
    if (!(with_ instanceof Vector2)) bad_argument("Vector2.cross", 0, "with", "Vector2", with_);
    return this.x * with_.y - this.y * with_.x;
  }

  abs(): Vector2 {
    return new Vector2(Math.abs(this.x), Math.abs(this.y));
  }

  sign(): Vector2 {
    return new Vector2(sign_of(this.x), sign_of(this.y));
  }

  clamp(min: Vector2, max: Vector2): Vector2 {
    if (!(min instanceof Vector2)) bad_argument("Vector2.clamp", 0, "min", "Vector2", min);
    if (!(max instanceof Vector2)) bad_argument("Vector2.clamp", 1, "max", "Vector2", max);
    return new Vector2(clamp_of(this.x, min.x, max.x), clamp_of(this.y, min.y, max.y));
  }

  clampf(min: number, max: number): Vector2 {
    check_number("Vector2.clampf", 0, "min", min);
    check_number("Vector2.clampf", 1, "max", max);
    return new Vector2(clamp_of(this.x, min, max), clamp_of(this.y, min, max));
  }

  snapped(step: Vector2): Vector2 {
    if (!(step instanceof Vector2)) bad_argument("Vector2.snapped", 0, "step", "Vector2", step);
    return new Vector2(snapped(this.x, step.x), snapped(this.y, step.y));
  }

  snappedf(step: number): Vector2 {
    check_number("Vector2.snappedf", 0, "step", step);
    return new Vector2(snapped(this.x, step), snapped(this.y, step));
  }

  min(with_: Vector2): Vector2 {
    if (!(with_ instanceof Vector2)) bad_argument("Vector2.min", 0, "with", "Vector2", with_);
    return new Vector2(min_of(this.x, with_.x), min_of(this.y, with_.y));
  }

  minf(with_: number): Vector2 {
    check_number("Vector2.minf", 0, "with", with_);
    return new Vector2(min_of(this.x, with_), min_of(this.y, with_));
  }

  max(with_: Vector2): Vector2 {
    if (!(with_ instanceof Vector2)) bad_argument("Vector2.max", 0, "with", "Vector2", with_);
    return new Vector2(max_of(this.x, with_.x), max_of(this.y, with_.y));
  }

  maxf(with_: number): Vector2 {
    check_number("Vector2.maxf", 0, "with", with_);
    return new Vector2(max_of(this.x, with_), max_of(this.y, with_));
  }

  static from_angle(angle: number): Vector2 {
    check_number("Vector2.from_angle", 0, "angle", angle);
    return new Vector2(Math.cos(angle), Math.sin(angle));
  }

  // Operators

  /** `this + right`. */
  add(right: Vector2): Vector2 {
    if (!(right instanceof Vector2)) bad_argument("Vector2.add", 0, "right", "Vector2", right);
    return new Vector2(this.x + right.x, this.y + right.y);
  }

  /** `this - right`. */
  subtract(right: Vector2): Vector2 {
    if (!(right instanceof Vector2)) bad_argument("Vector2.subtract", 0, "right", "Vector2", right);
    return new Vector2(this.x - right.x, this.y - right.y);
  }

  /** `this * right`: per component, by a number, or `this * transform` (the inverse transform of this point, as Godot). */
  multiply(right: Vector2 | number | Transform2D): Vector2 {
    if (typeof right === "number") return new Vector2(this.x * right, this.y * right);
    if (right instanceof Vector2) return new Vector2(this.x * right.x, this.y * right.y);
    if (right instanceof Transform2D) {
      const vx = this.x - right.origin.x;
      const vy = this.y - right.origin.y;
      return new Vector2(right.x.x * vx + right.x.y * vy, right.y.x * vx + right.y.y * vy);
    }
    return bad_arguments("Vector2.multiply", "(Vector2), (float) or (Transform2D)", [right]);
  }

  /** `this / right`: per component or by a number (division by zero gives inf or nan, as in Godot). */
  divide(right: Vector2 | number): Vector2 {
    if (typeof right === "number") return new Vector2(this.x / right, this.y / right);
    if (right instanceof Vector2) return new Vector2(this.x / right.x, this.y / right.y);
    return bad_arguments("Vector2.divide", "(Vector2) or (float)", [right]);
  }

  /** `-this`. */
  negate(): Vector2 {
    return new Vector2(-this.x, -this.y);
  }

  /** `+this`: a copy. */
  positive(): Vector2 {
    return new Vector2(this.x, this.y);
  }

  /** `this == right`: exact, false for any other type (as Godot's Variant ==). */
  equals(right: unknown): boolean {
    return right instanceof Vector2 && this.x === right.x && this.y === right.y;
  }

  /** `this != right`. */
  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  /** `this < right`: by x, then by y. */
  less(right: Vector2): boolean {
    if (!(right instanceof Vector2)) bad_argument("Vector2.less", 0, "right", "Vector2", right);
    return this.x === right.x ? this.y < right.y : this.x < right.x;
  }

  less_equal(right: Vector2): boolean {
    if (!(right instanceof Vector2)) bad_argument("Vector2.less_equal", 0, "right", "Vector2", right);
    return this.x === right.x ? this.y <= right.y : this.x < right.x;
  }

  greater(right: Vector2): boolean {
    if (!(right instanceof Vector2)) bad_argument("Vector2.greater", 0, "right", "Vector2", right);
    return this.x === right.x ? this.y > right.y : this.x > right.x;
  }

  greater_equal(right: Vector2): boolean {
    if (!(right instanceof Vector2)) bad_argument("Vector2.greater_equal", 0, "right", "Vector2", right);
    return this.x === right.x ? this.y >= right.y : this.x > right.x;
  }

  /** As Godot's str(): "(0.6, -0.8)". */
  toString(): string {
    return join_reals([this.x, this.y]);
  }
}

export namespace Vector2 {
  export enum Axis {
    AXIS_X = 0,
    AXIS_Y = 1,
  }
}

function normalized_xy(x: number, y: number): Vector2 {
  const l2 = x * x + y * y;
  if (l2 === 0) return new Vector2(x, y);
  const l = Math.sqrt(l2);
  return new Vector2(x / l, y / l);
}

function rotated_xy(x: number, y: number, angle: number, scale: number): Vector2 {
  const sine = Math.sin(angle);
  const cosi = Math.cos(angle);
  return new Vector2((x * cosi - y * sine) * scale, (x * sine + y * cosi) * scale);
}

function not_normalized(normal: Vector2): Vector2 {
  print_error(`The normal Vector2 ${normal.toString()} must be normalized.`);
  return new Vector2(0, 0);
}
