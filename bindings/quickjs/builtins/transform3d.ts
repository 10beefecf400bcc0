// Godot's Transform3D (core/math/transform_3d.h): a Basis (the linear part) plus an origin (the
// translation), an affine map of 3D space. As in a Godot debug build (MATH_CHECKS, which the
// reference results come from), invalid input prints an error and leaves a neutral result.
import { AABB } from "./aabb.js";
import { bad_argument, bad_arguments, check_bool, check_number, print_error } from "./checks.js";
import {
  Basis,
  basis_from_axis_angle,
  basis_from_quaternion,
  basis_from_rows,
  basis_of_columns,
  basis_product,
  basis_xform,
  normalized,
} from "./basis.js";
import { join_reals } from "./format.js";
import { is_equal_approx, lerp } from "./math_funcs.js";
import { PackedVector3Array } from "./packed_arrays.js";
import { Plane } from "./plane.js";
import { Projection } from "./projection.js";
import { Vector3 } from "./vector3.js";

// A Transform3D that takes these values as its own (the constructor copies its arguments).
function transform_of(basis: Basis, origin: Vector3): Transform3D {
  const transform = Object.create(Transform3D.prototype) as Transform3D;
  transform.basis = basis;
  transform.origin = origin;
  return transform;
}

function flipped(x: number, y: number, z: number): Transform3D {
  return transform_of(basis_from_rows(x, 0, 0, 0, y, 0, 0, 0, z), new Vector3(0, 0, 0));
}

// The transform applied to a point: basis times the point, plus the origin.
function transform_point(transform: Transform3D, point: Vector3): Vector3 {
  const {
    basis: { x, y, z },
    origin,
  } = transform;
  return new Vector3(
    x.x * point.x + y.x * point.y + z.x * point.z + origin.x,
    x.y * point.x + y.y * point.y + z.y * point.z + origin.y,
    x.z * point.x + y.z * point.y + z.z * point.z + origin.z,
  );
}

// Moves a point of the plane and turns the normal by the inverse transpose, which keeps it
// perpendicular under non-uniform scale.
function transform_plane(transform: Transform3D, plane: Plane): Plane {
  const { normal, d } = plane;
  const point = transform_point(transform, new Vector3(normal.x * d, normal.y * d, normal.z * d));
  const turned = basis_xform(transform.basis.inverse().transposed(), normal);
  const new_normal = normalized(turned.x, turned.y, turned.z);
  return new Plane(
    new_normal.x,
    new_normal.y,
    new_normal.z,
    new_normal.x * point.x + new_normal.y * point.y + new_normal.z * point.z,
  );
}

// The box around the transformed box, axis by axis from the basis elements' extremes
// (https://dev.theomader.com/transform-bounding-boxes/).
function transform_aabb(transform: Transform3D, aabb: AABB): AABB {
  const {
    basis: { x, y, z },
    origin,
  } = transform;
  const min = [aabb.position.x, aabb.position.y, aabb.position.z];
  const max = [min[0] + aabb.size.x, min[1] + aabb.size.y, min[2] + aabb.size.z];
  const rows = [
    [x.x, y.x, z.x],
    [x.y, y.y, z.y],
    [x.z, y.z, z.z],
  ];
  const low = [origin.x, origin.y, origin.z];
  const high = [origin.x, origin.y, origin.z];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const e = rows[i][j] * min[j];
      const f = rows[i][j] * max[j];
      low[i] += e < f ? e : f;
      high[i] += e < f ? f : e;
    }
  }
  return new AABB(
    new Vector3(low[0], low[1], low[2]),
    new Vector3(high[0] - low[0], high[1] - low[1], high[2] - low[2]),
  );
}

export class Transform3D {
  basis: Basis;
  origin: Vector3;

