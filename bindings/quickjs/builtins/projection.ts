// Godot's Projection (core/math/projection.h): a 4x4 matrix stored as its columns x, y, z, w, used
// for 3D projections. Methods never change the matrix they are called on; the static create_*
// methods build the usual camera matrices.
// Over 600 lines: one class with Godot's whole Projection API (the camera constructors, the
// frustum planes, inverse and determinant), which share private element helpers.
import { AABB } from "./aabb.js";
import {
  bad_argument,
  bad_arguments,
  check_bool,
  check_instance,
  check_int,
  check_number,
  print_error,
} from "./checks.js";
import { Plane } from "./plane.js";
import { Rect2 } from "./rect2.js";
import { Transform3D } from "./transform3d.js";
import { Vector2 } from "./vector2.js";
import { int32_from_real } from "./vector2i.js";
import { Vector4 } from "./vector4.js";

const DEG_TO_RAD = Math.PI / 180;

// The 16 components in Godot's memory order, column by column: m[column * 4 + row].
type Flat = number[];

function flat(p: Projection): Flat {
  const { x, y, z, w } = p;
  return [x.x, x.y, x.z, x.w, y.x, y.y, y.z, y.w, z.x, z.y, z.z, z.w, w.x, w.y, w.z, w.w];
}

function from_flat(m: Flat): Projection {
  return new Projection(
    new Vector4(m[0], m[1], m[2], m[3]),
    new Vector4(m[4], m[5], m[6], m[7]),
    new Vector4(m[8], m[9], m[10], m[11]),
    new Vector4(m[12], m[13], m[14], m[15]),
  );
}

function identity(): Flat {
  return [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
}

// `a * b` on flat matrices: column j of the product is `a` applied to column j of `b`.
function product(a: Flat, b: Flat): Flat {
  const out = new Array<number>(16);
  for (let j = 0; j < 4; j++) {
    for (let i = 0; i < 4; i++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) sum += a[k * 4 + i] * b[j * 4 + k];
      out[j * 4 + i] = sum;
    }
  }
  return out;
}

// Godot's set_frustum; on an empty frustum it reports the error and builds nothing (null), so the
// caller keeps the identity as Godot's does.
function frustum(
  left: number,
  right: number,
  bottom: number,
  top: number,
  near: number,
  far: number,
): Flat | null {
  if (right <= left) return frustum_error("p_right <= p_left");
  if (top <= bottom) return frustum_error("p_top <= p_bottom");
  if (far <= near) return frustum_error("p_far <= p_near");
  const width = right - left;
  const height = top - bottom;
  const depth = far - near;
  return [
    (2 * near) / width,
    0,
    0,
    0,
    0,
    (2 * near) / height,
    0,
    0,
    (right + left) / width,
    (top + bottom) / height,
    -(far + near) / depth,
    -1,
    0,
    0,
    (-2 * far * near) / depth,
    0,
  ];
}

function frustum_error(condition: string): null {
  print_error(`Projection.set_frustum: Condition "${condition}" is true.`);
  return null;
}

function orthogonal(
  left: number,
  right: number,
  bottom: number,
  top: number,
  znear: number,
  zfar: number,
): Flat {
  return [
    2 / (right - left),
    0,
    0,
    0,
    0,
    2 / (top - bottom),
    0,
    0,
    0,
    0,
    -2 / (zfar - znear),
    0,
    -((right + left) / (right - left)),
    -((top + bottom) / (top - bottom)),
    -((zfar + znear) / (zfar - znear)),
    1,
  ];
}

function fovy_of(fovx: number, aspect: number): number {
  return (Math.atan(aspect * Math.tan(fovx * DEG_TO_RAD * 0.5)) * 2) / DEG_TO_RAD;
}

// Each clip plane (by Projection.Planes) is row 3 plus or minus another row: [row, sign].
const CLIP_PLANE_ROWS: readonly (readonly [number, number])[] = [
  [2, 1],
  [2, -1],
  [0, 1],
  [1, -1],
  [0, -1],
  [1, 1],
];

// Godot's Plane(a, b, c, d) with the normal negated, then normalized (a zero normal gives Plane()).
function clip_plane(a: number, b: number, c: number, d: number): Plane {
  const length = Math.sqrt(a * a + b * b + c * c);
  if (length === 0) return new Plane(0, 0, 0, 0);
  return new Plane(-a / length, -b / length, -c / length, d / length);
}

