// Godot's packed arrays of values: PackedStringArray, PackedVector2Array, PackedVector3Array,
// PackedColorArray and PackedVector4Array. Each is a JavaScript array whose prototype is the
// packed class (the value converter makes one so), so indexing, length, for..of and spread work,
// and Godot's methods act with Godot's semantics. Where Godot and Array.prototype share a name
// (find, fill, reverse, sort, slice), Godot's wins. Elements are stored by value, as in Godot: an
// appended vector is copied (get() and indexing give the stored one). JavaScript's own map,
// filter... return plain arrays.
import { bad_argument, check_bool, check_instance, check_int, print_error } from "./checks.js";
import { Color } from "./color.js";
import { Transform2D } from "./transform2d.js";
import { Transform3D } from "./transform3d.js";
import { Vector2 } from "./vector2.js";
import { Vector3 } from "./vector3.js";
import { Vector4 } from "./vector4.js";

const INT_MAX = 2147483647;
const OK = 0;
const ERR_INVALID_PARAMETER = 31;

// What the packed arrays need to know of their element type.
interface ElementType<T> {
  readonly array_name: string; // "PackedVector2Array", for messages.
  readonly name: string; // Godot's name of the element type.
  is(value: unknown): value is T;
  copy(value: T): T;
  make_default(): T; // What resize() adds.
  less(a: T, b: T): boolean; // Godot's operator<, for sort() and bsearch().
  same(a: T, b: T): boolean; // Godot's operator==.
  to_bytes(values: readonly T[]): Uint8Array; // As Godot lays the elements out in memory.
  text(value: T): string; // How str() shows an element.
}

// Godot's String operator< compares code points; JavaScript's < compares UTF-16 units, which
// order differently when a surrogate meets a unit from U+E000 up.
function code_point_less(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i),
      y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x < 0xe000 ? x + 0x2000 : x - 0x800;
      y = y < 0xe000 ? y + 0x2000 : y - 0x800;
    }
    return x < y;
  }
  return a.length < b.length;
}

// UTF-8 of a string (a lone surrogate as U+FFFD), then Godot's NUL terminator.
function utf8_with_nul(text: string, out: number[]): void {
  for (const character of text) {
    let code = character.codePointAt(0)!;
    if (code >= 0xd800 && code < 0xe000) code = 0xfffd;
    if (code < 0x80) {
      out.push(code);
    } else if (code < 0x800) {
      out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    } else {
      out.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      );
    }
  }
  out.push(0);
}

// Godot's String::c_escape, as str() quotes the strings inside a container.
const C_ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  "'": "\\'",
  "?": "\\?",
  '"': '\\"',
};

