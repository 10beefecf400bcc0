// Godot's Quaternion (core/math/quaternion.h): a rotation as a unit quaternion x, y, z, w.
// The reference results come from a Godot debug build (MATH_CHECKS), where a method that needs a
// normalized quaternion (or axis) prints an error and returns a neutral value (the identity, or
// the argument unchanged); these do the same.
import {
  bad_argument,
  bad_arguments,
  check_instance,
  check_int,
  check_number,
  print_error,
} from "./checks.js";
import { Basis, any_perpendicular, quaternion_of_rotation, vector_text } from "./basis.js";
import { join_reals } from "./format.js";
import {
  CMP_EPSILON,
  UNIT_EPSILON,
  cubic_interpolate,
  cubic_interpolate_in_time,
  is_equal_approx,
  is_zero_approx,
} from "./math_funcs.js";
import { Vector3 } from "./vector3.js";

// Godot's Math::acos clamps, so a cosine rounded just past ±1 gives 0 or π rather than NaN.
function clamped_acos(value: number): number {
  return value < -1 ? Math.PI : value > 1 ? 0 : Math.acos(value);
}

function is_unit_length_squared(length_squared: number): boolean {
  return length_squared === 1 || Math.abs(length_squared - 1) < UNIT_EPSILON;
}

// Checks that the quaternions are normalized, printing Godot's error for the first that is not.
function are_normalized(start: Quaternion, end?: Quaternion): boolean {
  if (!start.is_normalized()) {
    print_error(`The ${end ? "start " : ""}quaternion ${start} must be normalized.`);
    return false;
  }
  if (end && !end.is_normalized()) {
    print_error(`The end quaternion ${end} must be normalized.`);
    return false;
  }
  return true;
}

// std::signbit: also true for -0, which the flips in spherical_cubic_interpolate depend on.
function sign_bit(value: number): boolean {
  return value < 0 || Object.is(value, -0);
}

export class Quaternion {
  x: number;
  y: number;
  z: number;
  w: number;