  constructor();
  constructor(from: Transform3D);
  constructor(basis: Basis, origin: Vector3);
  constructor(x_axis: Vector3, y_axis: Vector3, z_axis: Vector3, origin: Vector3);
  constructor(from: Projection);
  constructor(a?: unknown, b?: unknown, c?: unknown, d?: unknown) {
    const count = d !== undefined ? 4 : c !== undefined ? 3 : b !== undefined ? 2 : a !== undefined ? 1 : 0;
    if (count === 2 && a instanceof Basis && b instanceof Vector3) {
      this.basis = new Basis(a);
      this.origin = new Vector3(b.x, b.y, b.z);
    } else if (
      count === 4 &&
      a instanceof Vector3 &&
      b instanceof Vector3 &&
      c instanceof Vector3 &&
      d instanceof Vector3
    ) {
      this.basis = new Basis(a, b, c);
      this.origin = new Vector3(d.x, d.y, d.z);
    } else if (count === 1 && a instanceof Transform3D) {
      this.basis = new Basis(a.basis);
      this.origin = new Vector3(a.origin.x, a.origin.y, a.origin.z);
    } else if (count === 1 && a instanceof Projection) {
      // The projection's first three columns, cut to three rows, and its fourth as the origin.
      this.basis = basis_of_columns(
        new Vector3(a.x.x, a.x.y, a.x.z),
        new Vector3(a.y.x, a.y.y, a.y.z),
        new Vector3(a.z.x, a.z.y, a.z.z),
      );
      this.origin = new Vector3(a.w.x, a.w.y, a.w.z);
    } else {
      if (count !== 0) {
        bad_arguments(
          "Transform3D()",
          "(), (Transform3D from), (Basis basis, Vector3 origin), (Vector3 x_axis, Vector3 y_axis, Vector3 z_axis, Vector3 origin) or (Projection from)",
          [a, b, c, d].slice(0, count),
        );
      }
      this.basis = new Basis();
      this.origin = new Vector3(0, 0, 0);
    }
  }

  static get IDENTITY(): Transform3D {
    return flipped(1, 1, 1);
  }

  static get FLIP_X(): Transform3D {
    return flipped(-1, 1, 1);
  }

  static get FLIP_Y(): Transform3D {
    return flipped(1, -1, 1);
  }

  static get FLIP_Z(): Transform3D {
    return flipped(1, 1, -1);
  }

  // Inverts by transposing the basis: right only for rotation (no scale); see affine_inverse.
  inverse(): Transform3D {
    const basis = this.basis.transposed();
    const { x, y, z } = this.origin;
    return transform_of(basis, basis_xform(basis, new Vector3(-x, -y, -z)));
  }

  affine_inverse(): Transform3D {
    const basis = this.basis.inverse();
    const { x, y, z } = this.origin;
    return transform_of(basis, basis_xform(basis, new Vector3(-x, -y, -z)));
  }

  orthonormalized(): Transform3D {
    return transform_of(
      this.basis.orthonormalized(),
      new Vector3(this.origin.x, this.origin.y, this.origin.z),
    );
  }

  // Rotated in the parent's frame (about the parent's origin): rotation * this.
  rotated(axis: Vector3, angle: number): Transform3D {
    if (!(axis instanceof Vector3)) bad_argument("Transform3D.rotated", 0, "axis", "Vector3", axis);
    check_number("Transform3D.rotated", 1, "angle", angle);
    const rotation = basis_from_axis_angle(axis, angle);
    return transform_of(basis_product(rotation, this.basis), basis_xform(rotation, this.origin));
  }

  // Rotated in its own frame: this * rotation, the origin staying put.
  rotated_local(axis: Vector3, angle: number): Transform3D {
    if (!(axis instanceof Vector3)) bad_argument("Transform3D.rotated_local", 0, "axis", "Vector3", axis);
    check_number("Transform3D.rotated_local", 1, "angle", angle);
    const rotation = basis_from_axis_angle(axis, angle);
    return transform_of(
      basis_product(this.basis, rotation),
      new Vector3(this.origin.x, this.origin.y, this.origin.z),
    );
  }

  scaled(scale: Vector3): Transform3D {
    if (!(scale instanceof Vector3)) bad_argument("Transform3D.scaled", 0, "scale", "Vector3", scale);
    const { x, y, z } = this.origin;
    return transform_of(this.basis.scaled(scale), new Vector3(x * scale.x, y * scale.y, z * scale.z));
  }

  scaled_local(scale: Vector3): Transform3D {
    if (!(scale instanceof Vector3)) bad_argument("Transform3D.scaled_local", 0, "scale", "Vector3", scale);
    return transform_of(
      this.basis.scaled_local(scale),
      new Vector3(this.origin.x, this.origin.y, this.origin.z),
    );
  }

  translated(offset: Vector3): Transform3D {
    if (!(offset instanceof Vector3)) bad_argument("Transform3D.translated", 0, "offset", "Vector3", offset);
    const { x, y, z } = this.origin;
    return transform_of(new Basis(this.basis), new Vector3(x + offset.x, y + offset.y, z + offset.z));
  }

  // Translated along its own axes.
  translated_local(offset: Vector3): Transform3D {
    if (!(offset instanceof Vector3))
      bad_argument("Transform3D.translated_local", 0, "offset", "Vector3", offset);
    return transform_of(new Basis(this.basis), transform_point(this, offset));
  }

