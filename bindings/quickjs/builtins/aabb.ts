// Godot's AABB (core/math/aabb.h): an axis-aligned box, a position (its lowest corner) and a
// size. Godot supports only non-negative sizes; most methods report a negative one (abs() fixes it).
import { max_of, min_of } from "./math_funcs.js";
import { bad_argument, bad_arguments, check_int, check_number, print_error } from "./checks.js";
import { Plane } from "./plane.js";
import { Transform3D } from "./transform3d.js";
import { Vector3 } from "./vector3.js";

function warn_if_negative(...sizes: Vector3[]): void {
  for (const size of sizes) {
    if (size.x < 0 || size.y < 0 || size.z < 0) {
      print_error(
        "AABB size is negative, this is not supported. Use AABB.abs() to get an AABB with a positive size.",
      );
      return;
    }
  }
}

function box(min_x: number, min_y: number, min_z: number, max_x: number, max_y: number, max_z: number): AABB {
  return new AABB(new Vector3(min_x, min_y, min_z), new Vector3(max_x - min_x, max_y - min_y, max_z - min_z));
}

export class AABB {
  position: Vector3;
  size: Vector3;

  constructor();
  constructor(from: AABB);
  constructor(position: Vector3, size: Vector3);
  constructor(a?: unknown, b?: unknown) {
    const count = b !== undefined ? 2 : a !== undefined ? 1 : 0;
    if (count === 2 && a instanceof Vector3 && b instanceof Vector3) {
      this.position = new Vector3(a.x, a.y, a.z);
      this.size = new Vector3(b.x, b.y, b.z);
      return;
    }
    if (count === 0) {
      this.position = new Vector3(0, 0, 0);
      this.size = new Vector3(0, 0, 0);
      return;
    }
    if (count === 1 && a instanceof AABB) {
      this.position = new Vector3(a.position.x, a.position.y, a.position.z);
      this.size = new Vector3(a.size.x, a.size.y, a.size.z);
      return;
    }
    bad_arguments("AABB()", "(), (AABB from) or (Vector3 position, Vector3 size)", [a, b].slice(0, count));
  }

  /** position + size, the highest corner. Setting it keeps position and changes size. */
  get end(): Vector3 {
    const { position: p, size: s } = this;
    return new Vector3(p.x + s.x, p.y + s.y, p.z + s.z);
  }

  set end(value: Vector3) {
    if (!(value instanceof Vector3)) bad_argument("AABB.end", 0, "value", "Vector3", value);
    const p = this.position;
    this.size = new Vector3(value.x - p.x, value.y - p.y, value.z - p.z);
  }

  // Methods

  /** The same box with a non-negative size. */
  abs(): AABB {
    const { position: p, size: s } = this;
    return new AABB(new Vector3(p.x + min_of(s.x, 0), p.y + min_of(s.y, 0), p.z + min_of(s.z, 0)), s.abs());
  }

  get_center(): Vector3 {
    const { position: p, size: s } = this;
    return new Vector3(p.x + s.x * 0.5, p.y + s.y * 0.5, p.z + s.z * 0.5);
  }

  get_volume(): number {
    const s = this.size;
    return s.x * s.y * s.z;
  }

  /** True when every side is longer than zero. */
  has_volume(): boolean {
    const s = this.size;
    return s.x > 0 && s.y > 0 && s.z > 0;
  }

  /** True when any side is longer than zero. */
  has_surface(): boolean {
    const s = this.size;
    return s.x > 0 || s.y > 0 || s.z > 0;
  }

  /** True when `point` is inside or on the faces. */
  has_point(point: Vector3): boolean {
    if (!(point instanceof Vector3)) bad_argument("AABB.has_point", 0, "point", "Vector3", point);
    const { position: p, size: s } = this;
    warn_if_negative(s);
    // Written as Godot's rejections, so that NaN behaves the same.
    return !(
      point.x < p.x ||
      point.y < p.y ||
      point.z < p.z ||
      point.x > p.x + s.x ||
      point.y > p.y + s.y ||
      point.z > p.z + s.z
    );
  }

  is_equal_approx(aabb: AABB): boolean {
    if (!(aabb instanceof AABB)) bad_argument("AABB.is_equal_approx", 0, "aabb", "AABB", aabb);
    return this.position.is_equal_approx(aabb.position) && this.size.is_equal_approx(aabb.size);
  }

