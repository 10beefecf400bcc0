// The utility functions (var_to_str/str_to_var above all) and the API dump, which lists them: its
// case shares the dump test class below with var_to_str's object case.

#include "core/extension/extension_api_dump.h"
#include "core/object/class_db.h"
#include "core/object/ref_counted.h"
#include "core/variant/variant_utility.h"

#include "helpers/output_capture.h"

#include <doctest/doctest.h>

#include <unistd.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace godot {
namespace {

// A class exercising every kind of member the dump writes.
class UtilityDumpTestClass : public RefCounted {
	GDCLASS(UtilityDumpTestClass, RefCounted)

	int value = 0;

protected:
	static void _bind_methods();

public:
	enum Mode {
		MODE_IDLE,
		MODE_BUSY = 4,
	};
	enum {
		TEST_CONSTANT = 7,
	};

	Error bind(int p_port, const String &p_address, int p_size, bool p_flag, double p_scale, Mode p_mode) { return OK; }
	void configure(const StringName &p_tag, const Vector2 &p_offset, const Array &p_items, const Dictionary &p_options) {}
	static Ref<UtilityDumpTestClass> make(const String &p_name, const Ref<RefCounted> &p_other) { return Ref<UtilityDumpTestClass>(); }
	void set_value(int p_value) { value = p_value; }
	int get_value() const { return value; }
	int extra() const { return 1; }
};

// Kept out of scripts, so out of the dump.
class UtilityHiddenTestClass : public Object {
	GDCLASS(UtilityHiddenTestClass, Object)

protected:
	static void _bind_methods() {}
};

} // namespace
} // namespace godot

VARIANT_ENUM_CAST(UtilityDumpTestClass::Mode)

