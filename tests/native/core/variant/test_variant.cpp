// The Variant of every Godot 4.6 type: storage and accessors, value semantics of the shared
// storage, typed Array and Dictionary, equality and hashing, and print()'s text (stringify).

#include "core/io/marshalls.h"
#include "core/variant/variant_parser.h"
#include "helpers/output_capture.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <cmath>
#include <utility>
#include <vector>

using namespace godot;

TEST_CASE("[Variant] holds every Godot 4.6 type, with Godot's names and defaults") {
	CHECK(sizeof(Variant) <= 64);
	for (int type = Variant::NIL; type < Variant::VARIANT_MAX; type++) {
		CAPTURE(type);
		const Variant value = Variant::construct_default(Variant::Type(type));
		// A null object reads as null, as a Variant holding a freed one does.
		CHECK(value.get_type() == (type == Variant::OBJECT ? Variant::NIL : Variant::Type(type)));
	}
	CHECK(String(Variant::get_type_name(Variant::TRANSFORM3D)) == "Transform3D");
	CHECK(String(Variant::get_type_name(Variant::PACKED_VECTOR4_ARRAY)) == "PackedVector4Array");
	CHECK(String(Variant::get_type_name(Variant::VARIANT_MAX)) == "<invalid type>");

	// Godot's defaults: identity matrices and quaternion, opaque black.
	CHECK(Variant::construct_default(Variant::BASIS).to_basis().rows[1].y == 1);
	CHECK(Variant::construct_default(Variant::PROJECTION).to_projection().columns[3].w == 1);
	CHECK(Variant::construct_default(Variant::QUATERNION).to_quaternion().w == 1);
	CHECK(Variant::construct_default(Variant::TRANSFORM2D).to_transform2d().columns[1].y == 1);
	CHECK(Variant::construct_default(Variant::COLOR).to_color().a == 1);

	// Each accessor gives the value back; another type gives the accessor's default.
	const Transform3D transform{ Basis{ { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } } }, Vector3{ 10, 11, 12 } };
	CHECK(Variant(transform).to_transform3d() == transform);
	CHECK(*Variant(transform).get_if<Transform3D>() == transform);
	CHECK(Variant(transform).get_if<Basis>() == nullptr);
	CHECK(Variant(1).to_transform3d() == Transform3D());
	CHECK(Variant(Rect2i{ { 1, 2 }, { 3, 4 } }).to_rect2i() == Rect2i{ { 1, 2 }, { 3, 4 } });
	CHECK(Variant(Plane{ { 0, 1, 0 }, 2 }).to_plane() == Plane{ { 0, 1, 0 }, 2 });
	CHECK(Variant(AABB{ { 1, 2, 3 }, { 4, 5, 6 } }).get_type() == Variant::AABB);
	CHECK(Variant(RID::from_uint64(5)).to_rid().get_id() == 5);
	CHECK(Variant(Signal(ObjectID(3), StringName("hit"))).to_signal().get_name() == StringName("hit"));
	CHECK(Variant(PackedColorArray(std::vector<Color>{ Color() })).to_packed_color_array().size() == 1);
	CHECK(Variant(PackedVector4Array()).get_type() == Variant::PACKED_VECTOR4_ARRAY);
}

TEST_CASE("[Variant] the shared Projection storage keeps value semantics") {
	Projection projection;
	projection.columns[2].z = 5;
	Variant a(projection);
	Variant b = a;
	CHECK(b.get_if<Projection>() == a.get_if<Projection>()); // Shared, not copied.
	b = Variant(Projection());
	CHECK(a.to_projection().columns[2].z == 5);
	CHECK(b.to_projection().columns[2].z == 1);
	Variant moved = std::move(a);
	CHECK(moved.to_projection().columns[2].z == 5);
	CHECK(a.get_type() == Variant::PROJECTION); // A moved-from Variant still reads safely.
	CHECK(a.to_projection().columns[2].z == 5);
}

TEST_CASE("[Variant] equality, hashing and truth of the new types") {
	CHECK(Variant(Vector4{ 1, 2, 3, 4 }) == Variant(Vector4{ 1, 2, 3, 4 }));
	CHECK(Variant(Vector4{ 1, 2, 3, 4 }) != Variant(Vector4i{ 1, 2, 3, 4 }));
	CHECK(Variant(Basis()).hash() == Variant(Basis()).hash());
	CHECK(Variant(Projection()) == Variant(Projection()));
	CHECK(Variant(Signal(ObjectID(1), StringName("a"))) != Variant(Signal(ObjectID(2), StringName("a"))));
	CHECK(!Variant(RID()).booleanize());
	CHECK(Variant(RID::from_uint64(1)).booleanize());
	CHECK(!Variant(Signal()).booleanize());
	CHECK(Variant(Transform3D()).booleanize());

	// Dictionaries compare, and so hash, regardless of insertion order.
	Dictionary ab, ba;
	ab.set("a", 1);
	ab.set("b", 2);
	ba.set("b", 2);
	ba.set("a", 1);
	CHECK(Variant(ab) == Variant(ba));
	CHECK(Variant(ab).hash() == Variant(ba).hash());
}

