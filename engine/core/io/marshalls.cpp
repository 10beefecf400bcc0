#include "core/io/marshalls.h"

#include "core/io/marshalls_format.h"
#include "core/object/class_db.h"
#include "core/string/print_string.h"

#include <climits>
#include <type_traits>
#include <vector>

namespace godot {

using namespace marshalls_format;

void EncodedObjectAsID::_bind_methods() {
	ClassDB::bind_method(D_METHOD("set_object_id", "id"), &EncodedObjectAsID::set_object_id);
	ClassDB::bind_method(D_METHOD("get_object_id"), &EncodedObjectAsID::get_object_id);
	ADD_PROPERTY(PropertyInfo(Variant::INT, "object_id"), "set_object_id", "get_object_id");
}

namespace {

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

	void put_int32(int32_t p_value) { put_u32(uint32_t(p_value)); }

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
		const EncodedObjectAsID *encoded = Object::cast_to<EncodedObjectAsID>(p_object);
		w.put_u64(encoded ? encoded->get_object_id() : p_object->get_instance_id());
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

ContainerTypeKind _container_type_kind(const ContainerType &p_type) {
	if (!p_type.is_typed()) {
		return CONTAINER_TYPE_KIND_NONE;
	}
	return p_type.class_name.is_empty() ? CONTAINER_TYPE_KIND_BUILTIN : CONTAINER_TYPE_KIND_CLASS_NAME;
}

// Without full objects the elements travel as EncodedObjectAsID, and Godot names that class as
// the element type, so the receiver's typed container accepts them.
void _encode_container_type(const ContainerType &p_type, Writer &w, bool p_full_objects) {
	switch (_container_type_kind(p_type)) {
		case CONTAINER_TYPE_KIND_BUILTIN:
			w.put_u32(p_type.builtin);
			break;
		case CONTAINER_TYPE_KIND_CLASS_NAME:
			w.put_string(p_full_objects ? p_type.class_name.str() : EncodedObjectAsID::get_class_static().str());
			break;
		default:
			break;
	}
}

// Elements are copied before encoding: with full objects a property getter runs user code,
// which could otherwise resize a container under our feet.
void _encode_array(const Array &p_array, Writer &w, bool p_full_objects, int p_depth) {
	if (!p_array.is_empty() && !w.enter(p_array.begin(), "an Array")) {
		return;
	}
	const ContainerType &type = p_array.get_element_type();
	w.put_u32(Variant::ARRAY | (uint32_t(_container_type_kind(type)) << HEADER_TYPED_ARRAY_SHIFT));
	_encode_container_type(type, w, p_full_objects);
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
	const ContainerType &key_type = p_dictionary.get_key_type();
	const ContainerType &value_type = p_dictionary.get_value_type();
	w.put_u32(Variant::DICTIONARY | (uint32_t(_container_type_kind(key_type)) << HEADER_TYPED_DICTIONARY_KEY_SHIFT) | (uint32_t(_container_type_kind(value_type)) << HEADER_TYPED_DICTIONARY_VALUE_SHIFT));
	_encode_container_type(key_type, w, p_full_objects);
	_encode_container_type(value_type, w, p_full_objects);
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

// The math types are runs of real_t (or int32) in wire order, which is their memory layout:
// Basis by rows, Transform2D and Projection by columns, Transform3D's basis then origin.
template <typename Component, typename T>
void _encode_components(const T &p_value, Writer &w) {
	static_assert(std::is_trivially_copyable_v<T> && sizeof(T) % sizeof(Component) == 0, "a run of components");
	Component components[sizeof(T) / sizeof(Component)];
	memcpy(components, &p_value, sizeof(T));
	for (const Component component : components) {
		if constexpr (std::is_same_v<Component, real_t>) {
			w.put_float(component);
		} else {
			w.put_int32(component);
		}
	}
}

template <typename T>
void _encode_math(Variant::Type p_type, const Variant &p_variant, Writer &w) {
	w.put_u32(p_type);
	_encode_components<real_t>(*p_variant.get_if<T>(), w);
}

template <typename T>
void _encode_integer_math(Variant::Type p_type, const Variant &p_variant, Writer &w) {
	w.put_u32(p_type);
	_encode_components<int32_t>(*p_variant.get_if<T>(), w);
}

template <typename T, typename Put>
void _encode_packed(Variant::Type p_type, const PackedArray<T> &p_array, Writer &w, Put p_put) {
	w.put_u32(p_type);
	w.put_u32(uint32_t(p_array.size()));
	for (const T &value : p_array) {
		p_put(w, value);
	}
}

template <typename T>
void _encode_packed_math(Variant::Type p_type, const Variant &p_variant, Writer &w) {
	_encode_packed(p_type, *p_variant.get_if<PackedArray<T>>(), w, [](Writer &r_w, const T &p_value) { _encode_components<float>(p_value, r_w); });
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
		case Variant::VECTOR2:
			_encode_math<Vector2>(type, p_variant, w);
			break;
		case Variant::VECTOR2I:
			_encode_integer_math<Vector2i>(type, p_variant, w);
			break;
		case Variant::RECT2:
			_encode_math<Rect2>(type, p_variant, w);
			break;
		case Variant::RECT2I:
			_encode_integer_math<Rect2i>(type, p_variant, w);
			break;
		case Variant::VECTOR3:
			_encode_math<Vector3>(type, p_variant, w);
			break;
		case Variant::VECTOR3I:
			_encode_integer_math<Vector3i>(type, p_variant, w);
			break;
		case Variant::TRANSFORM2D:
			_encode_math<Transform2D>(type, p_variant, w);
			break;
		case Variant::VECTOR4:
			_encode_math<Vector4>(type, p_variant, w);
			break;
		case Variant::VECTOR4I:
			_encode_integer_math<Vector4i>(type, p_variant, w);
			break;
		case Variant::PLANE:
			_encode_math<Plane>(type, p_variant, w);
			break;
		case Variant::QUATERNION:
			_encode_math<Quaternion>(type, p_variant, w);
			break;
		case Variant::AABB:
			_encode_math<AABB>(type, p_variant, w);
			break;
		case Variant::BASIS:
			_encode_math<Basis>(type, p_variant, w);
			break;
		case Variant::TRANSFORM3D:
			_encode_math<Transform3D>(type, p_variant, w);
			break;
		case Variant::PROJECTION:
			_encode_math<Projection>(type, p_variant, w);
			break;
		case Variant::COLOR: {
			w.put_u32(Variant::COLOR); // Always single precision, even in double builds.
			_encode_components<float>(*p_variant.get_if<Color>(), w);
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
		case Variant::RID: {
			w.put_u32(Variant::RID);
			w.put_u64(p_variant.get_if<RID>()->id);
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
		case Variant::SIGNAL: {
			const Signal *signal = p_variant.get_if<Signal>();
			w.put_u32(Variant::SIGNAL);
			w.put_string(signal->get_name().str());
			w.put_u64(signal->get_object_id());
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
			_encode_packed(type, *p_variant.get_if<PackedInt32Array>(), w, [](Writer &r_w, int32_t p_value) { r_w.put_int32(p_value); });
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
		case Variant::PACKED_VECTOR2_ARRAY:
			_encode_packed_math<Vector2>(type, p_variant, w);
			break;
		case Variant::PACKED_VECTOR3_ARRAY:
			_encode_packed_math<Vector3>(type, p_variant, w);
			break;
		case Variant::PACKED_COLOR_ARRAY:
			_encode_packed_math<Color>(type, p_variant, w);
			break;
		case Variant::PACKED_VECTOR4_ARRAY:
			_encode_packed_math<Vector4>(type, p_variant, w);
			break;
		default: {
			w.fail(ERR_BUG, vformat("a value of the unknown Variant type %d cannot be encoded", int(type)));
		} break;
	}
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
	DecodeError problem;
	const Error error = decode_variant(value, p_bytes.ptr(), int(p_bytes.size()), nullptr, p_allow_objects, 0, &problem);
	if (error == ERR_UNAUTHORIZED) {
		print_error(vformat("%s: the bytes contain a full Object (at byte %d); decode them with bytes_to_var_with_objects, and only if they come from a trusted source (ERR_UNAUTHORIZED); returning null.", function, problem.offset));
	} else if (error != OK) {
		print_error(vformat("%s: %s (%s); returning null.", function, problem.describe().c_str(), error_constant_name(error)));
	}
	return value;
}

} // namespace godot