// Gauss-Jordan elimination on [M | I] with Mesa's pivot order (util_invert_mat4x4, which Godot
// adapted), so near-singular matrices pivot as Godot's do. Null when a pivot is zero.
function inverted(m: Flat): Flat | null {
  const rows: number[][] = [];
  for (let r = 0; r < 4; r++) {
    rows.push([
      m[r],
      m[4 + r],
      m[8 + r],
      m[12 + r],
      r === 0 ? 1 : 0,
      r === 1 ? 1 : 0,
      r === 2 ? 1 : 0,
      r === 3 ? 1 : 0,
    ]);
  }
  for (let c = 0; c < 3; c++) {
    // Mesa bubbles the larger pivot up pairwise from the bottom rather than taking the maximum.
    for (let r = 3; r > c; r--) {
      if (Math.abs(rows[r][c]) > Math.abs(rows[r - 1][c])) [rows[r], rows[r - 1]] = [rows[r - 1], rows[r]];
    }
    const pivot = rows[c];
    if (pivot[c] === 0) return null;
    for (let r = c + 1; r < 4; r++) {
      const factor = rows[r][c] / pivot[c];
      for (let k = c + 1; k < 8; k++) rows[r][k] -= factor * pivot[k];
    }
  }
  if (rows[3][3] === 0) return null;
  for (let c = 3; c >= 0; c--) {
    const row = rows[c];
    const scale = 1 / row[c];
    for (let k = 4; k < 8; k++) row[k] *= scale;
    for (let r = 0; r < c; r++) {
      const factor = rows[r][c];
      for (let k = 4; k < 8; k++) rows[r][k] -= row[k] * factor;
    }
  }
  const out = new Array<number>(16);
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 4; c++) out[c * 4 + r] = rows[r][4 + c];
  }
  return out;
}

// The 2x2 minor of columns 0 and 1 (rows i, j) times the complementary minor of columns 2 and 3.
function determinant_of(m: Flat): number {
  const minor01 = (i: number, j: number) => m[i] * m[4 + j] - m[j] * m[4 + i];
  const minor23 = (i: number, j: number) => m[8 + i] * m[12 + j] - m[8 + j] * m[12 + i];
  return (
    minor01(0, 1) * minor23(2, 3) -
    minor01(0, 2) * minor23(1, 3) +
    minor01(0, 3) * minor23(1, 2) +
    minor01(1, 2) * minor23(0, 3) -
    minor01(1, 3) * minor23(0, 2) +
    minor01(2, 3) * minor23(0, 1)
  );
}

export class Projection {
  x: Vector4;
  y: Vector4;
  z: Vector4;
  w: Vector4;

  static readonly PLANE_NEAR = 0;
  static readonly PLANE_FAR = 1;
  static readonly PLANE_LEFT = 2;
  static readonly PLANE_TOP = 3;
  static readonly PLANE_RIGHT = 4;
  static readonly PLANE_BOTTOM = 5;

  /** The identity matrix. Each read is a new matrix. */
  static get IDENTITY(): Projection {
    return new Projection();
  }
  /** All zeros. */
  static get ZERO(): Projection {
    return from_flat(new Array<number>(16).fill(0));
  }

