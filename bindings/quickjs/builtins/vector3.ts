// Godot's Vector3 (core/math/vector3.h): a 3D vector of floats, copied by value. Methods never
// change the vector they are called on; operators are methods (`add`, `multiply`, `equals`...).
// Over 600 lines: one class with Godot's whole Vector3 API (about 80 methods and their operator
// overloads), kept in one file as Godot's vector3.h/.cpp are.
import { Basis } from "./basis.js";
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
import { Quaternion } from "./quaternion.js";
import { Transform3D } from "./transform3d.js";
import { Vector2 } from "./vector2.js";
import { Vector3i } from "./vector3i.js";

// Godot's is_normalized() test on a squared length (Math::is_equal_approx with UNIT_EPSILON).
function is_unit_squared(length_squared: number): boolean {
  return length_squared === 1 || Math.abs(length_squared - 1) < UNIT_EPSILON;
}

export class Vector3 {
  x: number;
  y: number;
  z: number;

  static readonly AXIS_X = 0;
  static readonly AXIS_Y = 1;
  static readonly AXIS_Z = 2;

  // Constants: each read is a new vector, so a script may change what it got.
  static get ZERO(): Vector3 {
    return new Vector3(0, 0, 0);
  }
  static get ONE(): Vector3 {
    return new Vector3(1, 1, 1);
  }
  static get INF(): Vector3 {
    return new Vector3(Infinity, Infinity, Infinity);
  }
  static get LEFT(): Vector3 {
    return new Vector3(-1, 0, 0);
  }
  static get RIGHT(): Vector3 {
    return new Vector3(1, 0, 0);
  }
  static get UP(): Vector3 {
    return new Vector3(0, 1, 0);
  }
  static get DOWN(): Vector3 {
    return new Vector3(0, -1, 0);
  }
  /** (0, 0, -1): cameras and nodes look down -Z. */
  static get FORWARD(): Vector3 {
    return new Vector3(0, 0, -1);
  }
  static get BACK(): Vector3 {
    return new Vector3(0, 0, 1);
  }
  // The MODEL_* directions follow glTF: a model faces +Z, its left is +X.
  static get MODEL_LEFT(): Vector3 {
    return new Vector3(1, 0, 0);
  }
  static get MODEL_RIGHT(): Vector3 {
    return new Vector3(-1, 0, 0);
  }
  static get MODEL_TOP(): Vector3 {
    return new Vector3(0, 1, 0);
  }
  static get MODEL_BOTTOM(): Vector3 {
    return new Vector3(0, -1, 0);
  }
  static get MODEL_FRONT(): Vector3 {
    return new Vector3(0, 0, 1);
  }
  static get MODEL_REAR(): Vector3 {
    return new Vector3(0, 0, -1);
  }

  constructor();
  constructor(from: Vector3 | Vector3i);
  constructor(x: number, y: number, z: number);
  constructor(a?: unknown, b?: unknown, c?: unknown) {
    const count = c !== undefined ? 3 : b !== undefined ? 2 : a !== undefined ? 1 : 0;
    if (count === 3 && typeof a === "number" && typeof b === "number" && typeof c === "number") {
      this.x = a;
      this.y = b;
      this.z = c;
      return;
    }
    if (count === 0) {
      this.x = 0;
      this.y = 0;
      this.z = 0;
      return;
    }
    if (count === 1 && (a instanceof Vector3 || a instanceof Vector3i)) {
      this.x = a.x;
      this.y = a.y;
      this.z = a.z;
      return;
    }
    bad_arguments(
      "Vector3()",
      "(), (Vector3 from), (Vector3i from) or (float x, float y, float z)",
      [a, b, c].slice(0, count),
    );
  }

  /** Component by index: 0 is x, 1 is y, 2 is z (Godot's `v[i]`). */
  get 0(): number {
    return this.x;
  }
  set 0(value: number) {
    this.x = check_number("Vector3[0]", 0, "value", value);
  }
  get 1(): number {
    return this.y;
  }
  set 1(value: number) {
    this.y = check_number("Vector3[1]", 0, "value", value);
  }
  get 2(): number {
    return this.z;
  }
  set 2(value: number) {
    this.z = check_number("Vector3[2]", 0, "value", value);
  }

  // Methods

