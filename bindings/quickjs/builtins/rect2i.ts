// Godot's Rect2i (core/math/rect2i.h): an axis-aligned rectangle of 32-bit integers, a position
// (the top-left corner) and a size, copied by value. Arithmetic wraps around as Godot's int32_t
// does. Like Godot, most methods expect a non-negative size and print an error (and go on) when
// given a negative one: use abs() first.
import { bad_argument, bad_arguments, check_int, print_error } from "./checks.js";
import { int32, max_of, min_of } from "./math_funcs.js";
import { Rect2 } from "./rect2.js";
import { Vector2i, int32_from_real } from "./vector2i.js";

const SIDE_LEFT = 0;
const SIDE_TOP = 1;
const SIDE_RIGHT = 2;
const SIDE_BOTTOM = 3;

function check_int32(method: string, index: number, name: string, value: unknown): number {
  return int32(check_int(method, index, name, value));
}

function warn_negative(...rects: Rect2i[]): void {
  for (const rect of rects) {
    if (rect.size.x < 0 || rect.size.y < 0) {
      print_error(
        "Rect2i size is negative, this is not supported. Use Rect2i.abs() to get a Rect2i with a positive size.",
      );
      return;
    }
  }
}

export class Rect2i {
  position: Vector2i;
  size: Vector2i;

  /** Numbers are truncated to integers and wrapped to 32 bits; a Rect2 is truncated. */
  constructor();
  constructor(from: Rect2i | Rect2);
  constructor(position: Vector2i, size: Vector2i);
  constructor(x: number, y: number, width: number, height: number);
  constructor(a?: unknown, b?: unknown, c?: unknown, d?: unknown) {
    const count = d !== undefined ? 4 : c !== undefined ? 3 : b !== undefined ? 2 : a !== undefined ? 1 : 0;
    if (
      count === 4 &&
      typeof a === "number" &&
      typeof b === "number" &&
      typeof c === "number" &&
      typeof d === "number"
    ) {
      this.position = new Vector2i(a, b);
      this.size = new Vector2i(c, d);
      return;
    }
    if (count === 2 && a instanceof Vector2i && b instanceof Vector2i) {
      this.position = new Vector2i(a.x, a.y);
      this.size = new Vector2i(b.x, b.y);
      return;
    }
    if (count === 0) {
      this.position = new Vector2i(0, 0);
      this.size = new Vector2i(0, 0);
      return;
    }
    if (count === 1 && a instanceof Rect2i) {
      this.position = new Vector2i(a.position.x, a.position.y);
      this.size = new Vector2i(a.size.x, a.size.y);
      return;
    }
    if (count === 1 && a instanceof Rect2) {
      this.position = new Vector2i(int32_from_real(a.position.x), int32_from_real(a.position.y));
      this.size = new Vector2i(int32_from_real(a.size.x), int32_from_real(a.size.y));
      return;
    }
    bad_arguments(
      "Rect2i()",
      "(), (Rect2i from), (Rect2 from), (Vector2i position, Vector2i size) or (int x, int y, int width, int height)",
      [a, b, c, d].slice(0, count),
    );
  }

  /** The bottom-right corner, position + size (a new vector); setting it changes the size. */
  get end(): Vector2i {
    return new Vector2i(this.position.x + this.size.x, this.position.y + this.size.y);
  }

  set end(value: Vector2i) {
    if (!(value instanceof Vector2i)) bad_argument("Rect2i.end", 0, "value", "Vector2i", value);
    this.size = new Vector2i(value.x - this.position.x, value.y - this.position.y);
  }

  // Methods

  /** position + size / 2, truncated toward zero. */
  get_center(): Vector2i {
    return new Vector2i(
      this.position.x + Math.trunc(this.size.x / 2),
      this.position.y + Math.trunc(this.size.y / 2),
    );
  }

  /** width * height, wrapping to 32 bits as Godot's int does. */
  get_area(): number {
    return Math.imul(this.size.x, this.size.y);
  }

  has_area(): boolean {
    return this.size.x > 0 && this.size.y > 0;
  }

  /** Whether the point is inside; the right and bottom edges are outside. */
  has_point(point: Vector2i): boolean {
    if (!(point instanceof Vector2i)) bad_argument("Rect2i.has_point", 0, "point", "Vector2i", point);
    warn_negative(this);
    const p = this.position;
    const s = this.size;
    if (point.x < p.x || point.y < p.y) return false;
    if (point.x >= int32(p.x + s.x) || point.y >= int32(p.y + s.y)) return false;
    return true;
  }

  intersects(b: Rect2i): boolean {
    if (!(b instanceof Rect2i)) bad_argument("Rect2i.intersects", 0, "b", "Rect2i", b);
    warn_negative(this, b);
    return overlaps(this, b);
  }