TEST_CASE("[Variant] Dictionary keys follow Godot's rules, not ==") {
	// What Godot 4.6.3 gives for the same insertions: 8 keys.
	Dictionary keys;
	keys.set(1, "int");
	keys.set(1.0, "float"); // A key's type is part of it.
	keys.set(std::nan(""), "nan1");
	keys.set(-std::nan(""), "nan2"); // Every NaN is one key...
	keys.set(0.0, "zero");
	keys.set(-0.0, "negzero"); // ...and -0.0 is 0.0.
	keys.set(String("s"), "string");
	keys.set(StringName("s"), "stringname"); // The same text is one key; the first key's type stays.
	keys.set(Vector2{ NAN, 1 }, "v1");
	keys.set(Vector2{ NAN, 1 }, "v2");
	Array float_element, int_element;
	float_element.push_back(1.0);
	int_element.push_back(1);
	keys.set(float_element, "a1");
	keys.set(int_element, "a2");
	CHECK(keys.size() == 8);
	CHECK(keys.get(std::nan(""), Variant()) == Variant("nan2"));
	CHECK(keys.get(-0.0, Variant()) == Variant("negzero"));
	CHECK(keys.get(StringName("s"), Variant()) == Variant("stringname"));
	CHECK(keys.entries()[4].first.get_type() == Variant::STRING);
	CHECK(keys.get(Vector2{ -NAN, 1 }, Variant()) == Variant("v2"));
	CHECK(keys.get(1, Variant()) == Variant("int"));
	CHECK(keys.get(1.0, Variant()) == Variant("float"));
	CHECK(Variant(PackedFloat32Array({ NAN })).is_same_key(Variant(PackedFloat32Array({ -NAN }))));
	CHECK(Variant(PackedFloat32Array({ NAN })).hash() == Variant(PackedFloat32Array({ -NAN })).hash());
}

TEST_CASE("[Variant] typed Array: element type travels with the array and is enforced") {
	Array numbers;
	CHECK(!numbers.is_typed());
	CHECK(numbers.get_typed_builtin() == Variant::NIL);
	numbers.set_typed(Variant::FLOAT, StringName());
	CHECK(numbers.is_typed());
	CHECK(numbers.get_typed_builtin() == Variant::FLOAT);
	const Array shared = numbers;
	CHECK(shared.get_typed_builtin() == Variant::FLOAT); // Shared like the elements.
	numbers.push_back(2); // An int becomes a float, as in Godot.
	CHECK(numbers[0].get_type() == Variant::FLOAT);
	numbers.resize(2);
	CHECK(numbers[1].get_type() == Variant::FLOAT);

	OutputCapture capture(STDERR_FILENO);
	numbers.push_back("not a number");
	numbers.set(0, Vector2());
	numbers.set_typed(Variant::INT, StringName()); // Not empty, and typed already.
	Array objects;
	objects.set_typed(Variant::INT, StringName("Node")); // A class name needs OBJECT.
	const String errors = capture.finish();
	CHECK(numbers.size() == 2);
	CHECK(numbers[0] == Variant(2.0));
	CHECK(numbers.get_typed_builtin() == Variant::FLOAT);
	CHECK(!objects.is_typed());
	size_t reported = 0;
	for (size_t at = errors.find("ERROR: "); at != String::npos; at = errors.find("ERROR: ", at + 1)) {
		reported++;
	}
	CHECK(reported == 4);
	CHECK(errors.find("Array[float].push_back: a String value does not fit") != String::npos);

	// Typing is part of equality: Array[float]([2.0, 0.0]) is not [2.0, 0.0].
	Array untyped;
	untyped.push_back(2.0);
	untyped.push_back(0.0);
	CHECK(Variant(numbers) != Variant(untyped));
	Array typed_too;
	typed_too.set_typed(Variant::FLOAT, StringName());
	typed_too.push_back(2.0);
	typed_too.push_back(0.0);
	CHECK(Variant(numbers) == Variant(typed_too));
}