  /** The smallest component's axis (Vector3.AXIS_X, AXIS_Y or AXIS_Z); ties go to the later axis. */
  min_axis_index(): number {
    const { x, y, z } = this;
    return x < y ? (x < z ? Vector3.AXIS_X : Vector3.AXIS_Z) : y < z ? Vector3.AXIS_Y : Vector3.AXIS_Z;
  }

  /** The largest component's axis; ties go to the earlier axis except against z. */
  max_axis_index(): number {
    const { x, y, z } = this;
    return x < y ? (y < z ? Vector3.AXIS_Z : Vector3.AXIS_Y) : x < z ? Vector3.AXIS_Z : Vector3.AXIS_X;
  }

  /** The unsigned angle to `to`, in radians. */
  angle_to(to: Vector3): number {
    if (!(to instanceof Vector3)) bad_argument("Vector3.angle_to", 0, "to", "Vector3", to);
    return angle_between(this, to);
  }

  /** The angle to `to`, negative when the turn is clockwise seen from the tip of `axis`. */
  signed_angle_to(to: Vector3, axis: Vector3): number {
    if (!(to instanceof Vector3)) bad_argument("Vector3.signed_angle_to", 0, "to", "Vector3", to);
    if (!(axis instanceof Vector3)) bad_argument("Vector3.signed_angle_to", 1, "axis", "Vector3", axis);
    const cx = this.y * to.z - this.z * to.y;
    const cy = this.z * to.x - this.x * to.z;
    const cz = this.x * to.y - this.y * to.x;
    const unsigned_angle = Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), this.dot(to));
    return cx * axis.x + cy * axis.y + cz * axis.z < 0 ? -unsigned_angle : unsigned_angle;
  }

  direction_to(to: Vector3): Vector3 {
    if (!(to instanceof Vector3)) bad_argument("Vector3.direction_to", 0, "to", "Vector3", to);
    return normalized_xyz(to.x - this.x, to.y - this.y, to.z - this.z);
  }

  distance_to(to: Vector3): number {
    if (!(to instanceof Vector3)) bad_argument("Vector3.distance_to", 0, "to", "Vector3", to);
    return Math.sqrt(this.distance_squared_to(to));
  }

  distance_squared_to(to: Vector3): number {
    if (!(to instanceof Vector3)) bad_argument("Vector3.distance_squared_to", 0, "to", "Vector3", to);
    const dx = to.x - this.x;
    const dy = to.y - this.y;
    const dz = to.z - this.z;
    return dx * dx + dy * dy + dz * dz;
  }

  length(): number {
    return Math.sqrt(this.x * this.x + this.y * this.y + this.z * this.z);
  }

  length_squared(): number {
    return this.x * this.x + this.y * this.y + this.z * this.z;
  }

  /** The vector shortened to `length` if it is longer. */
  limit_length(length: number = 1.0): Vector3 {
    check_number("Vector3.limit_length", 0, "length", length);
    const l = this.length();
    if (l > 0 && length < l)
      return new Vector3((this.x / l) * length, (this.y / l) * length, (this.z / l) * length);
    return new Vector3(this.x, this.y, this.z);
  }

  /** The vector scaled to length 1; (0, 0, 0) stays zero. */
  normalized(): Vector3 {
    return normalized_xyz(this.x, this.y, this.z);
  }

  is_normalized(): boolean {
    return is_unit_squared(this.length_squared());
  }

  is_equal_approx(to: Vector3): boolean {
    if (!(to instanceof Vector3)) bad_argument("Vector3.is_equal_approx", 0, "to", "Vector3", to);
    return is_equal_approx(this.x, to.x) && is_equal_approx(this.y, to.y) && is_equal_approx(this.z, to.z);
  }

  is_zero_approx(): boolean {
    return is_zero_approx(this.x) && is_zero_approx(this.y) && is_zero_approx(this.z);
  }

  is_finite(): boolean {
    return Number.isFinite(this.x) && Number.isFinite(this.y) && Number.isFinite(this.z);
  }

  /** (1 / x, 1 / y, 1 / z). */
  inverse(): Vector3 {
    return new Vector3(1 / this.x, 1 / this.y, 1 / this.z);
  }

  clamp(min: Vector3, max: Vector3): Vector3 {
    if (!(min instanceof Vector3)) bad_argument("Vector3.clamp", 0, "min", "Vector3", min);
    if (!(max instanceof Vector3)) bad_argument("Vector3.clamp", 1, "max", "Vector3", max);
    return new Vector3(
      clamp_of(this.x, min.x, max.x),
      clamp_of(this.y, min.y, max.y),
      clamp_of(this.z, min.z, max.z),
    );
  }

  clampf(min: number, max: number): Vector3 {
    check_number("Vector3.clampf", 0, "min", min);
    check_number("Vector3.clampf", 1, "max", max);
    return new Vector3(clamp_of(this.x, min, max), clamp_of(this.y, min, max), clamp_of(this.z, min, max));
  }

  snapped(step: Vector3): Vector3 {
    if (!(step instanceof Vector3)) bad_argument("Vector3.snapped", 0, "step", "Vector3", step);
    return new Vector3(snapped(this.x, step.x), snapped(this.y, step.y), snapped(this.z, step.z));
  }

  snappedf(step: number): Vector3 {
    check_number("Vector3.snappedf", 0, "step", step);
    return new Vector3(snapped(this.x, step), snapped(this.y, step), snapped(this.z, step));
  }

  /** The vector rotated by `angle` radians around `axis`, which must be normalized. */
  rotated(axis: Vector3, angle: number): Vector3 {
    if (!(axis instanceof Vector3)) bad_argument("Vector3.rotated", 0, "axis", "Vector3", axis);
    check_number("Vector3.rotated", 1, "angle", angle);
    return rotated_around(this, axis, angle);
  }

  lerp(to: Vector3, weight: number): Vector3 {
    if (!(to instanceof Vector3)) bad_argument("Vector3.lerp", 0, "to", "Vector3", to);
    check_number("Vector3.lerp", 1, "weight", weight);
    return new Vector3(lerp(this.x, to.x, weight), lerp(this.y, to.y, weight), lerp(this.z, to.z, weight));
  }

  /** Rotates towards `to` while interpolating the length; falls back to lerp for zero or colinear vectors. */
  slerp(to: Vector3, weight: number): Vector3 {
    if (!(to instanceof Vector3)) bad_argument("Vector3.slerp", 0, "to", "Vector3", to);
    check_number("Vector3.slerp", 1, "weight", weight);
    const start_length_sq = this.length_squared();
    const end_length_sq = to.length_squared();
    if (start_length_sq === 0 || end_length_sq === 0) return this.lerp(to, weight);
    const ax = this.y * to.z - this.z * to.y;
    const ay = this.z * to.x - this.x * to.z;
    const az = this.x * to.y - this.y * to.x;
    const axis_length_sq = ax * ax + ay * ay + az * az;
    if (axis_length_sq === 0) return this.lerp(to, weight);
    const axis_length = Math.sqrt(axis_length_sq);
    const axis = new Vector3(ax / axis_length, ay / axis_length, az / axis_length);
    const start_length = Math.sqrt(start_length_sq);
    const scale = lerp(start_length, Math.sqrt(end_length_sq), weight) / start_length;
    const r = rotated_around(this, axis, angle_between(this, to) * weight);
    return new Vector3(r.x * scale, r.y * scale, r.z * scale);
  }

  cubic_interpolate(b: Vector3, pre_a: Vector3, post_b: Vector3, weight: number): Vector3 {
    const m = "Vector3.cubic_interpolate";
    check_instance(m, 0, "b", b, Vector3);
    check_instance(m, 1, "pre_a", pre_a, Vector3);
    check_instance(m, 2, "post_b", post_b, Vector3);
    check_number(m, 3, "weight", weight);
    return new Vector3(
      cubic_interpolate(this.x, b.x, pre_a.x, post_b.x, weight),
      cubic_interpolate(this.y, b.y, pre_a.y, post_b.y, weight),
      cubic_interpolate(this.z, b.z, pre_a.z, post_b.z, weight),
    );
  }

  cubic_interpolate_in_time(
    b: Vector3,
    pre_a: Vector3,
    post_b: Vector3,
    weight: number,
    b_t: number,
    pre_a_t: number,
    post_b_t: number,
  ): Vector3 {
    const m = "Vector3.cubic_interpolate_in_time";
    check_instance(m, 0, "b", b, Vector3);
    check_instance(m, 1, "pre_a", pre_a, Vector3);
    check_instance(m, 2, "post_b", post_b, Vector3);
    check_number(m, 3, "weight", weight);
    check_number(m, 4, "b_t", b_t);
    check_number(m, 5, "pre_a_t", pre_a_t);
    check_number(m, 6, "post_b_t", post_b_t);
    return new Vector3(
      cubic_interpolate_in_time(this.x, b.x, pre_a.x, post_b.x, weight, b_t, pre_a_t, post_b_t),
      cubic_interpolate_in_time(this.y, b.y, pre_a.y, post_b.y, weight, b_t, pre_a_t, post_b_t),
      cubic_interpolate_in_time(this.z, b.z, pre_a.z, post_b.z, weight, b_t, pre_a_t, post_b_t),
    );
  }

  bezier_interpolate(control_1: Vector3, control_2: Vector3, end: Vector3, t: number): Vector3 {
    const m = "Vector3.bezier_interpolate";
    check_instance(m, 0, "control_1", control_1, Vector3);
    check_instance(m, 1, "control_2", control_2, Vector3);
    check_instance(m, 2, "end", end, Vector3);
    check_number(m, 3, "t", t);
    return new Vector3(
      bezier_interpolate(this.x, control_1.x, control_2.x, end.x, t),
      bezier_interpolate(this.y, control_1.y, control_2.y, end.y, t),
      bezier_interpolate(this.z, control_1.z, control_2.z, end.z, t),
    );
  }

  bezier_derivative(control_1: Vector3, control_2: Vector3, end: Vector3, t: number): Vector3 {
    const m = "Vector3.bezier_derivative";
    check_instance(m, 0, "control_1", control_1, Vector3);
    check_instance(m, 1, "control_2", control_2, Vector3);
    check_instance(m, 2, "end", end, Vector3);
    check_number(m, 3, "t", t);
    return new Vector3(
      bezier_derivative(this.x, control_1.x, control_2.x, end.x, t),
      bezier_derivative(this.y, control_1.y, control_2.y, end.y, t),
      bezier_derivative(this.z, control_1.z, control_2.z, end.z, t),
    );
  }

  /** A step of `delta` towards `to`, never past it. */
  move_toward(to: Vector3, delta: number): Vector3 {
    if (!(to instanceof Vector3)) bad_argument("Vector3.move_toward", 0, "to", "Vector3", to);
    check_number("Vector3.move_toward", 1, "delta", delta);
    const dx = to.x - this.x;
    const dy = to.y - this.y;
    const dz = to.z - this.z;
    const len = Math.sqrt(dx * dx + dy * dy + dz * dz);
    if (len <= delta || len < CMP_EPSILON) return new Vector3(to.x, to.y, to.z);
    return new Vector3(this.x + (dx / len) * delta, this.y + (dy / len) * delta, this.z + (dz / len) * delta);
  }

  dot(with_: Vector3): number {
    if (!(with_ instanceof Vector3)) bad_argument("Vector3.dot", 0, "with", "Vector3", with_);
    return this.x * with_.x + this.y * with_.y + this.z * with_.z;
  }

  cross(with_: Vector3): Vector3 {
    if (!(with_ instanceof Vector3)) bad_argument("Vector3.cross", 0, "with", "Vector3", with_);
    return new Vector3(
      this.y * with_.z - this.z * with_.y,
      this.z * with_.x - this.x * with_.z,
      this.x * with_.y - this.y * with_.x,
    );
  }

  /** The outer product: row i of the Basis is this[i] * with. */
  outer(with_: Vector3): Basis {
    if (!(with_ instanceof Vector3)) bad_argument("Vector3.outer", 0, "with", "Vector3", with_);
    const { x, y, z } = this;
    // Basis takes columns: column j is this * with[j].
    return new Basis(
      new Vector3(x * with_.x, y * with_.x, z * with_.x),
      new Vector3(x * with_.y, y * with_.y, z * with_.y),
      new Vector3(x * with_.z, y * with_.z, z * with_.z),
    );
  }

  abs(): Vector3 {
    return new Vector3(Math.abs(this.x), Math.abs(this.y), Math.abs(this.z));
  }

  floor(): Vector3 {
    return new Vector3(Math.floor(this.x), Math.floor(this.y), Math.floor(this.z));
  }

  ceil(): Vector3 {
    return new Vector3(Math.ceil(this.x), Math.ceil(this.y), Math.ceil(this.z));
  }

  /** Each component rounded to the nearest integer, halves away from zero. */
  round(): Vector3 {
    return new Vector3(round_half_away(this.x), round_half_away(this.y), round_half_away(this.z));
  }

  /** Each component modulo `mod`, with the sign of `mod`. */
  posmod(mod: number): Vector3 {
    check_number("Vector3.posmod", 0, "mod", mod);
    return new Vector3(fposmod(this.x, mod), fposmod(this.y, mod), fposmod(this.z, mod));
  }

  posmodv(modv: Vector3): Vector3 {
    if (!(modv instanceof Vector3)) bad_argument("Vector3.posmodv", 0, "modv", "Vector3", modv);
    return new Vector3(fposmod(this.x, modv.x), fposmod(this.y, modv.y), fposmod(this.z, modv.z));
  }

  /** The projection onto `b`. */
  project(b: Vector3): Vector3 {
    if (!(b instanceof Vector3)) bad_argument("Vector3.project", 0, "b", "Vector3", b);
    const scale = this.dot(b) / b.length_squared();
    return new Vector3(b.x * scale, b.y * scale, b.z * scale);
  }

  /** The component along the plane of normal `n` (which must be normalized). */
  slide(n: Vector3): Vector3 {
    if (!(n instanceof Vector3)) bad_argument("Vector3.slide", 0, "n", "Vector3", n);
    if (!n.is_normalized()) return not_normalized(n);
    const d = this.dot(n);
    return new Vector3(this.x - n.x * d, this.y - n.y * d, this.z - n.z * d);
  }

  /** The vector bounced off the plane of normal `n`: minus its reflection. */
  bounce(n: Vector3): Vector3 {
    if (!(n instanceof Vector3)) bad_argument("Vector3.bounce", 0, "n", "Vector3", n);
    return this.reflect(n).negate();
  }

  /** The mirror image through the line of normal `n` (which must be normalized). */
  reflect(n: Vector3): Vector3 {
    if (!(n instanceof Vector3)) bad_argument("Vector3.reflect", 0, "n", "Vector3", n);
    if (!n.is_normalized()) return not_normalized(n);
    const d2 = 2 * this.dot(n);
    return new Vector3(n.x * d2 - this.x, n.y * d2 - this.y, n.z * d2 - this.z);
  }

  /** -1, 0 or 1 per component. */
  sign(): Vector3 {
    return new Vector3(sign_of(this.x), sign_of(this.y), sign_of(this.z));
  }

  /** The unit vector packed onto an octahedron unfolded into [0, 1]². */
  octahedron_encode(): Vector2 {
    const l1 = Math.abs(this.x) + Math.abs(this.y) + Math.abs(this.z);
    const nx = this.x / l1;
    const ny = this.y / l1;
    const nz = this.z / l1;
    let ox = nx;
    let oy = ny;
    if (nz < 0) {
      ox = (1 - Math.abs(ny)) * (nx >= 0 ? 1 : -1);
      oy = (1 - Math.abs(nx)) * (ny >= 0 ? 1 : -1);
    }
    return new Vector2(ox * 0.5 + 0.5, oy * 0.5 + 0.5);
  }

  min(with_: Vector3): Vector3 {
    if (!(with_ instanceof Vector3)) bad_argument("Vector3.min", 0, "with", "Vector3", with_);
    return new Vector3(min_of(this.x, with_.x), min_of(this.y, with_.y), min_of(this.z, with_.z));
  }

  minf(with_: number): Vector3 {
    check_number("Vector3.minf", 0, "with", with_);
    return new Vector3(min_of(this.x, with_), min_of(this.y, with_), min_of(this.z, with_));
  }

  max(with_: Vector3): Vector3 {
    if (!(with_ instanceof Vector3)) bad_argument("Vector3.max", 0, "with", "Vector3", with_);
    return new Vector3(max_of(this.x, with_.x), max_of(this.y, with_.y), max_of(this.z, with_.z));
  }

  maxf(with_: number): Vector3 {
    check_number("Vector3.maxf", 0, "with", with_);
    return new Vector3(max_of(this.x, with_), max_of(this.y, with_), max_of(this.z, with_));
  }

  /** The unit vector that octahedron_encode() packed into `uv`. */
  static octahedron_decode(uv: Vector2): Vector3 {
    if (!(uv instanceof Vector2)) bad_argument("Vector3.octahedron_decode", 0, "uv", "Vector2", uv);
    const fx = uv.x * 2 - 1;
    const fy = uv.y * 2 - 1;
    const nz = 1 - Math.abs(fx) - Math.abs(fy);
    const t = clamp_of(-nz, 0, 1);
    return normalized_xyz(fx >= 0 ? fx - t : fx + t, fy >= 0 ? fy - t : fy + t, nz);
  }

  // Operators

  /** `this + right`. */
  add(right: Vector3): Vector3 {
    if (!(right instanceof Vector3)) bad_argument("Vector3.add", 0, "right", "Vector3", right);
    return new Vector3(this.x + right.x, this.y + right.y, this.z + right.z);
  }

  /** `this - right`. */
  subtract(right: Vector3): Vector3 {
    if (!(right instanceof Vector3)) bad_argument("Vector3.subtract", 0, "right", "Vector3", right);
    return new Vector3(this.x - right.x, this.y - right.y, this.z - right.z);
  }

  /**
   * `this * right`: by a number or per component; by a Basis, Quaternion or Transform3D it is
   * Godot's inverse transform (`v * b` is `b.inverse() * v` for an orthonormal b).
   */
  multiply(right: Vector3 | number | Basis | Quaternion | Transform3D): Vector3 {
    if (typeof right === "number") return new Vector3(this.x * right, this.y * right, this.z * right);
    if (right instanceof Vector3) return new Vector3(this.x * right.x, this.y * right.y, this.z * right.z);
    if (right instanceof Basis) return transposed_xform(right, this.x, this.y, this.z);
    if (right instanceof Transform3D) {
      const o = right.origin;
      return transposed_xform(right.basis, this.x - o.x, this.y - o.y, this.z - o.z);
    }
    if (right instanceof Quaternion) return quaternion_xform_inv(right, this);
    return bad_arguments("Vector3.multiply", "(Vector3), (float), (Basis), (Quaternion) or (Transform3D)", [
      right,
    ]);
  }

  /** `this / right`: per component or by a number (division by zero gives inf or nan, as in Godot). */
  divide(right: Vector3 | number): Vector3 {
    if (typeof right === "number") return new Vector3(this.x / right, this.y / right, this.z / right);
    if (right instanceof Vector3) return new Vector3(this.x / right.x, this.y / right.y, this.z / right.z);
    return bad_arguments("Vector3.divide", "(Vector3) or (float)", [right]);
  }

  /** `-this`. */
  negate(): Vector3 {
    return new Vector3(-this.x, -this.y, -this.z);
  }

  /** `+this`: a copy. */
  positive(): Vector3 {
    return new Vector3(this.x, this.y, this.z);
  }

  /** `this == right`: exact, false for any other type (as Godot's Variant ==). */
  equals(right: unknown): boolean {
    return right instanceof Vector3 && this.x === right.x && this.y === right.y && this.z === right.z;
  }

  /** `this != right`. */
  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  /** `this < right`: by x, then y, then z. */
  less(right: Vector3): boolean {
    if (!(right instanceof Vector3)) bad_argument("Vector3.less", 0, "right", "Vector3", right);
    if (this.x !== right.x) return this.x < right.x;
    return this.y === right.y ? this.z < right.z : this.y < right.y;
  }

  less_equal(right: Vector3): boolean {
    if (!(right instanceof Vector3)) bad_argument("Vector3.less_equal", 0, "right", "Vector3", right);
    if (this.x !== right.x) return this.x < right.x;
    return this.y === right.y ? this.z <= right.z : this.y < right.y;
  }

  greater(right: Vector3): boolean {
    if (!(right instanceof Vector3)) bad_argument("Vector3.greater", 0, "right", "Vector3", right);
    if (this.x !== right.x) return this.x > right.x;
    return this.y === right.y ? this.z > right.z : this.y > right.y;
  }

  greater_equal(right: Vector3): boolean {
    if (!(right instanceof Vector3)) bad_argument("Vector3.greater_equal", 0, "right", "Vector3", right);
    if (this.x !== right.x) return this.x > right.x;
    return this.y === right.y ? this.z >= right.z : this.y > right.y;
  }

  /** As Godot's str(): "(1.5, -2.25, 0)". */
  toString(): string {
    return join_reals([this.x, this.y, this.z]);
  }
}

