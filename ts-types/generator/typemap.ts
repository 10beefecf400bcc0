// Maps the type names of an API dump ("int", "PackedByteArray", "enum::PacketPeerDTLS.Status",
// "typedarray::Node", class names...) to TypeScript types in the "godot" module.

import type { ExtensionApi } from "./api.js";

/** Where a type appears: arguments may accept more than the engine hands back. */
export type Position = "argument" | "return";

interface BuiltinMapping {
  readonly returned: string;
  /** Accepted as an argument when wider than what is returned. */
  readonly accepted?: string;
}

/**
 * Any function, as a Callable argument: the engine wraps it. The engine may call it with any
 * arguments, so the type accepts every function (`never[]` parameters) rather than checking them.
 */
const ANY_FUNCTION = "((...args: never[]) => unknown)";

/** Value types whose script class has Godot's name and is both accepted and returned. */
const VALUE_CLASSES: readonly string[] = [
  "Vector2",
  "Vector2i",
  "Rect2",
  "Rect2i",
  "Vector3",
  "Vector3i",
  "Transform2D",
  "Vector4",
  "Vector4i",
  "Plane",
  "Quaternion",
  "AABB",
  "Basis",
  "Transform3D",
  "Projection",
  "Color",
  "RID",
  "Signal",
];

/** The packed arrays of values, which are `Array` subclasses, and the TypeScript type of their elements. */
export const PACKED_VALUE_ARRAYS: ReadonlyMap<string, string> = new Map([
  ["PackedStringArray", "string"],
  ["PackedVector2Array", "Vector2"],
  ["PackedVector3Array", "Vector3"],
  ["PackedColorArray", "Color"],
  ["PackedVector4Array", "Vector4"],
]);

/** Godot value types that scripts see as JavaScript's own types, so none of their Godot methods exist. */
export const JS_NATIVE_BUILTINS: ReadonlySet<string> = new Set([
  "Array",
  "Dictionary",
  "PackedByteArray",
  "PackedInt32Array",
  "PackedInt64Array",
  "PackedFloat32Array",
  "PackedFloat64Array",
]);

const BUILTIN_TYPES: ReadonlyMap<string, BuiltinMapping> = new Map<string, BuiltinMapping>([
  ["void", { returned: "void" }],
  ["bool", { returned: "boolean" }],
  ["int", { returned: "number" }],
  ["float", { returned: "number" }],
  ["String", { returned: "string" }],
  // The converter takes any value and throws a TypeError for what it cannot convert (undefined, a
  // symbol...): scripts pass their own data (interfaces, `unknown`) without casts, and narrow what
  // comes back. The prelude's Variant union lists what a value can be.
  ["Variant", { returned: "unknown" }],
  ["Array", { returned: "unknown[]", accepted: "readonly unknown[]" }],
  ["Dictionary", { returned: "Map<unknown, unknown> | Record<string, unknown>" }],
  // Returned as instances; a string is accepted wherever Godot would convert one.
  ["StringName", { returned: "StringName", accepted: "StringName | string" }],
  ["NodePath", { returned: "NodePath", accepted: "NodePath | string" }],
  ["Callable", { returned: "Callable", accepted: `Callable | ${ANY_FUNCTION}` }],
  ...VALUE_CLASSES.map((name): [string, BuiltinMapping] => [name, { returned: name }]),
  // The bindings accept any ArrayBuffer view where Godot takes bytes, and return a Uint8Array.
  ["PackedByteArray", { returned: "Uint8Array", accepted: "ArrayBufferView" }],
  ["PackedInt32Array", { returned: "Int32Array" }],
  ["PackedInt64Array", { returned: "BigInt64Array" }],
  ["PackedFloat32Array", { returned: "Float32Array" }],
  ["PackedFloat64Array", { returned: "Float64Array" }],
  ...[...PACKED_VALUE_ARRAYS].map(([name, element]): [string, BuiltinMapping] => [
    name,
    { returned: name, accepted: `${name} | readonly ${element}[]` },
  ]),
]);

