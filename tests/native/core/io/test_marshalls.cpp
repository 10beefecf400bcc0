// Godot 4's binary Variant encoding: the 37 vectors made by Godot 4.6.3
// (tests/reference/godot-4.6-var-to-bytes.json), the format's corner cases, typed containers,
// objects, and hostile input (truncation, mutation, random bytes, huge declared lengths, deep
// nesting). test_variant_reference.cpp checks every other reference vector, in text too.
//
// QUICKDOT_FUZZ_ITERATIONS=<n> sets how many random and mutated inputs the robustness case tries
// (default 200000); run it with millions under ASan (scons use_asan=yes).
//
// Over 600 lines: one file per format, as Godot's tests/core/io/test_marshalls.h; the hostile-input
// cases share this file's vector readers. Splitting by type family is planned with the move of
// the native tests into folders that mirror the source tree.

#include "core/io/marshalls.h"
#include "core/io/resource.h"
#include "core/object/class_db.h"
#include "core/object/ref_counted.h"

#include "helpers/output_capture.h"
#include "helpers/reference_data.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <atomic>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>

#if defined(__SANITIZE_ADDRESS__)
#define MARSHALLS_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MARSHALLS_TEST_ASAN 1
#endif
#endif

#ifdef MARSHALLS_TEST_ASAN
// From <sanitizer/allocator_interface.h>, which GCC does not ship; libasan provides it.
extern "C" int __sanitizer_install_malloc_and_free_hooks(void (*p_malloc_hook)(const volatile void *, size_t), void (*p_free_hook)(const volatile void *));
#endif

using namespace godot;

namespace marshalls_test {

using reference_data::from_hex;
using reference_data::load_reference;
using reference_data::member_array;
using reference_data::member_text;
using reference_data::to_hex;

class MarshallsTestPayload : public RefCounted {
	GDCLASS(MarshallsTestPayload, RefCounted)

	int64_t count = 0;
	String label;
	Array items;
	Ref<MarshallsTestPayload> child;

protected:
	static void _bind_methods() {
		ClassDB::bind_method(D_METHOD("set_count", "count"), &MarshallsTestPayload::set_count);
		ClassDB::bind_method(D_METHOD("get_count"), &MarshallsTestPayload::get_count);
		ClassDB::bind_method(D_METHOD("set_label", "label"), &MarshallsTestPayload::set_label);
		ClassDB::bind_method(D_METHOD("get_label"), &MarshallsTestPayload::get_label);
		ClassDB::bind_method(D_METHOD("set_items", "items"), &MarshallsTestPayload::set_items);
		ClassDB::bind_method(D_METHOD("get_items"), &MarshallsTestPayload::get_items);
		ClassDB::bind_method(D_METHOD("set_child", "child"), &MarshallsTestPayload::set_child);
		ClassDB::bind_method(D_METHOD("get_child"), &MarshallsTestPayload::get_child);
		ADD_PROPERTY(PropertyInfo(Variant::INT, "count"), "set_count", "get_count");
		ADD_PROPERTY(PropertyInfo(Variant::STRING, "label"), "set_label", "get_label");
		ADD_PROPERTY(PropertyInfo(Variant::ARRAY, "items"), "set_items", "get_items");
		ADD_PROPERTY(PropertyInfo(Variant::OBJECT, "child", "MarshallsTestPayload"), "set_child", "get_child");
	}

public:
	void set_count(int64_t p_count) { count = p_count; }
	int64_t get_count() const { return count; }
	void set_label(const String &p_label) { label = p_label; }
	String get_label() const { return label; }
	void set_items(const Array &p_items) { items = p_items; }
	Array get_items() const { return items; }
	void set_child(const Ref<MarshallsTestPayload> &p_child) { child = p_child; }
	Ref<MarshallsTestPayload> get_child() const { return child; }
};

// Not RefCounted: whoever decodes one owns it.
class MarshallsTestPlain : public Object {
	GDCLASS(MarshallsTestPlain, Object)