  /** The columns are copied; a Transform3D becomes its basis columns plus the origin, w row (0, 0, 0, 1). */
  constructor();
  constructor(from: Projection | Transform3D);
  constructor(x_axis: Vector4, y_axis: Vector4, z_axis: Vector4, w_axis: Vector4);
  constructor(a?: unknown, b?: unknown, c?: unknown, d?: unknown) {
    const count = d !== undefined ? 4 : c !== undefined ? 3 : b !== undefined ? 2 : a !== undefined ? 1 : 0;
    if (
      count === 4 &&
      a instanceof Vector4 &&
      b instanceof Vector4 &&
      c instanceof Vector4 &&
      d instanceof Vector4
    ) {
      this.x = new Vector4(a.x, a.y, a.z, a.w);
      this.y = new Vector4(b.x, b.y, b.z, b.w);
      this.z = new Vector4(c.x, c.y, c.z, c.w);
      this.w = new Vector4(d.x, d.y, d.z, d.w);
      return;
    }
    if (count === 1 && a instanceof Projection) {
      this.x = new Vector4(a.x.x, a.x.y, a.x.z, a.x.w);
      this.y = new Vector4(a.y.x, a.y.y, a.y.z, a.y.w);
      this.z = new Vector4(a.z.x, a.z.y, a.z.z, a.z.w);
      this.w = new Vector4(a.w.x, a.w.y, a.w.z, a.w.w);
      return;
    }
    if (count === 1 && a instanceof Transform3D) {
      const { x: bx, y: by, z: bz } = a.basis;
      const o = a.origin;
      this.x = new Vector4(bx.x, bx.y, bx.z, 0);
      this.y = new Vector4(by.x, by.y, by.z, 0);
      this.z = new Vector4(bz.x, bz.y, bz.z, 0);
      this.w = new Vector4(o.x, o.y, o.z, 1);
      return;
    }
    this.x = new Vector4(1, 0, 0, 0);
    this.y = new Vector4(0, 1, 0, 0);
    this.z = new Vector4(0, 0, 1, 0);
    this.w = new Vector4(0, 0, 0, 1);
    if (count === 0) return;
    bad_arguments(
      "Projection()",
      "(), (Projection from), (Transform3D from) or (Vector4 x_axis, Vector4 y_axis, Vector4 z_axis, Vector4 w_axis)",
      [a, b, c, d].slice(0, count),
    );
  }

  /** Column by index: 0 is x ... 3 is w (Godot's `p[i]`). */
  get 0(): Vector4 {
    return this.x;
  }
  set 0(value: Vector4) {
    this.x = copy_column("Projection[0]", value);
  }
  get 1(): Vector4 {
    return this.y;
  }
  set 1(value: Vector4) {
    this.y = copy_column("Projection[1]", value);
  }
  get 2(): Vector4 {
    return this.z;
  }
  set 2(value: Vector4) {
    this.z = copy_column("Projection[2]", value);
  }
  get 3(): Vector4 {
    return this.w;
  }
  set 3(value: Vector4) {
    this.w = copy_column("Projection[3]", value);
  }

  // Static constructors

  /** Maps OpenGL's clip space to Vulkan's: z from [-1, 1] to [1, 0] (reversed), y flipped if asked. */
  static create_depth_correction(flip_y: boolean): Projection {
    check_bool("Projection.create_depth_correction", 0, "flip_y", flip_y);
    const m = identity();
    m[5] = flip_y ? -1 : 1;
    m[10] = -0.5;
    m[14] = 0.5;
    return from_flat(m);
  }

  /** Scales to the rect's size and moves to its position (a shadow atlas cell). */
  static create_light_atlas_rect(rect: Rect2): Projection {
    if (!(rect instanceof Rect2))
      bad_argument("Projection.create_light_atlas_rect", 0, "rect", "Rect2", rect);
    const m = identity();
    m[0] = rect.size.x;
    m[5] = rect.size.y;
    m[12] = rect.position.x;
    m[13] = rect.position.y;
    return from_flat(m);
  }

  /** A perspective with a vertical field of view in degrees (horizontal with flip_fov); the identity when degenerate. */
  static create_perspective(
    fovy: number,
    aspect: number,
    z_near: number,
    z_far: number,
    flip_fov = false,
  ): Projection {
    const method = "Projection.create_perspective";
    check_number(method, 0, "fovy", fovy);
    check_number(method, 1, "aspect", aspect);
    check_number(method, 2, "z_near", z_near);
    check_number(method, 3, "z_far", z_far);
    check_bool(method, 4, "flip_fov", flip_fov);
    if (flip_fov) fovy = fovy_of(fovy, 1 / aspect);
    const radians = (fovy / 2) * DEG_TO_RAD;
    const depth = z_far - z_near;
    const sine = Math.sin(radians);
    if (depth === 0 || sine === 0 || aspect === 0) return new Projection();
    const cotangent = Math.cos(radians) / sine;
    const m = identity();
    m[0] = cotangent / aspect;
    m[5] = cotangent;
    m[10] = -(z_far + z_near) / depth;
    m[11] = -1;
    m[14] = (-2 * z_near * z_far) / depth;
    m[15] = 0;
    return from_flat(m);
  }