function quoted(text: string): string {
  return '"' + text.replace(/[\\\x07\b\f\n\r\t\v'?"]/g, (character) => C_ESCAPES[character]) + '"';
}

// Elements of `components` float32 each, little-endian, as real_t (single precision) and Color are.
function float32_bytes<T>(values: readonly T[], components: (value: T) => number[]): Uint8Array {
  const floats = new Float32Array(values.flatMap(components));
  const bytes = new Uint8Array(floats.length * 4);
  const view = new DataView(bytes.buffer);
  floats.forEach((value, index) => view.setFloat32(index * 4, value, true));
  return bytes;
}

// Godot's operator< of the vector and color types: component by component.
function components_less(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length - 1; i++) {
    if (a[i] !== b[i]) return a[i] < b[i];
  }
  return a[a.length - 1] < b[b.length - 1];
}

function vector_type<T extends { equals(right: unknown): boolean }>(
  array_name: string,
  name: string,
  is: (value: unknown) => value is T,
  components: (value: T) => number[],
  make: (c: readonly number[]) => T,
  zero: readonly number[],
): ElementType<T> {
  return {
    array_name,
    name,
    is,
    copy: (value) => make(components(value)),
    make_default: () => make(zero),
    less: (a, b) => components_less(components(a), components(b)),
    same: (a, b) => a.equals(b),
    to_bytes: (values) => float32_bytes(values, components),
    text: (value) => String(value),
  };
}

const STRINGS: ElementType<string> = {
  array_name: "PackedStringArray",
  name: "String",
  is: (value): value is string => typeof value === "string",
  copy: (value) => value,
  make_default: () => "",
  less: code_point_less,
  same: (a, b) => a === b,
  to_bytes: (values) => {
    const bytes: number[] = [];
    for (const value of values) utf8_with_nul(value, bytes);
    return new Uint8Array(bytes);
  },
  text: quoted,
};

const VECTOR2S = vector_type<Vector2>(
  "PackedVector2Array",
  "Vector2",
  (value): value is Vector2 => value instanceof Vector2,
  (v) => [v.x, v.y],
  (c) => new Vector2(c[0], c[1]),
  [0, 0],
);
const VECTOR3S = vector_type<Vector3>(
  "PackedVector3Array",
  "Vector3",
  (value): value is Vector3 => value instanceof Vector3,
  (v) => [v.x, v.y, v.z],
  (c) => new Vector3(c[0], c[1], c[2]),
  [0, 0, 0],
);
const VECTOR4S = vector_type<Vector4>(
  "PackedVector4Array",
  "Vector4",
  (value): value is Vector4 => value instanceof Vector4,
  (v) => [v.x, v.y, v.z, v.w],
  (c) => new Vector4(c[0], c[1], c[2], c[3]),
  [0, 0, 0, 0],
);
// Color() is opaque black, so resize() adds (0, 0, 0, 1).
const COLORS = vector_type<Color>(
  "PackedColorArray",
  "Color",
  (value): value is Color => value instanceof Color,
  (v) => [v.r, v.g, v.b, v.a],
  (c) => new Color(c[0], c[1], c[2], c[3]),
  [0, 0, 0, 1],
);

// Array.prototype's find, fill, reverse, sort and slice take other arguments or return other
// things than Godot's methods of the same names, so the packed classes are typed without them (and
// without the push and toString they redefine) and define Godot's.
type GodotArray<T> = Omit<T[], "find" | "fill" | "reverse" | "sort" | "slice" | "push" | "toString">;
const GodotArray = Array as unknown as new <T>() => GodotArray<T>;

abstract class PackedValueArray<T> extends GodotArray<T> {
  static get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  protected abstract element_type(): ElementType<T>;

  constructor(from?: PackedValueArray<T> | readonly T[]) {
    super();
    if (from === undefined) return;
    const type = this.element_type();
    if (!Array.isArray(from))
      bad_argument(`${type.array_name}()`, 0, "from", `${type.array_name} or Array`, from);
    for (const value of from) {
      if (!type.is(value)) bad_argument(`${type.array_name}()`, 0, "from", `an Array of ${type.name}`, value);
      this.elements.push(type.copy(value));
    }
  }

  private checked(method: string, index: number, name: string, value: unknown): T {
    const type = this.element_type();
    if (!type.is(value)) bad_argument(`${type.array_name}.${method}`, index, name, type.name, value);
    return value;
  }

  // A value to store: checked, and copied so that the array holds its own.
  private stored(method: string, index: number, name: string, value: unknown): T {
    return this.element_type().copy(this.checked(method, index, name, value));
  }

  // Godot's ERR_FAIL_INDEX: an index out of range reports an error and the call does nothing.
  private in_range(method: string, index: number, size: number): boolean {
    if (index >= 0 && index < size) return true;
    print_error(
      `${this.element_type().array_name}.${method}: index ${index} is out of bounds (size ${size}).`,
    );
    return false;
  }

  // This array as the plain array it is, for Array.prototype's methods that the packed classes replace.
  private get elements(): T[] {
    return this as unknown as T[];
  }

  protected make(values: readonly T[]): this {
    const result = new (this.constructor as new () => this)();
    Array.prototype.push.apply(
      result.elements,
      values.map((value) => this.element_type().copy(value)),
    );
    return result;
  }

  get(index: number): T {
    const at = check_int(`${this.element_type().array_name}.get`, 0, "index", index);
    return this.in_range("get", at, this.length) ? this[at] : this.element_type().make_default();
  }

  set(index: number, value: T): void {
    const at = check_int(`${this.element_type().array_name}.set`, 0, "index", index);
    const element = this.stored("set", 1, "value", value);
    if (this.in_range("set", at, this.length)) this[at] = element;
  }

  size(): number {
    return this.length;
  }

  is_empty(): boolean {
    return this.length === 0;
  }

  push(...values: T[]): number {
    return Array.prototype.push.apply(
      this.elements,
      values.map((value, index) => this.stored("push", index, "value", value)),
    );
  }

  /** Returns false: Godot's push_back tells whether it failed. */
  push_back(value: T): boolean {
    this.elements.push(this.stored("push_back", 0, "value", value));
    return false;
  }

  /** Returns false: Godot's append tells whether it failed. */
  append(value: T): boolean {
    this.elements.push(this.stored("append", 0, "value", value));
    return false;
  }

  append_array(array: PackedValueArray<T> | readonly T[]): void {
    const name = this.element_type().array_name;
    if (!Array.isArray(array)) bad_argument(`${name}.append_array`, 0, "array", name, array);
    Array.prototype.push.apply(
      this.elements,
      array.map((value) => this.stored("append_array", 0, "array", value)),
    );
  }

  remove_at(index: number): void {
    const at = check_int(`${this.element_type().array_name}.remove_at`, 0, "index", index);
    if (this.in_range("remove_at", at, this.length)) this.splice(at, 1);
  }

  /** Returns an Error code: 0 (OK), or 31 (ERR_INVALID_PARAMETER) for a position past the end. */
  insert(at_index: number, value: T): number {
    const at = check_int(`${this.element_type().array_name}.insert`, 0, "at_index", at_index);
    const element = this.stored("insert", 1, "value", value);
    if (!this.in_range("insert", at, this.length + 1)) return ERR_INVALID_PARAMETER;
    this.splice(at, 0, element);
    return OK;
  }

  fill(value: T): void {
    const element = this.checked("fill", 0, "value", value);
    const type = this.element_type();
    for (let i = 0; i < this.length; i++) this[i] = type.copy(element);
  }

  /** Returns an Error code: 0 (OK), or 31 (ERR_INVALID_PARAMETER) for a negative size. */
  resize(new_size: number): number {
    const type = this.element_type();
    const size = check_int(`${type.array_name}.resize`, 0, "new_size", new_size);
    if (size < 0) {
      print_error(`${type.array_name}.resize: the size can't be negative (${size}).`);
      return ERR_INVALID_PARAMETER;
    }
    if (size < this.length) this.length = size;
    while (this.length < size) Array.prototype.push.call(this.elements, type.make_default());
    return OK;
  }

  clear(): void {
    this.length = 0;
  }

  has(value: T): boolean {
    return this.find(value) !== -1;
  }

  reverse(): void {
    Array.prototype.reverse.call(this.elements);
  }

  /** Elements begin..end (exclusive); negative positions count from the end. */
  slice(begin: number, end = INT_MAX): this {
    const name = this.element_type().array_name;
    const size = this.length;
    let from = Math.min(Math.max(check_int(`${name}.slice`, 0, "begin", begin), -size), size);
    let to = Math.min(Math.max(check_int(`${name}.slice`, 1, "end", end), -size), size);
    if (from < 0) from += size;
    if (to < 0) to += size;
    if (from > to) {
      print_error(`${name}.slice: begin (${from}) is after end (${to}).`);
      return this.make([]);
    }
    return this.make(Array.prototype.slice.call(this.elements, from, to));
  }

  /** The elements as Godot lays them out: float32 components, or each string's UTF-8 and a NUL. */
  to_byte_array(): Uint8Array {
    return this.element_type().to_bytes(this.elements);
  }

  /** Ascending by Godot's operator< (vectors and colors component by component, strings by code point). */
  sort(): void {
    const less = this.element_type().less;
    Array.prototype.sort.call(this.elements, (a: T, b: T) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
  }

  /** Where `value` belongs in this sorted array: before its equals, or after them when `before` is false. */
  bsearch(value: T, before = true): number {
    const type = this.element_type();
    const target = this.checked("bsearch", 0, "value", value);
    const leftmost = check_bool(`${type.array_name}.bsearch`, 1, "before", before);
    let low = 0,
      high = this.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const goes_right = leftmost ? type.less(this[middle], target) : !type.less(target, this[middle]);
      if (goes_right) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  duplicate(): this {
    return this.make(this.elements);
  }

  /** Godot's find: the index of the first element equal to `value` from `from` (negative counts from the end), or -1. */
  find(value: T, from = 0): number {
    const type = this.element_type();
    const target = this.checked("find", 0, "value", value);
    let start = check_int(`${type.array_name}.find`, 1, "from", from);
    if (start < 0) start += this.length;
    if (start < 0 || start >= this.length) return -1;
    for (let i = start; i < this.length; i++) {
      if (type.same(this[i], target)) return i;
    }
    return -1;
  }

  /** The index of the last element equal to `value` at or before `from` (negative counts from the end), or -1. */
  rfind(value: T, from = -1): number {
    const type = this.element_type();
    const target = this.checked("rfind", 0, "value", value);
    let start = check_int(`${type.array_name}.rfind`, 1, "from", from);
    if (start < 0) start += this.length;
    if (start < 0 || start >= this.length) return -1;
    for (let i = start; i >= 0; i--) {
      if (type.same(this[i], target)) return i;
    }
    return -1;
  }

  count(value: T): number {
    const type = this.element_type();
    const target = this.checked("count", 0, "value", value);
    let count = 0;
    for (const element of this) if (type.same(element, target)) count++;
    return count;
  }

  /** Removes the first element equal to `value`; false when there is none. */
  erase(value: T): boolean {
    const index = this.find(value);
    if (index < 0) return false;
    this.splice(index, 1);
    return true;
  }

  /** `a == b`: an array of the same class with equal elements. */
  equals(right: unknown): boolean {
    if (!(right instanceof this.constructor) || !Array.isArray(right) || right.length !== this.length)
      return false;
    const same = this.element_type().same;
    return (right as T[]).every((element, index) => same(this[index], element));
  }

  not_equals(right: unknown): boolean {
    return !this.equals(right);
  }

  /** `a + b`: a new array with the elements of both. */
  add(right: this): this {
    const name = this.element_type().array_name;
    if (!(right instanceof this.constructor) || !Array.isArray(right))
      bad_argument(`${name}.add`, 0, "right", name, right);
    return this.make([...this, ...(right as T[])]);
  }

  /** As Godot's str(): `["a", "b"]`, `[(1, 2), (3, 4)]`. */
  override toString(): string {
    const type = this.element_type();
    return "[" + this.elements.map((value) => type.text(value)).join(", ") + "]";
  }
}

export class PackedStringArray extends PackedValueArray<string> {
  protected override element_type(): ElementType<string> {
    return STRINGS;
  }
}

export class PackedVector2Array extends PackedValueArray<Vector2> {
  protected override element_type(): ElementType<Vector2> {
    return VECTOR2S;
  }

  /** `array * transform`: each vector through the inverse transform, as Godot's Transform2D.xform_inv. */
  multiply(right: Transform2D): PackedVector2Array {
    const transform = check_instance("PackedVector2Array.multiply", 0, "right", right, Transform2D);
    const { x, y, origin } = transform;
    return this.make(
      this.map((v) => {
        const dx = v.x - origin.x,
          dy = v.y - origin.y;
        return new Vector2(x.x * dx + x.y * dy, y.x * dx + y.y * dy);
      }),
    );
  }
}

export class PackedVector3Array extends PackedValueArray<Vector3> {
  protected override element_type(): ElementType<Vector3> {
    return VECTOR3S;
  }

  /** `array * transform`: each vector through the inverse transform, as Godot's Transform3D.xform_inv (transposed basis). */
  multiply(right: Transform3D): PackedVector3Array {
    const transform = check_instance("PackedVector3Array.multiply", 0, "right", right, Transform3D);
    const {
      basis: { x, y, z },
      origin,
    } = transform;
    return this.make(
      this.map((v) => {
        const dx = v.x - origin.x,
          dy = v.y - origin.y,
          dz = v.z - origin.z;
        return new Vector3(
          x.x * dx + x.y * dy + x.z * dz,
          y.x * dx + y.y * dy + y.z * dz,
          z.x * dx + z.y * dy + z.z * dz,
        );
      }),
    );
  }
}

export class PackedColorArray extends PackedValueArray<Color> {
  protected override element_type(): ElementType<Color> {
    return COLORS;
  }
}

export class PackedVector4Array extends PackedValueArray<Vector4> {
  protected override element_type(): ElementType<Vector4> {
    return VECTOR4S;
  }
}
