#include "core/io/marshalls.h"

#include "core/class_db.h"
#include "core/print_string.h"

#include <climits>
#include <vector>

namespace godot {

namespace {

// Header layout: byte 0 is the Variant::Type, bytes 2-3 carry per-type data.
constexpr uint32_t HEADER_TYPE_MASK = 0xFF;
constexpr uint32_t HEADER_DATA_FLAG_64 = 1 << 16; // INT, FLOAT and math types: 64-bit payload.
constexpr uint32_t HEADER_DATA_FLAG_OBJECT_AS_ID = 1 << 16; // OBJECT: only the instance id follows.
constexpr int HEADER_TYPED_ARRAY_SHIFT = 16;
constexpr int HEADER_TYPED_DICTIONARY_KEY_SHIFT = 16;
constexpr int HEADER_TYPED_DICTIONARY_VALUE_SHIFT = 18;
constexpr uint32_t CONTAINER_TYPE_KIND_MASK = 0b11;

enum ContainerTypeKind {
	CONTAINER_TYPE_KIND_NONE,
	CONTAINER_TYPE_KIND_BUILTIN, // A u32 Variant::Type follows.
	CONTAINER_TYPE_KIND_CLASS_NAME, // A class name string follows.
	CONTAINER_TYPE_KIND_SCRIPT, // A res:// script path string follows.
};

constexpr uint32_t NODE_PATH_NEW_FORMAT = 0x80000000;
constexpr uint32_t NODE_PATH_FLAG_ABSOLUTE = 1;
constexpr uint32_t NODE_PATH_FLAG_PROPERTY = 2; // Obsolete: one more subname than counted.
constexpr uint32_t CONTAINER_COUNT_MASK = 0x7FFFFFFF; // Bit 31 was the 3.x "shared" flag.

const char *const SCRIPT_PROPERTY = "script";

// ---------------------------------------------------------------- Encoding

struct Writer {
	uint8_t *cursor = nullptr; // Null during a length pass.
	const uint8_t *end = nullptr; // Null when the caller sized the buffer from a length pass.
	int64_t length = 0;
	Error error = OK;
	String problem;
	std::vector<const void *> ancestors; // Containers and objects being encoded, to catch cycles.

	void fail(Error p_error, const String &p_problem) {
		if (error == OK) {
			error = p_error;
			problem = p_problem;
		}
	}

	void put(const void *p_data, size_t p_size) {
		if (error != OK || p_size == 0) {
			return;
		}
		if (int64_t(p_size) > INT_MAX - length) {
			fail(ERR_OUT_OF_MEMORY, "the encoding would be larger than 2 GiB");
			return;
		}
		if (cursor) {
			if (end && p_size > size_t(end - cursor)) {
				fail(ERR_BUG, "the value changed while it was being encoded (a property getter modified it)");
				return;
			}
			memcpy(cursor, p_data, p_size);
			cursor += p_size;
		}
		length += int64_t(p_size);
	}

	void put_u32(uint32_t p_value) {
		uint8_t bytes[4];
		encode_uint32(p_value, bytes);
		put(bytes, sizeof(bytes));
	}

	void put_u64(uint64_t p_value) {
		uint8_t bytes[8];
		encode_uint64(p_value, bytes);
		put(bytes, sizeof(bytes));
	}

	void put_float(float p_value) {
		uint8_t bytes[4];
		encode_float(p_value, bytes);
		put(bytes, sizeof(bytes));
	}

	void put_double(double p_value) {
		uint8_t bytes[8];
		encode_double(p_value, bytes);
		put(bytes, sizeof(bytes));
	}

	void pad() {
		static const uint8_t zeros[3] = {};
		put(zeros, size_t((4 - length % 4) % 4));
	}

	void put_string(const String &p_string) {
		put_u32(uint32_t(p_string.size()));
		put(p_string.data(), p_string.size());
		pad();
	}