const ENUM_PREFIX = "enum::";
const BITFIELD_PREFIX = "bitfield::";
const TYPED_ARRAY_PREFIX = "typedarray::";
const TYPED_DICTIONARY_PREFIX = "typeddictionary::";

export class TypeMapper {
  private readonly classNames: ReadonlySet<string>;
  /** Class name -> name of the exported singleton object that stands for it. */
  private readonly singletonByClass: ReadonlyMap<string, string>;
  /** "Error", "Variant.Type", "PacketPeerDTLS.Status"... */
  private readonly enumPaths: ReadonlySet<string>;
  private readonly warned = new Set<string>();

  constructor(
    api: ExtensionApi,
    private readonly warn: (message: string) => void,
  ) {
    this.classNames = new Set(api.classes.map((cls) => cls.name));
    this.singletonByClass = new Map(api.singletons.map((singleton) => [singleton.type, singleton.name]));
    this.enumPaths = new Set([
      ...api.global_enums.map((globalEnum) => globalEnum.name),
      ...api.classes.flatMap((cls) => (cls.enums ?? []).map((classEnum) => `${cls.name}.${classEnum.name}`)),
    ]);
  }

  /**
   * The TypeScript type for a dump type. `meta` is the argument's or return value's meta:
   * "required" marks an object that is never null.
   */
  map(godotType: string, position: Position, meta?: string): string {
    if (godotType.startsWith(ENUM_PREFIX)) return this.mapEnum(godotType.slice(ENUM_PREFIX.length));
    if (godotType.startsWith(BITFIELD_PREFIX)) return "number"; // flags are combined with `|`
    if (godotType.startsWith(TYPED_ARRAY_PREFIX)) {
      return this.mapTypedArray(godotType.slice(TYPED_ARRAY_PREFIX.length), position);
    }
    if (godotType.startsWith(TYPED_DICTIONARY_PREFIX)) return this.map("Dictionary", position);
    // Properties may list several accepted classes: "StyleBoxFlat,StyleBoxLine".
    if (godotType.includes(",")) {
      return (
        godotType
          .split(",")
          .map((part) => this.mapNonNull(part, position))
          .join(" | ") + nullSuffix(meta)
      );
    }
    const builtin = BUILTIN_TYPES.get(godotType);
    if (builtin) return position === "argument" ? (builtin.accepted ?? builtin.returned) : builtin.returned;
    const singleton = this.singletonByClass.get(godotType);
    if (singleton) return `typeof ${singleton}`;
    if (this.classNames.has(godotType)) return godotType + nullSuffix(meta);
    return this.mapUnknown(godotType, meta);
  }

  /** Whether `map` knows the type exactly rather than falling back to a wider one. */
  isKnown(godotType: string): boolean {
    if (godotType.startsWith(ENUM_PREFIX)) return this.enumPaths.has(godotType.slice(ENUM_PREFIX.length));
    const plain = godotType.startsWith(TYPED_ARRAY_PREFIX)
      ? godotType.slice(TYPED_ARRAY_PREFIX.length)
      : godotType;
    return BUILTIN_TYPES.has(plain) || this.classNames.has(plain) || godotType.startsWith(BITFIELD_PREFIX);
  }

  private mapNonNull(godotType: string, position: Position): string {
    return this.map(godotType, position, "required");
  }

  private mapEnum(path: string): string {
    if (this.enumPaths.has(path)) return path;
    this.warnOnce(`enum ${path} is not in the dump; typed as number`);
    return "number";
  }

  private mapTypedArray(elementType: string, position: Position): string {
    const element = this.mapNonNull(elementType, "return");
    const wrapped = /^[\w.]+$/.test(element) ? element : `(${element})`;
    return position === "argument" ? `readonly ${wrapped}[]` : `${wrapped}[]`;
  }

  private mapUnknown(godotType: string, meta: string | undefined): string {
    // Every other name in a dump is a class; when the dump leaves it out, its base is unknown.
    this.warnOnce(`class ${godotType} is not in the dump; typed as Object`);
    return "Object" + nullSuffix(meta);
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warn(message);
  }
}

function nullSuffix(meta: string | undefined): string {
  return meta === "required" ? "" : " | null";
}