  constructor();
  constructor(from: Quaternion);
  constructor(from: Basis);
  constructor(axis: Vector3, angle: number);
  constructor(arc_from: Vector3, arc_to: Vector3);
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
    let from: Quaternion | undefined;
    if (count === 1 && a instanceof Quaternion) {
      from = a;
    } else if (count === 1 && a instanceof Basis) {
      from = quaternion_of_rotation(a);
    } else if (count === 2 && a instanceof Vector3 && typeof b === "number") {
      from = from_axis_angle(a, b);
    } else if (count === 2 && a instanceof Vector3 && b instanceof Vector3) {
      from = shortest_arc(a, b);
    } else if (count !== 0) {
      bad_arguments(
        "Quaternion()",
        "(), (Quaternion from), (Basis from), (Vector3 axis, float angle), (Vector3 arc_from, Vector3 arc_to) or (float x, float y, float z, float w)",
        [a, b, c, d].slice(0, count),
      );
    }
    this.x = from ? from.x : 0;
    this.y = from ? from.y : 0;
    this.z = from ? from.z : 0;
    this.w = from ? from.w : 1;
  }

  static get IDENTITY(): Quaternion {
    return new Quaternion(0, 0, 0, 1);
  }

  length(): number {
    return Math.sqrt(this.length_squared());
  }

  length_squared(): number {
    return this.x * this.x + this.y * this.y + this.z * this.z + this.w * this.w;
  }

  normalized(): Quaternion {
    return scaled(this, 1 / this.length());
  }

  is_normalized(): boolean {
    return is_unit_length_squared(this.length_squared());
  }

  is_equal_approx(to: Quaternion): boolean {
    if (!(to instanceof Quaternion)) bad_argument("Quaternion.is_equal_approx", 0, "to", "Quaternion", to);
    return (
      is_equal_approx(this.x, to.x) &&
      is_equal_approx(this.y, to.y) &&
      is_equal_approx(this.z, to.z) &&
      is_equal_approx(this.w, to.w)
    );
  }

  is_finite(): boolean {
    return (
      Number.isFinite(this.x) && Number.isFinite(this.y) && Number.isFinite(this.z) && Number.isFinite(this.w)
    );
  }

  inverse(): Quaternion {
    if (!are_normalized(this)) return new Quaternion(0, 0, 0, 1);
    return new Quaternion(-this.x, -this.y, -this.z, this.w);
  }

  log(): Quaternion {
    const axis = this.get_axis();
    const angle = this.get_angle();
    return new Quaternion(axis.x * angle, axis.y * angle, axis.z * angle, 0);
  }

  exp(): Quaternion {
    const theta = Math.sqrt(this.x * this.x + this.y * this.y + this.z * this.z);
    if (theta < CMP_EPSILON) return new Quaternion(0, 0, 0, 1);
    const axis = new Vector3(this.x / theta, this.y / theta, this.z / theta);
    if (!is_unit_length_squared(axis.x * axis.x + axis.y * axis.y + axis.z * axis.z))
      return new Quaternion(0, 0, 0, 1);
    return from_axis_angle(axis, theta);
  }

  angle_to(to: Quaternion): number {
    if (!(to instanceof Quaternion)) bad_argument("Quaternion.angle_to", 0, "to", "Quaternion", to);
    const d = this.dot(to);
    return clamped_acos(d * d * 2 - 1);
  }

  dot(with_: Quaternion): number {
    if (!(with_ instanceof Quaternion)) bad_argument("Quaternion.dot", 0, "with", "Quaternion", with_);
    return this.x * with_.x + this.y * with_.y + this.z * with_.z + this.w * with_.w;
  }

  slerp(to: Quaternion, weight: number): Quaternion {
    if (!(to instanceof Quaternion)) bad_argument("Quaternion.slerp", 0, "to", "Quaternion", to);
    check_number("Quaternion.slerp", 1, "weight", weight);
    if (!are_normalized(this, to)) return new Quaternion(0, 0, 0, 1);
    let cosom = this.dot(to);
    // The shorter way round: q and -q are the same rotation.
    const target = cosom < 0 ? to.negate() : to;
    if (cosom < 0) cosom = -cosom;
    let scale_from: number, scale_to: number;
    if (1 - cosom > CMP_EPSILON) {
      const omega = Math.acos(cosom);
      const sinom = Math.sin(omega);
      scale_from = Math.sin((1 - weight) * omega) / sinom;
      scale_to = Math.sin(weight * omega) / sinom;
    } else {
      // Nearly the same rotation: linear interpolation avoids dividing by a tiny sine.
      scale_from = 1 - weight;
      scale_to = weight;
    }
    return weighted_sum(this, scale_from, target, scale_to);
  }

  slerpni(to: Quaternion, weight: number): Quaternion {
    if (!(to instanceof Quaternion)) bad_argument("Quaternion.slerpni", 0, "to", "Quaternion", to);
    check_number("Quaternion.slerpni", 1, "weight", weight);
    if (!are_normalized(this, to)) return new Quaternion(0, 0, 0, 1);
    const d = this.dot(to);
    if (Math.abs(d) > 0.9999) return new Quaternion(this.x, this.y, this.z, this.w);
    const theta = Math.acos(d);
    const inverse_sine = 1 / Math.sin(theta);
    return weighted_sum(
      this,
      Math.sin((1 - weight) * theta) * inverse_sine,
      to,
      Math.sin(weight * theta) * inverse_sine,
    );
  }

  spherical_cubic_interpolate(
    b: Quaternion,
    pre_a: Quaternion,
    post_b: Quaternion,
    weight: number,
  ): Quaternion {
    const method = "Quaternion.spherical_cubic_interpolate";
    check_instance(method, 0, "b", b, Quaternion);
    check_instance(method, 1, "pre_a", pre_a, Quaternion);
    check_instance(method, 2, "post_b", post_b, Quaternion);
    check_number(method, 3, "weight", weight);
    return spherical_cubic(this, b, pre_a, post_b, weight, (from, to, pre, post) =>
      cubic_interpolate(from, to, pre, post, weight),
    );
  }

  spherical_cubic_interpolate_in_time(
    b: Quaternion,
    pre_a: Quaternion,
    post_b: Quaternion,
    weight: number,
    b_t: number,
    pre_a_t: number,
    post_b_t: number,
  ): Quaternion {
    const method = "Quaternion.spherical_cubic_interpolate_in_time";
    check_instance(method, 0, "b", b, Quaternion);
    check_instance(method, 1, "pre_a", pre_a, Quaternion);
    check_instance(method, 2, "post_b", post_b, Quaternion);
    check_number(method, 3, "weight", weight);
    check_number(method, 4, "b_t", b_t);
    check_number(method, 5, "pre_a_t", pre_a_t);
    check_number(method, 6, "post_b_t", post_b_t);
    return spherical_cubic(this, b, pre_a, post_b, weight, (from, to, pre, post) =>
      cubic_interpolate_in_time(from, to, pre, post, weight, b_t, pre_a_t, post_b_t),
    );
  }

  get_euler(order: number = 2): Vector3 {
    order = check_int("Quaternion.get_euler", 0, "order", order);
    if (!are_normalized(this)) return new Vector3(0, 0, 0);
    return new Basis(this).get_euler(order);
  }

  // Euler angles in Godot's default YXZ order (Y applied last).
  static from_euler(euler: Vector3): Quaternion {
    if (!(euler instanceof Vector3)) bad_argument("Quaternion.from_euler", 0, "euler", "Vector3", euler);
    const half_y = euler.y * 0.5,
      half_x = euler.x * 0.5,
      half_z = euler.z * 0.5;
    const cos_y = Math.cos(half_y),
      sin_y = Math.sin(half_y);
    const cos_x = Math.cos(half_x),
      sin_x = Math.sin(half_x);
    const cos_z = Math.cos(half_z),
      sin_z = Math.sin(half_z);
    return new Quaternion(
      sin_y * cos_x * sin_z + cos_y * sin_x * cos_z,
      sin_y * cos_x * cos_z - cos_y * sin_x * sin_z,
      -sin_y * sin_x * cos_z + cos_y * cos_x * sin_z,
      sin_y * sin_x * sin_z + cos_y * cos_x * cos_z,
    );
  }

  get_axis(): Vector3 {
    // Near the identity the axis is arbitrary; Godot returns the vector part as it is.
    if (Math.abs(this.w) > 1 - CMP_EPSILON) return new Vector3(this.x, this.y, this.z);
    const r = 1 / Math.sqrt(1 - this.w * this.w);
    return new Vector3(this.x * r, this.y * r, this.z * r);
  }

  get_angle(): number {
    return 2 * clamped_acos(this.w);
  }

  add(right: Quaternion): Quaternion {
    if (!(right instanceof Quaternion)) bad_argument("Quaternion.add", 0, "right", "Quaternion", right);
    return new Quaternion(this.x + right.x, this.y + right.y, this.z + right.z, this.w + right.w);
  }

  subtract(right: Quaternion): Quaternion {
    if (!(right instanceof Quaternion)) bad_argument("Quaternion.subtract", 0, "right", "Quaternion", right);
    return new Quaternion(this.x - right.x, this.y - right.y, this.z - right.z, this.w - right.w);
  }

  multiply(right: Quaternion): Quaternion;
  multiply(right: Vector3): Vector3;
  multiply(right: number): Quaternion;
  multiply(right: Quaternion | Vector3 | number): Quaternion | Vector3 {
    if (typeof right === "number") return scaled(this, right);
    if (right instanceof Quaternion) {
      const { x, y, z, w } = this;
      return new Quaternion(
        w * right.x + x * right.w + y * right.z - z * right.y,
        w * right.y + y * right.w + z * right.x - x * right.z,
        w * right.z + z * right.w + x * right.y - y * right.x,
        w * right.w - x * right.x - y * right.y - z * right.z,
      );
    }
    if (right instanceof Vector3) return rotate(this, right);
    return bad_arguments("Quaternion.multiply", "Quaternion, Vector3 or float", [right]);
  }

  divide(right: number): Quaternion {
    check_number("Quaternion.divide", 0, "right", right);
    return scaled(this, 1 / right);
  }

  negate(): Quaternion {
    return new Quaternion(-this.x, -this.y, -this.z, -this.w);
  }

  positive(): Quaternion {
    return new Quaternion(this.x, this.y, this.z, this.w);
  }

  equals(right: unknown): boolean {
    return (
      right instanceof Quaternion &&
      this.x === right.x &&
      this.y === right.y &&
      this.z === right.z &&
      this.w === right.w
    );
  }

  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  toString(): string {
    return join_reals([this.x, this.y, this.z, this.w], false); // Godot writes a quaternion's whole parts bare: "(0, 0, 0, 1)".
  }
}

