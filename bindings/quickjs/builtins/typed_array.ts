// Godot's typed Array (Array[int], Array[Node]...): a JavaScript array that knows its element
// type, as a Variant.Type number and, for objects, a class name. The value converter makes one from
// a typed Array (a plain array with this prototype and the two hidden fields) and reads it back as
// a typed Array. push, push_back and append check the element type cheaply (an Object element is
// not checked against the class name); indexing does not check. The engine checks every element
// when the array goes back.
import { bad_argument } from "./checks.js";
import { AABB } from "./aabb.js";
import { Basis } from "./basis.js";
import { Callable, is_godot_object } from "./callable.js";
import { Color } from "./color.js";
import { Float } from "./float.js";
import { NodePath } from "./node_path.js";
import {
  PackedColorArray,
  PackedStringArray,
  PackedVector2Array,
  PackedVector3Array,
  PackedVector4Array,
} from "./packed_arrays.js";
import { Plane } from "./plane.js";
import { Projection } from "./projection.js";
import { Quaternion } from "./quaternion.js";
import { Rect2 } from "./rect2.js";
import { Rect2i } from "./rect2i.js";
import { RID } from "./rid.js";
import { Signal } from "./signal.js";
import { StringName } from "./string_name.js";
import { Transform2D } from "./transform2d.js";
import { Transform3D } from "./transform3d.js";
import { Vector2 } from "./vector2.js";
import { Vector2i } from "./vector2i.js";
import { Vector3 } from "./vector3.js";
import { Vector3i } from "./vector3i.js";
import { Vector4 } from "./vector4.js";
import { Vector4i } from "./vector4i.js";

// Godot's Variant.Type numbers the containers are typed with.
export const NIL = 0;
export const OBJECT = 24;
const VARIANT_MAX = 39;

interface ElementCheck {
  readonly name: string; // Godot's name of the type, for messages.
  accepts(value: unknown): boolean;
}

type AnyClass = abstract new (...args: never[]) => unknown;

// By Variant.Type; made on first use, as the classes are imported in a cycle.
let checks: ElementCheck[] | null = null;

function element_checks(): ElementCheck[] {
  if (checks) return checks;
  const of_class = (type: AnyClass, name = type.name): ElementCheck => ({
    name,
    accepts: (value) => value instanceof type,
  });
  checks = [
    { name: "Variant", accepts: () => true },
    { name: "bool", accepts: (value) => typeof value === "boolean" },
    { name: "int", accepts: (value) => typeof value === "bigint" || Number.isInteger(value) },
    { name: "float", accepts: (value) => typeof value === "number" || value instanceof Float },
    { name: "String", accepts: (value) => typeof value === "string" },
    of_class(Vector2),
    of_class(Vector2i),
    of_class(Rect2),
    of_class(Rect2i),
    of_class(Vector3),
    of_class(Vector3i),
    of_class(Transform2D),
    of_class(Vector4),
    of_class(Vector4i),
    of_class(Plane),
    of_class(Quaternion),
    of_class(AABB),
    of_class(Basis),
    of_class(Transform3D),
    of_class(Projection),
    of_class(Color),
    of_class(StringName),
    of_class(NodePath),
    of_class(RID),
    { name: "Object", accepts: (value) => value === null || is_godot_object(value) },
    { name: "Callable", accepts: (value) => value instanceof Callable || typeof value === "function" },
    of_class(Signal),
    // A Map or a plain object, as the converter reads a Dictionary.
    {
      name: "Dictionary",
      accepts: (value) =>
        value instanceof Map ||
        (typeof value === "object" &&
          value !== null &&
          [Object.prototype, null].includes(Object.getPrototypeOf(value))),
    },
    {
      name: "Array",
      accepts: (value) =>
        Array.isArray(value) &&
        (Object.getPrototypeOf(value) === Array.prototype || value instanceof TypedArray),
    },
    // The converter's views of the numeric packed arrays.
    of_class(Uint8Array, "PackedByteArray"),
    of_class(Int32Array, "PackedInt32Array"),
    of_class(BigInt64Array, "PackedInt64Array"),
    of_class(Float32Array, "PackedFloat32Array"),
    of_class(Float64Array, "PackedFloat64Array"),
    of_class(PackedStringArray),
    of_class(PackedVector2Array),
    of_class(PackedVector3Array),
    of_class(PackedColorArray),
    of_class(PackedVector4Array),
  ];
  return checks;
}

export function check_variant_type(
  method: string,
  type: unknown,
  class_name: unknown,
  index: number,
): [number, string] {
  if (typeof type !== "number" || !Number.isInteger(type) || type < 0 || type >= VARIANT_MAX)
    bad_argument(method, index, "type", "a Variant.Type (0 to 38)", type);
  if (typeof class_name !== "string") bad_argument(method, index + 1, "class_name", "String", class_name);
  if (class_name !== "" && type !== OBJECT)
    throw new TypeError(
      `${method}: a class name is for OBJECT elements only, got '${class_name}' for type ${type}`,
    );
  return [type, class_name];
}

/** Throws a TypeError naming `method` unless `value` may be held where `type` (and `class_name`) is declared. */
export function check_element(
  method: string,
  index: number,
  name: string,
  type: number,
  class_name: string,
  value: unknown,
): void {
  const check = element_checks()[type];
  if (!check.accepts(value))
    bad_argument(method, index, name, type === OBJECT && class_name !== "" ? class_name : check.name, value);
}

export class TypedArray<T = unknown> extends Array<T> {
  declare readonly _type: number;
  declare readonly _class_name: string;

  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** An empty array of `type` elements (Variant.Type; `class_name` for OBJECT ones), then `elements`: Quickdot's form of Godot's Array(base, type, class_name, script). */
  constructor(type: number, class_name = "", elements?: Iterable<T>) {
    super();
    const [element_type, element_class] = check_variant_type("TypedArray()", type, class_name, 0);
    Object.defineProperty(this, "_type", { value: element_type, writable: true, configurable: true });
    Object.defineProperty(this, "_class_name", { value: element_class, writable: true, configurable: true });
    if (elements === undefined) return;
    for (const element of elements) {
      check_element("TypedArray()", 2, "elements", element_type, element_class, element);
      super.push(element);
    }
  }

  override push(...items: T[]): number {
    items.forEach((item, index) =>
      check_element("TypedArray.push", index, "items", this._type, this._class_name, item),
    );
    return super.push(...items);
  }

  push_back(value: T): void {
    check_element("TypedArray.push_back", 0, "value", this._type, this._class_name, value);
    super.push(value);
  }

  append(value: T): void {
    check_element("TypedArray.append", 0, "value", this._type, this._class_name, value);
    super.push(value);
  }

  is_typed(): boolean {
    return this._type !== NIL;
  }

  get_typed_builtin(): number {
    return this._type;
  }

  get_typed_class_name(): StringName {
    return new StringName(this._class_name);
  }

  /** Always null: Quickdot's typed arrays are not typed by script. */
  get_typed_script(): null {
    return null;
  }

  /** The same element type; a plain array is untyped. */
  is_same_typed(array: readonly unknown[]): boolean {
    if (!Array.isArray(array)) bad_argument("TypedArray.is_same_typed", 0, "array", "Array", array);
    const other = array instanceof TypedArray ? array : null;
    return this._type === (other?._type ?? NIL) && this._class_name === (other?._class_name ?? "");
  }
}