export namespace Vector3 {
  export enum Axis {
    AXIS_X = 0,
    AXIS_Y = 1,
    AXIS_Z = 2,
  }
}

function normalized_xyz(x: number, y: number, z: number): Vector3 {
  const l2 = x * x + y * y + z * z;
  if (l2 === 0) return new Vector3(0, 0, 0);
  const l = Math.sqrt(l2);
  return new Vector3(x / l, y / l, z / l);
}

function angle_between(a: Vector3, b: Vector3): number {
  const cx = a.y * b.z - a.z * b.y;
  const cy = a.z * b.x - a.x * b.z;
  const cz = a.x * b.y - a.y * b.x;
  return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), a.x * b.x + a.y * b.y + a.z * b.z);
}

// Godot's Basis(axis, angle).xform(v), the matrix written out row by row. With an axis that is
// not normalized Godot reports it and keeps the identity basis, so `v` comes back unchanged.
function rotated_around(v: Vector3, axis: Vector3, angle: number): Vector3 {
  const { x: ax, y: ay, z: az } = axis;
  if (!is_unit_squared(ax * ax + ay * ay + az * az)) {
    print_error(`The axis Vector3 ${axis.toString()} must be normalized.`);
    return new Vector3(v.x, v.y, v.z);
  }
  const cosine = Math.cos(angle);
  const sine = Math.sin(angle);
  const t = 1 - cosine;
  const xx = ax * ax + cosine * (1 - ax * ax);
  const yy = ay * ay + cosine * (1 - ay * ay);
  const zz = az * az + cosine * (1 - az * az);
  const xy = ax * ay * t;
  const xz = ax * az * t;
  const yz = ay * az * t;
  return new Vector3(
    xx * v.x + (xy - az * sine) * v.y + (xz + ay * sine) * v.z,
    (xy + az * sine) * v.x + yy * v.y + (yz - ax * sine) * v.z,
    (xz - ay * sine) * v.x + (yz + ax * sine) * v.y + zz * v.z,
  );
}

