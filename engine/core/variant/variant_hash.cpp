// Variant as a Dictionary key, with Godot's rules: a key's type is part of it (1 and 1.0 are two
// keys) except that a String and a StringName with the same text are one key; every NaN is the
// same key, and -0.0 is 0.0. hash() agrees with is_same_key(): equal keys hash alike.

#include "core/variant/variant.h"

#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <string_view>

namespace godot {

namespace {

size_t hash_combine(size_t p_seed, size_t p_value) {
	return p_seed ^ (p_value + 0x9e3779b97f4a7c15ULL + (p_seed << 6) + (p_seed >> 2));
}

template <typename F>
bool same_float(F p_a, F p_b) {
	return p_a == p_b || (std::isnan(p_a) && std::isnan(p_b));
}

template <typename F>
size_t hash_float(F p_value) {
	if (std::isnan(p_value)) {
		return std::hash<F>()(std::numeric_limits<F>::quiet_NaN());
	}
	return std::hash<F>()(p_value == 0 ? F(0) : p_value);
}

// The float components of a plain-data value (a vector, a matrix, a colour).
template <typename F, typename T>
std::array<F, sizeof(T) / sizeof(F)> components_of(const T &p_value) {
	static_assert(std::is_trivially_copyable_v<T> && sizeof(T) % sizeof(F) == 0);
	std::array<F, sizeof(T) / sizeof(F)> components;
	std::memcpy(components.data(), &p_value, sizeof(T));
	return components;
}

template <typename F, typename T>
bool same_floats(const T &p_a, const T &p_b) {
	const auto a = components_of<F>(p_a);
	const auto b = components_of<F>(p_b);
	for (size_t i = 0; i < a.size(); i++) {
		if (!same_float(a[i], b[i])) {
			return false;
		}
	}
	return true;
}

template <typename F, typename T>
size_t hash_floats(size_t p_seed, const T &p_value) {
	for (F component : components_of<F>(p_value)) {
		p_seed = hash_combine(p_seed, hash_float(component));
	}
	return p_seed;
}

template <typename F, typename T>
bool same_float_elements(const PackedArray<T> &p_a, const PackedArray<T> &p_b) {
	if (p_a.size() != p_b.size()) {
		return false;
	}
	for (int64_t i = 0; i < p_a.size(); i++) {
		if (!same_floats<F>(p_a[i], p_b[i])) {
			return false;
		}
	}
	return true;
}

template <typename F, typename T>
size_t hash_float_elements(size_t p_seed, const PackedArray<T> &p_array) {
	for (const T &element : p_array) {
		p_seed = hash_floats<F>(p_seed, element);
	}
	return p_seed;
}

// Integer data hashes its bytes.
template <typename T>
size_t hash_bytes_of(size_t p_seed, const T &p_value) {
	static_assert(std::is_trivially_copyable_v<T>);
	return hash_combine(p_seed, std::hash<std::string_view>()(std::string_view(reinterpret_cast<const char *>(&p_value), sizeof(T))));
}

template <typename T>
size_t hash_elements(size_t p_seed, const PackedArray<T> &p_array) {
	return hash_combine(p_seed, std::hash<std::string_view>()(std::string_view(reinterpret_cast<const char *>(p_array.ptr()), size_t(p_array.size()) * sizeof(T))));
}

bool is_string_like(Variant::Type p_type) {
	return p_type == Variant::STRING || p_type == Variant::STRING_NAME;
}

} // namespace

size_t Variant::hash() const {
	// A StringName hashes as the String of its text: they are the same key.
	const size_t seed = size_t(is_string_like(get_type()) ? STRING : get_type()) * 31;
	switch (get_type()) {
		case NIL:
			return seed;
		case BOOL:
		case INT:
			return hash_combine(seed, std::hash<int64_t>()(to_int()));
		case FLOAT:
			return hash_combine(seed, hash_float(to_float()));
		case STRING:
		case STRING_NAME:
		case NODE_PATH:
			return hash_combine(seed, std::hash<String>()(to_string_value()));
		case VECTOR2:
			return hash_floats<real_t>(seed, *get_if<Vector2>());
		case VECTOR2I:
			return hash_bytes_of(seed, *get_if<Vector2i>());
		case RECT2:
			return hash_floats<real_t>(seed, *get_if<Rect2>());
		case RECT2I:
			return hash_bytes_of(seed, *get_if<Rect2i>());
		case VECTOR3:
			return hash_floats<real_t>(seed, *get_if<Vector3>());
		case VECTOR3I:
			return hash_bytes_of(seed, *get_if<Vector3i>());
		case TRANSFORM2D:
			return hash_floats<real_t>(seed, *get_if<Transform2D>());
		case VECTOR4:
			return hash_floats<real_t>(seed, *get_if<Vector4>());
		case VECTOR4I:
			return hash_bytes_of(seed, *get_if<Vector4i>());
		case PLANE:
			return hash_floats<real_t>(seed, *get_if<Plane>());
		case QUATERNION:
			return hash_floats<real_t>(seed, *get_if<Quaternion>());
		case AABB:
			return hash_floats<real_t>(seed, *get_if<::godot::AABB>());
		case BASIS:
			return hash_floats<real_t>(seed, *get_if<Basis>());
		case TRANSFORM3D:
			return hash_floats<real_t>(seed, *get_if<Transform3D>());
		case PROJECTION:
			return hash_floats<real_t>(seed, *get_if<Projection>());
		case COLOR:
			return hash_floats<float>(seed, *get_if<Color>());
		case RID:
			return hash_combine(seed, std::hash<uint64_t>()(to_rid().id));
		case OBJECT:
			return hash_combine(seed, std::hash<uint64_t>()(get_object_id()));
		case CALLABLE:
			return hash_combine(seed, std::hash<uint64_t>()(to_callable().get_object_id()));
		case SIGNAL: {
			const Signal *signal = get_if<Signal>();
			return hash_combine(hash_combine(seed, std::hash<uint64_t>()(signal->get_object_id())), std::hash<String>()(signal->get_name().str()));
		}
		case ARRAY: {
			const Array &array = *get_if<Array>();
			size_t h = hash_combine(seed, size_t(array.get_typed_builtin()));
			for (const Variant &element : array) {
				h = hash_combine(h, element.hash());
			}
			return h;
		}
		case DICTIONARY: {
			// Order-independent, as equality is: entries combine by addition.
			const Dictionary &dictionary = *get_if<Dictionary>();
			size_t h = hash_combine(hash_combine(seed, size_t(dictionary.get_typed_key_builtin())), size_t(dictionary.get_typed_value_builtin()));
			size_t entries = 0;
			for (const auto &entry : dictionary.entries()) {
				entries += hash_combine(entry.first.hash(), entry.second.hash());
			}
			return hash_combine(h, entries);
		}
		case PACKED_BYTE_ARRAY:
			return hash_elements(seed, *get_if<PackedByteArray>());
		case PACKED_INT32_ARRAY:
			return hash_elements(seed, *get_if<PackedInt32Array>());
		case PACKED_INT64_ARRAY:
			return hash_elements(seed, *get_if<PackedInt64Array>());
		case PACKED_FLOAT32_ARRAY:
			return hash_float_elements<float>(seed, *get_if<PackedFloat32Array>());
		case PACKED_FLOAT64_ARRAY:
			return hash_float_elements<double>(seed, *get_if<PackedFloat64Array>());
		case PACKED_STRING_ARRAY: {
			size_t h = seed;
			for (const String &text : *get_if<PackedStringArray>()) {
				h = hash_combine(h, std::hash<String>()(text));
			}
			return h;
		}
		case PACKED_VECTOR2_ARRAY:
			return hash_float_elements<real_t>(seed, *get_if<PackedVector2Array>());
		case PACKED_VECTOR3_ARRAY:
			return hash_float_elements<real_t>(seed, *get_if<PackedVector3Array>());
		case PACKED_COLOR_ARRAY:
			return hash_float_elements<float>(seed, *get_if<PackedColorArray>());
		case PACKED_VECTOR4_ARRAY:
			return hash_float_elements<real_t>(seed, *get_if<PackedVector4Array>());
		default:
			return seed;
	}
}

bool Variant::is_same_key(const Variant &o) const {
	const Type type = get_type();
	if (is_string_like(type) && is_string_like(o.get_type())) {
		return to_string_value() == o.to_string_value();
	}
	if (type != o.get_type()) {
		return false;
	}
	switch (type) {
		case FLOAT:
			return same_float(to_float(), o.to_float());
		case VECTOR2:
			return same_floats<real_t>(*get_if<Vector2>(), *o.get_if<Vector2>());
		case RECT2:
			return same_floats<real_t>(*get_if<Rect2>(), *o.get_if<Rect2>());
		case VECTOR3:
			return same_floats<real_t>(*get_if<Vector3>(), *o.get_if<Vector3>());
		case TRANSFORM2D:
			return same_floats<real_t>(*get_if<Transform2D>(), *o.get_if<Transform2D>());
		case VECTOR4:
			return same_floats<real_t>(*get_if<Vector4>(), *o.get_if<Vector4>());
		case PLANE:
			return same_floats<real_t>(*get_if<Plane>(), *o.get_if<Plane>());
		case QUATERNION:
			return same_floats<real_t>(*get_if<Quaternion>(), *o.get_if<Quaternion>());
		case AABB:
			return same_floats<real_t>(*get_if<::godot::AABB>(), *o.get_if<::godot::AABB>());
		case BASIS:
			return same_floats<real_t>(*get_if<Basis>(), *o.get_if<Basis>());
		case TRANSFORM3D:
			return same_floats<real_t>(*get_if<Transform3D>(), *o.get_if<Transform3D>());
		case PROJECTION:
			return same_floats<real_t>(*get_if<Projection>(), *o.get_if<Projection>());
		case COLOR:
			return same_floats<float>(*get_if<Color>(), *o.get_if<Color>());
		case PACKED_FLOAT32_ARRAY:
			return same_float_elements<float>(*get_if<PackedFloat32Array>(), *o.get_if<PackedFloat32Array>());
		case PACKED_FLOAT64_ARRAY:
			return same_float_elements<double>(*get_if<PackedFloat64Array>(), *o.get_if<PackedFloat64Array>());
		case PACKED_VECTOR2_ARRAY:
			return same_float_elements<real_t>(*get_if<PackedVector2Array>(), *o.get_if<PackedVector2Array>());
		case PACKED_VECTOR3_ARRAY:
			return same_float_elements<real_t>(*get_if<PackedVector3Array>(), *o.get_if<PackedVector3Array>());
		case PACKED_COLOR_ARRAY:
			return same_float_elements<float>(*get_if<PackedColorArray>(), *o.get_if<PackedColorArray>());
		case PACKED_VECTOR4_ARRAY:
			return same_float_elements<real_t>(*get_if<PackedVector4Array>(), *o.get_if<PackedVector4Array>());
		case ARRAY:
		case DICTIONARY:
			return _same_container(*this, o, &Variant::is_same_key);
		default:
			return *this == o;
	}
}

} // namespace godot