	// False (with the error set) when p_identity is already being encoded further up.
	bool enter(const void *p_identity, const char *p_what) {
		for (const void *ancestor : ancestors) {
			if (ancestor == p_identity) {
				fail(ERR_OUT_OF_MEMORY, vformat("the value is cyclic: %s contains itself", p_what));
				return false;
			}
		}
		ancestors.push_back(p_identity);
		return true;
	}
	void leave() { ancestors.pop_back(); }
};

// Properties a full object carries, base class first as Godot lists them.
std::vector<StringName> _storage_properties(const StringName &p_class) {
	std::vector<const ClassDB::ClassInfo *> chain;
	for (const ClassDB::ClassInfo *info = ClassDB::get_class_info(p_class); info; info = info->parent) {
		chain.push_back(info);
	}
	std::vector<StringName> names;
	for (auto info = chain.rbegin(); info != chain.rend(); ++info) {
		for (const ClassDB::PropertyBinding &property : (*info)->properties) {
			if (!property.getter.is_empty() && !property.setter.is_empty()) {
				names.push_back(StringName(property.info.name));
			}
		}
	}
	return names;
}

void _encode(const Variant &p_variant, Writer &w, bool p_full_objects, int p_depth);

void _encode_object(Object *p_object, Writer &w, bool p_full_objects, int p_depth) {
	if (!p_full_objects) {
		w.put_u32(Variant::OBJECT | HEADER_DATA_FLAG_OBJECT_AS_ID);
		w.put_u64(p_object->get_instance_id());
		return;
	}
	const StringName &class_name = p_object->get_class_name();
	if (!ClassDB::can_instantiate(class_name)) {
		w.fail(ERR_INVALID_PARAMETER, vformat("an Object of class %s cannot be sent as a full object because ClassDB cannot instantiate that class", class_name.c_str()));
		return;
	}
	if (!w.enter(p_object, ("an Object of class " + class_name.str()).c_str())) {
		return;
	}
	w.put_u32(Variant::OBJECT);
	w.put_string(class_name.str());
	const std::vector<StringName> properties = _storage_properties(class_name);
	w.put_u32(uint32_t(properties.size() + 1));
	for (const StringName &property : properties) {
		w.put_string(property.str());
		_encode(p_object->get(property), w, p_full_objects, p_depth + 1);
	}
	// Quickdot cannot name a script resource; Godot encodes an object without one this way.
	w.put_string(SCRIPT_PROPERTY);
	w.put_u32(Variant::NIL);
	w.leave();
}

// Elements are copied before encoding: with full objects a property getter runs user code,
// which could otherwise resize a container under our feet.
void _encode_array(const Array &p_array, Writer &w, bool p_full_objects, int p_depth) {
	if (!p_array.is_empty() && !w.enter(p_array.begin(), "an Array")) {
		return;
	}
	w.put_u32(Variant::ARRAY);
	const int64_t count = p_array.size();
	w.put_u32(uint32_t(count));
	for (int64_t i = 0; i < count && w.error == OK; i++) {
		if (i >= p_array.size()) {
			w.fail(ERR_BUG, "an Array shrank while it was being encoded (a property getter modified it)");
			break;
		}
		const Variant element = p_array[i];
		_encode(element, w, p_full_objects, p_depth + 1);
	}
	if (!p_array.is_empty()) {
		w.leave();
	}
}

void _encode_dictionary(const Dictionary &p_dictionary, Writer &w, bool p_full_objects, int p_depth) {
	const std::vector<std::pair<Variant, Variant>> &entries = p_dictionary.entries();
	if (!w.enter(&entries, "a Dictionary")) {
		return;
	}
	w.put_u32(Variant::DICTIONARY);
	const size_t count = entries.size();
	w.put_u32(uint32_t(count));
	for (size_t i = 0; i < count && w.error == OK; i++) {
		if (i >= entries.size()) {
			w.fail(ERR_BUG, "a Dictionary shrank while it was being encoded (a property getter modified it)");
			break;
		}
		const std::pair<Variant, Variant> entry = entries[i];
		_encode(entry.first, w, p_full_objects, p_depth + 1);
		_encode(entry.second, w, p_full_objects, p_depth + 1);
	}
	w.leave();
}

template <typename T, typename Put>
void _encode_packed(Variant::Type p_type, const PackedArray<T> &p_array, Writer &w, Put p_put) {
	w.put_u32(p_type);
	w.put_u32(uint32_t(p_array.size()));
	for (const T &value : p_array) {
		p_put(w, value);
	}
}

void _encode(const Variant &p_variant, Writer &w, bool p_full_objects, int p_depth) {
	if (w.error != OK) {
		return;
	}
	if (p_depth > MARSHALLS_MAX_DEPTH) {
		w.fail(ERR_OUT_OF_MEMORY, vformat("the value nests Arrays, Dictionaries or Objects deeper than %d levels", MARSHALLS_MAX_DEPTH));
		return;
	}
	const Variant::Type type = p_variant.get_type();
	switch (type) {
		case Variant::NIL: {
			w.put_u32(Variant::NIL);
		} break;
		case Variant::BOOL: {
			w.put_u32(Variant::BOOL);
			w.put_u32(p_variant.to_bool() ? 1 : 0);
		} break;
		case Variant::INT: {
			const int64_t value = p_variant.to_int();
			if (value > INT32_MAX || value < INT32_MIN) {
				w.put_u32(Variant::INT | HEADER_DATA_FLAG_64);
				w.put_u64(uint64_t(value));
			} else {
				w.put_u32(Variant::INT);
				w.put_u32(uint32_t(int32_t(value)));
			}
		} break;
		case Variant::FLOAT: {
			// Single precision whenever it is exact (IEEE conversion: huge values become inf, so
			// they compare unequal and take the 64-bit path; NaN always does, as in Godot).
			const double value = p_variant.to_float();
			const float single = float(value);
			if (double(single) == value) {
				w.put_u32(Variant::FLOAT);
				w.put_float(single);
			} else {
				w.put_u32(Variant::FLOAT | HEADER_DATA_FLAG_64);
				w.put_double(value);
			}
		} break;
		case Variant::STRING:
		case Variant::STRING_NAME: {
			w.put_u32(type);
			w.put_string(p_variant.to_string_value());
		} break;
		case Variant::VECTOR2: {
			const Vector2 value = p_variant.to_vector2();
			w.put_u32(Variant::VECTOR2);
			w.put_float(value.x);
			w.put_float(value.y);
		} break;
		case Variant::VECTOR2I: {
			const Vector2i value = p_variant.to_vector2i();
			w.put_u32(Variant::VECTOR2I);
			w.put_u32(uint32_t(value.x));
			w.put_u32(uint32_t(value.y));
		} break;
		case Variant::VECTOR3: {
			const Vector3 value = p_variant.to_vector3();
			w.put_u32(Variant::VECTOR3);
			w.put_float(value.x);
			w.put_float(value.y);
			w.put_float(value.z);
		} break;
		case Variant::VECTOR3I: {
			const Vector3i value = p_variant.to_vector3i();
			w.put_u32(Variant::VECTOR3I);
			w.put_u32(uint32_t(value.x));
			w.put_u32(uint32_t(value.y));
			w.put_u32(uint32_t(value.z));
		} break;
		case Variant::COLOR: {
			const Color value = p_variant.to_color();
			w.put_u32(Variant::COLOR);
			w.put_float(value.r);
			w.put_float(value.g);
			w.put_float(value.b);
			w.put_float(value.a);
		} break;
		case Variant::NODE_PATH: {
			const NodePath *path = p_variant.get_if<NodePath>();
			w.put_u32(Variant::NODE_PATH);
			w.put_u32(uint32_t(path->names.size()) | NODE_PATH_NEW_FORMAT);
			w.put_u32(uint32_t(path->subnames.size()));
			w.put_u32(path->absolute ? NODE_PATH_FLAG_ABSOLUTE : 0);
			for (const String &name : path->names) {
				w.put_string(name);
			}
			for (const String &subname : path->subnames) {
				w.put_string(subname);
			}
		} break;
		case Variant::OBJECT: {
			Object *object = p_variant.to_object();
			if (!object) {
				w.put_u32(Variant::NIL); // A freed object travels as null, as in Godot.
				break;
			}
			_encode_object(object, w, p_full_objects, p_depth);
		} break;
		case Variant::CALLABLE: {
			w.put_u32(Variant::CALLABLE); // Godot sends the header only.
		} break;
		case Variant::DICTIONARY: {
			_encode_dictionary(*p_variant.get_if<Dictionary>(), w, p_full_objects, p_depth);
		} break;
		case Variant::ARRAY: {
			_encode_array(*p_variant.get_if<Array>(), w, p_full_objects, p_depth);
		} break;
		case Variant::PACKED_BYTE_ARRAY: {
			const PackedByteArray &bytes = *p_variant.get_if<PackedByteArray>();
			w.put_u32(Variant::PACKED_BYTE_ARRAY);
			w.put_u32(uint32_t(bytes.size()));
			w.put(bytes.ptr(), size_t(bytes.size()));
			w.pad();
		} break;
		case Variant::PACKED_INT32_ARRAY: {
			_encode_packed(type, *p_variant.get_if<PackedInt32Array>(), w, [](Writer &r_w, int32_t p_value) { r_w.put_u32(uint32_t(p_value)); });
		} break;
		case Variant::PACKED_INT64_ARRAY: {
			_encode_packed(type, *p_variant.get_if<PackedInt64Array>(), w, [](Writer &r_w, int64_t p_value) { r_w.put_u64(uint64_t(p_value)); });
		} break;
		case Variant::PACKED_FLOAT32_ARRAY: {
			_encode_packed(type, *p_variant.get_if<PackedFloat32Array>(), w, [](Writer &r_w, float p_value) { r_w.put_float(p_value); });
		} break;
		case Variant::PACKED_FLOAT64_ARRAY: {
			_encode_packed(type, *p_variant.get_if<PackedFloat64Array>(), w, [](Writer &r_w, double p_value) { r_w.put_double(p_value); });
		} break;
		case Variant::PACKED_STRING_ARRAY: {
			// Unlike other strings, these lengths count a trailing NUL that is also sent.
			_encode_packed(type, *p_variant.get_if<PackedStringArray>(), w, [](Writer &r_w, const String &p_value) {
				r_w.put_u32(uint32_t(p_value.size() + 1));
				r_w.put(p_value.c_str(), p_value.size() + 1);
				r_w.pad();
			});
		} break;
		default: {
			// Every type Variant can hold is handled above.
			w.fail(ERR_BUG, vformat("a %s value cannot be encoded", Variant::get_type_name(type)));
		} break;
	}
}

// ---------------------------------------------------------------- Decoding

struct Reader {
	const uint8_t *cursor = nullptr;
	int remaining = 0;
	bool allow_objects = false;
	String problem;
	std::vector<Object *> plain_objects; // Created objects nobody owns yet: freed if decoding fails.

