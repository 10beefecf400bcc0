// Every value Godot 4.6.3 wrote in tests/reference (godot-4.6-all-types.json and
// godot-4.6-var-to-bytes.json), decoded and re-encoded from a script: the same bytes, Godot's
// exact var_to_str text, that text parsed back to the same bytes, and a script value of the type
// Godot sent (not a plain object that would go back as a Dictionary).
import { GutTest } from "gut";
import {
  FileAccess,
  bytes_to_var,
  var_to_bytes,
  var_to_str,
  str_to_var,
  Vector2,
  Vector2i,
  Rect2,
  Rect2i,
  Vector3,
  Vector3i,
  Transform2D,
  Vector4,
  Vector4i,
  Plane,
  Quaternion,
  AABB,
  Basis,
  Transform3D,
  Projection,
  Color,
  StringName,
  NodePath,
  PackedStringArray,
  PackedVector2Array,
  PackedVector3Array,
  PackedColorArray,
  PackedVector4Array,
  Float,
  TypedArray,
  TypedDictionary,
} from "godot";

interface ReferenceVector {
  name: string;
  type: string;
  hex: string;
  var_to_str?: string;
}

export function hex_of(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function bytes_of(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
  return bytes;
}

function load_vectors(file: string): ReferenceVector[] {
  const text = FileAccess.get_file_as_string("res://../reference/" + file);
  return (JSON.parse(text) as { vectors: ReferenceVector[] }).vectors;
}

type Check = (value: unknown) => boolean;

// What a script must receive for each Godot type name.
const SCRIPT_TYPE: Record<string, Check> = {
  Nil: (v) => v === null,
  bool: (v) => typeof v === "boolean",
  int: (v) => typeof v === "number" || typeof v === "bigint",
  float: (v) => typeof v === "number" || v instanceof Float,
  String: (v) => typeof v === "string",
  Vector2: (v) => v instanceof Vector2,
  Vector2i: (v) => v instanceof Vector2i,
  Rect2: (v) => v instanceof Rect2,
  Rect2i: (v) => v instanceof Rect2i,
  Vector3: (v) => v instanceof Vector3,
  Vector3i: (v) => v instanceof Vector3i,
  Transform2D: (v) => v instanceof Transform2D,
  Vector4: (v) => v instanceof Vector4,
  Vector4i: (v) => v instanceof Vector4i,
  Plane: (v) => v instanceof Plane,
  Quaternion: (v) => v instanceof Quaternion,
  AABB: (v) => v instanceof AABB,
  Basis: (v) => v instanceof Basis,
  Transform3D: (v) => v instanceof Transform3D,
  Projection: (v) => v instanceof Projection,
  Color: (v) => v instanceof Color,
  StringName: (v) => v instanceof StringName,
  NodePath: (v) => v instanceof NodePath,
  Dictionary: (v) =>
    v instanceof Map ||
    (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype),
  Array: (v) => Array.isArray(v),
  PackedByteArray: (v) => v instanceof Uint8Array,
  PackedInt32Array: (v) => v instanceof Int32Array,
  PackedInt64Array: (v) => v instanceof BigInt64Array,
  PackedFloat32Array: (v) => v instanceof Float32Array,
  PackedFloat64Array: (v) => v instanceof Float64Array,
  PackedStringArray: (v) => v instanceof PackedStringArray,
  PackedVector2Array: (v) => v instanceof PackedVector2Array,
  PackedVector3Array: (v) => v instanceof PackedVector3Array,
  PackedColorArray: (v) => v instanceof PackedColorArray,
  PackedVector4Array: (v) => v instanceof PackedVector4Array,
};

export default class TestReferenceVectors extends GutTest {
  private check_vectors(file: string): void {
    const vectors = load_vectors(file);
    this.assert_gt(vectors.length, 30, `${file} has its vectors`);
    for (const vector of vectors) {
      const value = bytes_to_var(bytes_of(vector.hex));
      const is_expected_type = SCRIPT_TYPE[vector.type];
      this.assert_not_null(is_expected_type, `a script type is known for ${vector.type}`);
      this.assert_true(
        is_expected_type?.(value) ?? false,
        `${vector.name}: decodes to a script ${vector.type}`,
      );
      this.assert_eq(hex_of(var_to_bytes(value)), vector.hex, `${vector.name}: re-encodes to Godot's bytes`);
      if (vector.var_to_str !== undefined) {
        this.assert_eq(var_to_str(value), vector.var_to_str, `${vector.name}: var_to_str is Godot's text`);
        const parsed = str_to_var(vector.var_to_str);
        this.assert_eq(
          var_to_str(parsed),
          vector.var_to_str,
          `${vector.name}: Godot's text parses back to itself`,
        );
        // var_to_str writes a Dictionary's keys sorted, so its text cannot give back the order the
        // bytes have (Godot's own str_to_var cannot either).
        if (vector.type !== "Dictionary") {
          this.assert_eq(
            hex_of(var_to_bytes(parsed)),
            vector.hex,
            `${vector.name}: Godot's text parses to Godot's bytes`,
          );
        }
      }
    }
  }

  test_all_types_round_trip(): void {
    this.check_vectors("godot-4.6-all-types.json");
  }

  test_var_to_bytes_vectors_round_trip(): void {
    this.check_vectors("godot-4.6-var-to-bytes.json");
  }

  test_typed_containers_keep_their_types(): void {
    const ints = bytes_of(
      load_vectors("godot-4.6-all-types.json").find((v) => v.name === "typed_array")!.hex,
    );
    const array = bytes_to_var(ints) as TypedArray<number>;
    this.assert_true(array instanceof TypedArray, "Array[int] is a TypedArray");
    this.assert_eq(array.get_typed_builtin(), 2, "its element type is int");
    this.assert_eq([...array], [1, 2, 3]);
    const dictionary = bytes_to_var(
      bytes_of(load_vectors("godot-4.6-all-types.json").find((v) => v.name === "typed_dictionary")!.hex),
    ) as TypedDictionary<string, number>;
    this.assert_true(dictionary instanceof TypedDictionary, "Dictionary[String, int] is a TypedDictionary");
    this.assert_eq(dictionary.get_typed_key_builtin(), 4, "keys are String");
    this.assert_eq(dictionary.get_typed_value_builtin(), 2, "values are int");
    this.assert_eq(dictionary.get("b"), 2);
  }

  test_dictionary_keeps_godot_key_order(): void {
    const mixed = bytes_to_var(
      bytes_of(load_vectors("godot-4.6-all-types.json").find((v) => v.name === "dictionary")!.hex),
    );
    this.assert_true(mixed instanceof Map, "an int key makes a Map");
    this.assert_eq(
      [...(mixed as Map<unknown, unknown>).keys()],
      ["hp", "pos", 7],
      "keys in the order Godot sent them",
    );
    // A string key a plain object would move to the front ("10") also makes a Map.
    const numeric_strings = str_to_var('{\n"b": 1,\n"10": 2\n}');
    this.assert_true(numeric_strings instanceof Map, "array-index-like string keys make a Map");
    this.assert_eq([...(numeric_strings as Map<unknown, unknown>).keys()], ["b", "10"]);
  }

  test_whole_floats_stay_floats(): void {
    const array = bytes_to_var(
      bytes_of(load_vectors("godot-4.6-var-to-bytes.json").find((v) => v.name === "array_mixed")!.hex),
    ) as unknown[];
    this.assert_true(array[2] instanceof Float, "3.0 arrives as a Float");
    this.assert_eq(Number(array[2]), 3, "whose value is the number");
    this.assert_eq(
      hex_of(var_to_bytes(new Float(3))),
      "0300000000004040",
      "new Float(3) is sent as Godot's float 3.0",
    );
    this.assert_eq(hex_of(var_to_bytes(3)), "0200000003000000", "a plain 3 is an int");
  }
}