// Godot's Quaternion(axis, angle); an axis that is not normalized gives the identity.
function from_axis_angle(axis: Vector3, angle: number): Quaternion {
  const length_squared = axis.x * axis.x + axis.y * axis.y + axis.z * axis.z;
  if (!is_unit_length_squared(length_squared)) {
    print_error(`The axis Vector3 ${vector_text(axis)} must be normalized.`);
    return new Quaternion(0, 0, 0, 1);
  }
  const s = Math.sin(angle * 0.5) / Math.sqrt(length_squared);
  return new Quaternion(axis.x * s, axis.y * s, axis.z * s, Math.cos(angle * 0.5));
}

// The shortest rotation from arc_from's direction to arc_to's.
function shortest_arc(arc_from: Vector3, arc_to: Vector3): Quaternion {
  const is_zero = (v: Vector3) => is_zero_approx(v.x) && is_zero_approx(v.y) && is_zero_approx(v.z);
  if (is_zero(arc_from) || is_zero(arc_to)) {
    print_error("The vectors must not be zero.");
    return new Quaternion(0, 0, 0, 1);
  }
  const from_length = Math.sqrt(arc_from.x * arc_from.x + arc_from.y * arc_from.y + arc_from.z * arc_from.z);
  const to_length = Math.sqrt(arc_to.x * arc_to.x + arc_to.y * arc_to.y + arc_to.z * arc_to.z);
  const ax = arc_from.x / from_length,
    ay = arc_from.y / from_length,
    az = arc_from.z / from_length;
  const bx = arc_to.x / to_length,
    by = arc_to.y / to_length,
    bz = arc_to.z / to_length;
  const d = ax * bx + ay * by + az * bz;
  if (Math.abs(d) > 1 - CMP_EPSILON) {
    if (d >= 0) return new Quaternion(0, 0, 0, 1);
    // Opposite directions: half a turn about any axis perpendicular to them.
    const axis = any_perpendicular({ x: ax, y: ay, z: az });
    return new Quaternion(axis.x, axis.y, axis.z, 0);
  }
  const s = Math.sqrt((1 + d) * 2);
  const rs = 1 / s;
  return new Quaternion(
    (ay * bz - az * by) * rs,
    (az * bx - ax * bz) * rs,
    (ax * by - ay * bx) * rs,
    s * 0.5,
  );
}

