// Godot's Rect2 (core/math/rect2.h): an axis-aligned rectangle of floats, a position (the
// top-left corner) and a size, copied by value. Like Godot, most methods expect a non-negative
// size; they print an error (and go on) when given a negative one: use abs() first.
import { bad_argument, bad_arguments, check_bool, check_int, check_number, print_error } from "./checks.js";
import { is_equal_approx, max_of, min_of } from "./math_funcs.js";
import { Rect2i } from "./rect2i.js";
import { Transform2D } from "./transform2d.js";
import { Vector2 } from "./vector2.js";

// Godot's Side enum (SIDE_LEFT ... SIDE_BOTTOM), as grow_side takes it.
const SIDE_LEFT = 0;
const SIDE_TOP = 1;
const SIDE_RIGHT = 2;
const SIDE_BOTTOM = 3;

function warn_negative(...rects: Rect2[]): void {
  for (const rect of rects) {
    if (rect.size.x < 0 || rect.size.y < 0) {
      print_error(
        "Rect2 size is negative, this is not supported. Use Rect2.abs() to get a Rect2 with a positive size.",
      );
      return;
    }
  }
}

export class Rect2 {
  position: Vector2;
  size: Vector2;

  constructor();
  constructor(from: Rect2 | Rect2i);
  constructor(position: Vector2, size: Vector2);
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
      this.position = new Vector2(a, b);
      this.size = new Vector2(c, d);
      return;
    }
    if (count === 2 && a instanceof Vector2 && b instanceof Vector2) {
      this.position = new Vector2(a.x, a.y);
      this.size = new Vector2(b.x, b.y);
      return;
    }
    if (count === 0) {
      this.position = new Vector2(0, 0);
      this.size = new Vector2(0, 0);
      return;
    }
    if (count === 1 && (a instanceof Rect2 || a instanceof Rect2i)) {
      this.position = new Vector2(a.position.x, a.position.y);
      this.size = new Vector2(a.size.x, a.size.y);
      return;
    }
    bad_arguments(
      "Rect2()",
      "(), (Rect2 from), (Rect2i from), (Vector2 position, Vector2 size) or (float x, float y, float width, float height)",
      [a, b, c, d].slice(0, count),
    );
  }

  /** The bottom-right corner, position + size (a new vector); setting it changes the size. */
  get end(): Vector2 {
    return new Vector2(this.position.x + this.size.x, this.position.y + this.size.y);
  }

  set end(value: Vector2) {
    if (!(value instanceof Vector2)) bad_argument("Rect2.end", 0, "value", "Vector2", value);
    this.size = new Vector2(value.x - this.position.x, value.y - this.position.y);
  }

  // Methods

  get_center(): Vector2 {
    return new Vector2(this.position.x + this.size.x * 0.5, this.position.y + this.size.y * 0.5);
  }

  get_area(): number {
    return this.size.x * this.size.y;
  }

  has_area(): boolean {
    return this.size.x > 0 && this.size.y > 0;
  }

  /** Whether the point is inside; the right and bottom edges are outside. */
  has_point(point: Vector2): boolean {
    if (!(point instanceof Vector2)) bad_argument("Rect2.has_point", 0, "point", "Vector2", point);
    warn_negative(this);
    const p = this.position;
    const s = this.size;
    if (point.x < p.x || point.y < p.y) return false;
    if (point.x >= p.x + s.x || point.y >= p.y + s.y) return false;
    return true;
  }

  is_equal_approx(rect: Rect2): boolean {
    if (!(rect instanceof Rect2)) bad_argument("Rect2.is_equal_approx", 0, "rect", "Rect2", rect);
    return (
      is_equal_approx(this.position.x, rect.position.x) &&
      is_equal_approx(this.position.y, rect.position.y) &&
      is_equal_approx(this.size.x, rect.size.x) &&
      is_equal_approx(this.size.y, rect.size.y)
    );
  }

  is_finite(): boolean {
    return (
      Number.isFinite(this.position.x) &&
      Number.isFinite(this.position.y) &&
      Number.isFinite(this.size.x) &&
      Number.isFinite(this.size.y)
    );
  }

  intersects(b: Rect2, include_borders = false): boolean {
    if (!(b instanceof Rect2)) bad_argument("Rect2.intersects", 0, "b", "Rect2", b);
    check_bool("Rect2.intersects", 1, "include_borders", include_borders);
    warn_negative(this, b);
    return overlaps(this, b, include_borders);
  }

  encloses(b: Rect2): boolean {
    if (!(b instanceof Rect2)) bad_argument("Rect2.encloses", 0, "b", "Rect2", b);
    warn_negative(this, b);
    const p = this.position;
    const s = this.size;
    return (
      b.position.x >= p.x &&
      b.position.y >= p.y &&
      b.position.x + b.size.x <= p.x + s.x &&
      b.position.y + b.size.y <= p.y + s.y
    );
  }

  /** The overlap of the two, or Rect2() when they do not intersect. */
  intersection(b: Rect2): Rect2 {
    if (!(b instanceof Rect2)) bad_argument("Rect2.intersection", 0, "b", "Rect2", b);
    warn_negative(this, b);
    if (!overlaps(this, b, false)) return new Rect2();
    const x = max_of(b.position.x, this.position.x);
    const y = max_of(b.position.y, this.position.y);
    const end_x = min_of(b.position.x + b.size.x, this.position.x + this.size.x);
    const end_y = min_of(b.position.y + b.size.y, this.position.y + this.size.y);
    return new Rect2(x, y, end_x - x, end_y - y);
  }

  merge(b: Rect2): Rect2 {
    if (!(b instanceof Rect2)) bad_argument("Rect2.merge", 0, "b", "Rect2", b);
    warn_negative(this, b);
    const x = min_of(b.position.x, this.position.x);
    const y = min_of(b.position.y, this.position.y);
    const end_x = max_of(b.position.x + b.size.x, this.position.x + this.size.x);
    const end_y = max_of(b.position.y + b.size.y, this.position.y + this.size.y);
    return new Rect2(x, y, end_x - x, end_y - y);
  }

  expand(to: Vector2): Rect2 {
    if (!(to instanceof Vector2)) bad_argument("Rect2.expand", 0, "to", "Vector2", to);
    warn_negative(this);
    return expanded(this, to.x, to.y);
  }

  /** The corner furthest in the direction (position where a component is not positive). */
  get_support(direction: Vector2): Vector2 {
    if (!(direction instanceof Vector2))
      bad_argument("Rect2.get_support", 0, "direction", "Vector2", direction);
    return new Vector2(
      direction.x > 0 ? this.position.x + this.size.x : this.position.x,
      direction.y > 0 ? this.position.y + this.size.y : this.position.y,
    );
  }

  grow(amount: number): Rect2 {
    check_number("Rect2.grow", 0, "amount", amount);
    return new Rect2(
      this.position.x - amount,
      this.position.y - amount,
      this.size.x + amount * 2,
      this.size.y + amount * 2,
    );
  }

  /** `side` is Godot's Side: SIDE_LEFT 0, SIDE_TOP 1, SIDE_RIGHT 2, SIDE_BOTTOM 3. */
  grow_side(side: number, amount: number): Rect2 {
    const s = check_int("Rect2.grow_side", 0, "side", side);
    check_number("Rect2.grow_side", 1, "amount", amount);
    return this.grow_individual(
      s === SIDE_LEFT ? amount : 0,
      s === SIDE_TOP ? amount : 0,
      s === SIDE_RIGHT ? amount : 0,
      s === SIDE_BOTTOM ? amount : 0,
    );
  }

  grow_individual(left: number, top: number, right: number, bottom: number): Rect2 {
    const m = "Rect2.grow_individual";
    check_number(m, 0, "left", left);
    check_number(m, 1, "top", top);
    check_number(m, 2, "right", right);
    check_number(m, 3, "bottom", bottom);
    return new Rect2(
      this.position.x - left,
      this.position.y - top,
      this.size.x + left + right,
      this.size.y + top + bottom,
    );
  }

  /** The same rectangle with a non-negative size. */
  abs(): Rect2 {
    return new Rect2(
      this.position.x + min_of(this.size.x, 0),
      this.position.y + min_of(this.size.y, 0),
      Math.abs(this.size.x),
      Math.abs(this.size.y),
    );
  }

  // Operators

  /** `this * transform`: the bounding box of the rectangle under the inverse transform, as Godot. */
  multiply(right: Transform2D): Rect2 {
    if (!(right instanceof Transform2D)) bad_argument("Rect2.multiply", 0, "right", "Transform2D", right);
    const p = this.position;
    const s = this.size;
    const ends = [
      new Vector2(p.x, p.y).multiply(right),
      new Vector2(p.x, p.y + s.y).multiply(right),
      new Vector2(p.x + s.x, p.y + s.y).multiply(right),
      new Vector2(p.x + s.x, p.y).multiply(right),
    ];
    let rect = new Rect2(ends[0], new Vector2(0, 0));
    for (let i = 1; i < 4; i++) rect = expanded(rect, ends[i].x, ends[i].y);
    return rect;
  }

  /** `this == right`: exact, false for any other type (as Godot's Variant ==). */
  equals(right: unknown): boolean {
    return right instanceof Rect2 && this.position.equals(right.position) && this.size.equals(right.size);
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

function overlaps(a: Rect2, b: Rect2, include_borders: boolean): boolean {
  const ap = a.position,
    asz = a.size,
    bp = b.position,
    bsz = b.size;
  if (include_borders) {
    if (ap.x > bp.x + bsz.x) return false;
    if (ap.x + asz.x < bp.x) return false;
    if (ap.y > bp.y + bsz.y) return false;
    if (ap.y + asz.y < bp.y) return false;
  } else {
    if (ap.x >= bp.x + bsz.x) return false;
    if (ap.x + asz.x <= bp.x) return false;
    if (ap.y >= bp.y + bsz.y) return false;
    if (ap.y + asz.y <= bp.y) return false;
  }
  return true;
}

// Godot's Rect2::expand_to, on a copy.
export function expanded(rect: Rect2, x: number, y: number): Rect2 {
  let begin_x = rect.position.x;
  let begin_y = rect.position.y;
  let end_x = begin_x + rect.size.x;
  let end_y = begin_y + rect.size.y;
  if (x < begin_x) begin_x = x;
  if (y < begin_y) begin_y = y;
  if (x > end_x) end_x = x;
  if (y > end_y) end_y = y;
  return new Rect2(begin_x, begin_y, end_x - begin_x, end_y - begin_y);
}
