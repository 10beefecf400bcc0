// Godot's Transform2D (core/math/transform_2d.h): a 2x3 matrix, copied by value. Its columns are
// x and y, the basis (the axes of the transformed space), and origin, the translation. The
// text form lists them in that order: Transform2D(x.x, x.y, y.x, y.y, origin.x, origin.y).
import { bad_argument, bad_arguments, check_instance, check_number, print_error } from "./checks.js";
import { TAU, is_equal_approx, sign_of } from "./math_funcs.js";
import { Rect2, expanded } from "./rect2.js";
import { Vector2 } from "./vector2.js";

const T = "Transform2D";

// Godot's Math::acos clamps, so a cosine rounded just past ±1 gives 0 or π rather than NaN.
function clamped_acos(value: number): number {
  return value < -1 ? Math.PI : value > 1 ? 0 : Math.acos(value);
}

function lerp_angle(from: number, to: number, weight: number): number {
  const difference = (to - from) % TAU;
  return from + (((2 * difference) % TAU) - difference) * weight;
}

function make(xx: number, xy: number, yx: number, yy: number, ox: number, oy: number): Transform2D {
  return new Transform2D(new Vector2(xx, xy), new Vector2(yx, yy), new Vector2(ox, oy));
}

function rotation(angle: number): Transform2D {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return make(c, s, -s, c, 0, 0);
}

function normalized(v: Vector2): Vector2 {
  const l2 = v.x * v.x + v.y * v.y;
  if (l2 === 0) return new Vector2(v.x, v.y);
  const l = Math.sqrt(l2);
  return new Vector2(v.x / l, v.y / l);
}

function length(v: Vector2): number {
  return Math.sqrt(v.x * v.x + v.y * v.y);
}

// `a * b` for two transforms.
function compose(a: Transform2D, b: Transform2D): Transform2D {
  const ax = a.x,
    ay = a.y,
    ao = a.origin;
  const bx = b.x,
    by = b.y,
    bo = b.origin;
  return make(
    ax.x * bx.x + ay.x * bx.y,
    ax.y * bx.x + ay.y * bx.y,
    ax.x * by.x + ay.x * by.y,
    ax.y * by.x + ay.y * by.y,
    ax.x * bo.x + ay.x * bo.y + ao.x,
    ax.y * bo.x + ay.y * bo.y + ao.y,
  );
}

export class Transform2D {
  x: Vector2;
  y: Vector2;
  origin: Vector2;

  /** No transformation. Each read is a new transform. */
  static get IDENTITY(): Transform2D {
    return make(1, 0, 0, 1, 0, 0);
  }
  /** Mirrors across the vertical axis (x becomes -x). */
  static get FLIP_X(): Transform2D {
    return make(-1, 0, 0, 1, 0, 0);
  }
  /** Mirrors across the horizontal axis (y becomes -y). */
  static get FLIP_Y(): Transform2D {
    return make(1, 0, 0, -1, 0, 0);
  }