// One of the cubic blends above, fixed to its weight (and times).
type Blend = (from: number, to: number, pre: number, post: number) => number;

// Both spherical cubic interpolations: blend the logarithms (the rotation vectors) relative to
// the start, and again relative to the end, then slerp between the two results, which cancels
// most of the error the exponential map's ambiguity makes.
function spherical_cubic(
  a: Quaternion,
  b: Quaternion,
  pre_a: Quaternion,
  post_b: Quaternion,
  weight: number,
  blend: Blend,
): Quaternion {
  if (!are_normalized(a, b)) return new Quaternion(0, 0, 0, 1);
  // Through a Basis and back, as Godot does, which settles each rotation's sign the same way.
  const from_q = new Basis(a).get_rotation_quaternion();
  let pre_q = new Basis(pre_a).get_rotation_quaternion();
  let to_q = new Basis(b).get_rotation_quaternion();
  let post_q = new Basis(post_b).get_rotation_quaternion();

  if (sign_bit(from_q.dot(pre_q))) pre_q = pre_q.negate();
  const flip_to = sign_bit(from_q.dot(to_q));
  if (flip_to) to_q = to_q.negate();
  if (flip_to ? to_q.dot(post_q) <= 0 : sign_bit(to_q.dot(post_q))) post_q = post_q.negate();

  const from_inverse = from_q.inverse();
  const to_from_start = from_inverse.multiply(to_q).log();
  const pre_from_start = from_inverse.multiply(pre_q).log();
  const post_from_start = from_inverse.multiply(post_q).log();
  const start_blend = new Quaternion(
    blend(0, to_from_start.x, pre_from_start.x, post_from_start.x),
    blend(0, to_from_start.y, pre_from_start.y, post_from_start.y),
    blend(0, to_from_start.z, pre_from_start.z, post_from_start.z),
    0,
  );
  const q1 = from_q.multiply(start_blend.exp());

  const to_inverse = to_q.inverse();
  const from_from_end = to_inverse.multiply(from_q).log();
  const pre_from_end = to_inverse.multiply(pre_q).log();
  const post_from_end = to_inverse.multiply(post_q).log();
  const end_blend = new Quaternion(
    blend(from_from_end.x, 0, pre_from_end.x, post_from_end.x),
    blend(from_from_end.y, 0, pre_from_end.y, post_from_end.y),
    blend(from_from_end.z, 0, pre_from_end.z, post_from_end.z),
    0,
  );
  const q2 = to_q.multiply(end_blend.exp());

  return q1.slerp(q2, weight);
}

function scaled(q: Quaternion, factor: number): Quaternion {
  return new Quaternion(q.x * factor, q.y * factor, q.z * factor, q.w * factor);
}

function weighted_sum(a: Quaternion, a_weight: number, b: Quaternion, b_weight: number): Quaternion {
  return new Quaternion(
    a_weight * a.x + b_weight * b.x,
    a_weight * a.y + b_weight * b.y,
    a_weight * a.z + b_weight * b.z,
    a_weight * a.w + b_weight * b.w,
  );
}

// v + 2w(u × v) + 2u × (u × v), with u the vector part; an unnormalized quaternion leaves v as it is.
function rotate(q: Quaternion, v: Vector3): Vector3 {
  if (!are_normalized(q)) return new Vector3(v.x, v.y, v.z);
  const { x, y, z, w } = q;
  const uvx = y * v.z - z * v.y,
    uvy = z * v.x - x * v.z,
    uvz = x * v.y - y * v.x;
  return new Vector3(
    v.x + (uvx * w + (y * uvz - z * uvy)) * 2,
    v.y + (uvy * w + (z * uvx - x * uvz)) * 2,
    v.z + (uvz * w + (x * uvy - y * uvx)) * 2,
  );
}