	int64_t value = 0;

protected:
	static void _bind_methods() {
		ClassDB::bind_method(D_METHOD("set_value", "value"), &MarshallsTestPlain::set_value);
		ClassDB::bind_method(D_METHOD("get_value"), &MarshallsTestPlain::get_value);
		ADD_PROPERTY(PropertyInfo(Variant::INT, "value"), "set_value", "get_value");
	}

public:
	void set_value(int64_t p_value) { value = p_value; }
	int64_t get_value() const { return value; }
};

// Registered without a creator, so it cannot travel as a full object.
class MarshallsTestAbstract : public RefCounted {
	GDCLASS(MarshallsTestAbstract, RefCounted)
};

void register_test_classes() {
	static const bool registered = [] {
		ClassDB::register_class<MarshallsTestPayload>();
		ClassDB::register_class<MarshallsTestPlain>();
		ClassDB::register_abstract_class<MarshallsTestAbstract>();
		return true;
	}();
	(void)registered;
}

struct TestVector {
	String name;
	String type;
	std::vector<uint8_t> bytes;
};

String to_hex(const PackedByteArray &p_bytes) {
	return to_hex(p_bytes.ptr(), size_t(p_bytes.size()));
}

std::vector<TestVector> load_vectors() {
	const Array vectors = member_array(load_reference("godot-4.6-var-to-bytes.json"), "vectors");
	std::vector<TestVector> result;
	for (const Variant &entry : vectors) {
		const Dictionary vector = entry.to_dictionary();
		REQUIRE((vector.has("name") && vector.has("type") && vector.has("hex")));
		result.push_back(TestVector{ member_text(vector, "name"), member_text(vector, "type"), from_hex(member_text(vector, "hex")) });
	}
	return result;
}

// ---------------------------------------------------------------- Helpers

Array array_of(std::initializer_list<Variant> p_values) {
	Array array;
	for (const Variant &value : p_values) {
		array.push_back(value);
	}
	return array;
}

// The Variant each Godot vector encodes.
Variant expected_value(const String &p_name) {
	if (p_name == "null") {
		return Variant();
	} else if (p_name == "true") {
		return true;
	} else if (p_name == "false") {
		return false;
	} else if (p_name == "int_0") {
		return 0;
	} else if (p_name == "int_1") {
		return 1;
	} else if (p_name == "int_neg1") {
		return -1;
	} else if (p_name == "int_2p31") {
		return int64_t(2147483648LL);
	} else if (p_name == "int_neg_2p40") {
		return int64_t(-1099511627776LL);
	} else if (p_name == "int_max32") {
		return 2147483647;
	} else if (p_name == "float_half") {
		return 0.5;
	} else if (p_name == "float_pi") {
		return 3.141592653589793;
	} else if (p_name == "float_1e300") {
		return 1e300;
	} else if (p_name == "float_neg0") {
		return -0.0;
	} else if (p_name == "string_empty") {
		return String();
	} else if (p_name == "string_ascii") {
		return "hello";
	} else if (p_name == "string_utf8") {
		return "h\xc3\xa9llo w\xc3\xb6rld \xe2\x9c\x93";
	} else if (p_name == "string_len4") {
		return "abcd";
	} else if (p_name == "vector2") {
		return Vector2{ 1.5f, -2.25f };
	} else if (p_name == "vector3") {
		return Vector3{ 1, 2, 3 };
	} else if (p_name == "vector2i") {
		return Vector2i{ 7, -9 };
	} else if (p_name == "array_empty") {
		return Array();
	} else if (p_name == "array_mixed") {
		return array_of({ 1, "two", 3.0, Variant(), true });
	} else if (p_name == "array_nested") {
		return array_of({ array_of({ 1, 2 }), array_of({ 3, array_of({ 4 }) }) });
	} else if (p_name == "dict_empty") {
		return Dictionary();
	} else if (p_name == "dict_simple") {
		Dictionary dictionary;
		dictionary.set("a", 1);
		dictionary.set("b", "x");
		return dictionary;
	} else if (p_name == "dict_intkeys") {
		Dictionary dictionary;
		dictionary.set(1, "one");
		dictionary.set(2, array_of({ 2 }));
		return dictionary;
	} else if (p_name == "bytes_empty") {
		return PackedByteArray();
	} else if (p_name == "bytes_5") {
		return PackedByteArray(std::vector<uint8_t>{ 1, 2, 3, 4, 5 });
	} else if (p_name == "bytes_4") {
		return PackedByteArray(std::vector<uint8_t>{ 9, 8, 7, 6 });
	} else if (p_name == "int32s") {
		return PackedInt32Array(std::vector<int32_t>{ 1, -2, 3 });
	} else if (p_name == "int64s") {
		return PackedInt64Array(std::vector<int64_t>{ 1, -2, 3 });
	} else if (p_name == "float32s") {
		return PackedFloat32Array(std::vector<float>{ 0.5f, 1.5f });
	} else if (p_name == "float64s") {
		return PackedFloat64Array(std::vector<double>{ 0.25 });
	} else if (p_name == "strings") {
		return PackedStringArray(std::vector<String>{ "a", "bc", "" });
	} else if (p_name == "string_name") {
		return StringName("node_name");
	} else if (p_name == "node_path") {
		return NodePath("a/b:c");
	} else if (p_name == "color") {
		return Color{ 1, 0.5f, 0.25f, 1 };
	}
	FAIL("no expected value for vector " << p_name);
	return Variant();
}

template <typename T>
bool same_bits(const T &p_a, const T &p_b) {
	return memcmp(&p_a, &p_b, sizeof(T)) == 0;
}

template <typename T>
bool same_packed_bits(const PackedArray<T> &p_a, const PackedArray<T> &p_b) {
	return p_a.size() == p_b.size() && (p_a.size() == 0 || memcmp(p_a.ptr(), p_b.ptr(), size_t(p_a.size()) * sizeof(T)) == 0);
}

// Stricter than Variant::operator==: same types all the way down, floats compared bit for bit
// (so -0.0 and NaN count), dictionaries in insertion order.
bool same(const Variant &p_a, const Variant &p_b) {
	if (p_a.get_type() != p_b.get_type()) {
		return false;
	}
	switch (p_a.get_type()) {
		case Variant::FLOAT:
			return same_bits(p_a.to_float(), p_b.to_float());
		case Variant::VECTOR2:
			return same_bits(p_a.to_vector2(), p_b.to_vector2());
		case Variant::RECT2:
			return same_bits(p_a.to_rect2(), p_b.to_rect2());
		case Variant::VECTOR3:
			return same_bits(p_a.to_vector3(), p_b.to_vector3());
		case Variant::TRANSFORM2D:
			return same_bits(p_a.to_transform2d(), p_b.to_transform2d());
		case Variant::VECTOR4:
			return same_bits(p_a.to_vector4(), p_b.to_vector4());
		case Variant::PLANE:
			return same_bits(p_a.to_plane(), p_b.to_plane());
		case Variant::QUATERNION:
			return same_bits(p_a.to_quaternion(), p_b.to_quaternion());
		case Variant::AABB:
			return same_bits(p_a.to_aabb(), p_b.to_aabb());
		case Variant::BASIS:
			return same_bits(p_a.to_basis(), p_b.to_basis());
		case Variant::TRANSFORM3D:
			return same_bits(p_a.to_transform3d(), p_b.to_transform3d());
		case Variant::PROJECTION:
			return same_bits(p_a.to_projection(), p_b.to_projection());
		case Variant::COLOR:
			return same_bits(p_a.to_color(), p_b.to_color());
		case Variant::PACKED_VECTOR2_ARRAY:
			return same_packed_bits(*p_a.get_if<PackedVector2Array>(), *p_b.get_if<PackedVector2Array>());
		case Variant::PACKED_VECTOR3_ARRAY:
			return same_packed_bits(*p_a.get_if<PackedVector3Array>(), *p_b.get_if<PackedVector3Array>());
		case Variant::PACKED_COLOR_ARRAY:
			return same_packed_bits(*p_a.get_if<PackedColorArray>(), *p_b.get_if<PackedColorArray>());
		case Variant::PACKED_VECTOR4_ARRAY:
			return same_packed_bits(*p_a.get_if<PackedVector4Array>(), *p_b.get_if<PackedVector4Array>());
		case Variant::PACKED_FLOAT32_ARRAY:
			return same_packed_bits(*p_a.get_if<PackedFloat32Array>(), *p_b.get_if<PackedFloat32Array>());
		case Variant::PACKED_FLOAT64_ARRAY:
			return same_packed_bits(*p_a.get_if<PackedFloat64Array>(), *p_b.get_if<PackedFloat64Array>());
		case Variant::ARRAY: {
			const Array a = p_a.to_array(), b = p_b.to_array();
			if (a.size() != b.size() || a.get_element_type() != b.get_element_type()) {
				return false;
			}
			for (int64_t i = 0; i < a.size(); i++) {
				if (!same(a[i], b[i])) {
					return false;
				}
			}
			return true;
		}
		case Variant::DICTIONARY: {
			const Dictionary &a_dictionary = *p_a.get_if<Dictionary>();
			const Dictionary &b_dictionary = *p_b.get_if<Dictionary>();
			if (a_dictionary.get_key_type() != b_dictionary.get_key_type() || a_dictionary.get_value_type() != b_dictionary.get_value_type()) {
				return false;
			}
			const auto &a = a_dictionary.entries();
			const auto &b = b_dictionary.entries();
			if (a.size() != b.size()) {
				return false;
			}
			for (size_t i = 0; i < a.size(); i++) {
				if (!same(a[i].first, b[i].first) || !same(a[i].second, b[i].second)) {
					return false;
				}
			}
			return true;
		}
		default:
			return p_a == p_b;
	}
}

PackedByteArray encode(const Variant &p_value, bool p_full_objects = false) {
	PackedByteArray bytes;
	const Error error = encode_variant_to_bytes(p_value, bytes, p_full_objects);
	REQUIRE_MESSAGE(error == OK, "encoding " << p_value.stringify() << " failed: " << error_constant_name(error));
	return bytes;
}

// Decodes from a heap block of exactly p_bytes.size() bytes, so ASan catches any over-read.
Error decode(const std::vector<uint8_t> &p_bytes, Variant &r_value, int *r_used = nullptr, bool p_allow_objects = false) {
	const std::unique_ptr<uint8_t[]> exact(new uint8_t[p_bytes.size() + 1]);
	if (!p_bytes.empty()) {
		memcpy(exact.get(), p_bytes.data(), p_bytes.size());
	}
	return decode_variant(r_value, exact.get(), int(p_bytes.size()), r_used, p_allow_objects);
}

std::vector<uint8_t> bytes_of(const PackedByteArray &p_bytes) {
	return p_bytes.values();
}

// Little-endian u32 words, the unit the format is written in.
std::vector<uint8_t> words(std::initializer_list<uint32_t> p_words) {
	std::vector<uint8_t> bytes;
	for (uint32_t word : p_words) {
		uint8_t encoded[4];
		encode_uint32(word, encoded);
		bytes.insert(bytes.end(), encoded, encoded + 4);
	}
	return bytes;
}

void append(std::vector<uint8_t> &r_bytes, const std::vector<uint8_t> &p_more) {
	r_bytes.insert(r_bytes.end(), p_more.begin(), p_more.end());
}

std::vector<uint8_t> encoded_string(const String &p_text) {
	std::vector<uint8_t> bytes = words({ uint32_t(p_text.size()) });
	bytes.insert(bytes.end(), p_text.begin(), p_text.end());
	while (bytes.size() % 4) {
		bytes.push_back(0);
	}
	return bytes;
}

// Objects a decode created that nobody owns (not RefCounted), so tests can free them.
void collect_plain_objects(const Variant &p_value, std::vector<Object *> &r_objects) {
	if (Object *object = p_value.to_object()) {
		if (!object->is_ref_counted()) {
			r_objects.push_back(object);
		}
		if (auto *payload = Object::cast_to<MarshallsTestPayload>(object)) {
			collect_plain_objects(payload->get_items(), r_objects);
			collect_plain_objects(payload->get_child(), r_objects);
		}
	} else if (const Array *array = p_value.get_if<Array>()) {
		for (const Variant &element : *array) {
			collect_plain_objects(element, r_objects);
		}
	} else if (const Dictionary *dictionary = p_value.get_if<Dictionary>()) {
		for (const auto &entry : dictionary->entries()) {
			collect_plain_objects(entry.first, r_objects);
			collect_plain_objects(entry.second, r_objects);
		}
	}
}

// ---------------------------------------------------------------- Random values and inputs

class Random {
	std::mt19937_64 engine;

public:
	explicit Random(uint64_t p_seed) :
			engine(p_seed) {}
	uint64_t bits() { return engine(); }
	uint32_t below(uint32_t p_limit) { return uint32_t(engine() % p_limit); }
	bool chance(uint32_t p_percent) { return below(100) < p_percent; }
};

String random_text(Random &p_random) {
	String text;
	const uint32_t length = p_random.below(12);
	for (uint32_t i = 0; i < length; i++) {
		uint32_t code;
		switch (p_random.below(4)) {
			case 0:
				code = 1 + p_random.below(0x7F);
				break;
			case 1:
				code = 0x80 + p_random.below(0x800 - 0x80);
				break;
			case 2:
				code = 0x800 + p_random.below(0x10000 - 0x800 - 0x800);
				code = code >= 0xD800 ? code + 0x800 : code; // Skip the surrogates.
				break;
			default:
				code = 0x10000 + p_random.below(0x110000 - 0x10000);
				break;
		}
		append_utf8(text, code);
	}
	return text;
}

float random_float(Random &p_random) {
	const uint32_t bits = uint32_t(p_random.bits());
	float value;
	memcpy(&value, &bits, sizeof(value));
	return value;
}

double random_double(Random &p_random) {
	const uint64_t bits = p_random.bits();
	double value;
	memcpy(&value, &bits, sizeof(value));
	return value;
}

// A math value of random bits, float components NaN and infinities included.
template <typename T>
T random_bits_of(Random &p_random) {
	T value;
	uint8_t bytes[sizeof(T)];
	for (uint8_t &byte : bytes) {
		byte = uint8_t(p_random.bits());
	}
	memcpy(&value, bytes, sizeof(T));
	return value;
}

template <typename T>
PackedArray<T> random_packed(Random &p_random) {
	std::vector<T> values(p_random.below(4));
	for (T &value : values) {
		value = random_bits_of<T>(p_random);
	}
	return PackedArray<T>(std::move(values));
}

// The types added for Godot 4.6's full Variant, in a second switch to keep the first readable.
Variant random_new_type_value(Random &p_random) {
	switch (p_random.below(20)) {
		case 0:
			return random_bits_of<Rect2>(p_random);
		case 1:
			return random_bits_of<Rect2i>(p_random);
		case 2:
			return random_bits_of<Transform2D>(p_random);
		case 3:
			return random_bits_of<Vector4>(p_random);
		case 4:
			return random_bits_of<Vector4i>(p_random);
		case 5:
			return random_bits_of<Plane>(p_random);
		case 6:
			return random_bits_of<Quaternion>(p_random);
		case 7:
			return random_bits_of<AABB>(p_random);
		case 8:
			return random_bits_of<Basis>(p_random);
		case 9:
			return random_bits_of<Transform3D>(p_random);
		case 10:
			return random_bits_of<Projection>(p_random);
		case 11:
			return RID::from_uint64(p_random.bits());
		case 12:
			return Signal(ObjectID(p_random.bits()), StringName(random_text(p_random)));
		case 13:
			return random_packed<Vector2>(p_random);
		case 14:
			return random_packed<Vector3>(p_random);
		case 15:
			return random_packed<Color>(p_random);
		case 16:
			return random_packed<Vector4>(p_random);
		case 17: {
			Array typed;
			typed.set_typed(Variant::INT, StringName());
			for (uint32_t i = p_random.below(4); i > 0; i--) {
				typed.push_back(int64_t(p_random.bits()));
			}
			return typed;
		}
		case 18: {
			Dictionary typed;
			typed.set_typed(Variant::STRING, StringName(), Variant::VECTOR2, StringName());
			for (uint32_t i = p_random.below(4); i > 0; i--) {
				typed.set(random_text(p_random), random_bits_of<Vector2>(p_random));
			}
			return typed;
		}
		default: {
			Array typed;
			typed.set_typed(Variant::FLOAT, StringName());
			typed.push_back(random_double(p_random));
			return typed;
		}
	}
}

Variant random_value(Random &p_random, int p_depth) {
	const uint32_t kinds = p_depth < 4 ? 24 : 22;
	switch (p_random.below(kinds)) {
		case 0:
			return Variant();
		case 1:
			return p_random.chance(50);
		case 2:
			return p_random.chance(50) ? Variant(int64_t(p_random.bits())) : Variant(int32_t(p_random.bits()));
		case 3:
			return p_random.chance(50) ? Variant(random_double(p_random)) : Variant(double(random_float(p_random)));
		case 4:
			return random_text(p_random);
		case 5:
			return Vector2{ random_float(p_random), random_float(p_random) };
		case 6:
			return Vector2i{ int32_t(p_random.bits()), int32_t(p_random.bits()) };
		case 7:
			return Vector3{ random_float(p_random), random_float(p_random), random_float(p_random) };
		case 8:
			return Vector3i{ int32_t(p_random.bits()), int32_t(p_random.bits()), int32_t(p_random.bits()) };
		case 9:
			return Color{ random_float(p_random), random_float(p_random), random_float(p_random), random_float(p_random) };
		case 10:
			return StringName(random_text(p_random));
		case 11: {
			NodePath path;
			path.absolute = p_random.chance(50);
			for (uint32_t i = p_random.below(4); i > 0; i--) {
				path.names.push_back(random_text(p_random));
			}
			for (uint32_t i = p_random.below(3); i > 0; i--) {
				path.subnames.push_back(random_text(p_random));
			}
			return path;
		}
		case 12:
			return Callable();
		case 13: {
			std::vector<uint8_t> bytes(p_random.below(10));
			for (uint8_t &byte : bytes) {
				byte = uint8_t(p_random.bits());
			}
			return PackedByteArray(std::move(bytes));
		}
		case 14: {
			std::vector<int32_t> values(p_random.below(5));
			for (int32_t &value : values) {
				value = int32_t(p_random.bits());
			}
			return PackedInt32Array(std::move(values));
		}
		case 15: {
			std::vector<int64_t> values(p_random.below(5));
			for (int64_t &value : values) {
				value = int64_t(p_random.bits());
			}
			return PackedInt64Array(std::move(values));
		}
		case 16: {
			std::vector<float> values(p_random.below(5));
			for (float &value : values) {
				value = random_float(p_random);
			}
			return PackedFloat32Array(std::move(values));
		}
		case 17: {
			std::vector<double> values(p_random.below(5));
			for (double &value : values) {
				value = random_double(p_random);
			}
			return PackedFloat64Array(std::move(values));
		}
		case 18: {
			std::vector<String> values(p_random.below(5));
			for (String &value : values) {
				value = random_text(p_random);
			}
			return PackedStringArray(std::move(values));
		}
		case 19:
			return int32_t(p_random.below(200)) - 100;
		case 20:
		case 21:
			return random_new_type_value(p_random);
		case 22: {
			Array array;
			for (uint32_t i = p_random.below(5); i > 0; i--) {
				array.push_back(random_value(p_random, p_depth + 1));
			}
			return array;
		}
		default: {
			Dictionary dictionary;
			for (uint32_t i = p_random.below(5); i > 0; i--) {
				dictionary.set(random_value(p_random, p_depth + 1), random_value(p_random, p_depth + 1));
			}
			return dictionary;
		}
	}
}

void mutate(std::vector<uint8_t> &r_bytes, Random &p_random, const std::vector<std::vector<uint8_t>> &p_seeds) {
	static const uint32_t interesting[] = { 0, 1, 4, 0x7F, 0xFF, 0x7FFF, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFC, 0x10000,
		0x30000, 0xF0000, Variant::ARRAY, Variant::DICTIONARY, Variant::OBJECT, Variant::ARRAY | 0x10000, Variant::ARRAY | 0x20000,
		Variant::ARRAY | 0x30000, Variant::DICTIONARY | 0xF0000, Variant::OBJECT | 0x10000, Variant::NODE_PATH, Variant::VARIANT_MAX };
	for (uint32_t operations = 1 + p_random.below(4); operations > 0; operations--) {
		const size_t size = r_bytes.size();
		switch (p_random.below(7)) {
			case 0:
				if (size) {
					r_bytes[p_random.below(uint32_t(size))] ^= uint8_t(1 << p_random.below(8));
				}
				break;
			case 1:
				if (size) {
					r_bytes[p_random.below(uint32_t(size))] = uint8_t(p_random.bits());
				}
				break;
			case 2:
				if (size >= 4) {
					const size_t word = p_random.below(uint32_t(size / 4)) * 4;
					const uint32_t value = p_random.chance(80) ? interesting[p_random.below(sizeof(interesting) / sizeof(interesting[0]))] : uint32_t(p_random.bits());
					encode_uint32(value, &r_bytes[word]);
				}
				break;
			case 3:
				r_bytes.resize(p_random.below(uint32_t(size + 1)));
				break;
			case 4: {
				const size_t at = p_random.below(uint32_t(size + 1));
				std::vector<uint8_t> inserted(1 + p_random.below(8));
				for (uint8_t &byte : inserted) {
					byte = uint8_t(p_random.bits());
				}
				r_bytes.insert(r_bytes.begin() + long(at), inserted.begin(), inserted.end());
			} break;
			case 5:
				if (size) {
					const size_t at = p_random.below(uint32_t(size));
					const size_t count = 1 + p_random.below(uint32_t(size - at));
					r_bytes.erase(r_bytes.begin() + long(at), r_bytes.begin() + long(at + count));
				}
				break;
			default: {
				// Splice a whole seed in at a word boundary: makes nested, well-formed parts likely.
				const std::vector<uint8_t> &seed = p_seeds[p_random.below(uint32_t(p_seeds.size()))];
				const size_t at = p_random.below(uint32_t(size / 4 + 1)) * 4;
				r_bytes.insert(r_bytes.begin() + long(at), seed.begin(), seed.end());
			} break;
		}
	}
}

// What decoded must encode, decode back to something that encodes to the same bytes, and the
// length pass must agree with what is written. Returns a description of the first problem.
String check_stable(const Variant &p_decoded, bool p_objects) {
	PackedByteArray first;
	Error error = encode_variant_to_bytes(p_decoded, first, p_objects);
	if (error != OK) {
		return String("re-encoding failed: ") + error_constant_name(error);
	}
	int length = -1;
	if (encode_variant(p_decoded, nullptr, length, p_objects) != OK || length != first.size()) {
		return "the length pass disagrees with the written size";
	}
	Variant again;
	int used = 0;
	error = decode(bytes_of(first), again, &used, p_objects);
	if (error != OK || used != first.size()) {
		return String("decoding the re-encoding failed: ") + error_constant_name(error);
	}
	const PackedByteArray second = [&] {
		PackedByteArray bytes;
		encode_variant_to_bytes(again, bytes, p_objects);
		return bytes;
	}();
	std::vector<Object *> plain;
	collect_plain_objects(again, plain);
	for (Object *object : plain) {
		memdelete(object);
	}
	if (!(first == second)) {
		return "re-encoding is not stable: " + to_hex(first) + " then " + to_hex(second);
	}
	return String();
}

#ifdef MARSHALLS_TEST_ASAN
std::atomic<bool> tracking_allocations{ false };
std::atomic<size_t> largest_allocation{ 0 };

void on_malloc(const volatile void *, size_t p_size) {
	if (tracking_allocations && p_size > largest_allocation) {
		largest_allocation = p_size;
	}
}

void on_free(const volatile void *) {}
#endif

} // namespace marshalls_test