  encloses(b: Rect2i): boolean {
    if (!(b instanceof Rect2i)) bad_argument("Rect2i.encloses", 0, "b", "Rect2i", b);
    warn_negative(this, b);
    const p = this.position;
    const s = this.size;
    return (
      b.position.x >= p.x &&
      b.position.y >= p.y &&
      int32(b.position.x + b.size.x) <= int32(p.x + s.x) &&
      int32(b.position.y + b.size.y) <= int32(p.y + s.y)
    );
  }

  /** The overlap of the two, or Rect2i() when they do not intersect. */
  intersection(b: Rect2i): Rect2i {
    if (!(b instanceof Rect2i)) bad_argument("Rect2i.intersection", 0, "b", "Rect2i", b);
    warn_negative(this, b);
    if (!overlaps(this, b)) return new Rect2i();
    const x = max_of(b.position.x, this.position.x);
    const y = max_of(b.position.y, this.position.y);
    const end_x = min_of(int32(b.position.x + b.size.x), int32(this.position.x + this.size.x));
    const end_y = min_of(int32(b.position.y + b.size.y), int32(this.position.y + this.size.y));
    return new Rect2i(x, y, end_x - x, end_y - y);
  }

  merge(b: Rect2i): Rect2i {
    if (!(b instanceof Rect2i)) bad_argument("Rect2i.merge", 0, "b", "Rect2i", b);
    warn_negative(this, b);
    const x = min_of(b.position.x, this.position.x);
    const y = min_of(b.position.y, this.position.y);
    const end_x = max_of(int32(b.position.x + b.size.x), int32(this.position.x + this.size.x));
    const end_y = max_of(int32(b.position.y + b.size.y), int32(this.position.y + this.size.y));
    return new Rect2i(x, y, end_x - x, end_y - y);
  }

  expand(to: Vector2i): Rect2i {
    if (!(to instanceof Vector2i)) bad_argument("Rect2i.expand", 0, "to", "Vector2i", to);
    warn_negative(this);
    let begin_x = this.position.x;
    let begin_y = this.position.y;
    let end_x = int32(begin_x + this.size.x);
    let end_y = int32(begin_y + this.size.y);
    if (to.x < begin_x) begin_x = to.x;
    if (to.y < begin_y) begin_y = to.y;
    if (to.x > end_x) end_x = to.x;
    if (to.y > end_y) end_y = to.y;
    return new Rect2i(begin_x, begin_y, end_x - begin_x, end_y - begin_y);
  }

  grow(amount: number): Rect2i {
    const a = check_int32("Rect2i.grow", 0, "amount", amount);
    const twice = int32(a * 2);
    return new Rect2i(this.position.x - a, this.position.y - a, this.size.x + twice, this.size.y + twice);
  }

  /** `side` is Godot's Side: SIDE_LEFT 0, SIDE_TOP 1, SIDE_RIGHT 2, SIDE_BOTTOM 3. */
  grow_side(side: number, amount: number): Rect2i {
    const s = check_int("Rect2i.grow_side", 0, "side", side);
    const a = check_int32("Rect2i.grow_side", 1, "amount", amount);
    return this.grow_individual(
      s === SIDE_LEFT ? a : 0,
      s === SIDE_TOP ? a : 0,
      s === SIDE_RIGHT ? a : 0,
      s === SIDE_BOTTOM ? a : 0,
    );
  }

  grow_individual(left: number, top: number, right: number, bottom: number): Rect2i {
    const m = "Rect2i.grow_individual";
    const l = check_int32(m, 0, "left", left);
    const t = check_int32(m, 1, "top", top);
    const r = check_int32(m, 2, "right", right);
    const b = check_int32(m, 3, "bottom", bottom);
    return new Rect2i(
      this.position.x - l,
      this.position.y - t,
      this.size.x + int32(l + r),
      this.size.y + int32(t + b),
    );
  }

  /** The same rectangle with a non-negative size. */
  abs(): Rect2i {
    return new Rect2i(
      this.position.x + min_of(this.size.x, 0),
      this.position.y + min_of(this.size.y, 0),
      Math.abs(this.size.x),
      Math.abs(this.size.y),
    );
  }

  // Operators

  /** `this == right`: false for any other type, a Rect2 included (as Godot's Variant ==). */
  equals(right: unknown): boolean {
    return right instanceof Rect2i && this.position.equals(right.position) && this.size.equals(right.size);
  }

  /** `this != right`. */
  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  /** As Godot's str(): "[P: (0, 0), S: (4, 3)]". */
  toString(): string {
    return `[P: ${this.position.toString()}, S: ${this.size.toString()}]`;
  }
}

function overlaps(a: Rect2i, b: Rect2i): boolean {
  const ap = a.position,
    asz = a.size,
    bp = b.position,
    bsz = b.size;
  if (ap.x >= int32(bp.x + bsz.x)) return false;
  if (int32(ap.x + asz.x) <= bp.x) return false;
  if (ap.y >= int32(bp.y + bsz.y)) return false;
  if (int32(ap.y + asz.y) <= bp.y) return false;
  return true;
}