// Godot's Basis::xform_inv: the transposed basis applied, i.e. the dot with each column.
function transposed_xform(basis: Basis, x: number, y: number, z: number): Vector3 {
  const { x: c0, y: c1, z: c2 } = basis;
  return new Vector3(
    c0.x * x + c0.y * y + c0.z * z,
    c1.x * x + c1.y * y + c1.z * z,
    c2.x * x + c2.y * y + c2.z * z,
  );
}

// Godot's Quaternion::xform_inv: the conjugate's rotation, v + 2w(u × v) + 2u × (u × v) with u = -xyz.
// Godot's inverse() refuses a quaternion that is not normalized (the identity then applies).
function quaternion_xform_inv(q: Quaternion, v: Vector3): Vector3 {
  if (!is_unit_squared(q.x * q.x + q.y * q.y + q.z * q.z + q.w * q.w)) {
    print_error(`The quaternion ${q.toString()} must be normalized.`);
    return new Vector3(v.x, v.y, v.z);
  }
  const ux = -q.x;
  const uy = -q.y;
  const uz = -q.z;
  const w = q.w;
  const cx = uy * v.z - uz * v.y;
  const cy = uz * v.x - ux * v.z;
  const cz = ux * v.y - uy * v.x;
  const ccx = uy * cz - uz * cy;
  const ccy = uz * cx - ux * cz;
  const ccz = ux * cy - uy * cx;
  return new Vector3(v.x + (cx * w + ccx) * 2, v.y + (cy * w + ccy) * 2, v.z + (cz * w + ccz) * 2);
}

function not_normalized(normal: Vector3): Vector3 {
  print_error(`The normal Vector3 ${normal.toString()} must be normalized.`);
  return new Vector3(0, 0, 0);
}
