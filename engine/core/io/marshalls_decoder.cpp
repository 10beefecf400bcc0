// The decoding half of core/io/marshalls.h: decode_variant, and where and why it failed.
// Over 600 lines because it is one switch over every Variant type with the readers it uses;
// split, each part would need the Reader and the others' helpers.

#include "core/io/marshalls.h"
#include "core/io/marshalls_format.h"
#include "core/object/class_db.h"
#include "core/string/print_string.h"

#include <cfloat>
#include <climits>
#include <cmath>
#include <type_traits>
#include <vector>

namespace godot {

using namespace marshalls_format;

String DecodeError::describe() const {
	if (type < 0 || type >= Variant::VARIANT_MAX) {
		return vformat("can't decode a value at byte %d: %s", offset, reason.c_str());
	}
	const char *name = Variant::get_type_name(type);
	const bool vowel = String("AEIOUaeiou").find(name[0]) != String::npos;
	return vformat("can't decode %s %s at byte %d: %s", vowel ? "an" : "a", name, offset, reason.c_str());
}

namespace {

struct Reader {
	const uint8_t *start = nullptr;
	const uint8_t *cursor = nullptr;
	int remaining = 0;
	bool allow_objects = false;
	// The value being decoded, for the failure report.
	Variant::Type value_type = Variant::VARIANT_MAX;
	int value_offset = 0;
	DecodeError failure; // The first (innermost) failure.
	std::vector<Object *> plain_objects; // Created objects nobody owns yet: freed if decoding fails.

	int offset() const { return int(cursor - start); }

	Error fail(Error p_error, const String &p_reason) {
		if (failure.error == OK) {
			failure.error = p_error;
			failure.type = value_type;
			failure.offset = value_offset;
			failure.reason = p_reason;
		}
		return p_error;
	}

	// False, with the failure recorded, when fewer than p_bytes are left.
	bool need(uint64_t p_bytes) {
		if (p_bytes <= uint64_t(remaining)) {
			return true;
		}
		fail(ERR_INVALID_DATA, vformat("needs %llu bytes, %d left", (unsigned long long)p_bytes, remaining));
		return false;
	}

	void skip(int p_bytes) {
		cursor += p_bytes;
		remaining -= p_bytes;
	}

	bool u32(uint32_t &r_value) {
		if (!need(4)) {
			return false;
		}
		r_value = next_u32();
		return true;
	}

	bool u64(uint64_t &r_value) {
		if (!need(8)) {
			return false;
		}
		r_value = next_u64();
		return true;
	}