using namespace marshalls_test;

TEST_CASE("[Marshalls] Godot 4.6 vectors decode to the expected values and encode byte for byte") {
	const std::vector<TestVector> vectors = load_vectors();
	REQUIRE(vectors.size() == 37);
	int round_trips = 0;
	for (const TestVector &vector : vectors) {
		CAPTURE(vector.name);
		Variant decoded;
		int used = -1;
		REQUIRE(decode(vector.bytes, decoded, &used) == OK);
		CHECK(used == int(vector.bytes.size()));
		CHECK(String(Variant::get_type_name(decoded.get_type())) == vector.type);
		const Variant expected = expected_value(vector.name);
		CHECK_MESSAGE(same(decoded, expected), "decoded " << decoded.stringify() << ", expected " << expected.stringify());

		// Both the decoded value and the one built in C++ encode to Godot's bytes.
		const String hex = to_hex(vector.bytes.data(), vector.bytes.size());
		const PackedByteArray from_decoded = encode(decoded);
		const PackedByteArray from_expected = encode(expected);
		CHECK(to_hex(from_decoded) == hex);
		CHECK(to_hex(from_expected) == hex);

		// Godot's two passes: the length pass agrees with the bytes written into that many bytes.
		int length = -1;
		REQUIRE(encode_variant(expected, nullptr, length) == OK);
		CHECK(length == int(vector.bytes.size()));
		std::vector<uint8_t> buffer(static_cast<size_t>(length));
		int written = -1;
		REQUIRE(encode_variant(expected, buffer.data(), written) == OK);
		CHECK(written == length);
		CHECK(buffer == vector.bytes);

		CHECK(to_hex(var_to_bytes(expected)) == hex);
		CHECK(same(bytes_to_var(PackedByteArray(vector.bytes)), expected));
		if (same(decoded, expected) && to_hex(from_decoded) == hex && to_hex(from_expected) == hex && buffer == vector.bytes) {
			round_trips++;
		}
	}
	printf("[Marshalls] %d/%zu vectors round-trip\n", round_trips, vectors.size());
	CHECK(round_trips == int(vectors.size()));
}