  is_finite(): boolean {
    return this.position.is_finite() && this.size.is_finite();
  }

  /** True when the boxes overlap with some volume (touching faces do not count). */
  intersects(with_: AABB): boolean {
    if (!(with_ instanceof AABB)) bad_argument("AABB.intersects", 0, "with", "AABB", with_);
    const { position: p, size: s } = this;
    const { position: q, size: t } = with_;
    warn_if_negative(s, t);
    return !(
      p.x >= q.x + t.x ||
      p.x + s.x <= q.x ||
      p.y >= q.y + t.y ||
      p.y + s.y <= q.y ||
      p.z >= q.z + t.z ||
      p.z + s.z <= q.z
    );
  }

  /** True when `with` lies entirely inside this box (shared faces allowed). */
  encloses(with_: AABB): boolean {
    if (!(with_ instanceof AABB)) bad_argument("AABB.encloses", 0, "with", "AABB", with_);
    const { position: p, size: s } = this;
    const { position: q, size: t } = with_;
    warn_if_negative(s, t);
    return (
      p.x <= q.x &&
      p.x + s.x >= q.x + t.x &&
      p.y <= q.y &&
      p.y + s.y >= q.y + t.y &&
      p.z <= q.z &&
      p.z + s.z >= q.z + t.z
    );
  }

  /** True when corners lie on both sides of the plane (a corner on it counts as under). */
  intersects_plane(plane: Plane): boolean {
    if (!(plane instanceof Plane)) bad_argument("AABB.intersects_plane", 0, "plane", "Plane", plane);
    const { normal: n, d } = plane;
    let over = false;
    let under = false;
    for (let i = 0; i < 8; i++) {
      const corner = this.get_endpoint(i);
      if (n.x * corner.x + n.y * corner.y + n.z * corner.z - d > 0) over = true;
      else under = true;
    }
    return over && under;
  }

  /** The overlap of the two boxes, or an empty AABB() when they are apart. */
  intersection(with_: AABB): AABB {
    if (!(with_ instanceof AABB)) bad_argument("AABB.intersection", 0, "with", "AABB", with_);
    warn_if_negative(this.size, with_.size);
    const src_min = this.position;
    const src_max = this.end;
    const dst_min = with_.position;
    const dst_max = with_.end;
    if (src_min.x > dst_max.x || src_max.x < dst_min.x) return new AABB();
    if (src_min.y > dst_max.y || src_max.y < dst_min.y) return new AABB();
    if (src_min.z > dst_max.z || src_max.z < dst_min.z) return new AABB();
    return box(
      max_of(src_min.x, dst_min.x),
      max_of(src_min.y, dst_min.y),
      max_of(src_min.z, dst_min.z),
      min_of(src_max.x, dst_max.x),
      min_of(src_max.y, dst_max.y),
      min_of(src_max.z, dst_max.z),
    );
  }

  /** The smallest box holding both. */
  merge(with_: AABB): AABB {
    if (!(with_ instanceof AABB)) bad_argument("AABB.merge", 0, "with", "AABB", with_);
    warn_if_negative(this.size, with_.size);
    const b1 = this.position;
    const b2 = with_.position;
    const e1 = this.end;
    const e2 = with_.end;
    return box(
      min_of(b1.x, b2.x),
      min_of(b1.y, b2.y),
      min_of(b1.z, b2.z),
      max_of(e1.x, e2.x),
      max_of(e1.y, e2.y),
      max_of(e1.z, e2.z),
    );
  }

  /** The box grown to hold `to_point`. */
  expand(to_point: Vector3): AABB {
    if (!(to_point instanceof Vector3)) bad_argument("AABB.expand", 0, "to_point", "Vector3", to_point);
    warn_if_negative(this.size);
    return expanded(this.position, this.end, to_point);
  }

  /** The box with every face moved outwards by `by` (inwards when negative). */
  grow(by: number): AABB {
    check_number("AABB.grow", 0, "by", by);
    const { position: p, size: s } = this;
    return new AABB(
      new Vector3(p.x - by, p.y - by, p.z - by),
      new Vector3(s.x + 2 * by, s.y + 2 * by, s.z + 2 * by),
    );
  }

