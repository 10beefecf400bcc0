import {
  AABB, Basis, Color, Float, NodePath, PackedColorArray, PackedStringArray, PackedVector2Array, PackedVector3Array,
  PackedVector4Array, Plane, Projection, Quaternion, Rect2, Rect2i, StringName, Transform2D, Transform3D, TypedArray,
  TypedDictionary, Variant, Vector2, Vector2i, Vector3, Vector3i, Vector4, Vector4i,
} from "godot";

// Values built by a script, one of every Variant type a game sends, by name. Godot's side
// (godot_project/values.gd) holds the same names with the values as GDScript writes them and
// checks typeof() and == on what arrives. Components are exact in 32-bit floats, since Godot
// keeps vectors in real_t = float.
export function built_values(): [string, unknown][] {
  const TYPE_INT = Variant.Type.TYPE_INT;
  const TYPE_STRING = Variant.Type.TYPE_STRING;
  return [
    ["null", null],
    ["bool", true],
    ["int", 42],
    ["int_64_bit", -1099511627776],
    ["int_bigint", 2n ** 62n],
    ["float", 0.1],
    ["float_whole", new Float(3)],
    ["string", "héllo ✓"],
    ["vector2", new Vector2(1.5, -2.25)],
    ["vector2i", new Vector2i(7, -9)],
    ["rect2", new Rect2(1, 2, 3.5, 4.25)],
    ["rect2i", new Rect2i(-1, 2, 30, 40)],
    ["vector3", new Vector3(1.5, 0, -3)],
    ["vector3i", new Vector3i(1, -2, 3)],
    ["transform2d", new Transform2D(new Vector2(0, 1), new Vector2(-1, 0), new Vector2(3, 4))],
    ["vector4", new Vector4(1, 2, 3, 4.5)],
    ["vector4i", new Vector4i(1, -2, 3, -4)],
    ["plane", new Plane(new Vector3(0, 1, 0), 2.5)],
    ["quaternion", new Quaternion(0.5, -0.5, 0.5, 0.5)],
    ["aabb", new AABB(new Vector3(1, 2, 3), new Vector3(4, 5, 6))],
    ["basis", new Basis(new Vector3(0, 0, -1), new Vector3(0, 1, 0), new Vector3(1, 0, 0))],
    ["transform3d", new Transform3D(Basis.IDENTITY, new Vector3(7, 8, 9))],
    ["projection", new Projection(new Vector4(2, 0, 0, 0), new Vector4(0, 2, 0, 0), new Vector4(0, 0, -1, -1), new Vector4(0, 0, -0.5, 0))],
    ["color", new Color(1, 0.5, 0.25, 0.75)],
    ["string_name", new StringName("jump")],
    ["node_path", new NodePath("Player/Gun:rotation")],
    ["dictionary", { hp: 100, name: "x", pos: new Vector2(3, 4) }],
    ["dictionary_int_keys", new Map<unknown, unknown>([[7, [1, "x"]], ["hp", 100]])],
    ["typed_dictionary", new TypedDictionary<string, number>(TYPE_STRING, "", TYPE_INT, "", [["a", 1], ["b", 2]])],
    ["array", [1, "two", new Float(3), null, new Vector3(1, 2, 3)]],
    ["typed_array", new TypedArray<number>(TYPE_INT, "", [1, 2, 3])],
    ["packed_byte_array", new Uint8Array([1, 2, 3])],
    ["packed_int32_array", new Int32Array([1, -2, 2147483647])],
    ["packed_int64_array", new BigInt64Array([1n, -(2n ** 63n)])],
    ["packed_float32_array", new Float32Array([0.5, -1.25])],
    ["packed_float64_array", new Float64Array([0.1, 1e300])],
    ["packed_string_array", new PackedStringArray(["a", "", "✓"])],
    ["packed_vector2_array", new PackedVector2Array([new Vector2(1, 2), new Vector2(-3, 4.5)])],
    ["packed_vector3_array", new PackedVector3Array([new Vector3(1, 2, 3)])],
    ["packed_color_array", new PackedColorArray([new Color(1, 0, 0), new Color(0, 0, 1, 0.5)])],
    ["packed_vector4_array", new PackedVector4Array([new Vector4(1, 2, 3, 4)])],
  ];
}