  /** A perspective for one eye (1 left, 2 right, other mono) of a stereo pair converging at convergence_dist. */
  static create_perspective_hmd(
    fovy: number,
    aspect: number,
    z_near: number,
    z_far: number,
    flip_fov: boolean,
    eye: number,
    intraocular_dist: number,
    convergence_dist: number,
  ): Projection {
    const method = "Projection.create_perspective_hmd";
    check_number(method, 0, "fovy", fovy);
    check_number(method, 1, "aspect", aspect);
    check_number(method, 2, "z_near", z_near);
    check_number(method, 3, "z_far", z_far);
    check_bool(method, 4, "flip_fov", flip_fov);
    eye = check_int(method, 5, "eye", eye);
    check_number(method, 6, "intraocular_dist", intraocular_dist);
    check_number(method, 7, "convergence_dist", convergence_dist);
    if (flip_fov) fovy = fovy_of(fovy, 1 / aspect);
    const ymax = z_near * Math.tan((fovy / 2) * DEG_TO_RAD);
    const xmax = ymax * aspect;
    const shift = ((intraocular_dist / 2) * z_near) / convergence_dist;
    let left = -xmax;
    let right = xmax;
    let eye_offset = 0;
    if (eye === 1) {
      left += shift;
      right += shift;
      eye_offset = intraocular_dist / 2;
    } else if (eye === 2) {
      left -= shift;
      right -= shift;
      eye_offset = -intraocular_dist / 2;
    }
    const m = frustum(left, right, -ymax, ymax, z_near, z_far) ?? identity();
    const eye_translation = identity();
    eye_translation[12] = eye_offset;
    return from_flat(product(m, eye_translation));
  }

  /** A frustum for one eye (1 left, 2 right) of a head-mounted display's lens; the identity for other eyes. */
  static create_for_hmd(
    eye: number,
    aspect: number,
    intraocular_dist: number,
    display_width: number,
    display_to_lens: number,
    oversample: number,
    z_near: number,
    z_far: number,
  ): Projection {
    const method = "Projection.create_for_hmd";
    eye = check_int(method, 0, "eye", eye);
    check_number(method, 1, "aspect", aspect);
    check_number(method, 2, "intraocular_dist", intraocular_dist);
    check_number(method, 3, "display_width", display_width);
    check_number(method, 4, "display_to_lens", display_to_lens);
    check_number(method, 5, "oversample", oversample);
    check_number(method, 6, "z_near", z_near);
    check_number(method, 7, "z_far", z_far);
    // The frustum's sides without the lens, widened by the oversampling; always keeping the width.
    let inner = (intraocular_dist * 0.5) / display_to_lens;
    let outer = ((display_width - intraocular_dist) * 0.5) / display_to_lens;
    let vertical = display_width / 4 / display_to_lens;
    const widening = ((inner + outer) * (oversample - 1)) / 2;
    inner += widening;
    outer += widening;
    vertical = (vertical * oversample) / aspect;
    let m: Flat | null = null;
    if (eye === 1)
      m = frustum(-outer * z_near, inner * z_near, -vertical * z_near, vertical * z_near, z_near, z_far);
    else if (eye === 2)
      m = frustum(-inner * z_near, outer * z_near, -vertical * z_near, vertical * z_near, z_near, z_far);
    return from_flat(m ?? identity());
  }

  static create_orthogonal(
    left: number,
    right: number,
    bottom: number,
    top: number,
    z_near: number,
    z_far: number,
  ): Projection {
    const method = "Projection.create_orthogonal";
    check_number(method, 0, "left", left);
    check_number(method, 1, "right", right);
    check_number(method, 2, "bottom", bottom);
    check_number(method, 3, "top", top);
    check_number(method, 4, "z_near", z_near);
    check_number(method, 5, "z_far", z_far);
    return from_flat(orthogonal(left, right, bottom, top, z_near, z_far));
  }

  /** An orthogonal projection `size` high (wide with flip_fov) and centred. */
  static create_orthogonal_aspect(
    size: number,
    aspect: number,
    z_near: number,
    z_far: number,
    flip_fov = false,
  ): Projection {
    const method = "Projection.create_orthogonal_aspect";
    check_number(method, 0, "size", size);
    check_number(method, 1, "aspect", aspect);
    check_number(method, 2, "z_near", z_near);
    check_number(method, 3, "z_far", z_far);
    check_bool(method, 4, "flip_fov", flip_fov);
    if (!flip_fov) size *= aspect;
    return from_flat(orthogonal(-size / 2, size / 2, -size / aspect / 2, size / aspect / 2, z_near, z_far));
  }