TEST_CASE("[Marshalls] Every truncation of every vector is an error, never an over-read") {
	const std::vector<TestVector> vectors = load_vectors();
	for (const TestVector &vector : vectors) {
		CAPTURE(vector.name);
		for (size_t length = 0; length < vector.bytes.size(); length++) {
			CAPTURE(length);
			const std::vector<uint8_t> prefix(vector.bytes.begin(), vector.bytes.begin() + long(length));
			Variant value = "untouched";
			CHECK(decode(prefix, value) == ERR_INVALID_DATA);
			CHECK(value == Variant("untouched")); // Nothing is assigned on failure.
		}
	}
}

TEST_CASE("[Marshalls] Trailing bytes are left alone and reported through r_len") {
	std::vector<uint8_t> bytes = words({ Variant::INT, 42, 0xDEADBEEF });
	Variant value;
	int used = -1;
	CHECK(decode(bytes, value, &used) == OK);
	CHECK(used == 8);
	CHECK(same(value, Variant(42)));
	CHECK(same(bytes_to_var(PackedByteArray(bytes)), Variant(42)));
}

TEST_CASE("[Marshalls] Numbers pick 32 or 64 bits as Godot does") {
	CHECK(to_hex(encode(int64_t(INT32_MIN))) == "0200000000000080");
	CHECK(to_hex(encode(int64_t(INT32_MIN) - 1)) == "02000100ffffff7fffffffff");
	CHECK(to_hex(encode(INT64_MAX)) == "02000100ffffffffffffff7f");
	CHECK(to_hex(encode(0.1)) == "030001009a9999999999b93f");
	CHECK(to_hex(encode(double(FLT_MAX))) == "03000000ffff7f7f");
	CHECK(to_hex(encode(1e39)) == "030001001d4a9cf487820748"); // Past FLT_MAX: 64 bits, not inf.
	CHECK(to_hex(encode(INFINITY)) == "030000000000807f");
	// NaN never compares equal to its single-precision self, so it takes 64 bits, as in Godot.
	const PackedByteArray nan_bytes = encode(std::nan(""));
	CHECK(decode_uint32(nan_bytes.ptr()) == (Variant::FLOAT | (1 << 16)));
	Variant decoded;
	CHECK(decode(bytes_of(nan_bytes), decoded) == OK);
	CHECK(std::isnan(decoded.to_float()));
	CHECK(decode(words({ Variant::INT | (1 << 16), 1 }), decoded) == ERR_INVALID_DATA); // 64-bit int needs 8 bytes.
	CHECK(decode(words({ Variant::BOOL, 7 }), decoded) == OK);
	CHECK(same(decoded, Variant(true)));
}

