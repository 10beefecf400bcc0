extends RefCounted
# Checks the values Quickdot's script built (quickdot_project/values.ts). Each arrives as three
# packets: its name, put_var(value) and put_var(var_to_str(value)). The value must have the type
# and value GDScript gives it in expected() (typeof() and ==, and the element types of typed
# containers); the text must parse with str_to_var to the same. take() answers "ok" or what was
# wrong; finish() prints the two cases.

var expected := expected_values()
var parts: Array[PackedByteArray] = []
var seen := {}
var value_failures := PackedStringArray()
var text_failures := PackedStringArray()


static func expected_values() -> Dictionary:
	return {
		"null": null,
		"bool": true,
		"int": 42,
		"int_64_bit": -1099511627776,
		"int_bigint": 4611686018427387904,
		"float": 0.1,
		"float_whole": 3.0,
		"string": "héllo ✓",
		"vector2": Vector2(1.5, -2.25),
		"vector2i": Vector2i(7, -9),
		"rect2": Rect2(1, 2, 3.5, 4.25),
		"rect2i": Rect2i(-1, 2, 30, 40),
		"vector3": Vector3(1.5, 0, -3),
		"vector3i": Vector3i(1, -2, 3),
		"transform2d": Transform2D(Vector2(0, 1), Vector2(-1, 0), Vector2(3, 4)),
		"vector4": Vector4(1, 2, 3, 4.5),
		"vector4i": Vector4i(1, -2, 3, -4),
		"plane": Plane(Vector3(0, 1, 0), 2.5),
		"quaternion": Quaternion(0.5, -0.5, 0.5, 0.5),
		"aabb": AABB(Vector3(1, 2, 3), Vector3(4, 5, 6)),
		"basis": Basis(Vector3(0, 0, -1), Vector3(0, 1, 0), Vector3(1, 0, 0)),
		"transform3d": Transform3D(Basis.IDENTITY, Vector3(7, 8, 9)),
		"projection": Projection(Vector4(2, 0, 0, 0), Vector4(0, 2, 0, 0), Vector4(0, 0, -1, -1), Vector4(0, 0, -0.5, 0)),
		"color": Color(1, 0.5, 0.25, 0.75),
		"string_name": &"jump",
		"node_path": ^"Player/Gun:rotation",
		"dictionary": {"hp": 100, "name": "x", "pos": Vector2(3, 4)},
		"dictionary_int_keys": {7: [1, "x"], "hp": 100},
		"typed_dictionary": Dictionary({"a": 1, "b": 2}, TYPE_STRING, &"", null, TYPE_INT, &"", null),
		"array": [1, "two", 3.0, null, Vector3(1, 2, 3)],
		"typed_array": Array([1, 2, 3], TYPE_INT, &"", null),
		"packed_byte_array": PackedByteArray([1, 2, 3]),
		"packed_int32_array": PackedInt32Array([1, -2, 2147483647]),
		"packed_int64_array": PackedInt64Array([1, -9223372036854775807 - 1]),
		"packed_float32_array": PackedFloat32Array([0.5, -1.25]),
		"packed_float64_array": PackedFloat64Array([0.1, 1e300]),
		"packed_string_array": PackedStringArray(["a", "", "✓"]),
		"packed_vector2_array": PackedVector2Array([Vector2(1, 2), Vector2(-3, 4.5)]),
		"packed_vector3_array": PackedVector3Array([Vector3(1, 2, 3)]),
		"packed_color_array": PackedColorArray([Color(1, 0, 0), Color(0, 0, 1, 0.5)]),
		"packed_vector4_array": PackedVector4Array([Vector4(1, 2, 3, 4)]),
	}


# Why `got` is not `want` as far as a Godot game can tell, or "" when it is.
static func difference(got: Variant, want: Variant) -> String:
	if typeof(got) != typeof(want):
		return "got a %s, expected a %s" % [type_string(typeof(got)), type_string(typeof(want))]
	if got != want:
		return "got %s, expected %s" % [var_to_str(got).c_escape(), var_to_str(want).c_escape()]
	if (got is Array or got is Dictionary) and not got.is_same_typed(want):
		return "got %s, whose element types are not those of %s" % [var_to_str(got).c_escape(), var_to_str(want).c_escape()]
	return ""


func take(packet: PackedByteArray) -> String:
	parts.append(packet)
	if parts.size() < 3:
		return ""
	var name: Variant = bytes_to_var(parts[0])
	var value: Variant = bytes_to_var(parts[1])
	var text: Variant = bytes_to_var(parts[2])
	parts.clear()
	if not expected.has(name):
		value_failures.append("unexpected name %s" % [name])
		return "unexpected name"
	seen[name] = true
	var problems := PackedStringArray()
	var why := difference(value, expected[name])
	if why != "":
		value_failures.append("%s: %s" % [name, why])
		problems.append("value " + why)
	why = difference(str_to_var(text) if text is String else null, expected[name])
	if why != "":
		text_failures.append("%s: %s parsed to something else: %s" % [name, str(text).c_escape(), why])
		problems.append("text " + why)
	return "ok" if problems.is_empty() else "; ".join(problems)


# Prints the two cases; returns how many failed.
func finish() -> int:
	var missing: Array = expected.keys().filter(func(name: String) -> bool: return not seen.has(name))
	if not missing.is_empty():
		var what := "none of them arrived" if seen.is_empty() else "%s never arrived" % ", ".join(PackedStringArray(missing))
		value_failures.append(what)
		text_failures.append(what)
	var cases := {
		"Quickdot-built values -> Godot: typeof() and == for %d values" % expected.size(): value_failures,
		"Quickdot var_to_str -> Godot str_to_var: %d texts parse to the same values" % expected.size(): text_failures,
	}
	for case_name: String in cases:
		var wrong: PackedStringArray = cases[case_name]
		print("PASS " + case_name if wrong.is_empty() else "FAIL %s: %s" % [case_name, ", ".join(wrong)])
	return cases.values().filter(func(wrong: PackedStringArray) -> bool: return not wrong.is_empty()).size()