	// The next_* readers are for values whose size the caller has already checked with need().
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
	if (!r.need((uint64_t(size) + 3) & ~uint64_t(3))) {
		return ERR_INVALID_DATA;
	}
	// Godot's strings end at the first NUL (PackedStringArray sends one on purpose).
	const void *nul = memchr(r.cursor, 0, size);
	const size_t text_size = nul ? size_t(static_cast<const uint8_t *>(nul) - r.cursor) : size_t(size);
	if (!_is_valid_utf8(r.cursor, text_size)) {
		return r.fail(ERR_INVALID_DATA, "a string that is not valid UTF-8");
	}
	r_string.assign(reinterpret_cast<const char *>(r.cursor), text_size);
	r.skip(int((size + 3) & ~3u));
	return OK;
}

// A container's element type. Without objects allowed, object elements arrive as
// EncodedObjectAsID, so that becomes the class (Godot does the same).
Error _decode_container_type(Reader &r, uint32_t p_kind, ContainerType &r_type) {
	switch (p_kind) {
		case CONTAINER_TYPE_KIND_NONE:
			return OK;
		case CONTAINER_TYPE_KIND_BUILTIN: {
			uint32_t type;
			if (!r.u32(type)) {
				return ERR_INVALID_DATA;
			}
			if (type >= Variant::VARIANT_MAX) {
				return r.fail(ERR_INVALID_DATA, vformat("its element type, %u, is not a Variant type", type));
			}
			r_type.builtin = Variant::Type(type);
			if (r_type.builtin == Variant::OBJECT && !r.allow_objects) {
				r_type.class_name = EncodedObjectAsID::get_class_static();
			}
			return OK;
		}
		case CONTAINER_TYPE_KIND_CLASS_NAME: {
			String name;
			const Error error = _decode_string(r, name);
			if (error != OK) {
				return error;
			}
			r_type.builtin = Variant::OBJECT;
			r_type.class_name = r.allow_objects ? StringName(name) : EncodedObjectAsID::get_class_static();
			return OK;
		}
		default: {
			String path; // CONTAINER_TYPE_KIND_SCRIPT.
			const Error error = _decode_string(r, path);
			if (error != OK) {
				return error;
			}
			if (r.allow_objects) {
				return r.fail(ERR_INVALID_DATA, vformat("its elements are typed by the script '%s', and Quickdot cannot load scripts", path.c_str()));
			}
			r_type.builtin = Variant::OBJECT;
			r_type.class_name = EncodedObjectAsID::get_class_static();
			return OK;
		}
	}
}

Error _decode(Reader &r, Variant &r_variant, int p_depth);

// Decodes one element of a container whose context (type and offset) is restored afterwards,
// so that a failure further on is reported against the container.
Error _decode_element(Reader &r, Variant &r_value, int p_depth) {
	const Variant::Type type = r.value_type;
	const int offset = r.value_offset;
	const Error error = _decode(r, r_value, p_depth);
	r.value_type = type;
	r.value_offset = offset;
	return error;
}

Error _decode_object(Reader &r, uint32_t p_header, Variant &r_variant, int p_depth) {
	if (p_header & HEADER_DATA_FLAG_OBJECT_AS_ID) {
		uint64_t id;
		if (!r.u64(id)) {
			return ERR_INVALID_DATA;
		}
		if (id == 0) {
			r_variant = Variant();
			return OK;
		}
		Ref<EncodedObjectAsID> encoded = memnew(EncodedObjectAsID);
		encoded->set_object_id(id);
		r_variant = Variant(encoded.ptr());
		return OK;
	}
	if (!r.allow_objects) {
		return r.fail(ERR_UNAUTHORIZED, "it is a full Object, and decoding objects was not allowed");
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
		return r.fail(ERR_INVALID_DATA, vformat("its class, '%s', is not one ClassDB can instantiate", class_name.c_str()));
	}
	uint32_t count;
	if (!r.u32(count) || !r.need(uint64_t(count) * 8)) { // A name and a value take at least 4 bytes each.
		return ERR_INVALID_DATA;
	}
	Object *object = ClassDB::instantiate(class_name);
	if (!object) {
		return r.fail(ERR_UNAVAILABLE, vformat("its class, '%s', could not be instantiated (is its module loaded?)", class_name.c_str()));
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
		error = _decode_element(r, value, p_depth + 1);
		if (error != OK) {
			return error;
		}
		if (property == SCRIPT_PROPERTY) {
			if (!value.is_nil()) {
				return r.fail(ERR_INVALID_DATA, vformat("it has a script, which cannot be restored from encoded data (class '%s')", class_name.c_str()));
			}
			continue;
		}
		object->set(StringName(property), value);
	}
	r_variant = holder;
	return OK;
}

Error _decode_array(Reader &r, uint32_t p_header, Variant &r_variant, int p_depth) {
	ContainerType type;
	Error error = _decode_container_type(r, (p_header >> HEADER_TYPED_ARRAY_SHIFT) & CONTAINER_TYPE_KIND_MASK, type);
	if (error != OK) {
		return error;
	}
	uint32_t count;
	if (!r.u32(count)) {
		return ERR_INVALID_DATA;
	}
	count &= CONTAINER_COUNT_MASK;
	if (!r.need(uint64_t(count) * 4)) { // Every element takes at least 4 bytes.
		return ERR_INVALID_DATA;
	}
	Array array;
	array.set_typed(type);
	for (uint32_t i = 0; i < count; i++) {
		Variant element;
		error = _decode_element(r, element, p_depth + 1);
		if (error != OK) {
			return error;
		}
		if (!type.validate(element)) {
			return r.fail(ERR_INVALID_DATA, vformat("element %u is a %s, which an Array[%s] cannot hold", i, Variant::get_type_name(element.get_type()), type.to_string().c_str()));
		}
		array.push_back(element);
	}
	r_variant = array;
	return OK;
}

Error _decode_dictionary(Reader &r, uint32_t p_header, Variant &r_variant, int p_depth) {
	ContainerType key_type, value_type;
	Error error = _decode_container_type(r, (p_header >> HEADER_TYPED_DICTIONARY_KEY_SHIFT) & CONTAINER_TYPE_KIND_MASK, key_type);
	if (error == OK) {
		error = _decode_container_type(r, (p_header >> HEADER_TYPED_DICTIONARY_VALUE_SHIFT) & CONTAINER_TYPE_KIND_MASK, value_type);
	}
	if (error != OK) {
		return error;
	}
	uint32_t count;
	if (!r.u32(count)) {
		return ERR_INVALID_DATA;
	}
	count &= CONTAINER_COUNT_MASK;
	if (!r.need(uint64_t(count) * 8)) { // A key and a value take at least 4 bytes each.
		return ERR_INVALID_DATA;
	}
	Dictionary dictionary;
	dictionary.set_typed(key_type, value_type);
	for (uint32_t i = 0; i < count; i++) {
		Variant key, value;
		error = _decode_element(r, key, p_depth + 1);
		if (error == OK) {
			error = _decode_element(r, value, p_depth + 1);
		}
		if (error != OK) {
			return error;
		}
		if (!key_type.validate(key) || !value_type.validate(value)) {
			return r.fail(ERR_INVALID_DATA, vformat("entry %u (a %s key, a %s value) does not fit a Dictionary[%s, %s]", i, Variant::get_type_name(key.get_type()), Variant::get_type_name(value.get_type()), key_type.to_string().c_str(), value_type.to_string().c_str()));
		}
		dictionary.set(key, value);
	}
	r_variant = dictionary;
	return OK;
}

// A double from a double-precision build, narrowed without the undefined behaviour of
// converting a value a float cannot hold.
float _narrow(double p_value) {
	if (p_value > FLT_MAX) {
		return INFINITY;
	}
	if (p_value < -FLT_MAX) {
		return -INFINITY;
	}
	return float(p_value);
}

// The inverse of marshalls.cpp's _encode_components: a run of real_t (32- or, with FLAG_64,
// 64-bit on the wire) or of int32 components, in the value's memory layout.
template <typename Component, typename T>
bool _decode_components(Reader &r, bool p_64, T &r_value) {
	constexpr size_t count = sizeof(T) / sizeof(Component);
	Component components[count];
	if constexpr (std::is_same_v<Component, float>) {
		if (!r.need(count * (p_64 ? 8 : 4))) {
			return false;
		}
		for (Component &component : components) {
			component = p_64 ? _narrow(r.next_f64()) : r.next_f32();
		}
	} else {
		if (!r.need(count * 4)) {
			return false;
		}
		for (Component &component : components) {
			component = int32_t(r.next_u32());
		}
	}
	memcpy(&r_value, components, sizeof(T));
	return true;
}

template <typename T>
Error _decode_math(Reader &r, bool p_64, Variant &r_variant) {
	T value;
	if (!_decode_components<real_t>(r, p_64, value)) {
		return ERR_INVALID_DATA;
	}
	r_variant = value;
	return OK;
}

template <typename T>
Error _decode_integer_math(Reader &r, Variant &r_variant) {
	T value;
	if (!_decode_components<int32_t>(r, false, value)) {
		return ERR_INVALID_DATA;
	}
	r_variant = value;
	return OK;
}

template <typename T, typename Read>
Error _decode_packed(Reader &r, Variant &r_variant, uint64_t p_element_size, Read p_read) {
	uint32_t count;
	if (!r.u32(count) || !r.need(uint64_t(count) * p_element_size)) {
		return ERR_INVALID_DATA;
	}
	std::vector<T> values(count);
	for (T &value : values) {
		value = p_read(r);
	}
	r_variant = PackedArray<T>(std::move(values));
	return OK;
}

// PackedVector2/3/4Array (FLAG_64: doubles) and PackedColorArray (always floats).
template <typename T>
Error _decode_packed_math(Reader &r, bool p_64, Variant &r_variant) {
	const uint64_t element_size = sizeof(T) / sizeof(float) * (p_64 ? 8 : 4);
	return _decode_packed<T>(r, r_variant, element_size, [p_64](Reader &r_r) {
		T value;
		_decode_components<float>(r_r, p_64, value);
		return value;
	});
}

Error _decode(Reader &r, Variant &r_variant, int p_depth) {
	r.value_type = Variant::VARIANT_MAX;
	r.value_offset = r.offset();
	if (p_depth > MARSHALLS_MAX_DEPTH) {
		return r.fail(ERR_OUT_OF_MEMORY, vformat("Arrays, Dictionaries or Objects are nested deeper than %d levels", MARSHALLS_MAX_DEPTH));
	}
	uint32_t header;
	if (!r.u32(header)) {
		return ERR_INVALID_DATA;
	}
	const uint32_t type = header & HEADER_TYPE_MASK;
	if (type >= Variant::VARIANT_MAX) {
		return r.fail(ERR_INVALID_DATA, vformat("its type, %u, is not a Variant type", type));
	}
	r.value_type = Variant::Type(type);
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
			if (!r.need(flag_64 ? 8 : 4)) {
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
			return _decode_math<Vector2>(r, flag_64, r_variant);
		case Variant::VECTOR2I:
			return _decode_integer_math<Vector2i>(r, r_variant);
		case Variant::RECT2:
			return _decode_math<Rect2>(r, flag_64, r_variant);
		case Variant::RECT2I:
			return _decode_integer_math<Rect2i>(r, r_variant);
		case Variant::VECTOR3:
			return _decode_math<Vector3>(r, flag_64, r_variant);
		case Variant::VECTOR3I:
			return _decode_integer_math<Vector3i>(r, r_variant);
		case Variant::TRANSFORM2D:
			return _decode_math<Transform2D>(r, flag_64, r_variant);
		case Variant::VECTOR4:
			return _decode_math<Vector4>(r, flag_64, r_variant);
		case Variant::VECTOR4I:
			return _decode_integer_math<Vector4i>(r, r_variant);
		case Variant::PLANE:
			return _decode_math<Plane>(r, flag_64, r_variant);
		case Variant::QUATERNION:
			return _decode_math<Quaternion>(r, flag_64, r_variant);
		case Variant::AABB:
			return _decode_math<AABB>(r, flag_64, r_variant);
		case Variant::BASIS:
			return _decode_math<Basis>(r, flag_64, r_variant);
		case Variant::TRANSFORM3D:
			return _decode_math<Transform3D>(r, flag_64, r_variant);
		case Variant::PROJECTION:
			return _decode_math<Projection>(r, flag_64, r_variant);
		case Variant::COLOR:
			return _decode_math<Color>(r, false, r_variant); // Always single precision, even from double builds.
		case Variant::NODE_PATH: {
			uint32_t name_count, subname_count, flags;
			if (!r.u32(name_count)) {
				return ERR_INVALID_DATA;
			}
			if (!(name_count & NODE_PATH_NEW_FORMAT)) {
				return r.fail(ERR_INVALID_DATA, "it is in the pre-3.0 format");
			}
			if (!r.u32(subname_count) || !r.u32(flags)) {
				return ERR_INVALID_DATA;
			}
			name_count &= ~NODE_PATH_NEW_FORMAT;
			const uint64_t total = uint64_t(name_count) + subname_count + ((flags & NODE_PATH_FLAG_PROPERTY) ? 1 : 0);
			if (!r.need(total * 4)) {
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
		case Variant::RID: {
			uint64_t id;
			if (!r.u64(id)) {
				return ERR_INVALID_DATA;
			}
			r_variant = RID::from_uint64(id);
		} break;
		case Variant::OBJECT:
			return _decode_object(r, header, r_variant, p_depth);
		case Variant::CALLABLE: {
			r_variant = Callable(); // Godot sends no payload for a Callable.
		} break;
		case Variant::SIGNAL: {
			String name;
			const Error error = _decode_string(r, name);
			if (error != OK) {
				return error;
			}
			uint64_t id;
			if (!r.u64(id)) {
				return ERR_INVALID_DATA;
			}
			r_variant = Signal(ObjectID(id), StringName(std::move(name)));
		} break;
		case Variant::DICTIONARY:
			return _decode_dictionary(r, header, r_variant, p_depth);
		case Variant::ARRAY:
			return _decode_array(r, header, r_variant, p_depth);
		case Variant::PACKED_BYTE_ARRAY: {
			uint32_t count;
			if (!r.u32(count) || !r.need((uint64_t(count) + 3) & ~uint64_t(3))) {
				return ERR_INVALID_DATA;
			}
			r_variant = PackedByteArray(r.cursor, count);
			r.skip(int((count + 3) & ~3u));
		} break;
		case Variant::PACKED_INT32_ARRAY:
			return _decode_packed<int32_t>(r, r_variant, 4, [](Reader &r_r) { return int32_t(r_r.next_u32()); });
		case Variant::PACKED_INT64_ARRAY:
			return _decode_packed<int64_t>(r, r_variant, 8, [](Reader &r_r) { return int64_t(r_r.next_u64()); });
		case Variant::PACKED_FLOAT32_ARRAY:
			return _decode_packed<float>(r, r_variant, 4, [](Reader &r_r) { return r_r.next_f32(); });
		case Variant::PACKED_FLOAT64_ARRAY:
			return _decode_packed<double>(r, r_variant, 8, [](Reader &r_r) { return r_r.next_f64(); });
		case Variant::PACKED_STRING_ARRAY: {
			uint32_t count;
			if (!r.u32(count) || !r.need(uint64_t(count) * 4)) { // Every string takes at least 4 bytes.
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
		case Variant::PACKED_VECTOR2_ARRAY:
			return _decode_packed_math<Vector2>(r, flag_64, r_variant);
		case Variant::PACKED_VECTOR3_ARRAY:
			return _decode_packed_math<Vector3>(r, flag_64, r_variant);
		case Variant::PACKED_COLOR_ARRAY:
			return _decode_packed_math<Color>(r, false, r_variant);
		case Variant::PACKED_VECTOR4_ARRAY:
			return _decode_packed_math<Vector4>(r, flag_64, r_variant);
	}
	return OK;
}

} // namespace

Error decode_variant(Variant &r_variant, const uint8_t *p_buffer, int p_len, int *r_len, bool p_allow_objects, int p_depth, DecodeError *r_error) {
	if (p_len < 0 || (!p_buffer && p_len > 0)) {
		if (r_error) {
			*r_error = DecodeError{ ERR_INVALID_PARAMETER, Variant::VARIANT_MAX, 0, vformat("the input is invalid (%d bytes at %p)", p_len, static_cast<const void *>(p_buffer)) };
		}
		return ERR_INVALID_PARAMETER;
	}
	Reader r;
	r.start = p_buffer;
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
		if (r_error) {
			*r_error = r.failure.error == error ? r.failure : DecodeError{ error, r.value_type, r.value_offset, "corrupt data" };
		}
		return error;
	}
	r_variant = std::move(value);
	if (r_len) {
		*r_len = p_len - r.remaining;
	}
	return OK;
}

} // namespace godot