TEST_CASE("[Marshalls] Typed Array and Dictionary headers decode into typed containers and encode back") {
	register_test_classes();
	Variant value;
	// Array[int]: kind 1 (builtin) in bits 16-17, then the element type.
	const std::vector<uint8_t> typed = words({ Variant::ARRAY | (1 << 16), Variant::INT, 2, Variant::INT, 5, Variant::INT, 6 });
	REQUIRE(decode(typed, value) == OK);
	const Array array = value.to_array();
	CHECK(array.is_typed());
	CHECK(array.get_typed_builtin() == Variant::INT);
	CHECK(array.get_typed_class_name().is_empty());
	CHECK(array.size() == 2);
	CHECK(to_hex(encode(value)) == to_hex(typed.data(), typed.size()));
	CHECK(value != Variant(array_of({ 5, 6 }))); // Typing is part of equality, as in Godot.

	// Array[Node] (kind 2, a class name): without objects the elements arrive as
	// EncodedObjectAsID, so that becomes the class, as in Godot; with objects it stays.
	std::vector<uint8_t> by_class = words({ Variant::ARRAY | (2 << 16) });
	append(by_class, encoded_string("Resource"));
	append(by_class, words({ 1, Variant::NIL }));
	REQUIRE(decode(by_class, value) == OK);
	CHECK(value.to_array().get_typed_builtin() == Variant::OBJECT);
	CHECK(value.to_array().get_typed_class_name() == StringName("EncodedObjectAsID"));
	REQUIRE(decode(by_class, value, nullptr, true) == OK);
	CHECK(value.to_array().get_typed_class_name() == StringName("Resource"));
	CHECK(to_hex(encode(value, true)) == to_hex(by_class.data(), by_class.size()));
	// Encoded without full objects, the class is named EncodedObjectAsID, as Godot does.
	std::vector<uint8_t> as_ids = words({ Variant::ARRAY | (2 << 16) });
	append(as_ids, encoded_string("EncodedObjectAsID"));
	append(as_ids, words({ 1, Variant::NIL }));
	CHECK(to_hex(encode(value)) == to_hex(as_ids.data(), as_ids.size()));

	// Array[MyScript] (kind 3, a script path): without objects an EncodedObjectAsID array, as in
	// Godot; with objects an error, since Quickdot loads no scripts.
	std::vector<uint8_t> by_script = words({ Variant::ARRAY | (3 << 16) });
	append(by_script, encoded_string("res://enemy.gd"));
	append(by_script, words({ 0 }));
	REQUIRE(decode(by_script, value) == OK);
	CHECK(value.to_array().get_typed_class_name() == StringName("EncodedObjectAsID"));
	CHECK(decode(by_script, value, nullptr, true) == ERR_INVALID_DATA);

	// Dictionary[String, Resource]: key kind in bits 16-17, value kind in bits 18-19.
	std::vector<uint8_t> dictionary = words({ Variant::DICTIONARY | (1 << 16) | (2 << 18), Variant::STRING });
	append(dictionary, encoded_string("Resource"));
	append(dictionary, words({ 1, Variant::STRING }));
	append(dictionary, encoded_string("k"));
	append(dictionary, words({ Variant::NIL }));
	int used = -1;
	REQUIRE(decode(dictionary, value, &used, true) == OK);
	CHECK(used == int(dictionary.size()));
	const Dictionary decoded = value.to_dictionary();
	CHECK(decoded.get_typed_key_builtin() == Variant::STRING);
	CHECK(decoded.get_typed_value_builtin() == Variant::OBJECT);
	CHECK(decoded.get_typed_value_class_name() == StringName("Resource"));
	CHECK(decoded.size() == 1);
	CHECK(to_hex(encode(value, true)) == to_hex(dictionary.data(), dictionary.size()));

	// An element of another type is refused (Godot would drop it); an int in an Array[float]
	// is converted, as Godot's typed arrays do.
	CHECK(decode(words({ Variant::ARRAY | (1 << 16), Variant::INT, 1, Variant::BOOL, 1 }), value) == ERR_INVALID_DATA);
	REQUIRE(decode(words({ Variant::ARRAY | (1 << 16), Variant::FLOAT, 1, Variant::INT, 3 }), value) == OK);
	CHECK(same(value.to_array()[0], Variant(3.0)));
	CHECK(decode(words({ Variant::DICTIONARY | (1 << 18), Variant::INT, 1, Variant::NIL, Variant::NIL }), value) == ERR_INVALID_DATA);

	// A builtin element type past VARIANT_MAX, or truncated type information, is corrupt.
	CHECK(decode(words({ Variant::ARRAY | (1 << 16), Variant::VARIANT_MAX, 0 }), value) == ERR_INVALID_DATA);
	CHECK(decode(words({ Variant::ARRAY | (1 << 16) }), value) == ERR_INVALID_DATA);
	CHECK(decode(words({ Variant::DICTIONARY | (2 << 18), 100 }), value) == ERR_INVALID_DATA);

	// Bit 31 of a count is Godot 3's "shared" flag and is ignored.
	CHECK(decode(words({ Variant::ARRAY, 0x80000000 }), value) == OK);
	CHECK(same(value, Array()));
	CHECK(decode(words({ Variant::DICTIONARY, 0x80000001, Variant::NIL, Variant::NIL }), value) == OK);
	CHECK(value.to_dictionary().size() == 1);
}

TEST_CASE("[Marshalls] Double-precision and other math encodings") {
	Variant value;
	// FLAG_64 marks a double-precision Godot build: Vector2/Vector3 components are f64.
	std::vector<uint8_t> vector2 = words({ Variant::VECTOR2 | (1 << 16) });
	append(vector2, from_hex("0000000000000440000000000000f4bf")); // 2.5, -1.25
	CHECK(decode(vector2, value) == OK);
	CHECK(same(value, Variant(Vector2{ 2.5f, -1.25f })));
	vector2.resize(vector2.size() - 4);
	CHECK(decode(vector2, value) == ERR_INVALID_DATA);

	std::vector<uint8_t> vector3 = words({ Variant::VECTOR3 | (1 << 16) });
	append(vector3, from_hex("00000000000004400000000000000440000000000000f4bf"));
	CHECK(decode(vector3, value) == OK);
	CHECK(same(value, Variant(Vector3{ 2.5f, 2.5f, -1.25f })));

	const Variant vector3i = Vector3i{ -1, 0, INT32_MAX };
	CHECK(to_hex(encode(vector3i)) == "0a000000ffffffff00000000ffffff7f");
	CHECK(decode(bytes_of(encode(vector3i)), value) == OK);
	CHECK(same(value, vector3i));

	// Colors are single precision even in double builds; the flag changes nothing.
	std::vector<uint8_t> color = words({ Variant::COLOR | (1 << 16) });
	append(color, from_hex("0000803f0000003f0000803e0000803f"));
	CHECK(decode(color, value) == OK);
	CHECK(same(value, Variant(Color{ 1, 0.5f, 0.25f, 1 })));
}

TEST_CASE("[Marshalls] NodePath, strings and Callable") {
	Variant value;
	const NodePath absolute("/root/Main:position:x");
	CHECK(decode(bytes_of(encode(absolute)), value) == OK);
	CHECK(same(value, Variant(absolute)));
	CHECK(value.to_node_path().to_string() == "/root/Main:position:x");

	// Flag 2 is the obsolete "property" form: one more subname than counted.
	std::vector<uint8_t> with_property = words({ Variant::NODE_PATH, 1 | 0x80000000, 0, 2 });
	append(with_property, encoded_string("a"));
	append(with_property, encoded_string("b"));
	CHECK(decode(with_property, value) == OK);
	CHECK(value.to_node_path().to_string() == "a:b");
	// The pre-3.0 format (a plain string) is refused, as by Godot.
	std::vector<uint8_t> old_format = words({ Variant::NODE_PATH });
	append(old_format, encoded_string("a/b"));
	CHECK(decode(old_format, value) == ERR_INVALID_DATA);

	// Invalid UTF-8 (overlong, surrogate, past U+10FFFF, stray continuation) is corrupt data.
	for (const char *bad : { "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x80", "ab\xe2\x9c" }) {
		std::vector<uint8_t> bytes = words({ Variant::STRING });
		append(bytes, encoded_string(bad));
		CHECK(decode(bytes, value) == ERR_INVALID_DATA);
	}
	// A string ends at its first NUL, as in Godot.
	std::vector<uint8_t> with_nul = words({ Variant::STRING });
	append(with_nul, encoded_string(String("ab\0cd", 5)));
	CHECK(decode(with_nul, value) == OK);
	CHECK(same(value, Variant("ab")));
	// A declared length past the end, or missing padding, is an error.
	CHECK(decode(words({ Variant::STRING, 5, 0x6c6c6568 }), value) == ERR_INVALID_DATA);
	CHECK(decode(from_hex("04000000050000006865 6c6c6f"), value) == ERR_INVALID_DATA);

	CHECK(to_hex(encode(Callable())) == "19000000");
	CHECK(decode(words({ Variant::CALLABLE }), value) == OK);
	CHECK(value.get_type() == Variant::CALLABLE);
	CHECK(value.to_callable().is_null());
}