  /** The corner furthest in `direction`: the high side on axes where it is positive. */
  get_support(direction: Vector3): Vector3 {
    if (!(direction instanceof Vector3))
      bad_argument("AABB.get_support", 0, "direction", "Vector3", direction);
    const { position: p, size: s } = this;
    return new Vector3(
      direction.x > 0 ? p.x + s.x : p.x,
      direction.y > 0 ? p.y + s.y : p.y,
      direction.z > 0 ? p.z + s.z : p.z,
    );
  }

  /** The unit axis of the longest side, the first one on ties. */
  get_longest_axis(): Vector3 {
    const index = this.get_longest_axis_index();
    return new Vector3(index === 0 ? 1 : 0, index === 1 ? 1 : 0, index === 2 ? 1 : 0);
  }

  get_longest_axis_index(): number {
    const s = this.size;
    let axis = 0;
    let longest = s.x;
    if (s.y > longest) {
      axis = 1;
      longest = s.y;
    }
    if (s.z > longest) axis = 2;
    return axis;
  }

  get_longest_axis_size(): number {
    const s = this.size;
    let longest = s.x;
    if (s.y > longest) longest = s.y;
    if (s.z > longest) longest = s.z;
    return longest;
  }

  /** The unit axis of the shortest side, the first one on ties. */
  get_shortest_axis(): Vector3 {
    const index = this.get_shortest_axis_index();
    return new Vector3(index === 0 ? 1 : 0, index === 1 ? 1 : 0, index === 2 ? 1 : 0);
  }

  get_shortest_axis_index(): number {
    const s = this.size;
    let axis = 0;
    let shortest = s.x;
    if (s.y < shortest) {
      axis = 1;
      shortest = s.y;
    }
    if (s.z < shortest) axis = 2;
    return axis;
  }

  get_shortest_axis_size(): number {
    const s = this.size;
    let shortest = s.x;
    if (s.y < shortest) shortest = s.y;
    if (s.z < shortest) shortest = s.z;
    return shortest;
  }

  /** Corner `idx` (0-7): bit 2 picks the high x, bit 1 the high y, bit 0 the high z. */
  get_endpoint(idx: number): Vector3 {
    const i = check_int("AABB.get_endpoint", 0, "idx", idx);
    const { position: p, size: s } = this;
    if (i < 0 || i > 7) {
      print_error("Method/function failed. Returning: Vector3()");
      return new Vector3(0, 0, 0);
    }
    return new Vector3(i & 4 ? p.x + s.x : p.x, i & 2 ? p.y + s.y : p.y, i & 1 ? p.z + s.z : p.z);
  }

  /** Where the segment first enters the box, or null when it misses. */
  intersects_segment(from: Vector3, to: Vector3): Vector3 | null {
    if (!(from instanceof Vector3)) bad_argument("AABB.intersects_segment", 0, "from", "Vector3", from);
    if (!(to instanceof Vector3)) bad_argument("AABB.intersects_segment", 1, "to", "Vector3", to);
    warn_if_negative(this.size);
    const seg_from = [from.x, from.y, from.z];
    const seg_to = [to.x, to.y, to.z];
    const begin = [this.position.x, this.position.y, this.position.z];
    const size = [this.size.x, this.size.y, this.size.z];
    let min = 0;
    let max = 1;
    for (let i = 0; i < 3; i++) {
      const f = seg_from[i];
      const t = seg_to[i];
      const box_begin = begin[i];
      const box_end = box_begin + size[i];
      const length = t - f;
      let cmin: number;
      let cmax: number;
      if (f < t) {
        if (f > box_end || t < box_begin) return null;
        cmin = f < box_begin ? (box_begin - f) / length : 0;
        cmax = t > box_end ? (box_end - f) / length : 1;
      } else {
        if (t > box_end || f < box_begin) return null;
        cmin = f > box_end ? (box_end - f) / length : 0;
        cmax = t < box_begin ? (box_begin - f) / length : 1;
      }
      if (cmin > min) min = cmin;
      if (cmax < max) max = cmax;
      if (max < min) return null;
    }
    return new Vector3(
      from.x + (to.x - from.x) * min,
      from.y + (to.y - from.y) * min,
      from.z + (to.z - from.z) * min,
    );
  }