	Error fail(Error p_error, const String &p_problem) {
		if (problem.empty()) {
			problem = p_problem;
		}
		return p_error;
	}

	bool has(uint64_t p_bytes) const { return p_bytes <= uint64_t(remaining); }

	void skip(int p_bytes) {
		cursor += p_bytes;
		remaining -= p_bytes;
	}

	bool u32(uint32_t &r_value) {
		if (!has(4)) {
			return false;
		}
		r_value = next_u32();
		return true;
	}

	bool u64(uint64_t &r_value) {
		if (!has(8)) {
			return false;
		}
		r_value = next_u64();
		return true;
	}

	// The next_* readers are for values whose size the caller has already checked with has().
	uint32_t next_u32() {
		const uint32_t value = decode_uint32(cursor);
		skip(4);
		return value;
	}

	uint64_t next_u64() {
		const uint64_t value = decode_uint64(cursor);
		skip(8);
		return value;
	}

	float next_f32() {
		const float value = decode_float(cursor);
		skip(4);
		return value;
	}

	double next_f64() {
		const double value = decode_double(cursor);
		skip(8);
		return value;
	}
};

// Strict UTF-8 (no overlong forms, surrogates or code points past U+10FFFF), as Godot's parser.
bool _is_valid_utf8(const uint8_t *p_text, size_t p_size) {
	size_t i = 0;
	while (i < p_size) {
		const uint8_t lead = p_text[i];
		if (lead < 0x80) {
			i++;
			continue;
		}
		size_t continuation;
		uint32_t code_point;
		uint32_t minimum;
		if ((lead & 0xE0) == 0xC0) {
			continuation = 1;
			code_point = lead & 0x1F;
			minimum = 0x80;
		} else if ((lead & 0xF0) == 0xE0) {
			continuation = 2;
			code_point = lead & 0x0F;
			minimum = 0x800;
		} else if ((lead & 0xF8) == 0xF0) {
			continuation = 3;
			code_point = lead & 0x07;
			minimum = 0x10000;
		} else {
			return false;
		}
		if (continuation >= p_size - i) {
			return false;
		}
		for (size_t k = 1; k <= continuation; k++) {
			const uint8_t byte = p_text[i + k];
			if ((byte & 0xC0) != 0x80) {
				return false;
			}
			code_point = (code_point << 6) | (byte & 0x3F);
		}
		if (code_point < minimum || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
			return false;
		}
		i += continuation + 1;
	}
	return true;
}

Error _decode_string(Reader &r, String &r_string) {
	uint32_t size;
	if (!r.u32(size)) {
		return ERR_INVALID_DATA;
	}
	const uint64_t padded = (uint64_t(size) + 3) & ~uint64_t(3);
	if (!r.has(padded)) {
		return ERR_INVALID_DATA;
	}
	// Godot's strings end at the first NUL (PackedStringArray sends one on purpose).
	const void *nul = memchr(r.cursor, 0, size);
	const size_t text_size = nul ? size_t(static_cast<const uint8_t *>(nul) - r.cursor) : size_t(size);
	if (!_is_valid_utf8(r.cursor, text_size)) {
		return r.fail(ERR_INVALID_DATA, "a string that is not valid UTF-8");
	}
	r_string.assign(reinterpret_cast<const char *>(r.cursor), text_size);
	r.skip(int(padded));
	return OK;
}

// Typed containers: the element type is read and dropped, since Quickdot's containers are untyped.
Error _skip_container_type(Reader &r, uint32_t p_kind) {
	switch (p_kind) {
		case CONTAINER_TYPE_KIND_NONE:
			return OK;
		case CONTAINER_TYPE_KIND_BUILTIN: {
			uint32_t type;
			if (!r.u32(type)) {
				return ERR_INVALID_DATA;
			}
			return type < Variant::VARIANT_MAX ? OK : r.fail(ERR_INVALID_DATA, vformat("a typed container of unknown Variant type %u", type));
		}
		default: {
			String name; // CONTAINER_TYPE_KIND_CLASS_NAME or CONTAINER_TYPE_KIND_SCRIPT.
			return _decode_string(r, name);
		}
	}
}

Error _decode(Reader &r, Variant &r_variant, int p_depth);

Error _decode_object(Reader &r, uint32_t p_header, Variant &r_variant, int p_depth) {
	if (p_header & HEADER_DATA_FLAG_OBJECT_AS_ID) {
		uint64_t id;
		if (!r.u64(id)) {
			return ERR_INVALID_DATA;
		}
		r_variant = id == 0 ? Variant() : Variant(int64_t(id));
		return OK;
	}
	if (!r.allow_objects) {
		return r.fail(ERR_UNAUTHORIZED, "a full Object, and decoding objects was not allowed");
	}
	String class_name;
	Error error = _decode_string(r, class_name);
	if (error != OK) {
		return error;
	}
	if (class_name.empty()) {
		r_variant = Variant();
		return OK;
	}
	const ClassDB::ClassInfo *info = ClassDB::get_class_info(class_name);
	if (!info || !info->creator || !info->exposed) {
		return r.fail(ERR_INVALID_DATA, vformat("an Object of class '%s', which ClassDB cannot instantiate", class_name.c_str()));
	}
	uint32_t count;
	if (!r.u32(count) || !r.has(uint64_t(count) * 8)) { // A name and a value take at least 4 bytes each.
		return ERR_INVALID_DATA;
	}
	Object *object = ClassDB::instantiate(class_name);
	if (!object) {
		return r.fail(ERR_UNAVAILABLE, vformat("an Object of class '%s', which could not be created (is its module loaded?)", class_name.c_str()));
	}
	// Hold a RefCounted object right away: setters may take and drop references to it.
	const Variant holder(object);
	if (!object->is_ref_counted()) {
		r.plain_objects.push_back(object);
	}
	for (uint32_t i = 0; i < count; i++) {
		String property;
		error = _decode_string(r, property);
		if (error != OK) {
			return error;
		}
		Variant value;
		error = _decode(r, value, p_depth + 1);
		if (error != OK) {
			return error;
		}
		if (property == SCRIPT_PROPERTY) {
			if (!value.is_nil()) {
				return r.fail(ERR_INVALID_DATA, vformat("an Object of class '%s' with a script, which cannot be restored from encoded data", class_name.c_str()));
			}
			continue;
		}
		object->set(StringName(property), value);
	}
	r_variant = holder;
	return OK;
}

template <typename T, typename Read>
Error _decode_packed(Reader &r, Variant &r_variant, uint64_t p_element_size, Read p_read) {
	uint32_t count;
	if (!r.u32(count) || !r.has(uint64_t(count) * p_element_size)) {
		return ERR_INVALID_DATA;
	}
	std::vector<T> values(count);
	for (T &value : values) {
		value = p_read(r);
	}
	r_variant = PackedArray<T>(std::move(values));
	return OK;
}

Error _decode(Reader &r, Variant &r_variant, int p_depth) {
	if (p_depth > MARSHALLS_MAX_DEPTH) {
		return r.fail(ERR_OUT_OF_MEMORY, vformat("Arrays, Dictionaries or Objects nested deeper than %d levels", MARSHALLS_MAX_DEPTH));
	}
	uint32_t header;
	if (!r.u32(header)) {
		return ERR_INVALID_DATA;
	}
	const uint32_t type = header & HEADER_TYPE_MASK;
	const bool flag_64 = header & HEADER_DATA_FLAG_64;
	switch (type) {
		case Variant::NIL: {
			r_variant = Variant();
		} break;
		case Variant::BOOL: {
			uint32_t value;
			if (!r.u32(value)) {
				return ERR_INVALID_DATA;
			}
			r_variant = value != 0;
		} break;
		case Variant::INT: {
			if (flag_64) {
				uint64_t value;
				if (!r.u64(value)) {
					return ERR_INVALID_DATA;
				}
				r_variant = int64_t(value);
			} else {
				uint32_t value;
				if (!r.u32(value)) {
					return ERR_INVALID_DATA;
				}
				r_variant = int32_t(value);
			}
		} break;
		case Variant::FLOAT: {
			if (!r.has(flag_64 ? 8 : 4)) {
				return ERR_INVALID_DATA;
			}
			r_variant = flag_64 ? r.next_f64() : double(r.next_f32());
		} break;
		case Variant::STRING:
		case Variant::STRING_NAME: {
			String text;
			const Error error = _decode_string(r, text);
			if (error != OK) {
				return error;
			}
			r_variant = type == Variant::STRING ? Variant(std::move(text)) : Variant(StringName(std::move(text)));
		} break;
		case Variant::VECTOR2:
		case Variant::VECTOR3: {
			// FLAG_64 marks a double-precision Godot build; Quickdot's real_t is float.
			const int components = type == Variant::VECTOR2 ? 2 : 3;
			if (!r.has(uint64_t(components) * (flag_64 ? 8 : 4))) {
				return ERR_INVALID_DATA;
			}
			float values[3] = {};
			for (int i = 0; i < components; i++) {
				values[i] = flag_64 ? float(r.next_f64()) : r.next_f32();
			}
			if (type == Variant::VECTOR2) {
				r_variant = Vector2{ values[0], values[1] };
			} else {
				r_variant = Vector3{ values[0], values[1], values[2] };
			}
		} break;
		case Variant::VECTOR2I: {
			uint32_t x, y;
			if (!r.u32(x) || !r.u32(y)) {
				return ERR_INVALID_DATA;
			}
			r_variant = Vector2i{ int32_t(x), int32_t(y) };
		} break;
		case Variant::VECTOR3I: {
			uint32_t x, y, z;
			if (!r.u32(x) || !r.u32(y) || !r.u32(z)) {
				return ERR_INVALID_DATA;
			}
			r_variant = Vector3i{ int32_t(x), int32_t(y), int32_t(z) };
		} break;
		case Variant::COLOR: {
			if (!r.has(16)) { // Always single precision, even from double builds.
				return ERR_INVALID_DATA;
			}
			Color color;
			color.r = r.next_f32();
			color.g = r.next_f32();
			color.b = r.next_f32();
			color.a = r.next_f32();
			r_variant = color;
		} break;
		case Variant::NODE_PATH: {
			uint32_t name_count, subname_count, flags;
			if (!r.u32(name_count) || !(name_count & NODE_PATH_NEW_FORMAT)) {
				return r.fail(ERR_INVALID_DATA, "a NodePath in the pre-3.0 format");
			}
			if (!r.u32(subname_count) || !r.u32(flags)) {
				return ERR_INVALID_DATA;
			}
			name_count &= ~NODE_PATH_NEW_FORMAT;
			const uint64_t total = uint64_t(name_count) + subname_count + ((flags & NODE_PATH_FLAG_PROPERTY) ? 1 : 0);
			if (!r.has(total * 4)) {
				return ERR_INVALID_DATA;
			}
			NodePath path;
			path.absolute = flags & NODE_PATH_FLAG_ABSOLUTE;
			for (uint64_t i = 0; i < total; i++) {
				String part;
				const Error error = _decode_string(r, part);
				if (error != OK) {
					return error;
				}
				(i < name_count ? path.names : path.subnames).push_back(std::move(part));
			}
			r_variant = path;
		} break;
		case Variant::OBJECT: {
			return _decode_object(r, header, r_variant, p_depth);
		}
		case Variant::CALLABLE: {
			r_variant = Callable(); // Godot sends no payload for a Callable.
		} break;
		case Variant::DICTIONARY: {
			Error error = _skip_container_type(r, (header >> HEADER_TYPED_DICTIONARY_KEY_SHIFT) & CONTAINER_TYPE_KIND_MASK);
			if (error == OK) {
				error = _skip_container_type(r, (header >> HEADER_TYPED_DICTIONARY_VALUE_SHIFT) & CONTAINER_TYPE_KIND_MASK);
			}
			if (error != OK) {
				return error;
			}
			uint32_t count;
			if (!r.u32(count)) {
				return ERR_INVALID_DATA;
			}
			count &= CONTAINER_COUNT_MASK;
			if (!r.has(uint64_t(count) * 8)) { // A key and a value take at least 4 bytes each.
				return ERR_INVALID_DATA;
			}
			Dictionary dictionary;
			for (uint32_t i = 0; i < count; i++) {
				Variant key, value;
				error = _decode(r, key, p_depth + 1);
				if (error == OK) {
					error = _decode(r, value, p_depth + 1);
				}
				if (error != OK) {
					return error;
				}
				dictionary.set(key, value);
			}
			r_variant = dictionary;
		} break;
		case Variant::ARRAY: {
			Error error = _skip_container_type(r, (header >> HEADER_TYPED_ARRAY_SHIFT) & CONTAINER_TYPE_KIND_MASK);
			if (error != OK) {
				return error;
			}
			uint32_t count;
			if (!r.u32(count)) {
				return ERR_INVALID_DATA;
			}
			count &= CONTAINER_COUNT_MASK;
			if (!r.has(uint64_t(count) * 4)) { // Every element takes at least 4 bytes.
				return ERR_INVALID_DATA;
			}
			Array array;
			for (uint32_t i = 0; i < count; i++) {
				Variant element;
				error = _decode(r, element, p_depth + 1);
				if (error != OK) {
					return error;
				}
				array.push_back(element);
			}
			r_variant = array;
		} break;
		case Variant::PACKED_BYTE_ARRAY: {
			uint32_t count;
			if (!r.u32(count) || !r.has((uint64_t(count) + 3) & ~uint64_t(3))) {
				return ERR_INVALID_DATA;
			}
			r_variant = PackedByteArray(r.cursor, count);
			r.skip(int((count + 3) & ~3u));
		} break;
		case Variant::PACKED_INT32_ARRAY: {
			return _decode_packed<int32_t>(r, r_variant, 4, [](Reader &r_r) { return int32_t(r_r.next_u32()); });
		}
		case Variant::PACKED_INT64_ARRAY: {
			return _decode_packed<int64_t>(r, r_variant, 8, [](Reader &r_r) { return int64_t(r_r.next_u64()); });
		}
		case Variant::PACKED_FLOAT32_ARRAY: {
			return _decode_packed<float>(r, r_variant, 4, [](Reader &r_r) { return r_r.next_f32(); });
		}
		case Variant::PACKED_FLOAT64_ARRAY: {
			return _decode_packed<double>(r, r_variant, 8, [](Reader &r_r) { return r_r.next_f64(); });
		}
		case Variant::PACKED_STRING_ARRAY: {
			uint32_t count;
			if (!r.u32(count) || !r.has(uint64_t(count) * 4)) { // Every string takes at least 4 bytes.
				return ERR_INVALID_DATA;
			}
			std::vector<String> strings(count);
			for (String &text : strings) {
				const Error error = _decode_string(r, text);
				if (error != OK) {
					return error;
				}
			}
			r_variant = PackedStringArray(std::move(strings));
		} break;
		default: {
			if (type >= Variant::VARIANT_MAX) {
				return r.fail(ERR_INVALID_DATA, vformat("unknown Variant type %u", type));
			}
			return r.fail(ERR_INVALID_DATA, vformat("a %s, a type Quickdot's Variant cannot hold", Variant::get_type_name(Variant::Type(type))));
		}
	}
	return OK;
}

Error _decode_variant(Variant &r_variant, const uint8_t *p_buffer, int p_len, int *r_len, bool p_allow_objects, int p_depth, String &r_problem) {
	if (p_len < 0 || (!p_buffer && p_len > 0)) {
		return ERR_INVALID_PARAMETER;
	}
	Reader r;
	r.cursor = p_buffer;
	r.remaining = p_len;
	r.allow_objects = p_allow_objects;
	Variant value;
	const Error error = _decode(r, value, p_depth);
	if (error != OK) {
		value = Variant();
		for (auto object = r.plain_objects.rbegin(); object != r.plain_objects.rend(); ++object) {
			memdelete(*object);
		}
		r_problem = r.problem.empty() ? String("truncated or corrupt data") : r.problem;
		return error;
	}
	r_variant = std::move(value);
	if (r_len) {
		*r_len = p_len - r.remaining;
	}
	return OK;
}

Error _encode_variant_to_bytes(const Variant &p_variant, PackedByteArray &r_bytes, bool p_full_objects, String &r_problem) {
	r_bytes.clear();
	Writer length_pass;
	_encode(p_variant, length_pass, p_full_objects, 0);
	if (length_pass.error != OK) {
		r_problem = length_pass.problem;
		return length_pass.error;
	}
	std::vector<uint8_t> bytes(size_t(length_pass.length));
	Writer write_pass;
	write_pass.cursor = bytes.data();
	write_pass.end = bytes.data() + bytes.size();
	_encode(p_variant, write_pass, p_full_objects, 0);
	if (write_pass.error == OK && write_pass.length != length_pass.length) {
		write_pass.fail(ERR_BUG, "the value changed while it was being encoded (a property getter modified it)");
	}
	if (write_pass.error != OK) {
		r_problem = write_pass.problem;
		return write_pass.error;
	}
	r_bytes = PackedByteArray(std::move(bytes));
	return OK;
}

} // namespace

Error encode_variant(const Variant &p_variant, uint8_t *r_buffer, int &r_len, bool p_full_objects, int p_depth) {
	Writer w;
	w.cursor = r_buffer;
	_encode(p_variant, w, p_full_objects, p_depth);
	r_len = w.error == OK ? int(w.length) : 0;
	return w.error;
}

Error encode_variant_to_bytes(const Variant &p_variant, PackedByteArray &r_bytes, bool p_full_objects) {
	String problem;
	return _encode_variant_to_bytes(p_variant, r_bytes, p_full_objects, problem);
}

Error decode_variant(Variant &r_variant, const uint8_t *p_buffer, int p_len, int *r_len, bool p_allow_objects, int p_depth) {
	String problem;
	return _decode_variant(r_variant, p_buffer, p_len, r_len, p_allow_objects, p_depth, problem);
}

PackedByteArray var_to_bytes(const Variant &p_variant, bool p_full_objects) {
	PackedByteArray bytes;
	String problem;
	const Error error = _encode_variant_to_bytes(p_variant, bytes, p_full_objects, problem);
	if (error != OK) {
		print_error(vformat("%s: cannot encode the value: %s (%s); returning an empty array.", p_full_objects ? "var_to_bytes_with_objects" : "var_to_bytes", problem.c_str(), error_constant_name(error)));
	}
	return bytes;
}

Variant bytes_to_var(const PackedByteArray &p_bytes, bool p_allow_objects) {
	const char *function = p_allow_objects ? "bytes_to_var_with_objects" : "bytes_to_var";
	if (p_bytes.size() > INT_MAX) {
		print_error(vformat("%s: %lld bytes is more than the 2 GiB an encoded value can take (ERR_INVALID_PARAMETER); returning null.", function, (long long)p_bytes.size()));
		return Variant();
	}
	Variant value;
	String problem;
	const Error error = _decode_variant(value, p_bytes.ptr(), int(p_bytes.size()), nullptr, p_allow_objects, 0, problem);
	if (error == ERR_UNAUTHORIZED) {
		print_error(vformat("%s: the bytes contain a full Object; decode them with bytes_to_var_with_objects, and only if they come from a trusted source (ERR_UNAUTHORIZED); returning null.", function));
	} else if (error != OK) {
		print_error(vformat("%s: cannot decode the bytes: they contain %s (%s); returning null.", function, problem.c_str(), error_constant_name(error)));
	}
	return value;
}

} // namespace godot