  constructor();
  constructor(from: Transform2D);
  constructor(rotation: number, position: Vector2);
  constructor(rotation: number, scale: Vector2, skew: number, position: Vector2);
  constructor(x_axis: Vector2, y_axis: Vector2, origin: Vector2);
  constructor(a?: unknown, b?: unknown, c?: unknown, d?: unknown) {
    const count = d !== undefined ? 4 : c !== undefined ? 3 : b !== undefined ? 2 : a !== undefined ? 1 : 0;
    if (count === 3 && a instanceof Vector2 && b instanceof Vector2 && c instanceof Vector2) {
      this.x = new Vector2(a.x, a.y);
      this.y = new Vector2(b.x, b.y);
      this.origin = new Vector2(c.x, c.y);
      return;
    }
    if (count === 0) {
      this.x = new Vector2(1, 0);
      this.y = new Vector2(0, 1);
      this.origin = new Vector2(0, 0);
      return;
    }
    if (count === 1 && a instanceof Transform2D) {
      this.x = new Vector2(a.x.x, a.x.y);
      this.y = new Vector2(a.y.x, a.y.y);
      this.origin = new Vector2(a.origin.x, a.origin.y);
      return;
    }
    if (count === 2 && typeof a === "number" && b instanceof Vector2) {
      const cr = Math.cos(a);
      const sr = Math.sin(a);
      this.x = new Vector2(cr, sr);
      this.y = new Vector2(-sr, cr);
      this.origin = new Vector2(b.x, b.y);
      return;
    }
    if (
      count === 4 &&
      typeof a === "number" &&
      b instanceof Vector2 &&
      typeof c === "number" &&
      d instanceof Vector2
    ) {
      this.x = new Vector2(Math.cos(a) * b.x, Math.sin(a) * b.x);
      this.y = new Vector2(-Math.sin(a + c) * b.y, Math.cos(a + c) * b.y);
      this.origin = new Vector2(d.x, d.y);
      return;
    }
    bad_arguments(
      "Transform2D()",
      "(), (Transform2D from), (float rotation, Vector2 position), (float rotation, Vector2 scale, float skew, Vector2 position) or (Vector2 x_axis, Vector2 y_axis, Vector2 origin)",
      [a, b, c, d].slice(0, count),
    );
  }

  /** Column by index: 0 is x, 1 is y, 2 is origin (Godot's `t[i]`); setting one copies the vector. */
  get 0(): Vector2 {
    return this.x;
  }
  set 0(value: Vector2) {
    this.x = copy_column(0, value);
  }
  get 1(): Vector2 {
    return this.y;
  }
  set 1(value: Vector2) {
    this.y = copy_column(1, value);
  }
  get 2(): Vector2 {
    return this.origin;
  }
  set 2(value: Vector2) {
    this.origin = copy_column(2, value);
  }

  // Methods

  /** The inverse of a transform whose basis is a rotation (no scale or skew); see affine_inverse. */
  inverse(): Transform2D {
    // Transpose the basis, then move the origin back through it.
    const xx = this.x.x,
      xy = this.y.x,
      yx = this.x.y,
      yy = this.y.y;
    const ox = -this.origin.x,
      oy = -this.origin.y;
    return make(xx, xy, yx, yy, xx * ox + yx * oy, xy * ox + yy * oy);
  }

  /** The inverse of any invertible transform. A zero determinant prints an error and returns a copy, as Godot. */
  affine_inverse(): Transform2D {
    const det = this.determinant();
    if (det === 0) {
      print_error('Condition "det == 0" is true.');
      return new Transform2D(this);
    }
    const idet = 1 / det;
    const xx = this.y.y * idet,
      xy = -this.x.y * idet;
    const yx = -this.y.x * idet,
      yy = this.x.x * idet;
    const ox = -this.origin.x,
      oy = -this.origin.y;
    return make(xx, xy, yx, yy, xx * ox + yx * oy, xy * ox + yy * oy);
  }

  get_rotation(): number {
    return Math.atan2(this.x.y, this.x.x);
  }

  get_origin(): Vector2 {
    return new Vector2(this.origin.x, this.origin.y);
  }

  /** The lengths of the axes; y's is negative when the transform flips (negative determinant). */
  get_scale(): Vector2 {
    return new Vector2(length(this.x), sign_of(this.determinant()) * length(this.y));
  }

  get_skew(): number {
    const det_sign = sign_of(this.determinant());
    const nx = normalized(this.x);
    const ny = normalized(this.y);
    return clamped_acos(nx.x * det_sign * ny.x + nx.y * det_sign * ny.y) - Math.PI * 0.5;
  }

  /** Axes made perpendicular and of length 1 (Gram-Schmidt, keeping x's direction). */
  orthonormalized(): Transform2D {
    const nx = normalized(this.x);
    const d = nx.x * this.y.x + nx.y * this.y.y;
    const ny = normalized(new Vector2(this.y.x - nx.x * d, this.y.y - nx.y * d));
    return new Transform2D(nx, ny, this.origin);
  }

  /** Rotated by `angle` radians about the parent's origin: rotation * this. */
  rotated(angle: number): Transform2D {
    check_number("Transform2D.rotated", 0, "angle", angle);
    return compose(rotation(angle), this);
  }