TEST_CASE("[Marshalls] RID, Signal and the packed math arrays travel as Godot sends them") {
	Variant value;
	CHECK(to_hex(encode(RID::from_uint64(0x0102030405060708ULL))) == "170000000807060504030201");
	REQUIRE(decode(from_hex("170000000807060504030201"), value) == OK);
	CHECK(value.to_rid().id == 0x0102030405060708ULL);

	// Signal: the name as a string, then the object's id.
	const Signal signal(ObjectID(0x1234), StringName("hit"));
	CHECK(to_hex(encode(signal)) == "1a00000003000000686974003412000000000000");
	REQUIRE(decode(bytes_of(encode(signal)), value) == OK);
	CHECK(value.to_signal() == signal);

	// Double-precision packed vectors (FLAG_64) are read too; colours ignore the flag.
	std::vector<uint8_t> vectors = words({ Variant::PACKED_VECTOR2_ARRAY | (1 << 16), 1 });
	append(vectors, from_hex("0000000000000440000000000000f4bf"));
	REQUIRE(decode(vectors, value) == OK);
	CHECK(same(value, Variant(PackedVector2Array(std::vector<Vector2>{ { 2.5f, -1.25f } }))));
	// A double too large for a float becomes an infinity instead of undefined behaviour.
	std::vector<uint8_t> huge = words({ Variant::VECTOR2 | (1 << 16) });
	append(huge, from_hex("9c7500883ce4377e9c7500883ce437fe")); // 1e300, -1e300
	REQUIRE(decode(huge, value) == OK);
	CHECK(same(value, Variant(Vector2{ INFINITY, -INFINITY })));
	for (uint32_t type : { uint32_t(Variant::VARIANT_MAX), 0xFFu }) {
		CHECK(decode(words({ type, 0, 0, 0 }), value) == ERR_INVALID_DATA);
	}
}

TEST_CASE("[Marshalls] A decode error names the Variant type and the byte offset") {
	struct Case {
		std::vector<uint8_t> bytes;
		const char *message;
	};
	std::vector<uint8_t> nested = words({ Variant::ARRAY, 2, Variant::INT, 1, Variant::TRANSFORM3D });
	nested.resize(nested.size() + 20);
	std::vector<uint8_t> bad_string = words({ Variant::SIGNAL });
	append(bad_string, encoded_string("\xc0\xaf"));
	const std::vector<Case> cases = {
		{ nested, "can't decode a Transform3D at byte 16: needs 48 bytes, 20 left" },
		{ words({ Variant::RECT2, 0, 0 }), "can't decode a Rect2 at byte 0: needs 16 bytes, 8 left" },
		{ words({ Variant::RECT2I, 0 }), "can't decode a Rect2i at byte 0: needs 16 bytes, 4 left" },
		{ words({ Variant::TRANSFORM2D | (1 << 16), 0 }), "can't decode a Transform2D at byte 0: needs 48 bytes, 4 left" },
		{ words({ Variant::VECTOR4, 0 }), "can't decode a Vector4 at byte 0: needs 16 bytes, 4 left" },
		{ words({ Variant::VECTOR4I }), "can't decode a Vector4i at byte 0: needs 16 bytes, 0 left" },
		{ words({ Variant::PLANE, 0, 0, 0 }), "can't decode a Plane at byte 0: needs 16 bytes, 12 left" },
		{ words({ Variant::QUATERNION, 0 }), "can't decode a Quaternion at byte 0: needs 16 bytes, 4 left" },
		{ words({ Variant::AABB, 0 }), "can't decode an AABB at byte 0: needs 24 bytes, 4 left" },
		{ words({ Variant::BASIS, 0 }), "can't decode a Basis at byte 0: needs 36 bytes, 4 left" },
		{ words({ Variant::PROJECTION, 0 }), "can't decode a Projection at byte 0: needs 64 bytes, 4 left" },
		{ words({ Variant::RID, 0 }), "can't decode a RID at byte 0: needs 8 bytes, 4 left" },
		{ words({ Variant::SIGNAL, 4, 0x74697968 }), "can't decode a Signal at byte 0: needs 8 bytes, 0 left" },
		{ bad_string, "can't decode a Signal at byte 0: a string that is not valid UTF-8" },
		{ words({ Variant::PACKED_VECTOR2_ARRAY, 2, 0, 0 }), "can't decode a PackedVector2Array at byte 0: needs 16 bytes, 8 left" },
		{ words({ Variant::PACKED_VECTOR3_ARRAY, 1, 0 }), "can't decode a PackedVector3Array at byte 0: needs 12 bytes, 4 left" },
		{ words({ Variant::PACKED_COLOR_ARRAY, 1 }), "can't decode a PackedColorArray at byte 0: needs 16 bytes, 0 left" },
		{ words({ Variant::PACKED_VECTOR4_ARRAY | (1 << 16), 1, 0 }), "can't decode a PackedVector4Array at byte 0: needs 32 bytes, 4 left" },
		{ words({ Variant::ARRAY | (1 << 16), Variant::INT, 1, Variant::STRING, 0 }), "can't decode an Array at byte 0: element 0 is a String, which an Array[int] cannot hold" },
		{ words({ 77 }), "can't decode a value at byte 0: its type, 77, is not a Variant type" },
		{ words({ Variant::DICTIONARY, 1, Variant::NIL, 99 }), "can't decode a value at byte 12: its type, 99, is not a Variant type" },
		{ from_hex("0900"), "can't decode a value at byte 0: needs 4 bytes, 2 left" },
	};
	for (const Case &test : cases) {
		CAPTURE(test.message);
		Variant value;
		DecodeError problem;
		const std::unique_ptr<uint8_t[]> exact(new uint8_t[test.bytes.size()]);
		memcpy(exact.get(), test.bytes.data(), test.bytes.size());
		CHECK(decode_variant(value, exact.get(), int(test.bytes.size()), nullptr, false, 0, &problem) == ERR_INVALID_DATA);
		CHECK(problem.error == ERR_INVALID_DATA);
		CHECK(problem.describe() == test.message);
	}
	// bytes_to_var prints it.
	OutputCapture capture(STDERR_FILENO);
	CHECK(bytes_to_var(PackedByteArray(nested)).is_nil());
	CHECK(capture.finish() == "ERROR: bytes_to_var: can't decode a Transform3D at byte 16: needs 48 bytes, 20 left (ERR_INVALID_DATA); returning null.\n");
}