  /** The identity (and an error printed) when the frustum is empty. */
  static create_frustum(
    left: number,
    right: number,
    bottom: number,
    top: number,
    z_near: number,
    z_far: number,
  ): Projection {
    const method = "Projection.create_frustum";
    check_number(method, 0, "left", left);
    check_number(method, 1, "right", right);
    check_number(method, 2, "bottom", bottom);
    check_number(method, 3, "top", top);
    check_number(method, 4, "z_near", z_near);
    check_number(method, 5, "z_far", z_far);
    return from_flat(frustum(left, right, bottom, top, z_near, z_far) ?? identity());
  }

  /** A frustum `size` high (wide with flip_fov) at the near plane, moved by offset. */
  static create_frustum_aspect(
    size: number,
    aspect: number,
    offset: Vector2,
    z_near: number,
    z_far: number,
    flip_fov = false,
  ): Projection {
    const method = "Projection.create_frustum_aspect";
    check_number(method, 0, "size", size);
    check_number(method, 1, "aspect", aspect);
    check_instance(method, 2, "offset", offset, Vector2);
    check_number(method, 3, "z_near", z_near);
    check_number(method, 4, "z_far", z_far);
    check_bool(method, 5, "flip_fov", flip_fov);
    if (!flip_fov) size *= aspect;
    const half_width = size / 2;
    const half_height = size / aspect / 2;
    const m = frustum(
      -half_width + offset.x,
      half_width + offset.x,
      -half_height + offset.y,
      half_height + offset.y,
      z_near,
      z_far,
    );
    return from_flat(m ?? identity());
  }

  /** Scales and moves the box onto the cube from (-1, -1, -1) to (1, 1, 1). */
  static create_fit_aabb(aabb: AABB): Projection {
    if (!(aabb instanceof AABB)) bad_argument("Projection.create_fit_aabb", 0, "aabb", "AABB", aabb);
    const min = aabb.position;
    const max = { x: min.x + aabb.size.x, y: min.y + aabb.size.y, z: min.z + aabb.size.z };
    const m = identity();
    m[0] = 2 / (max.x - min.x);
    m[5] = 2 / (max.y - min.y);
    m[10] = 2 / (max.z - min.z);
    m[12] = -(max.x + min.x) / (max.x - min.x);
    m[13] = -(max.y + min.y) / (max.y - min.y);
    m[14] = -(max.z + min.z) / (max.z - min.z);
    return from_flat(m);
  }

  /** The vertical field of view (degrees) for a horizontal one and an aspect ratio. */
  static get_fovy(fovx: number, aspect: number): number {
    check_number("Projection.get_fovy", 0, "fovx", fovx);
    check_number("Projection.get_fovy", 1, "aspect", aspect);
    return fovy_of(fovx, aspect);
  }

  // Methods

  determinant(): number {
    return determinant_of(flat(this));
  }

  /** This perspective with its near plane moved to new_znear (the far plane kept). */
  perspective_znear_adjusted(new_znear: number): Projection {
    check_number("Projection.perspective_znear_adjusted", 0, "new_znear", new_znear);
    const z_far = this.get_z_far();
    const depth = z_far - new_znear;
    const m = flat(this);
    m[10] = -(z_far + new_znear) / depth;
    m[14] = (-2 * new_znear * z_far) / depth;
    return from_flat(m);
  }

  /** One of the frustum's six clip planes (Projection.PLANE_NEAR ...), its normal pointing out; Plane() for another number. */
  get_projection_plane(plane: number): Plane {
    const which = check_int("Projection.get_projection_plane", 0, "plane", plane);
    const rule = CLIP_PLANE_ROWS[which];
    if (!rule) return new Plane(0, 0, 0, 0);
    const [row, sign] = rule;
    const m = flat(this);
    return clip_plane(
      m[3] + sign * m[row],
      m[7] + sign * m[4 + row],
      m[11] + sign * m[8 + row],
      m[15] + sign * m[12 + row],
    );
  }

  /** With the y column negated (the image upside down). */
  flipped_y(): Projection {
    const p = new Projection(this.x, this.y, this.z, this.w);
    p.y = this.y.negate();
    return p;
  }

  /** With offset added to the translation's x and y (TAA jitter). */
  jitter_offseted(offset: Vector2): Projection {
    if (!(offset instanceof Vector2))
      bad_argument("Projection.jitter_offseted", 0, "offset", "Vector2", offset);
    const p = new Projection(this.x, this.y, this.z, this.w);
    p.w.x += offset.x;
    p.w.y += offset.y;
    return p;
  }