  /** Rotated in its own space: this * rotation. */
  rotated_local(angle: number): Transform2D {
    check_number("Transform2D.rotated_local", 0, "angle", angle);
    return compose(this, rotation(angle));
  }

  /** Scaled relative to the parent: scale * this (the origin is scaled too). */
  scaled(scale: Vector2): Transform2D {
    if (!(scale instanceof Vector2)) bad_argument("Transform2D.scaled", 0, "scale", "Vector2", scale);
    return make(
      this.x.x * scale.x,
      this.x.y * scale.y,
      this.y.x * scale.x,
      this.y.y * scale.y,
      this.origin.x * scale.x,
      this.origin.y * scale.y,
    );
  }

  /** Scaled in its own space: this * scale. */
  scaled_local(scale: Vector2): Transform2D {
    if (!(scale instanceof Vector2)) bad_argument("Transform2D.scaled_local", 0, "scale", "Vector2", scale);
    return make(
      this.x.x * scale.x,
      this.x.y * scale.x,
      this.y.x * scale.y,
      this.y.y * scale.y,
      this.origin.x,
      this.origin.y,
    );
  }

  /** Translated relative to the parent: offset + this. */
  translated(offset: Vector2): Transform2D {
    if (!(offset instanceof Vector2)) bad_argument("Transform2D.translated", 0, "offset", "Vector2", offset);
    return make(this.x.x, this.x.y, this.y.x, this.y.y, this.origin.x + offset.x, this.origin.y + offset.y);
  }

  /** Translated in its own space: this * offset. */
  translated_local(offset: Vector2): Transform2D {
    if (!(offset instanceof Vector2))
      bad_argument("Transform2D.translated_local", 0, "offset", "Vector2", offset);
    const moved = this.basis_xform(offset);
    return make(this.x.x, this.x.y, this.y.x, this.y.y, this.origin.x + moved.x, this.origin.y + moved.y);
  }

  determinant(): number {
    return this.x.x * this.y.y - this.x.y * this.y.x;
  }

  /** `v` through the basis only (no translation). */
  basis_xform(v: Vector2): Vector2 {
    if (!(v instanceof Vector2)) bad_argument("Transform2D.basis_xform", 0, "v", "Vector2", v);
    return new Vector2(this.x.x * v.x + this.y.x * v.y, this.x.y * v.x + this.y.y * v.y);
  }

  /** `v` through the transposed basis: the inverse basis when it is orthonormal. */
  basis_xform_inv(v: Vector2): Vector2 {
    if (!(v instanceof Vector2)) bad_argument("Transform2D.basis_xform_inv", 0, "v", "Vector2", v);
    return new Vector2(this.x.x * v.x + this.x.y * v.y, this.y.x * v.x + this.y.y * v.y);
  }

  /** Rotation, scale, skew and origin interpolated separately (angles the short way round). */
  interpolate_with(xform: Transform2D, weight: number): Transform2D {
    if (!(xform instanceof Transform2D))
      bad_argument("Transform2D.interpolate_with", 0, "xform", "Transform2D", xform);
    check_number("Transform2D.interpolate_with", 1, "weight", weight);
    const scale = this.get_scale();
    const to_scale = xform.get_scale();
    return new Transform2D(
      lerp_angle(this.get_rotation(), xform.get_rotation(), weight),
      new Vector2(scale.x + (to_scale.x - scale.x) * weight, scale.y + (to_scale.y - scale.y) * weight),
      lerp_angle(this.get_skew(), xform.get_skew(), weight),
      new Vector2(
        this.origin.x + (xform.origin.x - this.origin.x) * weight,
        this.origin.y + (xform.origin.y - this.origin.y) * weight,
      ),
    );
  }

  /** Whether the basis keeps angles: a rotation with one uniform scale, possibly flipped. */
  is_conformal(): boolean {
    const x = this.x,
      y = this.y;
    if (is_equal_approx(x.x, y.y) && is_equal_approx(x.y, -y.x)) return true;
    if (is_equal_approx(x.x, -y.y) && is_equal_approx(x.y, y.x)) return true;
    return false;
  }

