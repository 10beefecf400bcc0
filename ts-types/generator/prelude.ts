// The hand-written part of godot.d.ts: the Variant union, and what scripts see that neither dump
// describes (Variant.Type, Quickdot's Float, TypedArray and TypedDictionary).
// Indented for the body of `declare module "godot"`.

export const PRELUDE: readonly string[] = `
  /**
   * Any value a Godot Variant can hold, as scripts see it. Engine methods type Variant arguments and
   * results as \`unknown\` (the engine throws a TypeError for a value it cannot convert, such as
   * \`undefined\`); this union says what such a value can be.
   *
   * - \`int\` and \`float\` are numbers. A 64-bit \`int\` is a \`bigint\` only when it does not fit a
   *   double exactly (beyond 2^53); the typings still say \`number\` for it, as such values are rare.
   *   A whole-valued \`float\` (3.0) held in a Variant arrives as a {@link Float}, so that it goes back
   *   as a float; where Godot declares a float (a method's float result), it is a plain number.
   * - \`String\` is a string; \`StringName\` and \`NodePath\` are instances of their classes (arguments
   *   also take a string).
   * - Vectors, colours, transforms, \`RID\`, \`Callable\` and \`Signal\` are instances of their classes
   *   (a function is also accepted as a Callable).
   * - \`PackedByteArray\` is a \`Uint8Array\` (any \`ArrayBufferView\` is accepted as an argument), the
   *   other numeric packed arrays are the matching typed arrays; \`PackedStringArray\` and the packed
   *   arrays of vectors and colours are their classes, which are JS arrays.
   * - \`Array\` is a JS array (a {@link TypedArray} when typed); \`Dictionary\` is a plain object, or a
   *   \`Map\` when its keys are not all strings (a {@link TypedDictionary} when typed).
   * - Objects are instances of the engine classes below, or \`null\`.
   */
  export type Variant =
    | null
    | boolean
    | number
    | bigint
    | string
    | Float
    | Vector2
    | Vector2i
    | Rect2
    | Rect2i
    | Vector3
    | Vector3i
    | Transform2D
    | Vector4
    | Vector4i
    | Plane
    | Quaternion
    | AABB
    | Basis
    | Transform3D
    | Projection
    | Color
    | StringName
    | NodePath
    | RID
    | Object
    | Callable
    | ((...args: never[]) => unknown)
    | Signal
    | Uint8Array
    | Int32Array
    | BigInt64Array
    | Float32Array
    | Float64Array
    | PackedStringArray
    | PackedVector2Array
    | PackedVector3Array
    | PackedColorArray
    | PackedVector4Array
    | Variant[]
    | Dictionary
    | Map<Variant, Variant>;

  /** A Godot Dictionary with string keys, as a plain object. */
  export type Dictionary = { [key: string]: Variant };

  // A const enum: the "godot" module has no \`Variant\` object at run time, and tsc writes each
  // value (\`Variant.Type.TYPE_INT\` is 2) into the compiled script instead.
  export namespace Variant {
    /** The type numbers of Godot's Variant, as \`typeof()\` and typed containers use them. */
    export const enum Type {
      TYPE_NIL = 0,
      TYPE_BOOL = 1,
      TYPE_INT = 2,
      TYPE_FLOAT = 3,
      TYPE_STRING = 4,
      TYPE_VECTOR2 = 5,
      TYPE_VECTOR2I = 6,
      TYPE_RECT2 = 7,
      TYPE_RECT2I = 8,
      TYPE_VECTOR3 = 9,
      TYPE_VECTOR3I = 10,
      TYPE_TRANSFORM2D = 11,
      TYPE_VECTOR4 = 12,
      TYPE_VECTOR4I = 13,
      TYPE_PLANE = 14,
      TYPE_QUATERNION = 15,
      TYPE_AABB = 16,
      TYPE_BASIS = 17,
      TYPE_TRANSFORM3D = 18,
      TYPE_PROJECTION = 19,
      TYPE_COLOR = 20,
      TYPE_STRING_NAME = 21,
      TYPE_NODE_PATH = 22,
      TYPE_RID = 23,
      TYPE_OBJECT = 24,
      TYPE_CALLABLE = 25,
      TYPE_SIGNAL = 26,
      TYPE_DICTIONARY = 27,
      TYPE_ARRAY = 28,
      TYPE_PACKED_BYTE_ARRAY = 29,
      TYPE_PACKED_INT32_ARRAY = 30,
      TYPE_PACKED_INT64_ARRAY = 31,
      TYPE_PACKED_FLOAT32_ARRAY = 32,
      TYPE_PACKED_FLOAT64_ARRAY = 33,
      TYPE_PACKED_STRING_ARRAY = 34,
      TYPE_PACKED_VECTOR2_ARRAY = 35,
      TYPE_PACKED_VECTOR3_ARRAY = 36,
      TYPE_PACKED_COLOR_ARRAY = 37,
      TYPE_PACKED_VECTOR4_ARRAY = 38,
      TYPE_MAX = 39,
    }
  }

  /**
   * A Godot \`float\` whose value is whole (3.0). JavaScript has one number type, so a Variant float
   * such as 3.0 would come back from a script as the \`int\` 3; it arrives as a Float instead, and
   * goes back to Godot as a float. Arithmetic sees its number (\`f + 1\` is 4, through \`valueOf\`);
   * \`value\` reads it.
   *
   * @remarks Quickdot extension: not in Godot 4.6.
   */
  export class Float {
    constructor(value: number | Float);
    readonly value: number;
    valueOf(): number;
    /** As Godot's \`str()\` writes a float: \`"3.0"\`. */
    toString(): string;
    /** Whether \`right\` is a Float or a number of the same value. */
    equals(right: unknown): boolean;
    not_equals(right: unknown): boolean;
  }

  /**
   * Godot's typed Array (\`Array[int]\`, \`Array[Node]\`): a JS array that checks its elements' type
   * as they are added, and that Godot receives as a typed Array. Typed arrays from the engine arrive
   * as one. JavaScript's own \`map\`, \`filter\`... return plain arrays.
   *
   * \`\`\`ts
   * const ids = new TypedArray<number>(Variant.Type.TYPE_INT, "", [1, 2]);
   * const nodes = new TypedArray<Node>(Variant.Type.TYPE_OBJECT, "Node");
   * \`\`\`
   *
   * @remarks Quickdot extension: not in Godot 4.6.
   */
  export class TypedArray<T = unknown> extends Array<T> {
    /**
     * @param type The element type; a TypeError for an element of another type.
     * @param class_name For \`TYPE_OBJECT\`, the class the elements must be (or inherit); else \`""\` (the default).
     * @param elements The first elements.
     */
    constructor(type: Variant.Type, class_name?: string, elements?: Iterable<T>);
    /** Godot's Array method: adds \`value\` at the end, after checking its type. */
    push_back(value: T): void;
    /** Same as \`push_back\`. */
    append(value: T): void;
    /** Whether an element type is set: false for \`TYPE_NIL\`. */
    is_typed(): boolean;
    get_typed_builtin(): Variant.Type;
    get_typed_class_name(): StringName;
    /** Always \`null\`: Quickdot's typed arrays are not typed by a script. */
    get_typed_script(): null;
    /** Whether \`array\` has the same element type (a plain array counts as untyped). */
    is_same_typed(array: readonly unknown[]): boolean;
  }

  /**
   * Godot's typed Dictionary (\`Dictionary[String, int]\`): a \`Map\` that checks the types of its keys
   * and values as they are set, and that Godot receives as a typed Dictionary. Typed dictionaries
   * from the engine arrive as one.
   *
   * @remarks Quickdot extension: not in Godot 4.6.
   */
  export class TypedDictionary<K = unknown, V = unknown> extends Map<K, V> {
    /**
     * @param key_class_name For \`TYPE_OBJECT\` keys, the class they must be; else \`""\`.
     * @param value_class_name For \`TYPE_OBJECT\` values, the class they must be; else \`""\`.
     * @param entries The first entries.
     */
    constructor(
      key_type: Variant.Type,
      key_class_name: string,
      value_type: Variant.Type,
      value_class_name: string,
      entries?: Iterable<readonly [K, V]>,
    );
    /** Whether the keys or the values have a type. */
    is_typed(): boolean;
    is_typed_key(): boolean;
    is_typed_value(): boolean;
    get_typed_key_builtin(): Variant.Type;
    get_typed_key_class_name(): StringName;
    /** Always \`null\`: Quickdot's typed dictionaries are not typed by a script. */
    get_typed_key_script(): null;
    get_typed_value_builtin(): Variant.Type;
    get_typed_value_class_name(): StringName;
    /** Always \`null\`: Quickdot's typed dictionaries are not typed by a script. */
    get_typed_value_script(): null;
    /** Whether \`dictionary\` has the same key and value types (a plain object or Map counts as untyped). */
    is_same_typed(dictionary: Map<unknown, unknown> | Record<string, unknown>): boolean;
    is_same_typed_key(dictionary: Map<unknown, unknown> | Record<string, unknown>): boolean;
    is_same_typed_value(dictionary: Map<unknown, unknown> | Record<string, unknown>): boolean;
  }
`
  .slice(1)
  .trimEnd()
  .split("\n");