namespace godot {
namespace {

void UtilityDumpTestClass::_bind_methods() {
	ClassDB::bind_method(D_METHOD("bind", "port", "bind_address", "recv_buf_size", "flag", "scale", "mode"), &UtilityDumpTestClass::bind,
			DEFVAL("*"), DEFVAL(65536), DEFVAL(false), DEFVAL(1.0), DEFVAL(MODE_IDLE));
	ClassDB::bind_method(D_METHOD("configure", "tag", "offset", "items", "options"), &UtilityDumpTestClass::configure,
			DEFVAL(StringName("idle")), DEFVAL(Vector2()), DEFVAL(Array()), DEFVAL(Dictionary()));
	ClassDB::bind_static_method("UtilityDumpTestClass", D_METHOD("make", "name", "other"), &UtilityDumpTestClass::make, DEFVAL(Variant()));
	ClassDB::bind_method(D_METHOD("set_value", "value"), &UtilityDumpTestClass::set_value);
	ClassDB::bind_method(D_METHOD("get_value"), &UtilityDumpTestClass::get_value);
	ClassDB::bind_method(D_METHOD("extra"), &UtilityDumpTestClass::extra)->set_quickdot_extension();
	ClassDB::add_virtual_method(get_class_static(), MethodInfo("_tick", PropertyInfo(Variant::FLOAT, "delta")));
	ADD_SIGNAL(MethodInfo("changed", PropertyInfo(Variant::INT, "value")));
	ADD_PROPERTY(PropertyInfo(Variant::INT, "value"), "set_value", "get_value");
	BIND_ENUM_CONSTANT(MODE_IDLE);
	BIND_ENUM_CONSTANT(MODE_BUSY);
	BIND_CONSTANT(TEST_CONSTANT);
}

static void register_fixture_classes() {
	static bool registered = false;
	if (registered) {
		return;
	}
	registered = true;
	ClassDB::register_class<UtilityDumpTestClass>();
	ClassDB::set_class_quickdot_extension("UtilityDumpTestClass");
	ClassDB::register_class<UtilityHiddenTestClass>();
	ClassDB::set_class_exposed("UtilityHiddenTestClass", false);
}

static Variant call_utility(const char *p_name, std::vector<Variant> p_args) {
	register_fixture_classes();
	const UtilityFunctionInfo *function = UtilityFunctions::get(p_name);
	REQUIRE(function != nullptr);
	std::vector<const Variant *> pointers;
	for (const Variant &argument : p_args) {
		pointers.push_back(&argument);
	}
	CallError error;
	Variant result = function->function(pointers.data(), int(pointers.size()), error);
	CHECK(error.error == CallError::CALL_OK);
	return result;
}

static String to_text(const Variant &p_value) {
	return call_utility("var_to_str", { p_value }).to_string_value();
}

static Variant from_text(const String &p_text) {
	return call_utility("str_to_var", { p_text });
}

TEST_CASE("[Utility] var_to_str writes Godot's text format") {
	CHECK(to_text(Variant()) == "null");
	CHECK(to_text(true) == "true");
	CHECK(to_text(false) == "false");
	CHECK(to_text(42) == "42");
	CHECK(to_text(int64_t(-9223372036854775807LL - 1)) == "-9223372036854775808");
	CHECK(to_text(1.0) == "1.0");
	CHECK(to_text(-0.0) == "0.0");
	CHECK(to_text(0.1) == "0.1");
	CHECK(to_text(1e300) == "1e+300");
	CHECK(to_text(100000.0) == "100000.0");
	CHECK(to_text(-5.2e8) == "-520000000.0");
	CHECK(to_text(1e15) == "1e+15");
	CHECK(to_text(123456789012345.0) == "123456789012345.0");
	CHECK(to_text(1.5e16) == "1.5e+16");
	CHECK(to_text(0.0001) == "0.0001");
	CHECK(to_text(0.00001) == "1e-05");
	CHECK(to_text(-1.25e-7) == "-1.25e-07");
	CHECK(to_text(123456.789) == "123456.789");
	CHECK(to_text(1.0 / 3.0) == "0.3333333333333333");
	CHECK(to_text(double(0.1f)) == "0.1"); // A value a float holds exactly gets a float's digits, as in Godot.
	CHECK(to_text(INFINITY) == "inf");
	CHECK(to_text(-INFINITY) == "inf_neg");
	CHECK(to_text(NAN) == "nan");
	CHECK(to_text("say \"hi\"\\\n") == "\"say \\\"hi\\\"\\\\\n\"");
	CHECK(to_text(StringName("idle")) == "&\"idle\"");
	CHECK(to_text(NodePath("a/b:c")) == "NodePath(\"a/b:c\")");
	CHECK(to_text(Vector2{ 1, 2.5f }) == "Vector2(1, 2.5)");
	CHECK(to_text(Vector2{ 0.1f, -0.0f }) == "Vector2(0.1, 0)");
	CHECK(to_text(Vector2i{ 1, -2 }) == "Vector2i(1, -2)");
	CHECK(to_text(Vector3{ 1, 2, 3 }) == "Vector3(1, 2, 3)");
	CHECK(to_text(Vector3i{ 4, 5, 6 }) == "Vector3i(4, 5, 6)");
	CHECK(to_text(Color{ 1, 0.5f, 0, 1 }) == "Color(1, 0.5, 0, 1)");
	Array array;
	array.push_back(1);
	array.push_back("a");
	array.push_back(Array());
	CHECK(to_text(array) == "[1, \"a\", []]");
	CHECK(to_text(Dictionary()) == "{}");
	Dictionary dictionary;
	dictionary.set("b", 1);
	dictionary.set(2, Vector2i{ 3, 4 });
	// Keys are written sorted as Godot sorts them: by type first (int before String), then by value.
	CHECK(to_text(dictionary) == "{\n2: Vector2i(3, 4),\n\"b\": 1\n}");
	CHECK(to_text(PackedByteArray(std::vector<uint8_t>{ 1, 2, 255 })) == "PackedByteArray(1, 2, 255)");
	CHECK(to_text(PackedByteArray()) == "PackedByteArray()");
	CHECK(to_text(PackedInt32Array(std::vector<int32_t>{ -1, 2 })) == "PackedInt32Array(-1, 2)");
	CHECK(to_text(PackedInt64Array(std::vector<int64_t>{ 1LL << 40 })) == "PackedInt64Array(1099511627776)");
	CHECK(to_text(PackedFloat32Array(std::vector<float>{ 1, 0.25f })) == "PackedFloat32Array(1, 0.25)");
	CHECK(to_text(PackedFloat64Array(std::vector<double>{ 0.1, 2 })) == "PackedFloat64Array(0.1, 2)");
	CHECK(to_text(PackedStringArray(std::vector<String>{ "a", "b\"c" })) == "PackedStringArray(\"a\", \"b\\\"c\")");
}

TEST_CASE("[Utility] str_to_var reads back every type var_to_str writes") {
	Array nested;
	nested.push_back(1.5);
	nested.push_back(StringName("n"));
	Array array;
	array.push_back(nested);
	array.push_back(Variant());
	Dictionary dictionary;
	dictionary.set("key", array);
	dictionary.set(7, Color{ 0.1f, 0.2f, 0.3f, 0.4f });
	dictionary.set(Vector2i{ 1, 2 }, "vector key");
	dictionary.set(StringName("sn"), NodePath("/root/a"));
	const std::vector<Variant> values = {
		Variant(),
		true,
		false,
		0,
		-123456789012345LL,
		int64_t(INT64_MAX),
		1.0,
		-2.5,
		0.1,
		1.0 / 3.0,
		1e-300,
		6.02214076e23,
		"",
		"plain",
		"quotes \" and \\ backslash\nnewline\ttab \x01 and ünïcødé 🎲",
		StringName("name with \"quotes\"\n"),
		NodePath("a/b:c"),
		NodePath("/root/node"),
		Vector2{ 1, 2 },
		Vector2{ 0.1f, -1e-7f },
		Vector2i{ INT32_MIN, INT32_MAX },
		Vector3{ 1.5f, -0.5f, 1e30f },
		Vector3i{ 1, 2, 3 },
		Color{ 1, 0.5f, 0.25f, 0.75f },
		Array(),
		array,
		Dictionary(),
		dictionary,
		PackedByteArray(std::vector<uint8_t>{ 0, 1, 255 }),
		PackedByteArray(),
		PackedInt32Array(std::vector<int32_t>{ INT32_MIN, 0, INT32_MAX }),
		PackedInt64Array(std::vector<int64_t>{ INT64_MIN, INT64_MAX }),
		PackedFloat32Array(std::vector<float>{ 0.1f, -3.0f, 1e-30f }),
		PackedFloat64Array(std::vector<double>{ 0.1, 1.0 / 3.0 }),
		PackedStringArray(std::vector<String>{ "a", "b\"c", "" }),
	};
	for (const Variant &value : values) {
		const String text = to_text(value);
		CAPTURE(text);
		const Variant back = from_text(text);
		CHECK(back.get_type() == value.get_type());
		CHECK(back == value);
		CHECK(to_text(back) == text);
	}
	// Infinities and NaN come back too (NaN never compares equal, so check it apart).
	CHECK(from_text("inf").to_float() == INFINITY);
	CHECK(from_text("inf_neg").to_float() == -INFINITY);
	CHECK(from_text("-inf").to_float() == -INFINITY);
	CHECK(std::isnan(from_text("nan").to_float()));
}

TEST_CASE("[Utility] str_to_var accepts Godot's other spellings") {
	CHECK(from_text("  [1, 2,] ; a comment").to_array().size() == 2);
	CHECK(from_text("{ \"a\": 1, }").to_dictionary().size() == 1);
	CHECK(from_text("^\"a/b\"") == Variant(NodePath("a/b")));
	CHECK(from_text("StringName(\"x\")") == Variant(StringName("x")));
	CHECK(from_text("\"\\u00e9\\U01F3B2\\uD83C\\uDFB2\"") == Variant("é🎲🎲"));
	CHECK(from_text("PackedByteArray(\"AQL/\")") == Variant(PackedByteArray(std::vector<uint8_t>{ 1, 2, 255 })));
	CHECK(from_text("1e3").get_type() == Variant::FLOAT);
	CHECK(from_text("Vector2(1, 2.5)") == Variant(Vector2{ 1, 2.5f }));
	CHECK(from_text("\"multi\nline\"") == Variant("multi\nline"));
	CHECK(from_text("Vector2(1e300, -1e300)") == Variant(Vector2{ INFINITY, -INFINITY })); // Out of float range.
	CHECK(from_text("1e999").to_float() == INFINITY);
	// Godot 3's names, which Godot 4.6's parser still reads.
	CHECK(from_text("Quat(0, 0, 0, 1)") == Variant(Quaternion()));
	CHECK(from_text("Matrix3(1, 0, 0, 0, 1, 0, 0, 0, 1)") == Variant(Basis()));
	CHECK(from_text("Transform(1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0)") == Variant(Transform3D()));
	CHECK(from_text("Matrix32(1, 0, 0, 1, 0, 0)") == Variant(Transform2D()));
	CHECK(from_text("Rect3(1, 2, 3, 4, 5, 6)") == Variant(AABB{ { 1, 2, 3 }, { 4, 5, 6 } }));
	CHECK(from_text("PoolVector2Array(1, 2)") == Variant(PackedVector2Array(std::vector<Vector2>{ { 1, 2 } })));
	CHECK(from_text("IntArray(1, 2)") == Variant(PackedInt32Array(std::vector<int32_t>{ 1, 2 })));
	// Colours as HTML hex, empty RIDs, and the values Godot writes without contents.
	CHECK(from_text("#ff8000") == Variant(Color{ 1, 128 / 255.0f, 0, 1 }));
	CHECK(from_text("#f008") == Variant(Color{ 1, 0, 0, 136 / 255.0f }));
	CHECK(from_text("RID()") == Variant(RID()));
	CHECK(from_text("RID(42)") == Variant(RID::from_uint64(42)));
	CHECK(from_text("Signal()") == Variant(Signal()));
	CHECK(from_text("Callable()").get_type() == Variant::CALLABLE);
	// Typed containers, with Variant for an untyped side and a class name for objects.
	const Array floats = from_text("Array[float]([1, 2.5])").to_array();
	CHECK(floats.get_typed_builtin() == Variant::FLOAT);
	CHECK(floats[0].get_type() == Variant::FLOAT); // The int is converted, as Godot's typed arrays do.
	CHECK(from_text("Array[Object]([null])").to_array().get_typed_builtin() == Variant::OBJECT);
	CHECK(to_text(from_text("Array[Object]([null])")) == "Array[Object]([null])");
	CHECK(from_text("Array[RefCounted]([])").to_array().get_typed_class_name() == StringName("RefCounted"));
	const Dictionary values_typed = from_text("Dictionary[Variant, int]({\n\"a\": 1\n})").to_dictionary();
	CHECK(!values_typed.is_typed_key());
	CHECK(values_typed.get_typed_value_builtin() == Variant::INT);
	CHECK(to_text(values_typed) == "Dictionary[Variant, int]({\n\"a\": 1\n})");
}

TEST_CASE("[Utility] str_to_var returns null for bad or hostile text, without crashing") {
	const std::vector<String> bad = {
		"",
		"   ",
		"[",
		"[1, 2",
		"[1 2]",
		"{",
		"{\"a\"}",
		"{\"a\": }",
		"{\"a\": 1",
		"\"unterminated",
		"\"bad escape \\",
		"\"\\u12\"",
		"\"\\uD800\"",
		"\"\\uDC00\"",
		"\"\\U110000\"",
		"&",
		"&name",
		"^",
		"-",
		"1e",
		"1.5.5",
		"12abc",
		"99999999999999999999",
		"1 2",
		"null null",
		"garbage",
		"@",
		"\x01\x02\xff",
		"Vector2(1)",
		"Vector2(1, \"x\")",
		"Vector2(1, 2",
		"Vector2i(1.5, 2)",
		"Vector2i(4294967296, 0)",
		"Color(1, 2, 3)",
		"NodePath(1)",
		"PackedByteArray(256)",
		"PackedByteArray(-1)",
		"PackedByteArray(\"!!\")",
		"PackedInt32Array(2147483648)",
		"PackedStringArray(1)",
		"PackedFloat32Array(\"x\")",
		"Object(Node,\"name\":\"x\")",
		"Rect2(0, 0, 1)",
		"Transform2D(1, 0, 0, 1, 0)",
		"RID(-1)",
		"RID(\"x\")",
		"Signal(1)",
		"PackedVector2Array(1, 2, 3)",
		"Array[int]([1.5])",
		"Array[NoSuchType]([])",
		"Array[int]",
		"Array[int]([1]",
		"Dictionary[String, int]({\"a\": \"b\"})",
		"Dictionary[String]({})",
		"#12345",
		"#xyz",
		"Unknown(1)",
		"true(",
		String(5000, '['),
		String(5000, '{'),
		[] {
			String text;
			for (int i = 0; i < 3000; i++) {
				text += "{\"a\": [";
			}
			return text;
		}(),
		[] {
			String text;
			for (int i = 0; i < 3000; i++) {
				text += "Vector2(";
			}
			return text;
		}(),
	};
	for (const String &text : bad) {
		CAPTURE(text);
		OutputCapture capture(STDERR_FILENO);
		const Variant value = from_text(text);
		const String errors = capture.finish();
		CHECK(value.is_nil());
		CHECK(errors.rfind("ERROR: str_to_var: ", 0) == 0);
		CHECK(std::count(errors.begin(), errors.end(), '\n') == 1);
	}
	// Nesting up to the limit still works.
	CHECK(from_text(String(200, '[') + String(200, ']')).get_type() == Variant::ARRAY);
}

TEST_CASE("[Utility] str_to_var survives mutated input") {
	Dictionary dictionary;
	dictionary.set("k", PackedStringArray(std::vector<String>{ "x", "y" }));
	Array array;
	array.push_back(dictionary);
	array.push_back(Vector3{ 1, 2, 3 });
	array.push_back(Color{ 1, 1, 1, 1 });
	array.push_back("s\\t\"r");
	array.push_back(PackedByteArray(std::vector<uint8_t>{ 1, 2, 3 }));
	const String seed_text = to_text(array);
	std::mt19937 random(1234);
	OutputCapture quiet(STDERR_FILENO);
	for (int round = 0; round < 2000; round++) {
		String text = seed_text;
		const int edits = 1 + int(random() % 4);
		for (int e = 0; e < edits; e++) {
			const size_t at = random() % (text.size() + 1);
			switch (random() % 3) {
				case 0:
					text.insert(at, 1, char(random() % 256));
					break;
				case 1:
					if (at < text.size()) {
						text.erase(at, 1);
					}
					break;
				default:
					if (at < text.size()) {
						text[at] = char(random() % 256);
					}
			}
		}
		const Variant value = from_text(text);
		(void)to_text(value); // Whatever came back must be writable again.
	}
	quiet.finish();
}

TEST_CASE("[Utility] var_to_str stops at cyclic containers") {
	Array cyclic;
	cyclic.push_back(1);
	cyclic.push_back(cyclic);
	OutputCapture capture(STDERR_FILENO);
	const String text = to_text(cyclic);
	const String errors = capture.finish();
	CHECK(text.rfind("[1, [1, [1, ", 0) == 0);
	CHECK(errors.find("ERROR: var_to_str:") != String::npos);
	cyclic.clear(); // Breaks the reference cycle so nothing leaks.
}

TEST_CASE("[Utility] var_to_str writes objects in Godot's generic form") {
	register_fixture_classes();
	Ref<UtilityDumpTestClass> object(memnew(UtilityDumpTestClass));
	object->set_value(5);
	CHECK(to_text(Variant(object.ptr())) == "Object(UtilityDumpTestClass,\"value\":5)\n");
	OutputCapture capture(STDERR_FILENO);
	CHECK(from_text("Object(UtilityDumpTestClass,\"value\":5)").is_nil());
	capture.finish();
}

TEST_CASE("[Utility] print functions join their arguments without a separator") {
	{
		OutputCapture capture(STDOUT_FILENO);
		call_utility("print", { "a", 1, 2.0, Variant(), Vector2i{ 1, 2 } });
		CHECK(capture.finish() == "a12.0<null>(1, 2)\n");
	}
	{
		OutputCapture capture(STDOUT_FILENO);
		call_utility("print", {});
		CHECK(capture.finish() == "\n");
	}
	{
		OutputCapture capture(STDERR_FILENO);
		call_utility("printerr", { "bad ", 7 });
		call_utility("push_error", { "oops ", true });
		call_utility("push_warning", { "careful", 1.5 });
		CHECK(capture.finish() == "bad 7\nERROR: oops true\nWARNING: careful1.5\n");
	}
}

TEST_CASE("[Utility] error_string, type_string, randi, randf, is_instance_valid") {
	CHECK(call_utility("error_string", { int(OK) }) == Variant("OK"));
	CHECK(call_utility("error_string", { int(ERR_TIMEOUT) }) == Variant("Timeout"));
	CHECK(call_utility("error_string", { 999 }) == Variant("(invalid error code)"));
	CHECK(call_utility("error_string", { -1 }) == Variant("(invalid error code)"));
	CHECK(call_utility("type_string", { int(Variant::INT) }) == Variant("int"));
	CHECK(call_utility("type_string", { int(Variant::PACKED_BYTE_ARRAY) }) == Variant("PackedByteArray"));
	{
		OutputCapture capture(STDERR_FILENO);
		CHECK(call_utility("type_string", { 1000 }) == Variant("<invalid type>"));
		CHECK(capture.finish().rfind("ERROR: type_string:", 0) == 0);
	}
	for (int i = 0; i < 100; i++) {
		const int64_t r = call_utility("randi", {}).to_int();
		CHECK(r >= 0);
		CHECK(r <= int64_t(UINT32_MAX));
		const Variant f = call_utility("randf", {});
		CHECK(f.get_type() == Variant::FLOAT);
		CHECK(f.to_float() >= 0.0);
		CHECK(f.to_float() < 1.0);
	}
	Object *object = memnew(Object);
	const Variant held(object);
	CHECK(call_utility("is_instance_valid", { held }) == Variant(true));
	memdelete(object);
	CHECK(call_utility("is_instance_valid", { held }) == Variant(false));
	CHECK(call_utility("is_instance_valid", { Variant() }) == Variant(false));
	CHECK(call_utility("is_instance_valid", { 5 }) == Variant(false));

	// A wrong argument count is reported, not read past.
	CallError error;
	UtilityFunctions::get("error_string")->function(nullptr, 0, error);
	CHECK(error.error == CallError::CALL_ERROR_TOO_FEW_ARGUMENTS);
}

TEST_CASE("[Utility] var_to_bytes and bytes_to_var go through marshalls") {
	const Variant bytes = call_utility("var_to_bytes", { 1 });
	CHECK(bytes == Variant(PackedByteArray(std::vector<uint8_t>{ 2, 0, 0, 0, 1, 0, 0, 0 })));
	CHECK(call_utility("bytes_to_var", { bytes }) == Variant(1));
}

TEST_CASE("[ExtensionAPI] the dump is Godot's format") {
	register_fixture_classes();
	const String json = get_extension_api_json();
	REQUIRE(!json.empty());

	// Header and layout.
	CHECK(json.rfind("{\n\t\"header\": {\n\t\t\"version_major\": 4,\n\t\t\"version_minor\": 6,\n\t\t\"version_patch\": 3,\n"
					 "\t\t\"version_status\": \"stable\",\n\t\t\"version_build\": \"quickdot\",\n"
					 "\t\t\"version_full_name\": \"Quickdot (Godot-compatible) v4.6.3.stable\",\n\t\t\"precision\": \"single\"\n\t},\n",
				  0) == 0);
	CHECK(json.find("\"name\": \"ERR_PRINTER_ON_FIRE\",\n\t\t\t\t\t\"value\": 48") != String::npos);
	CHECK(get_extension_api_json() == json); // Deterministic.

	// Default values, formatted as in Godot's dump.
	CHECK(json.find("\"name\": \"bind_address\",\n\t\t\t\t\t\t\t\"type\": \"String\",\n\t\t\t\t\t\t\t\"default_value\": \"\\\"*\\\"\"") != String::npos);
	CHECK(json.find("\"default_value\": \"65536\"") != String::npos);
	CHECK(json.find("\"default_value\": \"false\"") != String::npos);
	CHECK(json.find("\"default_value\": \"1.0\"") != String::npos);
	CHECK(json.find("\"type\": \"enum::UtilityDumpTestClass.Mode\",\n\t\t\t\t\t\t\t\"default_value\": \"0\"") != String::npos);
	CHECK(json.find("\"type\": \"RefCounted\",\n\t\t\t\t\t\t\t\"default_value\": \"null\"") != String::npos);
	CHECK(json.find("\"default_value\": \"&\\\"idle\\\"\"") != String::npos);
	CHECK(json.find("\"default_value\": \"Vector2(0, 0)\"") != String::npos);
	CHECK(json.find("\"default_value\": \"[]\"") != String::npos);
	CHECK(json.find("\"default_value\": \"{}\"") != String::npos);

	// Utility functions as in the reference.
	CHECK(json.find("{\n\t\t\t\"name\": \"print\",\n\t\t\t\"category\": \"general\",\n\t\t\t\"is_vararg\": true,\n"
					"\t\t\t\"arguments\": [\n\t\t\t\t{\n\t\t\t\t\t\"name\": \"arg1\",\n\t\t\t\t\t\"type\": \"Variant\"\n\t\t\t\t}\n\t\t\t]\n\t\t}") != String::npos);
	CHECK(json.find("{\n\t\t\t\"name\": \"randi\",\n\t\t\t\"return_type\": \"int\",\n\t\t\t\"category\": \"random\",\n\t\t\t\"is_vararg\": false\n\t\t}") != String::npos);

	// Classes.
	CHECK(json.find("\"name\": \"UtilityHiddenTestClass\"") == String::npos);
	CHECK(json.find("{\n\t\t\t\"name\": \"Object\",\n\t\t\t\"is_refcounted\": false,\n\t\t\t\"is_instantiable\": true,\n\t\t\t\"api_type\": \"core\"") != String::npos);
	CHECK(json.find("\"name\": \"OS\",\n\t\t\t\"is_refcounted\": false,\n\t\t\t\"is_instantiable\": true,\n\t\t\t\"inherits\": \"Object\"") != String::npos);
	CHECK(json.find("\"name\": \"extra\",\n\t\t\t\t\t\"is_const\": true,\n\t\t\t\t\t\"is_vararg\": false,\n\t\t\t\t\t\"is_static\": false,\n"
					"\t\t\t\t\t\"is_virtual\": false,\n\t\t\t\t\t\"quickdot_extension\": true,") != String::npos);
	CHECK(json.find("\"name\": \"_tick\",\n\t\t\t\t\t\"is_const\": false,\n\t\t\t\t\t\"is_static\": false,\n\t\t\t\t\t\"is_required\": false,\n"
					"\t\t\t\t\t\"is_vararg\": false,\n\t\t\t\t\t\"is_virtual\": true,") != String::npos);
	CHECK(json.find("\"name\": \"make\",\n\t\t\t\t\t\"is_const\": false,\n\t\t\t\t\t\"is_vararg\": false,\n\t\t\t\t\t\"is_static\": true,") != String::npos);
	CHECK(json.find("{\n\t\t\t\t\t\"type\": \"int\",\n\t\t\t\t\t\"name\": \"max_fps\",\n\t\t\t\t\t\"setter\": \"set_max_fps\",\n\t\t\t\t\t\"getter\": \"get_max_fps\"\n\t\t\t\t}") != String::npos);
	CHECK(json.find("\t\t\t\"quickdot_extension\": true\n\t\t}") != String::npos);
	// Sorted by name.
	CHECK(json.find("\"name\": \"Engine\",\n\t\t\t\"is_refcounted\"") < json.find("\"name\": \"OS\",\n\t\t\t\"is_refcounted\""));
	CHECK(json.find("\"name\": \"OS\",\n\t\t\t\"is_refcounted\"") < json.find("\"name\": \"Time\",\n\t\t\t\"is_refcounted\""));
	CHECK(json.find("{\n\t\t\t\"name\": \"OS\",\n\t\t\t\"type\": \"OS\"\n\t\t}") != String::npos);

	// The file is valid JSON with the expected structure (checked with Python when available).
	char path[] = "/tmp/quickdot_api_XXXXXX";
	const int fd = mkstemp(path);
	REQUIRE(fd >= 0);
	close(fd);
	CHECK(generate_extension_api(path) == OK);
	std::ifstream file(path);
	std::stringstream written;
	written << file.rdbuf();
	CHECK(written.str() == json);
	if (system("command -v python3 >/dev/null 2>&1") == 0) {
		const String check = String("python3 -c '\n"
									"import json, sys\n"
									"d = json.load(open(sys.argv[1]))\n"
									"assert list(d) == [\"header\", \"global_enums\", \"utility_functions\", \"classes\", \"singletons\"]\n"
									"assert len(d[\"global_enums\"][0][\"values\"]) == 49\n"
									"names = [c[\"name\"] for c in d[\"classes\"]]\n"
									"assert names == sorted(names)\n"
									"c = [c for c in d[\"classes\"] if c[\"name\"] == \"UtilityDumpTestClass\"][0]\n"
									"m = {x[\"name\"]: x for x in c[\"methods\"]}\n"
									"assert [a.get(\"default_value\") for a in m[\"bind\"][\"arguments\"]] == [None, \"\\\"*\\\"\", \"65536\", \"false\", \"1.0\", \"0\"]\n"
									"assert m[\"bind\"][\"return_value\"] == {\"type\": \"enum::Error\"}\n"
									"assert c[\"enums\"][0][\"values\"][1] == {\"name\": \"MODE_BUSY\", \"value\": 4}\n"
									"assert c[\"constants\"] == [{\"name\": \"TEST_CONSTANT\", \"value\": 7}]\n"
									"assert c[\"signals\"] == [{\"name\": \"changed\", \"arguments\": [{\"name\": \"value\", \"type\": \"int\"}]}]\n"
									"' ") +
				path;
		CHECK(system(check.c_str()) == 0);
	}
	unlink(path);

	OutputCapture capture(STDERR_FILENO);
	CHECK(generate_extension_api("/nonexistent-dir/extension_api.json") == ERR_FILE_CANT_WRITE);
	CHECK(capture.finish().rfind("ERROR: --dump-extension-api: cannot create '/nonexistent-dir/extension_api.json'", 0) == 0);
}

} // namespace
} // namespace godot
