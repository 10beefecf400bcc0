// Godot's Basis (core/math/basis.h): a 3×3 matrix whose columns x, y, z are the axes of a rotated,
// scaled or sheared coordinate system. Godot's C++ stores the rows and its formulas index
// rows[r][c]; here that element is column c's component r (named m_rc where a formula needs it).
// The reference results come from a Godot debug build (MATH_CHECKS), where invalid input (an axis
// that is not normalized, a singular matrix, a Basis that is not a rotation where one is needed)
// prints an error and leaves a neutral result; these do the same.
// Over 600 lines: Godot's Basis API is that large (rotations, Euler orders, orthonormalization,
// slerp); splitting one class across files would scatter its shared element helpers.
import { bad_argument, bad_arguments, check_bool, check_int, check_number, print_error } from "./checks.js";
import { join_reals } from "./format.js";
import { UNIT_EPSILON, is_equal_approx, is_zero_approx, lerp } from "./math_funcs.js";
import { Quaternion } from "./quaternion.js";
import { Vector3 } from "./vector3.js";

interface Triple {
  x: number;
  y: number;
  z: number;
}
interface Columns {
  x: Triple;
  y: Triple;
  z: Triple;
}

const IDENTITY_COLUMNS: Columns = {
  x: { x: 1, y: 0, z: 0 },
  y: { x: 0, y: 1, z: 0 },
  z: { x: 0, y: 0, z: 1 },
};

// Godot's EulerOrder enum.
const EULER_ORDER_XYZ = 0;
const EULER_ORDER_XZY = 1;
const EULER_ORDER_YXZ = 2;
const EULER_ORDER_YZX = 3;
const EULER_ORDER_ZXY = 4;
const EULER_ORDER_ZYX = 5;

// get_euler treats a sine this close to ±1 as gimbal lock (Godot: within about 0.04 degrees).
const GIMBAL_LOCK_EPSILON = 0.00000025;

export function vector_text(v: Triple): string {
  return join_reals([v.x, v.y, v.z]);
}

// Godot's Math::asin clamps, so a sine rounded just past ±1 gives ±π/2 rather than NaN.
function clamped_asin(value: number): number {
  return value < -1 ? -Math.PI / 2 : value > 1 ? Math.PI / 2 : Math.asin(value);
}

function is_unit_length(v: Triple): boolean {
  const length_squared = v.x * v.x + v.y * v.y + v.z * v.z;
  return length_squared === 1 || Math.abs(length_squared - 1) < UNIT_EPSILON;
}

function is_zero_vector(v: Triple): boolean {
  return is_zero_approx(v.x) && is_zero_approx(v.y) && is_zero_approx(v.z);
}