TEST_CASE("[Marshalls] Huge declared lengths are refused before anything is allocated") {
	register_test_classes();
	std::vector<std::vector<uint8_t>> inputs;
	for (uint32_t count : { 0x7FFFFFFFu, 0xFFFFFFFFu, 0x40000000u, 0x10000u }) {
		for (uint32_t type : { Variant::ARRAY, Variant::DICTIONARY, Variant::PACKED_BYTE_ARRAY, Variant::PACKED_INT32_ARRAY,
					 Variant::PACKED_INT64_ARRAY, Variant::PACKED_FLOAT32_ARRAY, Variant::PACKED_FLOAT64_ARRAY,
					 Variant::PACKED_STRING_ARRAY, Variant::STRING, Variant::STRING_NAME }) {
			inputs.push_back(words({ type, count, 0 }));
		}
		inputs.push_back(words({ Variant::NODE_PATH, count | 0x80000000, count, 2, 0 }));
		inputs.push_back(words({ Variant::ARRAY | (2 << 16), count, 0 }));
		inputs.push_back(words({ Variant::DICTIONARY | (3 << 18), count, 0 }));
		std::vector<uint8_t> object = words({ Variant::OBJECT });
		append(object, encoded_string("MarshallsTestPayload"));
		append(object, words({ count, 0 }));
		inputs.push_back(object);
		std::vector<uint8_t> property = words({ Variant::OBJECT });
		append(property, encoded_string("MarshallsTestPayload"));
		append(property, words({ 1, count, 0 }));
		inputs.push_back(property);
	}
#ifdef MARSHALLS_TEST_ASAN
	static const int installed = __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
	REQUIRE(installed != 0);
	largest_allocation = 0;
	tracking_allocations = true;
#endif
	int refused = 0;
	for (const std::vector<uint8_t> &input : inputs) {
		Variant value;
		refused += decode_variant(value, input.data(), int(input.size()), nullptr, true) == ERR_INVALID_DATA;
	}
#ifdef MARSHALLS_TEST_ASAN
	tracking_allocations = false;
	CHECK_MESSAGE(largest_allocation < 4096, "largest allocation while decoding: " << largest_allocation << " bytes");
#endif
	CHECK(refused == int(inputs.size()));
}

static std::vector<uint8_t> nested_arrays(int p_levels) {
	std::vector<uint8_t> bytes;
	for (int i = 0; i < p_levels; i++) {
		append(bytes, words({ Variant::ARRAY, 1 }));
	}
	append(bytes, words({ Variant::NIL }));
	return bytes;
}

TEST_CASE("[Marshalls] Nesting deeper than MARSHALLS_MAX_DEPTH is ERR_OUT_OF_MEMORY both ways") {
	Variant value;
	// The outermost value is depth 0, so MAX_DEPTH arrays put the innermost nil at MAX_DEPTH.
	CHECK(decode(nested_arrays(MARSHALLS_MAX_DEPTH), value) == OK);
	CHECK(decode(nested_arrays(MARSHALLS_MAX_DEPTH + 1), value) == ERR_OUT_OF_MEMORY);
	CHECK(decode(nested_arrays(100000), value) == ERR_OUT_OF_MEMORY);

	std::vector<uint8_t> dictionaries;
	for (int i = 0; i < 1000; i++) {
		append(dictionaries, words({ Variant::DICTIONARY, 1, Variant::NIL }));
	}
	append(dictionaries, words({ Variant::NIL }));
	CHECK(decode(dictionaries, value) == ERR_OUT_OF_MEMORY);

	Array deep;
	for (int i = 0; i < MARSHALLS_MAX_DEPTH + 5; i++) {
		deep = array_of({ deep });
	}
	int length = 0;
	CHECK(encode_variant(deep, nullptr, length) == ERR_OUT_OF_MEMORY);
	PackedByteArray bytes;
	CHECK(encode_variant_to_bytes(deep, bytes) == ERR_OUT_OF_MEMORY);
	CHECK(bytes.is_empty());
}

TEST_CASE("[Marshalls] Cyclic containers fail to encode at once instead of recursing") {
	int length = 0;
	Array cyclic;
	cyclic.push_back(1);
	cyclic.push_back(cyclic);
	CHECK(encode_variant(cyclic, nullptr, length) == ERR_OUT_OF_MEMORY);
	// Two self-references would take 2^depth steps if only the depth limit stopped it.
	cyclic.push_back(cyclic);
	CHECK(encode_variant(cyclic, nullptr, length) == ERR_OUT_OF_MEMORY);
	cyclic.clear(); // Break the cycle so the arrays are freed.

	Dictionary dictionary;
	Array holder = array_of({ dictionary });
	dictionary.set("self", holder);
	CHECK(encode_variant(dictionary, nullptr, length) == ERR_OUT_OF_MEMORY);
	CHECK(var_to_bytes(dictionary).is_empty());
	dictionary.clear();

	// Sharing without a cycle is fine: the shared array is simply written twice.
	const Array shared = array_of({ 7 });
	const Array twice = array_of({ shared, shared });
	CHECK(to_hex(encode(twice)) == "1c000000020000001c0000000100000002000000070000001c000000010000000200000007000000");
}

TEST_CASE("[Marshalls] Objects: ids, full objects and ERR_UNAUTHORIZED") {
	register_test_classes();
	Variant value;

	// Without full_objects an object travels as its instance id; it decodes to an
	// EncodedObjectAsID holding that id, as in Godot (id 0 is null).
	Ref<MarshallsTestPayload> payload = memnew(MarshallsTestPayload);
	const ObjectID id = payload->get_instance_id();
	const PackedByteArray as_id = encode(Variant(payload));
	CHECK(decode_uint32(as_id.ptr()) == (Variant::OBJECT | (1 << 16)));
	CHECK(decode_uint64(as_id.ptr() + 4) == id);
	CHECK(as_id.size() == 12);
	CHECK(decode(bytes_of(as_id), value) == OK);
	const EncodedObjectAsID *encoded = Object::cast_to<EncodedObjectAsID>(value.to_object());
	REQUIRE(encoded != nullptr);
	CHECK(encoded->get_object_id() == id);
	CHECK(encoded->get_instance_id() != id);
	// Encoding it again sends the id it holds (Godot would send its own id), so an echo is
	// byte-identical; as a full object it is an ordinary object with an object_id property.
	CHECK(to_hex(encode(value)) == to_hex(as_id));
	std::vector<uint8_t> full_encoded = words({ Variant::OBJECT });
	append(full_encoded, encoded_string("EncodedObjectAsID"));
	append(full_encoded, words({ 2 }));
	append(full_encoded, encoded_string("object_id"));
	append(full_encoded, words({ Variant::INT, 7 }));
	append(full_encoded, encoded_string("script"));
	append(full_encoded, words({ Variant::NIL }));
	REQUIRE(decode(full_encoded, value, nullptr, true) == OK);
	REQUIRE(Object::cast_to<EncodedObjectAsID>(value.to_object()) != nullptr);
	CHECK(Object::cast_to<EncodedObjectAsID>(value.to_object())->get_object_id() == 7);
	CHECK(to_hex(encode(value, true)) == to_hex(full_encoded.data(), full_encoded.size()));
	CHECK(to_hex(encode(value)) == "180001000700000000000000");
	CHECK(decode(words({ Variant::OBJECT | (1 << 16), 0, 0 }), value) == OK);
	CHECK(value.is_nil());

	// Full objects: class name, property count, then (name, value) pairs, base class first,
	// ending with Godot's "script" = null.
	payload->set_count(-5);
	payload->set_label("hi");
	payload->set_items(array_of({ 1, "two" }));
	Ref<MarshallsTestPayload> child = memnew(MarshallsTestPayload);
	child->set_count(9);
	payload->set_child(child);
	const PackedByteArray full = encode(Variant(payload), true);
	std::vector<uint8_t> expected_child = words({ Variant::OBJECT });
	append(expected_child, encoded_string("MarshallsTestPayload"));
	append(expected_child, words({ 5 }));
	append(expected_child, encoded_string("count"));
	append(expected_child, words({ Variant::INT, 9 }));
	append(expected_child, encoded_string("label"));
	append(expected_child, words({ Variant::STRING, 0 }));
	append(expected_child, encoded_string("items"));
	append(expected_child, words({ Variant::ARRAY, 0 }));
	append(expected_child, encoded_string("child"));
	append(expected_child, words({ Variant::NIL }));
	append(expected_child, encoded_string("script"));
	append(expected_child, words({ Variant::NIL }));
	CHECK(to_hex(encode(Variant(child), true)) == to_hex(expected_child.data(), expected_child.size()));

	// Decoding full objects needs allow_objects.
	int used = -1;
	CHECK(decode(bytes_of(full), value, &used) == ERR_UNAUTHORIZED);
	CHECK(bytes_to_var(full).is_nil());
	CHECK(decode(bytes_of(full), value, &used, true) == OK);
	CHECK(used == full.size());
	Ref<MarshallsTestPayload> copy(value);
	REQUIRE(copy.is_valid());
	CHECK(copy.ptr() != payload.ptr());
	CHECK(copy->get_count() == -5);
	CHECK(copy->get_label() == "hi");
	CHECK(same(copy->get_items(), array_of({ 1, "two" })));
	REQUIRE(copy->get_child().is_valid());
	CHECK(copy->get_child()->get_count() == 9);
	CHECK(to_hex(encode(value, true)) == to_hex(full));
	CHECK(to_hex(var_to_bytes(Variant(payload), true)) == to_hex(full));
	CHECK(bytes_to_var(full, true).to_object() != nullptr);

	// An object inside an array is refused too without allow_objects.
	std::vector<uint8_t> in_array = words({ Variant::ARRAY, 1 });
	append(in_array, bytes_of(full));
	CHECK(decode(in_array, value) == ERR_UNAUTHORIZED);

	// An object that contains itself is cyclic.
	payload->set_child(payload);
	int length = 0;
	CHECK(encode_variant(Variant(payload), nullptr, length, true) == ERR_OUT_OF_MEMORY);
	CHECK(encode_variant(Variant(payload), nullptr, length, false) == OK); // Only the id is sent.
	payload->set_child(Ref<MarshallsTestPayload>());

	// A class ClassDB cannot instantiate cannot be sent or received as a full object.
	Ref<MarshallsTestAbstract> abstract = memnew(MarshallsTestAbstract);
	CHECK(encode_variant(Variant(abstract), nullptr, length, true) == ERR_INVALID_PARAMETER);
	for (const char *class_name : { "MarshallsTestAbstract", "NoSuchClass" }) {
		std::vector<uint8_t> bytes = words({ Variant::OBJECT });
		append(bytes, encoded_string(class_name));
		append(bytes, words({ 0 }));
		CHECK(decode(bytes, value, nullptr, true) == ERR_INVALID_DATA);
	}
	// An empty class name is a null object.
	CHECK(decode(words({ Variant::OBJECT, 0 }), value, nullptr, true) == OK);
	CHECK(value.is_nil());
	// A script cannot be restored from the wire.
	std::vector<uint8_t> scripted = words({ Variant::OBJECT });
	append(scripted, encoded_string("MarshallsTestPayload"));
	append(scripted, words({ 1 }));
	append(scripted, encoded_string("script"));
	append(scripted, words({ Variant::STRING }));
	append(scripted, encoded_string("res://evil.gd"));
	CHECK(decode(scripted, value, nullptr, true) == ERR_INVALID_DATA);
}