  /** Where the ray first enters the box; `from` itself when it starts inside; null when it misses. */
  intersects_ray(from: Vector3, dir: Vector3): Vector3 | null {
    if (!(from instanceof Vector3)) bad_argument("AABB.intersects_ray", 0, "from", "Vector3", from);
    if (!(dir instanceof Vector3)) bad_argument("AABB.intersects_ray", 1, "dir", "Vector3", dir);
    warn_if_negative(this.size);
    const origin = [from.x, from.y, from.z];
    const direction = [dir.x, dir.y, dir.z];
    const begin = [this.position.x, this.position.y, this.position.z];
    const end = [begin[0] + this.size.x, begin[1] + this.size.y, begin[2] + this.size.z];
    let tmin = -1e20;
    let tmax = 1e20;
    let axis = 0;
    for (let i = 0; i < 3; i++) {
      if (direction[i] === 0) {
        if (origin[i] < begin[i] || origin[i] > end[i]) return null;
        continue;
      }
      let t1 = (begin[i] - origin[i]) / direction[i];
      let t2 = (end[i] - origin[i]) / direction[i];
      if (t1 > t2) [t1, t2] = [t2, t1];
      if (t1 >= tmin) {
        tmin = t1;
        axis = i;
      }
      if (t2 < tmax) {
        if (t2 < 0) return null;
        tmax = t2;
      }
      if (tmin > tmax) return null;
    }
    if (tmin < 0) return new Vector3(from.x, from.y, from.z);
    const hit = [
      origin[0] + direction[0] * tmin,
      origin[1] + direction[1] * tmin,
      origin[2] + direction[2] * tmin,
    ];
    // As Godot, put the hit exactly on the face it crossed, free of rounding.
    hit[axis] = direction[axis] >= 0 ? begin[axis] : end[axis];
    return new Vector3(hit[0], hit[1], hit[2]);
  }

  // Operators

  /** `this * transform`: the box around the corners under the inverse of `transform` (Godot's xform_inv). */
  multiply(right: Transform3D): AABB {
    if (!(right instanceof Transform3D)) return bad_arguments("AABB.multiply", "(Transform3D)", [right]);
    const { x: c0, y: c1, z: c2 } = right.basis;
    const o = right.origin;
    let min_x = Infinity,
      min_y = Infinity,
      min_z = Infinity;
    let max_x = -Infinity,
      max_y = -Infinity,
      max_z = -Infinity;
    for (let i = 0; i < 8; i++) {
      const corner = this.get_endpoint(i);
      const vx = corner.x - o.x;
      const vy = corner.y - o.y;
      const vz = corner.z - o.z;
      const x = c0.x * vx + c0.y * vy + c0.z * vz;
      const y = c1.x * vx + c1.y * vy + c1.z * vz;
      const z = c2.x * vx + c2.y * vy + c2.z * vz;
      if (x < min_x) min_x = x;
      if (y < min_y) min_y = y;
      if (z < min_z) min_z = z;
      if (x > max_x) max_x = x;
      if (y > max_y) max_y = y;
      if (z > max_z) max_z = z;
    }
    return box(min_x, min_y, min_z, max_x, max_y, max_z);
  }

  /** `this == right`: exact, false for any other type. */
  equals(right: unknown): boolean {
    return right instanceof AABB && this.position.equals(right.position) && this.size.equals(right.size);
  }

  /** `this != right`. */
  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  /** As Godot's str(): "[P: (0, 0, 0), S: (2, 3, 4)]". */
  toString(): string {
    return `[P: ${this.position.toString()}, S: ${this.size.toString()}]`;
  }
}

// Godot's AABB::expand_to: each bound moved out to the point where it lies beyond.
function expanded(begin: Vector3, end: Vector3, point: Vector3): AABB {
  return box(
    point.x < begin.x ? point.x : begin.x,
    point.y < begin.y ? point.y : begin.y,
    point.z < begin.z ? point.z : begin.z,
    point.x > end.x ? point.x : end.x,
    point.y > end.y ? point.y : end.y,
    point.z > end.z ? point.z : end.z,
  );
}