  // The same origin, turned to look at target (a target at the origin gives the identity).
  looking_at(
    target: Vector3,
    up: Vector3 = new Vector3(0, 1, 0),
    use_model_front: boolean = false,
  ): Transform3D {
    if (!(target instanceof Vector3)) bad_argument("Transform3D.looking_at", 0, "target", "Vector3", target);
    if (!(up instanceof Vector3)) bad_argument("Transform3D.looking_at", 1, "up", "Vector3", up);
    check_bool("Transform3D.looking_at", 2, "use_model_front", use_model_front);
    const { x, y, z } = this.origin;
    if (is_equal_approx(x, target.x) && is_equal_approx(y, target.y) && is_equal_approx(z, target.z)) {
      print_error("The transform's origin and target can't be equal.");
      return new Transform3D();
    }
    const basis = Basis.looking_at(
      new Vector3(target.x - x, target.y - y, target.z - z),
      up,
      use_model_front,
    );
    return transform_of(basis, new Vector3(x, y, z));
  }

  // Interpolates scale, rotation (slerp) and origin separately.
  interpolate_with(xform: Transform3D, weight: number): Transform3D {
    if (!(xform instanceof Transform3D))
      bad_argument("Transform3D.interpolate_with", 0, "xform", "Transform3D", xform);
    check_number("Transform3D.interpolate_with", 1, "weight", weight);
    const from_scale = this.basis.get_scale();
    const to_scale = xform.basis.get_scale();
    const rotation = this.basis
      .get_rotation_quaternion()
      .slerp(xform.basis.get_rotation_quaternion(), weight)
      .normalized();
    const scale = new Vector3(
      lerp(from_scale.x, to_scale.x, weight),
      lerp(from_scale.y, to_scale.y, weight),
      lerp(from_scale.z, to_scale.z, weight),
    );
    const { x, y, z } = this.origin;
    const to = xform.origin;
    return transform_of(
      basis_from_quaternion(rotation).scaled_local(scale),
      new Vector3(lerp(x, to.x, weight), lerp(y, to.y, weight), lerp(z, to.z, weight)),
    );
  }

  is_equal_approx(xform: Transform3D): boolean {
    if (!(xform instanceof Transform3D))
      bad_argument("Transform3D.is_equal_approx", 0, "xform", "Transform3D", xform);
    const { x, y, z } = this.origin;
    return (
      this.basis.is_equal_approx(xform.basis) &&
      is_equal_approx(x, xform.origin.x) &&
      is_equal_approx(y, xform.origin.y) &&
      is_equal_approx(z, xform.origin.z)
    );
  }

  is_finite(): boolean {
    const { x, y, z } = this.origin;
    return this.basis.is_finite() && Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z);
  }

  multiply(right: Transform3D): Transform3D;
  multiply(right: Vector3): Vector3;
  multiply(right: Plane): Plane;
  multiply(right: AABB): AABB;
  multiply(right: PackedVector3Array): PackedVector3Array;
  multiply(right: number): Transform3D;
  multiply(
    right: Transform3D | Vector3 | Plane | AABB | PackedVector3Array | number,
  ): Transform3D | Vector3 | Plane | AABB | PackedVector3Array {
    if (right instanceof Vector3) return transform_point(this, right);
    if (right instanceof Transform3D)
      return transform_of(basis_product(this.basis, right.basis), transform_point(this, right.origin));
    if (typeof right === "number") {
      const { x, y, z } = this.origin;
      return transform_of(this.basis.multiply(right), new Vector3(x * right, y * right, z * right));
    }
    if (right instanceof Plane) return transform_plane(this, right);
    if (right instanceof AABB) return transform_aabb(this, right);
    if (right instanceof PackedVector3Array) {
      const result = new PackedVector3Array();
      for (const point of right) result.push(transform_point(this, point));
      return result;
    }
    return bad_arguments(
      "Transform3D.multiply",
      "Transform3D, Vector3, Plane, AABB, PackedVector3Array or float",
      [right],
    );
  }

  divide(right: number): Transform3D {
    check_number("Transform3D.divide", 0, "right", right);
    const { x, y, z } = this.origin;
    return transform_of(this.basis.divide(right), new Vector3(x / right, y / right, z / right));
  }

  equals(right: unknown): boolean {
    if (!(right instanceof Transform3D)) return false;
    const { x, y, z } = this.origin;
    return (
      this.basis.equals(right.basis) && x === right.origin.x && y === right.origin.y && z === right.origin.z
    );
  }

  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  toString(): string {
    const {
      basis: { x, y, z },
      origin: o,
    } = this;
    return `[X: ${join_reals([x.x, x.y, x.z])}, Y: ${join_reals([y.x, y.y, y.z])}, Z: ${join_reals([z.x, z.y, z.z])}, O: ${join_reals([o.x, o.y, o.z])}]`;
  }
}