  is_equal_approx(xform: Transform2D): boolean {
    if (!(xform instanceof Transform2D))
      bad_argument("Transform2D.is_equal_approx", 0, "xform", "Transform2D", xform);
    return (
      this.x.is_equal_approx(xform.x) &&
      this.y.is_equal_approx(xform.y) &&
      this.origin.is_equal_approx(xform.origin)
    );
  }

  is_finite(): boolean {
    return this.x.is_finite() && this.y.is_finite() && this.origin.is_finite();
  }

  /** Rotated so that x points at `target`; the origin stays, scale and skew are dropped, as Godot. */
  looking_at(target: Vector2 = new Vector2(0, 0)): Transform2D {
    if (!(target instanceof Vector2)) bad_argument("Transform2D.looking_at", 0, "target", "Vector2", target);
    const local = this.affine_inverse().multiply(target);
    const scale = this.get_scale();
    const angle = this.get_rotation() + Math.atan2(local.y * scale.y, local.x * scale.x);
    // Transform2D(get_rotation(), origin) has unit scale, so set_rotation(angle) is a plain rotation.
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    return make(c, s, -s, c, this.origin.x, this.origin.y);
  }

  // Operators

  /**
   * `this * right`: composed with another transform, applied to a Vector2 (a point) or a Rect2
   * (its bounding box after the transform), or every component scaled by a number.
   */
  multiply(right: Transform2D): Transform2D;
  multiply(right: Vector2): Vector2;
  multiply(right: Rect2): Rect2;
  multiply(right: number): Transform2D;
  multiply(right: Transform2D | Vector2 | Rect2 | number): Transform2D | Vector2 | Rect2 {
    if (right instanceof Vector2) {
      return new Vector2(
        this.x.x * right.x + this.y.x * right.y + this.origin.x,
        this.x.y * right.x + this.y.y * right.y + this.origin.y,
      );
    }
    if (right instanceof Transform2D) return compose(this, right);
    if (typeof right === "number") {
      return make(
        this.x.x * right,
        this.x.y * right,
        this.y.x * right,
        this.y.y * right,
        this.origin.x * right,
        this.origin.y * right,
      );
    }
    if (right instanceof Rect2) {
      const sx = right.size.x,
        sy = right.size.y;
      const ax = this.x.x * sx,
        ay = this.x.y * sx;
      const bx = this.y.x * sy,
        by = this.y.y * sy;
      const pos = this.multiply(right.position);
      let rect = new Rect2(pos, new Vector2(0, 0));
      rect = expanded(rect, pos.x + ax, pos.y + ay);
      rect = expanded(rect, pos.x + bx, pos.y + by);
      rect = expanded(rect, pos.x + ax + bx, pos.y + ay + by);
      return rect;
    }
    return bad_arguments("Transform2D.multiply", "(Transform2D), (Vector2), (Rect2) or (float)", [right]);
  }

  /** `this / right`: every component divided by the number. */
  divide(right: number): Transform2D {
    check_number("Transform2D.divide", 0, "right", right);
    return make(
      this.x.x / right,
      this.x.y / right,
      this.y.x / right,
      this.y.y / right,
      this.origin.x / right,
      this.origin.y / right,
    );
  }

  /** `this == right`: exact, false for any other type (as Godot's Variant ==). */
  equals(right: unknown): boolean {
    return (
      right instanceof Transform2D &&
      this.x.equals(right.x) &&
      this.y.equals(right.y) &&
      this.origin.equals(right.origin)
    );
  }

  /** `this != right`. */
  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  /** As Godot's str(): "[X: (1, 0), Y: (0, 1), O: (0, 0)]". */
  toString(): string {
    return `[X: ${this.x.toString()}, Y: ${this.y.toString()}, O: ${this.origin.toString()}]`;
  }
}

function copy_column(index: number, value: unknown): Vector2 {
  const v = check_instance(`${T}[${index}]`, 0, "value", value, Vector2);
  return new Vector2(v.x, v.y);
}