TEST_CASE("[Variant] typed Dictionary: key and value types, enforced on set") {
	Dictionary scores;
	scores.set_typed(Variant::STRING, StringName(), Variant::INT, StringName());
	CHECK(scores.is_typed());
	CHECK(scores.is_typed_key());
	CHECK(scores.is_typed_value());
	CHECK(scores.get_typed_key_builtin() == Variant::STRING);
	CHECK(scores.get_typed_value_builtin() == Variant::INT);
	CHECK(scores.get_typed_value_class_name().is_empty());
	scores.set(StringName("a"), 1); // A StringName key becomes a String, as in Godot.
	CHECK(scores.entries()[0].first.get_type() == Variant::STRING);
	OutputCapture capture(STDERR_FILENO);
	scores.set(1, 1);
	scores.set("b", "x");
	const String errors = capture.finish();
	CHECK(scores.size() == 1);
	CHECK(errors.find("Dictionary[String, int].set") != String::npos);

	Dictionary values_only;
	values_only.set_typed(Variant::NIL, StringName(), Variant::OBJECT, StringName("Object"));
	CHECK(values_only.is_typed());
	CHECK(!values_only.is_typed_key());
	CHECK(values_only.get_typed_value_class_name() == StringName("Object"));

	Dictionary untyped;
	untyped.set("a", 1);
	CHECK(Variant(scores) != Variant(untyped));

	// The typing survives both encodings.
	const PackedByteArray bytes = var_to_bytes(scores);
	const Dictionary decoded = bytes_to_var(bytes).to_dictionary();
	CHECK(decoded.get_typed_key_builtin() == Variant::STRING);
	CHECK(decoded.get_typed_value_builtin() == Variant::INT);
	CHECK(Variant(decoded) == Variant(scores));
	String text;
	REQUIRE(VariantWriter::write_to_string(scores, text) == OK);
	CHECK(text == "Dictionary[String, int]({\n\"a\": 1\n})");
	Variant parsed;
	String error;
	int line = 0;
	REQUIRE(VariantParser::parse_string(text, parsed, error, line) == OK);
	CHECK(parsed == Variant(scores));
}

TEST_CASE("[Variant] stringify gives print()'s text for every type, as Godot 4.6") {
	CHECK(Variant(Vector2{ 1.5f, -2.25f }).stringify() == "(1.5, -2.25)");
	CHECK(Variant(Vector2{ 1, 2 }).stringify() == "(1.0, 2.0)");
	CHECK(Variant(Vector2{ 0.70710678f, 0.1f }).stringify() == "(0.707107, 0.1)");
	CHECK(Variant(Vector2i{ 1, -2 }).stringify() == "(1, -2)");
	CHECK(Variant(Rect2{ { 1, 2 }, { 3.5f, 4 } }).stringify() == "[P: (1.0, 2.0), S: (3.5, 4.0)]");
	CHECK(Variant(Rect2i{ { 1, 2 }, { 3, 4 } }).stringify() == "[P: (1, 2), S: (3, 4)]");
	CHECK(Variant(Vector3{ 1, 2.5f, -3 }).stringify() == "(1.0, 2.5, -3.0)");
	CHECK(Variant(Transform2D()).stringify() == "[X: (1.0, 0.0), Y: (0.0, 1.0), O: (0.0, 0.0)]");
	CHECK(Variant(Vector4{ 1, 2, 3, 4.5f }).stringify() == "(1.0, 2.0, 3.0, 4.5)");
	CHECK(Variant(Vector4i{ 1, 2, 3, 4 }).stringify() == "(1, 2, 3, 4)");
	CHECK(Variant(Plane{ { 0, 1, 0 }, 2.5f }).stringify() == "[N: (0.0, 1.0, 0.0), D: 2.5]");
	CHECK(Variant(Quaternion()).stringify() == "(0, 0, 0, 1)");
	CHECK(Variant(AABB{ { 1, 2, 3 }, { 4, 5, 6 } }).stringify() == "[P: (1.0, 2.0, 3.0), S: (4.0, 5.0, 6.0)]");
	// Basis prints its columns (the axes), though it stores rows.
	const Basis basis{ { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } } };
	CHECK(Variant(basis).stringify() == "[X: (1.0, 4.0, 7.0), Y: (2.0, 5.0, 8.0), Z: (3.0, 6.0, 9.0)]");
	CHECK(Variant(Transform3D{ basis, { 10, 11, 12 } }).stringify() == "[X: (1.0, 4.0, 7.0), Y: (2.0, 5.0, 8.0), Z: (3.0, 6.0, 9.0), O: (10.0, 11.0, 12.0)]");
	CHECK(Variant(Projection()).stringify() == "[X: (1.0, 0.0, 0.0, 0.0), Y: (0.0, 1.0, 0.0, 0.0), Z: (0.0, 0.0, 1.0, 0.0), W: (0.0, 0.0, 0.0, 1.0)]");
	CHECK(Variant(Color{ 1, 0.5f, 0.25f, 0.75f }).stringify() == "(1.0, 0.5, 0.25, 0.75)");
	CHECK(Variant(Color{ 0.123456f, 0.00001f, 100, -0.5f }).stringify() == "(0.1235, 0.0, 100.0, -0.5)");
	CHECK(Variant(StringName("jump")).stringify() == "jump");
	CHECK(Variant(NodePath("/root/Main")).stringify() == "/root/Main");
	CHECK(Variant(RID::from_uint64(5)).stringify() == "RID(5)");
	CHECK(Variant(Signal(ObjectID(0), StringName("hit"))).stringify() == "null::[signal]hit");
	CHECK(Variant(Callable()).stringify() == "null::null");
	CHECK(Variant(PackedVector2Array(std::vector<Vector2>{ { 1, 2 }, { -3, 4.5f } })).stringify() == "[(1.0, 2.0), (-3.0, 4.5)]");
	CHECK(Variant(PackedColorArray(std::vector<Color>{ Color{ 1, 0, 0, 1 } })).stringify() == "[(1.0, 0.0, 0.0, 1.0)]");
	CHECK(Variant(0.1 + 0.2).stringify() == "0.3"); // 14 decimals, as Godot prints doubles.
	CHECK(Variant(3.141592653589793).stringify() == "3.14159265358979");
	CHECK(Variant(1e-5).stringify() == "0.00001");
	CHECK(Variant(-INFINITY).stringify() == "-inf");
	CHECK(Variant(NAN).stringify() == "nan");
}