TEST_CASE("[Marshalls] Objects that are not RefCounted: owned by the caller, freed on failure") {
	register_test_classes();
	Variant value;
	MarshallsTestPlain *plain = memnew(MarshallsTestPlain);
	plain->set_value(77);
	const PackedByteArray full = encode(Variant(plain), true);
	// A freed object is sent as null, as in Godot.
	const Variant held(plain);
	memdelete(plain);
	CHECK(to_hex(encode(held)) == "00000000");
	CHECK(to_hex(encode(held, true)) == "00000000");

	const int objects_before = ObjectDB::get_object_count();
	REQUIRE(decode(bytes_of(full), value, nullptr, true) == OK);
	MarshallsTestPlain *copy = Object::cast_to<MarshallsTestPlain>(value.to_object());
	REQUIRE(copy != nullptr);
	CHECK(copy->get_value() == 77);
	CHECK(ObjectDB::get_object_count() == objects_before + 1);
	value = Variant();
	memdelete(copy);

	// [plain, <truncated>]: the object decoded first must not leak when the array fails.
	std::vector<uint8_t> failing = words({ Variant::ARRAY, 2 });
	append(failing, bytes_of(full));
	append(failing, words({ Variant::STRING, 100 }));
	CHECK(decode(failing, value, nullptr, true) == ERR_INVALID_DATA);
	CHECK(ObjectDB::get_object_count() == objects_before);
}

TEST_CASE("[Marshalls] Random values round-trip exactly") {
	Random random(0x5eed0001);
	int failures = 0;
	for (int i = 0; i < 20000 && failures < 5; i++) {
		const Variant original = random_value(random, 0);
		int length = -1;
		PackedByteArray bytes;
		if (encode_variant(original, nullptr, length) != OK || encode_variant_to_bytes(original, bytes) != OK || length != bytes.size()) {
			FAIL_CHECK("cannot encode " << original.stringify());
			failures++;
			continue;
		}
		Variant decoded;
		int used = -1;
		if (decode(bytes_of(bytes), decoded, &used) != OK || used != length || !same(decoded, original)) {
			FAIL_CHECK("round trip of " << original.stringify() << " (" << to_hex(bytes) << ") gave " << decoded.stringify());
			failures++;
		}
	}
	CHECK(failures == 0);
}

TEST_CASE("[Marshalls] Random and mutated input never crashes, over-reads or leaks") {
	register_test_classes();
	const char *configured = getenv("QUICKDOT_FUZZ_ITERATIONS");
	const long iterations = configured ? atol(configured) : 200000;
	REQUIRE(iterations > 0);

	std::vector<std::vector<uint8_t>> seeds;
	for (const TestVector &vector : load_vectors()) {
		seeds.push_back(vector.bytes);
	}
	Ref<MarshallsTestPayload> payload = memnew(MarshallsTestPayload);
	payload->set_items(array_of({ 1, "x", array_of({ Vector2{ 1, 2 } }) }));
	payload->set_child(Ref<MarshallsTestPayload>(memnew(MarshallsTestPayload)));
	seeds.push_back(bytes_of(encode(Variant(payload), true)));
	Ref<Resource> resource = memnew(Resource);
	resource->set_path("res://a.tres");
	seeds.push_back(bytes_of(encode(Variant(resource), true)));
	seeds.push_back(words({ Variant::ARRAY | (1 << 16), Variant::INT, 1, Variant::INT, 3 }));
	seeds.push_back(words({ Variant::OBJECT | (1 << 16), 5, 0 }));
	Random random(0x5eed0002);
	for (int i = 0; i < 32; i++) {
		seeds.push_back(bytes_of(encode(random_value(random, 0))));
	}

	const int objects_before = ObjectDB::get_object_count();
	long decoded_count = 0;
	int failures = 0;
	for (long i = 0; i < iterations && failures < 5; i++) {
		std::vector<uint8_t> input;
		if (random.chance(15)) {
			// Raw noise with a plausible header.
			input.resize(random.below(64));
			for (uint8_t &byte : input) {
				byte = uint8_t(random.bits());
			}
			if (input.size() >= 4) {
				input[0] = uint8_t(random.below(Variant::VARIANT_MAX + 2));
			}
		} else {
			input = seeds[random.below(uint32_t(seeds.size()))];
			mutate(input, random, seeds);
		}
		for (bool allow_objects : { false, true }) {
			Variant value;
			int used = -1;
			const Error error = decode(input, value, &used, allow_objects);
			if (error != OK) {
				continue;
			}
			decoded_count++;
			String problem = used < 4 || used > int(input.size()) ? String("r_len out of range") : check_stable(value, allow_objects);
			std::vector<Object *> plain;
			collect_plain_objects(value, plain);
			value = Variant();
			for (Object *object : plain) {
				memdelete(object);
			}
			if (!problem.empty()) {
				FAIL_CHECK(problem << " for input " << to_hex(input.data(), input.size()) << (allow_objects ? " (objects allowed)" : ""));
				failures++;
			}
		}
	}
	printf("[Marshalls] %ld random/mutated inputs, %ld decoded and re-encoded stably\n", iterations, decoded_count);
	CHECK(failures == 0);
	CHECK(decoded_count > 0);
	CHECK(ObjectDB::get_object_count() == objects_before);
}

TEST_CASE("[Marshalls] var_to_bytes and bytes_to_var fail with null/empty results") {
	CHECK(bytes_to_var(PackedByteArray()).is_nil());
	CHECK(bytes_to_var(PackedByteArray(std::vector<uint8_t>{ 1, 0, 0 })).is_nil());
	CHECK(bytes_to_var(PackedByteArray(words({ Variant::RECT2, 0, 0, 0 }))).is_nil());
	Array cyclic;
	cyclic.push_back(cyclic);
	CHECK(var_to_bytes(cyclic).is_empty());
	cyclic.clear();
	Variant value = 5;
	CHECK(decode_variant(value, nullptr, 4) == ERR_INVALID_PARAMETER);
	CHECK(decode_variant(value, nullptr, 0) == ERR_INVALID_DATA);
	CHECK(same(value, Variant(5)));
}