  // As Godot's getters, these assume a projection along z without skew.

  get_z_far(): number {
    return (this.w.w - this.w.z) / (this.z.w - this.z.z);
  }

  get_z_near(): number {
    return (this.w.w + this.w.z) / (this.z.w + this.z.z);
  }

  get_aspect(): number {
    return this.y.y / this.x.x;
  }

  /** The horizontal field of view in degrees (asymmetric frusta included). */
  get_fov(): number {
    if (this.z.x === 0) return (2 * Math.atan2(1, this.x.x)) / DEG_TO_RAD;
    const right = Math.atan2(this.z.x + 1, this.x.x);
    const left = Math.atan2(this.z.x - 1, this.x.x);
    return (right - left) / DEG_TO_RAD;
  }

  is_orthogonal(): boolean {
    return this.z.w === 0;
  }

  /** Half the near plane's width and height. */
  get_viewport_half_extents(): Vector2 {
    const w = -this.get_z_near() * this.z.w + this.w.w;
    return new Vector2(w / this.x.x, w / this.y.y);
  }

  /** Half the far plane's width and height. */
  get_far_plane_half_extents(): Vector2 {
    const w = -this.get_z_far() * this.z.w + this.w.w;
    return new Vector2(w / this.x.x, w / this.y.y);
  }

  /** The inverse matrix; for a singular one, an error and the matrix unchanged (as Godot). */
  inverse(): Projection {
    const m = inverted(flat(this));
    if (m) return from_flat(m);
    print_error('Projection.inverse: Condition "0.0 == pivot" is true.');
    return new Projection(this.x, this.y, this.z, this.w);
  }

  /** How many pixels one unit at distance 1 covers across for_pixel_width pixels (an int, as Godot). */
  get_pixels_per_meter(for_pixel_width: number): number {
    const pixels = check_int("Projection.get_pixels_per_meter", 0, "for_pixel_width", for_pixel_width);
    const width = (2 * (-this.get_z_near() * this.z.w + this.w.w)) / this.x.x;
    return int32_from_real(pixels / width);
  }

  get_lod_multiplier(): number {
    return 2 / this.x.x;
  }

  // Operators

  /** `this * right`: a Vector4 transformed, or the matrix product. */
  multiply(right: Vector4): Vector4;
  multiply(right: Projection): Projection;
  multiply(right: Vector4 | Projection): Vector4 | Projection {
    if (right instanceof Vector4) {
      const { x, y, z, w } = this;
      const v = right;
      return new Vector4(
        x.x * v.x + y.x * v.y + z.x * v.z + w.x * v.w,
        x.y * v.x + y.y * v.y + z.y * v.z + w.y * v.w,
        x.z * v.x + y.z * v.y + z.z * v.z + w.z * v.w,
        x.w * v.x + y.w * v.y + z.w * v.z + w.w * v.w,
      );
    }
    if (right instanceof Projection) return from_flat(product(flat(this), flat(right)));
    return bad_arguments("Projection.multiply", "(Vector4) or (Projection)", [right]);
  }

  /** `this == right`: every component exactly; false for any other type. */
  equals(right: unknown): boolean {
    return (
      right instanceof Projection &&
      this.x.equals(right.x) &&
      this.y.equals(right.y) &&
      this.z.equals(right.z) &&
      this.w.equals(right.w)
    );
  }

  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  /** As Godot's str(): "[X: (1, 0, 0, 0), Y: (0, 1, 0, 0), Z: (0, 0, 1, 0), W: (0, 0, 0, 1)]". */
  toString(): string {
    return `[X: ${this.x.toString()}, Y: ${this.y.toString()}, Z: ${this.z.toString()}, W: ${this.w.toString()}]`;
  }
}

export namespace Projection {
  export enum Planes {
    PLANE_NEAR = 0,
    PLANE_FAR = 1,
    PLANE_LEFT = 2,
    PLANE_TOP = 3,
    PLANE_RIGHT = 4,
    PLANE_BOTTOM = 5,
  }
}

function copy_column(method: string, value: unknown): Vector4 {
  const column = check_instance(method, 0, "value", value, Vector4);
  return new Vector4(column.x, column.y, column.z, column.w);
}