TEST_CASE("[Variant] EncodedObjectAsID is bound for scripts") {
	Ref<EncodedObjectAsID> encoded = memnew(EncodedObjectAsID);
	encoded->set("object_id", int64_t(1234));
	CHECK(encoded->get_object_id() == 1234);
	CHECK(encoded->get("object_id").to_int() == 1234);
	CHECK(ClassDB::can_instantiate("EncodedObjectAsID"));
}

TEST_CASE("[Variant] types, conversions, equality and hashing") {
	CHECK(Variant().get_type() == Variant::NIL);
	CHECK(Variant(true).get_type() == Variant::BOOL);
	CHECK(Variant(int64_t(1) << 40).to_int() == int64_t(1) << 40);
	CHECK(Variant(2.5).get_type() == Variant::FLOAT);
	CHECK(Variant(3).to_float() == 3.0);
	CHECK(Variant("text").get_type() == Variant::STRING);
	CHECK(Variant(StringName("name")).get_type() == Variant::STRING_NAME);
	CHECK(Variant(NodePath("a/b:c")).to_node_path().to_string() == "a/b:c");
	CHECK(Variant(Vector2{ 1, 2 }).get_type() == Variant::VECTOR2);
	CHECK(Variant(Color{ 1, 0.5f, 0.25f, 1 }).get_type() == Variant::COLOR);
	CHECK(Variant(PackedByteArray(std::vector<uint8_t>{ 1, 2 })).get_type() == Variant::PACKED_BYTE_ARRAY);

	CHECK(Variant(1) == Variant(1.0)); // Numbers compare by value, as in Godot.
	CHECK(Variant("a") == Variant(StringName("a")));
	CHECK(Variant("a") != Variant(1));

	Array array;
	array.push_back(1);
	array.push_back("two");
	Array same_contents;
	same_contents.push_back(1);
	same_contents.push_back("two");
	CHECK(Variant(array) == Variant(same_contents));
	CHECK(Variant(array).hash() == Variant(same_contents).hash());
	Array shared = array;
	shared.push_back(3);
	CHECK(array.size() == 3); // Arrays are shared by reference.

	Dictionary dictionary;
	dictionary.set(1, "one");
	dictionary.set("key", array);
	dictionary.set(Variant(Vector2{ 1, 1 }), true);
	CHECK(dictionary.size() == 3);
	CHECK(dictionary.get(1, Variant()).to_string_value() == "one");
	CHECK(dictionary.has(Variant(Vector2{ 1, 1 })));
	CHECK(dictionary.entries()[1].first.to_string_value() == "key"); // Insertion order.
	CHECK(dictionary.erase(1));
	CHECK(dictionary.entries()[0].first.to_string_value() == "key");

	PackedByteArray bytes(std::vector<uint8_t>{ 1, 2, 3 });
	PackedByteArray copy = bytes;
	copy.set(0, 9); // Copy on write: the original keeps its value.
	CHECK(bytes[0] == 1);
	CHECK(copy[0] == 9);

	CHECK(Variant(array).stringify() == "[1, \"two\", 3]"); // Nested strings are quoted, as in Godot 4.
	CHECK(Variant("top").stringify() == "top");
	CHECK(Variant(1.0).stringify() == "1.0");
}
