// Godot's Plane (core/math/plane.h): the points p with normal.dot(p) == d, so d is the distance
// from the origin along a normalized normal. Copied by value; operators are methods.
import { bad_argument, bad_arguments, check_number, print_error } from "./checks.js";
import { real_text } from "./format.js";
import { CMP_EPSILON, is_equal_approx, is_zero_approx } from "./math_funcs.js";
import { Transform3D } from "./transform3d.js";
import { Vector3 } from "./vector3.js";

function dot(a: Vector3, b: Vector3): number {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

function cross(ax: number, ay: number, az: number, bx: number, by: number, bz: number): Vector3 {
  return new Vector3(ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx);
}

export class Plane {
  normal: Vector3;
  d: number;

  /** (1, 0, 0, 0): the plane of the Y and Z axes. Each read is a new plane. */
  static get PLANE_YZ(): Plane {
    return new Plane(1, 0, 0, 0);
  }
  /** (0, 1, 0, 0): the plane of the X and Z axes. */
  static get PLANE_XZ(): Plane {
    return new Plane(0, 1, 0, 0);
  }
  /** (0, 0, 1, 0): the plane of the X and Y axes. */
  static get PLANE_XY(): Plane {
    return new Plane(0, 0, 1, 0);
  }

  /** Three points give the plane through them, its normal normalized (clockwise winding, as Godot's). */
  constructor();
  constructor(from: Plane);
  constructor(normal: Vector3);
  constructor(normal: Vector3, d: number);
  constructor(normal: Vector3, point: Vector3);
  constructor(point1: Vector3, point2: Vector3, point3: Vector3);
  constructor(a: number, b: number, c: number, d: number);
  constructor(...args: unknown[]) {
    const [a, b, c, d] = args;
    const count = args.length;
    if (
      count === 4 &&
      typeof a === "number" &&
      typeof b === "number" &&
      typeof c === "number" &&
      typeof d === "number"
    ) {
      this.normal = new Vector3(a, b, c);
      this.d = d;
      return;
    }
    if (count === 0) {
      this.normal = new Vector3(0, 0, 0);
      this.d = 0;
      return;
    }
    if (count === 1 && a instanceof Plane) {
      this.normal = new Vector3(a.normal.x, a.normal.y, a.normal.z);
      this.d = a.d;
      return;
    }
    if (a instanceof Vector3) {
      if (count === 1 || (count === 2 && typeof b === "number")) {
        this.normal = new Vector3(a.x, a.y, a.z);
        this.d = count === 2 ? (b as number) : 0;
        return;
      }
      if (count === 2 && b instanceof Vector3) {
        this.normal = new Vector3(a.x, a.y, a.z);
        this.d = dot(a, b);
        return;
      }
      if (count === 3 && b instanceof Vector3 && c instanceof Vector3) {
        this.normal = cross(a.x - c.x, a.y - c.y, a.z - c.z, a.x - b.x, a.y - b.y, a.z - b.z).normalized();
        this.d = dot(this.normal, a);
        return;
      }
    }
    bad_arguments(
      "Plane()",
      "(), (Plane from), (Vector3 normal), (Vector3 normal, float d), (Vector3 normal, Vector3 point), (Vector3 point1, Vector3 point2, Vector3 point3) or (float a, float b, float c, float d)",
      args,
    );
  }

  /** normal.x */
  get x(): number {
    return this.normal.x;
  }
  set x(value: number) {
    this.normal.x = check_number("Plane.x", 0, "value", value);
  }
  /** normal.y */
  get y(): number {
    return this.normal.y;
  }
  set y(value: number) {
    this.normal.y = check_number("Plane.y", 0, "value", value);
  }
  /** normal.z */
  get z(): number {
    return this.normal.z;
  }
  set z(value: number) {
    this.normal.z = check_number("Plane.z", 0, "value", value);
  }

  // Methods

  /** The same plane with a unit normal; a zero normal gives Plane(0, 0, 0, 0). */
  normalized(): Plane {
    const n = this.normal;
    const l = n.length();
    if (l === 0) return new Plane(0, 0, 0, 0);
    return new Plane(n.x / l, n.y / l, n.z / l, this.d / l);
  }

  /** normal * d: the point of the plane closest to the origin (for a unit normal). */
  get_center(): Vector3 {
    const { normal: n, d } = this;
    return new Vector3(n.x * d, n.y * d, n.z * d);
  }

  is_equal_approx(to_plane: Plane): boolean {
    if (!(to_plane instanceof Plane)) bad_argument("Plane.is_equal_approx", 0, "to_plane", "Plane", to_plane);
    return this.normal.is_equal_approx(to_plane.normal) && is_equal_approx(this.d, to_plane.d);
  }

  is_finite(): boolean {
    return this.normal.is_finite() && Number.isFinite(this.d);
  }

  /** True when `point` is on the side the normal points to. */
  is_point_over(point: Vector3): boolean {
    if (!(point instanceof Vector3)) bad_argument("Plane.is_point_over", 0, "point", "Vector3", point);
    return dot(this.normal, point) > this.d;
  }

  /** The signed distance, positive over the plane. */
  distance_to(point: Vector3): number {
    if (!(point instanceof Vector3)) bad_argument("Plane.distance_to", 0, "point", "Vector3", point);
    return dot(this.normal, point) - this.d;
  }

  has_point(point: Vector3, tolerance: number = 1e-5): boolean {
    if (!(point instanceof Vector3)) bad_argument("Plane.has_point", 0, "point", "Vector3", point);
    check_number("Plane.has_point", 1, "tolerance", tolerance);
    return Math.abs(dot(this.normal, point) - this.d) <= tolerance;
  }

  /** The point of the plane nearest to `point`. */
  project(point: Vector3): Vector3 {
    if (!(point instanceof Vector3)) bad_argument("Plane.project", 0, "point", "Vector3", point);
    const n = this.normal;
    const distance = dot(n, point) - this.d;
    return new Vector3(point.x - n.x * distance, point.y - n.y * distance, point.z - n.z * distance);
  }

  /** The point common to this plane, `b` and `c`, or null when two of them are parallel. */
  intersect_3(b: Plane, c: Plane): Vector3 | null {
    if (!(b instanceof Plane)) bad_argument("Plane.intersect_3", 0, "b", "Plane", b);
    if (!(c instanceof Plane)) bad_argument("Plane.intersect_3", 1, "c", "Plane", c);
    const n0 = this.normal;
    const n1 = b.normal;
    const n2 = c.normal;
    const n0xn1 = cross(n0.x, n0.y, n0.z, n1.x, n1.y, n1.z);
    const denom = dot(n0xn1, n2);
    if (is_zero_approx(denom)) return null;
    const n1xn2 = cross(n1.x, n1.y, n1.z, n2.x, n2.y, n2.z);
    const n2xn0 = cross(n2.x, n2.y, n2.z, n0.x, n0.y, n0.z);
    const d0 = this.d;
    const d1 = b.d;
    const d2 = c.d;
    return new Vector3(
      (n1xn2.x * d0 + n2xn0.x * d1 + n0xn1.x * d2) / denom,
      (n1xn2.y * d0 + n2xn0.y * d1 + n0xn1.y * d2) / denom,
      (n1xn2.z * d0 + n2xn0.z * d1 + n0xn1.z * d2) / denom,
    );
  }

  /** Where the ray from `from` along `dir` meets the plane, or null (parallel, or the plane is behind). */
  intersects_ray(from: Vector3, dir: Vector3): Vector3 | null {
    if (!(from instanceof Vector3)) bad_argument("Plane.intersects_ray", 0, "from", "Vector3", from);
    if (!(dir instanceof Vector3)) bad_argument("Plane.intersects_ray", 1, "dir", "Vector3", dir);
    const den = dot(this.normal, dir);
    if (is_zero_approx(den)) return null;
    const dist = (dot(this.normal, from) - this.d) / den;
    if (dist > CMP_EPSILON) return null;
    return new Vector3(from.x - dir.x * dist, from.y - dir.y * dist, from.z - dir.z * dist);
  }

  /** Where the segment from `from` to `to` crosses the plane, or null. */
  intersects_segment(from: Vector3, to: Vector3): Vector3 | null {
    if (!(from instanceof Vector3)) bad_argument("Plane.intersects_segment", 0, "from", "Vector3", from);
    if (!(to instanceof Vector3)) bad_argument("Plane.intersects_segment", 1, "to", "Vector3", to);
    // As Godot, along from - to: dist runs from 0 at `from` to 1 at `to`.
    const sx = from.x - to.x;
    const sy = from.y - to.y;
    const sz = from.z - to.z;
    const n = this.normal;
    const den = n.x * sx + n.y * sy + n.z * sz;
    if (is_zero_approx(den)) return null;
    const dist = (dot(n, from) - this.d) / den;
    if (dist < -CMP_EPSILON || dist > 1 + CMP_EPSILON) return null;
    return new Vector3(from.x - sx * dist, from.y - sy * dist, from.z - sz * dist);
  }

  // Operators

  /**
   * `this * transform`: the plane under the inverse of `transform` (Godot's xform_inv): a point of
   * the plane goes through the affine inverse, the normal through the transposed basis.
   */
  multiply(right: Transform3D): Plane {
    if (!(right instanceof Transform3D)) return bad_arguments("Plane.multiply", "(Transform3D)", [right]);
    const { x: c0, y: c1, z: c2 } = right.basis;
    const n = this.normal;
    const o = right.origin;
    const inverse = inverse_rows(right);
    const px = n.x * this.d - o.x;
    const py = n.y * this.d - o.y;
    const pz = n.z * this.d - o.z;
    const point = new Vector3(
      inverse[0] * px + inverse[1] * py + inverse[2] * pz,
      inverse[3] * px + inverse[4] * py + inverse[5] * pz,
      inverse[6] * px + inverse[7] * py + inverse[8] * pz,
    );
    const normal = new Vector3(dot(c0, n), dot(c1, n), dot(c2, n)).normalized();
    return new Plane(normal, dot(normal, point));
  }

  /** `-this`: the same points, the normal flipped. */
  negate(): Plane {
    return new Plane(-this.normal.x, -this.normal.y, -this.normal.z, -this.d);
  }

  /** `+this`: a copy. */
  positive(): Plane {
    return new Plane(this.normal.x, this.normal.y, this.normal.z, this.d);
  }

  /** `this == right`: exact, false for any other type. */
  equals(right: unknown): boolean {
    return right instanceof Plane && this.normal.equals(right.normal) && this.d === right.d;
  }

  /** `this != right`. */
  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  /** As Godot's str(): "[N: (0, 1, 0), D: 1.5]". */
  toString(): string {
    return `[N: ${this.normal.toString()}, D: ${real_text(this.d)}]`;
  }
}

// The inverse of a transform's basis, row by row, by Godot's cofactors (Basis::invert). Godot
// refuses a singular basis and keeps it as it is.
function inverse_rows(transform: Transform3D): number[] {
  const { x: c0, y: c1, z: c2 } = transform.basis;
  const m00 = c0.x,
    m01 = c1.x,
    m02 = c2.x;
  const m10 = c0.y,
    m11 = c1.y,
    m12 = c2.y;
  const m20 = c0.z,
    m21 = c1.z,
    m22 = c2.z;
  const co0 = m11 * m22 - m12 * m21;
  const co1 = m12 * m20 - m10 * m22;
  const co2 = m10 * m21 - m11 * m20;
  const det = m00 * co0 + m01 * co1 + m02 * co2;
  if (det === 0) {
    print_error('Condition "det == 0" is true.');
    return [m00, m01, m02, m10, m11, m12, m20, m21, m22];
  }
  const s = 1 / det;
  return [
    co0 * s,
    (m02 * m21 - m01 * m22) * s,
    (m01 * m12 - m02 * m11) * s,
    co1 * s,
    (m00 * m22 - m02 * m20) * s,
    (m02 * m10 - m00 * m12) * s,
    co2 * s,
    (m01 * m20 - m00 * m21) * s,
    (m00 * m11 - m01 * m10) * s,
  ];
}