function dot(a: Triple, b: Triple): number {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

function cross(a: Triple, b: Triple): Vector3 {
  return new Vector3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
}

// Vector3.normalized: the zero vector stays zero.
export function normalized(x: number, y: number, z: number): Vector3 {
  const length_squared = x * x + y * y + z * z;
  if (length_squared === 0) return new Vector3(0, 0, 0);
  const length = Math.sqrt(length_squared);
  return new Vector3(x / length, y / length, z / length);
}

// Vector3.get_any_perpendicular: the cross product with X or Y, whichever is further from v.
export function any_perpendicular(v: Triple): Vector3 {
  const use_x = Math.abs(v.x) <= Math.abs(v.y) && Math.abs(v.x) <= Math.abs(v.z);
  return use_x ? normalized(0, v.z, -v.y) : normalized(-v.z, 0, v.x);
}

// A Basis that takes these vectors as its columns (the constructor copies its arguments).
export function basis_of_columns(x: Vector3, y: Vector3, z: Vector3): Basis {
  const basis = Object.create(Basis.prototype) as Basis;
  basis.x = x;
  basis.y = y;
  basis.z = z;
  return basis;
}

// A Basis from its nine elements in Godot's row-major order, as Basis::set takes them.
export function basis_from_rows(
  m00: number,
  m01: number,
  m02: number,
  m10: number,
  m11: number,
  m12: number,
  m20: number,
  m21: number,
  m22: number,
): Basis {
  return basis_of_columns(new Vector3(m00, m10, m20), new Vector3(m01, m11, m21), new Vector3(m02, m12, m22));
}

// The matrix times a column vector (Godot's Basis::xform).
export function basis_xform(basis: Basis, v: Triple): Vector3 {
  const { x, y, z } = basis;
  return new Vector3(
    x.x * v.x + y.x * v.y + z.x * v.z,
    x.y * v.x + y.y * v.y + z.y * v.z,
    x.z * v.x + y.z * v.y + z.z * v.z,
  );
}

export function basis_product(left: Basis, right: Basis): Basis {
  return basis_of_columns(basis_xform(left, right.x), basis_xform(left, right.y), basis_xform(left, right.z));
}

function scaled_by(basis: Basis, factor: number): Basis {
  const { x, y, z } = basis;
  return basis_of_columns(
    new Vector3(x.x * factor, x.y * factor, x.z * factor),
    new Vector3(y.x * factor, y.y * factor, y.z * factor),
    new Vector3(z.x * factor, z.y * factor, z.z * factor),
  );
}

// The rows as arrays, rows[r][c], for the formulas that pick elements by index.
function rows_of(basis: Basis): number[][] {
  const { x, y, z } = basis;
  return [
    [x.x, y.x, z.x],
    [x.y, y.y, z.y],
    [x.z, y.z, z.z],
  ];
}

function identity(): Basis {
  return basis_from_rows(1, 0, 0, 0, 1, 0, 0, 0, 1);
}

// Godot's Basis(axis, angle) (Rodrigues' formula); an axis that is not normalized gives the identity.
export function basis_from_axis_angle(axis: Triple, angle: number): Basis {
  if (!is_unit_length(axis)) {
    print_error(`The axis Vector3 ${vector_text(axis)} must be normalized.`);
    return identity();
  }
  const { x, y, z } = axis;
  const cosine = Math.cos(angle);
  const sine = Math.sin(angle);
  const t = 1 - cosine;
  const xx = x * x,
    yy = y * y,
    zz = z * z;
  return basis_from_rows(
    xx + cosine * (1 - xx),
    x * y * t - z * sine,
    x * z * t + y * sine,
    x * y * t + z * sine,
    yy + cosine * (1 - yy),
    y * z * t - x * sine,
    x * z * t - y * sine,
    y * z * t + x * sine,
    zz + cosine * (1 - zz),
  );
}

// Godot's Basis(Quaternion), which also accepts an unnormalized quaternion.
export function basis_from_quaternion(q: Quaternion): Basis {
  const s = 2 / (q.x * q.x + q.y * q.y + q.z * q.z + q.w * q.w);
  const xs = q.x * s,
    ys = q.y * s,
    zs = q.z * s;
  const wx = q.w * xs,
    wy = q.w * ys,
    wz = q.w * zs;
  const xx = q.x * xs,
    xy = q.x * ys,
    xz = q.x * zs;
  const yy = q.y * ys,
    yz = q.y * zs,
    zz = q.z * zs;
  return basis_from_rows(
    1 - (yy + zz),
    xy - wz,
    xz + wy,
    xy + wz,
    1 - (xx + zz),
    yz - wx,
    xz - wy,
    yz + wx,
    1 - (xx + yy),
  );
}

// Godot's Basis::get_quaternion: the rotation a pure rotation matrix stands for, or the identity
// for any other matrix.
export function quaternion_of_rotation(basis: Basis): Quaternion {
  if (!basis.is_conformal() || !(Math.abs(basis.determinant() - 1) < UNIT_EPSILON)) {
    print_error(
      `Basis ${basis} must be normalized in order to be casted to a Quaternion. Use get_rotation_quaternion() or call orthonormalized() if the Basis contains linearly independent vectors.`,
    );
    return new Quaternion(0, 0, 0, 1);
  }
  const m = rows_of(basis);
  const trace = m[0][0] + m[1][1] + m[2][2];
  if (trace > 0) {
    const root = Math.sqrt(trace + 1);
    const s = 0.5 / root;
    return new Quaternion(
      (m[2][1] - m[1][2]) * s,
      (m[0][2] - m[2][0]) * s,
      (m[1][0] - m[0][1]) * s,
      root * 0.5,
    );
  }
  // Build on the largest diagonal element, which keeps the square root away from zero.
  const i = m[0][0] < m[1][1] ? (m[1][1] < m[2][2] ? 2 : 1) : m[0][0] < m[2][2] ? 2 : 0;
  const j = (i + 1) % 3;
  const k = (i + 2) % 3;
  const root = Math.sqrt(m[i][i] - m[j][j] - m[k][k] + 1);
  const s = 0.5 / root;
  const components = [0, 0, 0, (m[k][j] - m[j][k]) * s];
  components[i] = root * 0.5;
  components[j] = (m[j][i] + m[i][j]) * s;
  components[k] = (m[k][i] + m[i][k]) * s;
  return new Quaternion(components[0], components[1], components[2], components[3]);
}

export class Basis {
  x: Vector3;
  y: Vector3;
  z: Vector3;

  constructor();
  constructor(from: Basis);
  constructor(from: Quaternion);
  constructor(axis: Vector3, angle: number);
  constructor(x_axis: Vector3, y_axis: Vector3, z_axis: Vector3);
  constructor(a?: unknown, b?: unknown, c?: unknown) {
    const count = c !== undefined ? 3 : b !== undefined ? 2 : a !== undefined ? 1 : 0;
    let source: Columns = IDENTITY_COLUMNS;
    if (count === 3 && a instanceof Vector3 && b instanceof Vector3 && c instanceof Vector3) {
      this.x = new Vector3(a.x, a.y, a.z);
      this.y = new Vector3(b.x, b.y, b.z);
      this.z = new Vector3(c.x, c.y, c.z);
      return;
    }
    if (count === 1 && a instanceof Basis) {
      source = a;
    } else if (count === 1 && a instanceof Quaternion) {
      source = basis_from_quaternion(a);
    } else if (count === 2 && a instanceof Vector3 && typeof b === "number") {
      source = basis_from_axis_angle(a, b);
    } else if (count !== 0) {
      bad_arguments(
        "Basis()",
        "(), (Basis from), (Quaternion from), (Vector3 axis, float angle) or (Vector3 x_axis, Vector3 y_axis, Vector3 z_axis)",
        [a, b, c].slice(0, count),
      );
    }
    this.x = new Vector3(source.x.x, source.x.y, source.x.z);
    this.y = new Vector3(source.y.x, source.y.y, source.y.z);
    this.z = new Vector3(source.z.x, source.z.y, source.z.z);
  }

  static get IDENTITY(): Basis {
    return identity();
  }

  static get FLIP_X(): Basis {
    return basis_from_rows(-1, 0, 0, 0, 1, 0, 0, 0, 1);
  }

  static get FLIP_Y(): Basis {
    return basis_from_rows(1, 0, 0, 0, -1, 0, 0, 0, 1);
  }

  static get FLIP_Z(): Basis {
    return basis_from_rows(1, 0, 0, 0, 1, 0, 0, 0, -1);
  }

  // By cofactors; a singular matrix is returned unchanged.
  inverse(): Basis {
    const { x, y, z } = this;
    const m00 = x.x,
      m01 = y.x,
      m02 = z.x;
    const m10 = x.y,
      m11 = y.y,
      m12 = z.y;
    const m20 = x.z,
      m21 = y.z,
      m22 = z.z;
    const co0 = m11 * m22 - m12 * m21;
    const co1 = m12 * m20 - m10 * m22;
    const co2 = m10 * m21 - m11 * m20;
    const det = m00 * co0 + m01 * co1 + m02 * co2;
    if (det === 0) {
      print_error('Basis.inverse: condition "det == 0" is true.');
      return new Basis(this);
    }
    const s = 1 / det;
    return basis_from_rows(
      co0 * s,
      (m02 * m21 - m01 * m22) * s,
      (m01 * m12 - m02 * m11) * s,
      co1 * s,
      (m00 * m22 - m02 * m20) * s,
      (m02 * m10 - m00 * m12) * s,
      co2 * s,
      (m01 * m20 - m00 * m21) * s,
      (m00 * m11 - m01 * m10) * s,
    );
  }

  transposed(): Basis {
    const { x, y, z } = this;
    return basis_of_columns(
      new Vector3(x.x, y.x, z.x),
      new Vector3(x.y, y.y, z.y),
      new Vector3(x.z, y.z, z.z),
    );
  }

  // Gram-Schmidt on the columns, in the order x, y, z.
  orthonormalized(): Basis {
    const x = normalized(this.x.x, this.x.y, this.x.z);
    const xy = dot(x, this.y);
    const y = normalized(this.y.x - x.x * xy, this.y.y - x.y * xy, this.y.z - x.z * xy);
    const xz = dot(x, this.z);
    const yz = dot(y, this.z);
    const z = normalized(
      this.z.x - x.x * xz - y.x * yz,
      this.z.y - x.y * xz - y.y * yz,
      this.z.z - x.z * xz - y.z * yz,
    );
    return basis_of_columns(x, y, z);
  }

  determinant(): number {
    const { x, y, z } = this;
    return x.x * (y.y * z.z - y.z * z.y) - x.y * (y.x * z.z - y.z * z.x) + x.z * (y.x * z.y - y.y * z.x);
  }

  // Rotated in the parent's frame: Basis(axis, angle) * this.
  rotated(axis: Vector3, angle: number): Basis {
    if (!(axis instanceof Vector3)) bad_argument("Basis.rotated", 0, "axis", "Vector3", axis);
    check_number("Basis.rotated", 1, "angle", angle);
    return basis_product(basis_from_axis_angle(axis, angle), this);
  }

  // Scaled in the parent's frame: each row times its scale component.
  scaled(scale: Vector3): Basis {
    if (!(scale instanceof Vector3)) bad_argument("Basis.scaled", 0, "scale", "Vector3", scale);
    const { x, y, z } = this;
    return basis_of_columns(
      new Vector3(x.x * scale.x, x.y * scale.y, x.z * scale.z),
      new Vector3(y.x * scale.x, y.y * scale.y, y.z * scale.z),
      new Vector3(z.x * scale.x, z.y * scale.y, z.z * scale.z),
    );
  }

  // Scaled in the basis's own frame: each column times its scale component.
  scaled_local(scale: Vector3): Basis {
    if (!(scale instanceof Vector3)) bad_argument("Basis.scaled_local", 0, "scale", "Vector3", scale);
    const { x, y, z } = this;
    return basis_of_columns(
      new Vector3(x.x * scale.x, x.y * scale.x, x.z * scale.x),
      new Vector3(y.x * scale.y, y.y * scale.y, y.z * scale.y),
      new Vector3(z.x * scale.z, z.y * scale.z, z.z * scale.z),
    );
  }

  // The column lengths, all negated when the basis mirrors (Godot puts a flip into the scale).
  get_scale(): Vector3 {
    const det = this.determinant();
    const sign = det > 0 ? 1 : det < 0 ? -1 : 0;
    return new Vector3(
      sign * Math.sqrt(dot(this.x, this.x)),
      sign * Math.sqrt(dot(this.y, this.y)),
      sign * Math.sqrt(dot(this.z, this.z)),
    );
  }

  get_euler(order: number = EULER_ORDER_YXZ): Vector3 {
    order = check_int("Basis.get_euler", 0, "order", order);
    const m = rows_of(this);
    const limit = 1 - GIMBAL_LOCK_EPSILON;
    // Godot's branches test `sine < limit` then `sine > -limit`; the negations below keep NaN on
    // the same branch as there.
    switch (order) {
      case EULER_ORDER_XYZ: {
        const sy = m[0][2];
        if (!(sy < limit)) return new Vector3(Math.atan2(m[2][1], m[1][1]), Math.PI / 2, 0);
        if (!(sy > -limit)) return new Vector3(Math.atan2(m[2][1], m[1][1]), -Math.PI / 2, 0);
        // A pure Y rotation gets the simplest angles, friendlier in the editor and in scripts.
        if (m[1][0] === 0 && m[0][1] === 0 && m[1][2] === 0 && m[2][1] === 0 && m[1][1] === 1) {
          return new Vector3(0, Math.atan2(m[0][2], m[0][0]), 0);
        }
        return new Vector3(Math.atan2(-m[1][2], m[2][2]), clamped_asin(sy), Math.atan2(-m[0][1], m[0][0]));
      }
      case EULER_ORDER_XZY: {
        const sz = m[0][1];
        if (!(sz < limit)) return new Vector3(-Math.atan2(m[1][2], m[2][2]), 0, -Math.PI / 2);
        if (!(sz > -limit)) return new Vector3(-Math.atan2(m[1][2], m[2][2]), 0, Math.PI / 2);
        return new Vector3(Math.atan2(m[2][1], m[1][1]), Math.atan2(m[0][2], m[0][0]), clamped_asin(-sz));
      }
      case EULER_ORDER_YXZ: {
        const m12 = m[1][2];
        if (!(m12 < limit)) return new Vector3(-Math.PI * 0.5, -Math.atan2(m[0][1], m[0][0]), 0);
        if (!(m12 > -limit)) return new Vector3(Math.PI * 0.5, Math.atan2(m[0][1], m[0][0]), 0);
        // A pure X rotation gets the simplest angles, friendlier in the editor and in scripts.
        if (m[1][0] === 0 && m[0][1] === 0 && m[0][2] === 0 && m[2][0] === 0 && m[0][0] === 1) {
          return new Vector3(Math.atan2(-m12, m[1][1]), 0, 0);
        }
        return new Vector3(clamped_asin(-m12), Math.atan2(m[0][2], m[2][2]), Math.atan2(m[1][0], m[1][1]));
      }
      case EULER_ORDER_YZX: {
        const sz = m[1][0];
        if (!(sz < limit)) return new Vector3(Math.atan2(m[2][1], m[2][2]), 0, Math.PI / 2);
        if (!(sz > -limit)) return new Vector3(Math.atan2(m[2][1], m[2][2]), 0, -Math.PI / 2);
        return new Vector3(Math.atan2(-m[1][2], m[1][1]), Math.atan2(-m[2][0], m[0][0]), clamped_asin(sz));
      }
      case EULER_ORDER_ZXY: {
        const sx = m[2][1];
        if (!(sx < limit)) return new Vector3(Math.PI / 2, Math.atan2(m[0][2], m[0][0]), 0);
        if (!(sx > -limit)) return new Vector3(-Math.PI / 2, Math.atan2(m[0][2], m[0][0]), 0);
        return new Vector3(clamped_asin(sx), Math.atan2(-m[2][0], m[2][2]), Math.atan2(-m[0][1], m[1][1]));
      }
      case EULER_ORDER_ZYX: {
        const sy = m[2][0];
        if (!(sy < limit)) return new Vector3(0, -Math.PI / 2, -Math.atan2(m[0][1], m[1][1]));
        if (!(sy > -limit)) return new Vector3(0, Math.PI / 2, -Math.atan2(m[0][1], m[1][1]));
        return new Vector3(Math.atan2(m[2][1], m[2][2]), clamped_asin(-sy), Math.atan2(m[1][0], m[0][0]));
      }
      default:
        print_error("Invalid parameter for get_euler(order)");
        return new Vector3(0, 0, 0);
    }
  }

  // Transposed dot products: a column with the vector.
  tdotx(with_: Vector3): number {
    if (!(with_ instanceof Vector3)) bad_argument("Basis.tdotx", 0, "with", "Vector3", with_);
    return dot(this.x, with_);
  }

  tdoty(with_: Vector3): number {
    if (!(with_ instanceof Vector3)) bad_argument("Basis.tdoty", 0, "with", "Vector3", with_);
    return dot(this.y, with_);
  }

  tdotz(with_: Vector3): number {
    if (!(with_ instanceof Vector3)) bad_argument("Basis.tdotz", 0, "with", "Vector3", with_);
    return dot(this.z, with_);
  }

  // Slerps the rotations (of pure rotations only: any other basis counts as the identity, as in
  // Godot), then scales each row by the interpolated length of the rows.
  slerp(to: Basis, weight: number): Basis {
    if (!(to instanceof Basis)) bad_argument("Basis.slerp", 0, "to", "Basis", to);
    check_number("Basis.slerp", 1, "weight", weight);
    const rotation = quaternion_of_rotation(this).slerp(quaternion_of_rotation(to), weight);
    const { x, y, z } = basis_from_quaternion(rotation);
    // Row r holds component r of each column.
    const row_length = (basis: Basis, r: "x" | "y" | "z") =>
      Math.sqrt(basis.x[r] * basis.x[r] + basis.y[r] * basis.y[r] + basis.z[r] * basis.z[r]);
    const factor = (r: "x" | "y" | "z") => lerp(row_length(this, r), row_length(to, r), weight);
    const f0 = factor("x"),
      f1 = factor("y"),
      f2 = factor("z");
    return basis_of_columns(
      new Vector3(x.x * f0, x.y * f1, x.z * f2),
      new Vector3(y.x * f0, y.y * f1, y.z * f2),
      new Vector3(z.x * f0, z.y * f1, z.z * f2),
    );
  }

  // Orthogonal columns of equal length: angles and distance ratios are kept.
  is_conformal(): boolean {
    const x_length_squared = dot(this.x, this.x);
    return (
      is_equal_approx(x_length_squared, dot(this.y, this.y)) &&
      is_equal_approx(x_length_squared, dot(this.z, this.z)) &&
      is_zero_approx(dot(this.x, this.y)) &&
      is_zero_approx(dot(this.x, this.z)) &&
      is_zero_approx(dot(this.y, this.z))
    );
  }

  is_equal_approx(b: Basis): boolean {
    if (!(b instanceof Basis)) bad_argument("Basis.is_equal_approx", 0, "b", "Basis", b);
    const { x, y, z } = this;
    return (
      is_equal_approx(x.x, b.x.x) &&
      is_equal_approx(x.y, b.x.y) &&
      is_equal_approx(x.z, b.x.z) &&
      is_equal_approx(y.x, b.y.x) &&
      is_equal_approx(y.y, b.y.y) &&
      is_equal_approx(y.z, b.y.z) &&
      is_equal_approx(z.x, b.z.x) &&
      is_equal_approx(z.y, b.z.y) &&
      is_equal_approx(z.z, b.z.z)
    );
  }

  is_finite(): boolean {
    const { x, y, z } = this;
    return (
      Number.isFinite(x.x) &&
      Number.isFinite(x.y) &&
      Number.isFinite(x.z) &&
      Number.isFinite(y.x) &&
      Number.isFinite(y.y) &&
      Number.isFinite(y.z) &&
      Number.isFinite(z.x) &&
      Number.isFinite(z.y) &&
      Number.isFinite(z.z)
    );
  }

  // The rotation part, with any mirroring taken out (it goes to get_scale's sign).
  get_rotation_quaternion(): Quaternion {
    const rotation = this.orthonormalized();
    return quaternion_of_rotation(rotation.determinant() < 0 ? scaled_by(rotation, -1) : rotation);
  }

  // Looking down -Z toward target (+Z with use_model_front), with Y as close to up as it can be.
  static looking_at(
    target: Vector3,
    up: Vector3 = new Vector3(0, 1, 0),
    use_model_front: boolean = false,
  ): Basis {
    if (!(target instanceof Vector3)) bad_argument("Basis.looking_at", 0, "target", "Vector3", target);
    if (!(up instanceof Vector3)) bad_argument("Basis.looking_at", 1, "up", "Vector3", up);
    check_bool("Basis.looking_at", 2, "use_model_front", use_model_front);
    if (is_zero_vector(target) || is_zero_vector(up)) {
      print_error(
        is_zero_vector(target) ? "The target vector can't be zero." : "The up vector can't be zero.",
      );
      return identity();
    }
    const forward = normalized(target.x, target.y, target.z);
    const z = use_model_front ? forward : new Vector3(-forward.x, -forward.y, -forward.z);
    let x = cross(up, z);
    if (is_zero_vector(x)) {
      const host = globalThis as { console?: { warn?: (...data: unknown[]) => void } };
      host.console?.warn?.(
        "WARNING: Target and up vectors are colinear. This is not advised as it may cause unwanted rotation around local Z axis.",
      );
      x = any_perpendicular(up); // Any X perpendicular to up will do.
    }
    x = normalized(x.x, x.y, x.z);
    return basis_of_columns(x, cross(z, x), z);
  }

  static from_scale(scale: Vector3): Basis {
    if (!(scale instanceof Vector3)) bad_argument("Basis.from_scale", 0, "scale", "Vector3", scale);
    return basis_from_rows(scale.x, 0, 0, 0, scale.y, 0, 0, 0, scale.z);
  }

  // The rotations about X, Y and Z composed in the given order (the first letter applied last).
  static from_euler(euler: Vector3, order: number = EULER_ORDER_YXZ): Basis {
    if (!(euler instanceof Vector3)) bad_argument("Basis.from_euler", 0, "euler", "Vector3", euler);
    order = check_int("Basis.from_euler", 1, "order", order);
    let c = Math.cos(euler.x),
      s = Math.sin(euler.x);
    const x = basis_from_rows(1, 0, 0, 0, c, -s, 0, s, c);
    c = Math.cos(euler.y);
    s = Math.sin(euler.y);
    const y = basis_from_rows(c, 0, s, 0, 1, 0, -s, 0, c);
    c = Math.cos(euler.z);
    s = Math.sin(euler.z);
    const z = basis_from_rows(c, -s, 0, s, c, 0, 0, 0, 1);
    switch (order) {
      case EULER_ORDER_XYZ:
        return basis_product(x, basis_product(y, z));
      case EULER_ORDER_XZY:
        return basis_product(basis_product(x, z), y);
      case EULER_ORDER_YXZ:
        return basis_product(basis_product(y, x), z);
      case EULER_ORDER_YZX:
        return basis_product(basis_product(y, z), x);
      case EULER_ORDER_ZXY:
        return basis_product(basis_product(z, x), y);
      case EULER_ORDER_ZYX:
        return basis_product(basis_product(z, y), x);
      default:
        print_error("Invalid Euler order parameter.");
        return identity();
    }
  }

  multiply(right: Basis): Basis;
  multiply(right: Vector3): Vector3;
  multiply(right: number): Basis;
  multiply(right: Basis | Vector3 | number): Basis | Vector3 {
    if (right instanceof Vector3) return basis_xform(this, right);
    if (right instanceof Basis) return basis_product(this, right);
    if (typeof right === "number") return scaled_by(this, right);
    return bad_arguments("Basis.multiply", "Basis, Vector3 or float", [right]);
  }

  divide(right: number): Basis {
    check_number("Basis.divide", 0, "right", right);
    const { x, y, z } = this;
    return basis_of_columns(
      new Vector3(x.x / right, x.y / right, x.z / right),
      new Vector3(y.x / right, y.y / right, y.z / right),
      new Vector3(z.x / right, z.y / right, z.z / right),
    );
  }

  equals(right: unknown): boolean {
    if (!(right instanceof Basis)) return false;
    const { x, y, z } = this;
    return (
      x.x === right.x.x &&
      x.y === right.x.y &&
      x.z === right.x.z &&
      y.x === right.y.x &&
      y.y === right.y.y &&
      y.z === right.y.z &&
      z.x === right.z.x &&
      z.y === right.z.y &&
      z.z === right.z.z
    );
  }

  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  toString(): string {
    const { x, y, z } = this;
    return `[X: ${join_reals([x.x, x.y, x.z])}, Y: ${join_reals([y.x, y.y, y.z])}, Z: ${join_reals([z.x, z.y, z.z])}]`;
  }
}
