#pragma once
// Compile-time bridges between C++ types and Variant: GetTypeInfo<T> describes a type for
// ClassDB and the API dump; VariantCaster<T> reads an argument out of a Variant.

#include "core/object/object.h"
#include "core/object/property_info.h"
#include "core/variant/typed_array.h"
#include "core/variant/variant.h"

#include <type_traits>

namespace godot {

template <typename T>
class Ref;

template <typename T, typename = void>
struct GetTypeInfo;

#define MAKE_TYPE_INFO(m_type, m_variant_type)                                                                    \
	template <>                                                                                                   \
	struct GetTypeInfo<m_type> {                                                                                  \
		static PropertyInfo get(const String &p_name = String()) { return PropertyInfo(m_variant_type, p_name); } \
	};

MAKE_TYPE_INFO(bool, Variant::BOOL)
MAKE_TYPE_INFO(int, Variant::INT)
MAKE_TYPE_INFO(unsigned int, Variant::INT)
MAKE_TYPE_INFO(long, Variant::INT)
MAKE_TYPE_INFO(unsigned long, Variant::INT)
MAKE_TYPE_INFO(long long, Variant::INT)
MAKE_TYPE_INFO(unsigned long long, Variant::INT)
MAKE_TYPE_INFO(uint16_t, Variant::INT)
MAKE_TYPE_INFO(int16_t, Variant::INT)
MAKE_TYPE_INFO(uint8_t, Variant::INT)
MAKE_TYPE_INFO(float, Variant::FLOAT)
MAKE_TYPE_INFO(double, Variant::FLOAT)
MAKE_TYPE_INFO(String, Variant::STRING)
MAKE_TYPE_INFO(StringName, Variant::STRING_NAME)
MAKE_TYPE_INFO(NodePath, Variant::NODE_PATH)
MAKE_TYPE_INFO(Vector2, Variant::VECTOR2)
MAKE_TYPE_INFO(Vector2i, Variant::VECTOR2I)
MAKE_TYPE_INFO(Rect2, Variant::RECT2)
MAKE_TYPE_INFO(Rect2i, Variant::RECT2I)
MAKE_TYPE_INFO(Vector3, Variant::VECTOR3)
MAKE_TYPE_INFO(Vector3i, Variant::VECTOR3I)
MAKE_TYPE_INFO(Transform2D, Variant::TRANSFORM2D)
MAKE_TYPE_INFO(Vector4, Variant::VECTOR4)
MAKE_TYPE_INFO(Vector4i, Variant::VECTOR4I)
MAKE_TYPE_INFO(Plane, Variant::PLANE)
MAKE_TYPE_INFO(Quaternion, Variant::QUATERNION)
MAKE_TYPE_INFO(AABB, Variant::AABB)
MAKE_TYPE_INFO(Basis, Variant::BASIS)
MAKE_TYPE_INFO(Transform3D, Variant::TRANSFORM3D)
MAKE_TYPE_INFO(Projection, Variant::PROJECTION)
MAKE_TYPE_INFO(Color, Variant::COLOR)
MAKE_TYPE_INFO(RID, Variant::RID)
MAKE_TYPE_INFO(Callable, Variant::CALLABLE)
MAKE_TYPE_INFO(Signal, Variant::SIGNAL)
MAKE_TYPE_INFO(Dictionary, Variant::DICTIONARY)
MAKE_TYPE_INFO(Array, Variant::ARRAY)
MAKE_TYPE_INFO(PackedByteArray, Variant::PACKED_BYTE_ARRAY)
MAKE_TYPE_INFO(PackedInt32Array, Variant::PACKED_INT32_ARRAY)
MAKE_TYPE_INFO(PackedInt64Array, Variant::PACKED_INT64_ARRAY)
MAKE_TYPE_INFO(PackedFloat32Array, Variant::PACKED_FLOAT32_ARRAY)
MAKE_TYPE_INFO(PackedFloat64Array, Variant::PACKED_FLOAT64_ARRAY)
MAKE_TYPE_INFO(PackedStringArray, Variant::PACKED_STRING_ARRAY)
MAKE_TYPE_INFO(PackedVector2Array, Variant::PACKED_VECTOR2_ARRAY)
MAKE_TYPE_INFO(PackedVector3Array, Variant::PACKED_VECTOR3_ARRAY)
MAKE_TYPE_INFO(PackedColorArray, Variant::PACKED_COLOR_ARRAY)
MAKE_TYPE_INFO(PackedVector4Array, Variant::PACKED_VECTOR4_ARRAY)
#undef MAKE_TYPE_INFO

template <>
struct GetTypeInfo<void> {
	static PropertyInfo get(const String &p_name = String()) { return PropertyInfo(Variant::NIL, p_name); }
};
template <>
struct GetTypeInfo<Variant> {
	static PropertyInfo get(const String &p_name = String()) { return PropertyInfo::variant(p_name); }
};
template <>
struct GetTypeInfo<Error> {
	static PropertyInfo get(const String &p_name = String()) { return PropertyInfo(Variant::INT, p_name, "Error", PropertyInfo::KIND_ENUM); }
};
template <typename T>
struct GetTypeInfo<T *, std::enable_if_t<std::is_base_of_v<Object, T>>> {
	static PropertyInfo get(const String &p_name = String()) { return PropertyInfo(Variant::OBJECT, p_name, T::get_class_static().str()); }
};
template <typename T>
struct GetTypeInfo<Ref<T>> {
	static PropertyInfo get(const String &p_name = String()) { return PropertyInfo(Variant::OBJECT, p_name, T::get_class_static().str()); }
};
// Strip const and references: "const String &" describes like "String".
template <typename T>
struct GetTypeInfo<T, std::enable_if_t<!std::is_same_v<T, std::remove_cv_t<std::remove_reference_t<T>>>>> : GetTypeInfo<std::remove_cv_t<std::remove_reference_t<T>>> {};

template <typename T>
struct GetTypeInfo<TypedArray<T>> {
	static PropertyInfo get(const String &p_name = String()) { return PropertyInfo(Variant::ARRAY, p_name, T::get_class_static().str(), PropertyInfo::KIND_TYPED_ARRAY); }
};
template <>
struct GetTypeInfo<TypedArray<Dictionary>> {
	static PropertyInfo get(const String &p_name = String()) { return PropertyInfo(Variant::ARRAY, p_name, "Dictionary", PropertyInfo::KIND_TYPED_ARRAY); }
};
template <>
struct GetTypeInfo<TypedArray<StringName>> {
	static PropertyInfo get(const String &p_name = String()) { return PropertyInfo(Variant::ARRAY, p_name, "StringName", PropertyInfo::KIND_TYPED_ARRAY); }
};

String _enum_qualified_name(const char *p_cpp_name); // "PacketPeerDTLS::Status" → "PacketPeerDTLS.Status"

template <typename T, typename = void>
struct VariantCaster {
	static T cast(const Variant &p_variant);
};

#define MAKE_CASTER(m_type, m_getter)                                                                      \
	template <>                                                                                            \
	struct VariantCaster<m_type> {                                                                         \
		static m_type cast(const Variant &p_variant) { return static_cast<m_type>(p_variant.m_getter()); } \
	};
MAKE_CASTER(bool, to_bool)
MAKE_CASTER(int, to_int)
MAKE_CASTER(unsigned int, to_int)
MAKE_CASTER(long, to_int)
MAKE_CASTER(unsigned long, to_int)
MAKE_CASTER(long long, to_int)
MAKE_CASTER(unsigned long long, to_int)
MAKE_CASTER(uint16_t, to_int)
MAKE_CASTER(int16_t, to_int)
MAKE_CASTER(uint8_t, to_int)
MAKE_CASTER(float, to_float)
MAKE_CASTER(double, to_float)
MAKE_CASTER(String, to_string_value)
MAKE_CASTER(StringName, to_string_name)
MAKE_CASTER(NodePath, to_node_path)
MAKE_CASTER(Vector2, to_vector2)
MAKE_CASTER(Vector2i, to_vector2i)
MAKE_CASTER(Rect2, to_rect2)
MAKE_CASTER(Rect2i, to_rect2i)
MAKE_CASTER(Vector3, to_vector3)
MAKE_CASTER(Vector3i, to_vector3i)
MAKE_CASTER(Transform2D, to_transform2d)
MAKE_CASTER(Vector4, to_vector4)
MAKE_CASTER(Vector4i, to_vector4i)
MAKE_CASTER(Plane, to_plane)
MAKE_CASTER(Quaternion, to_quaternion)
MAKE_CASTER(AABB, to_aabb)
MAKE_CASTER(Basis, to_basis)
MAKE_CASTER(Transform3D, to_transform3d)
MAKE_CASTER(Projection, to_projection)
MAKE_CASTER(Color, to_color)
MAKE_CASTER(RID, to_rid)
MAKE_CASTER(Callable, to_callable)
MAKE_CASTER(Signal, to_signal)
MAKE_CASTER(Dictionary, to_dictionary)
MAKE_CASTER(Array, to_array)
MAKE_CASTER(PackedByteArray, to_packed_byte_array)
MAKE_CASTER(PackedInt32Array, to_packed_int32_array)
MAKE_CASTER(PackedInt64Array, to_packed_int64_array)
MAKE_CASTER(PackedFloat32Array, to_packed_float32_array)
MAKE_CASTER(PackedFloat64Array, to_packed_float64_array)
MAKE_CASTER(PackedStringArray, to_packed_string_array)
MAKE_CASTER(PackedVector2Array, to_packed_vector2_array)
MAKE_CASTER(PackedVector3Array, to_packed_vector3_array)
MAKE_CASTER(PackedColorArray, to_packed_color_array)
MAKE_CASTER(PackedVector4Array, to_packed_vector4_array)
MAKE_CASTER(Error, to_int)
#undef MAKE_CASTER

template <>
struct VariantCaster<Variant> {
	static const Variant &cast(const Variant &p_variant) { return p_variant; }
};
template <typename T>
struct VariantCaster<T *, std::enable_if_t<std::is_base_of_v<Object, T>>> {
	static T *cast(const Variant &p_variant) { return Object::cast_to<T>(p_variant.to_object()); }
};
template <typename T>
struct VariantCaster<Ref<T>> {
	static Ref<T> cast(const Variant &p_variant) { return Ref<T>(p_variant); }
};
template <typename T>
struct VariantCaster<TypedArray<T>> {
	static TypedArray<T> cast(const Variant &p_variant) { return TypedArray<T>(p_variant.to_array()); }
};
template <typename T>
struct VariantCaster<T, std::enable_if_t<!std::is_same_v<T, std::remove_cv_t<std::remove_reference_t<T>>>>> : VariantCaster<std::remove_cv_t<std::remove_reference_t<T>>> {};

} // namespace godot

// Lets a C++ enum travel through ClassDB as an int, described (m_kind) as "enum::Class.Enum" or
// "bitfield::Class.Enum".
#define _VARIANT_INT_ENUM_CAST(m_enum, m_kind)                                                              \
	namespace godot {                                                                                       \
	template <>                                                                                             \
	struct GetTypeInfo<m_enum> {                                                                            \
		static PropertyInfo get(const String &p_name = String()) {                                          \
			return PropertyInfo(Variant::INT, p_name, _enum_qualified_name(#m_enum), PropertyInfo::m_kind); \
		}                                                                                                   \
	};                                                                                                      \
	template <>                                                                                             \
	struct VariantCaster<m_enum> {                                                                          \
		static m_enum cast(const Variant &p_variant) { return m_enum(p_variant.to_int()); }                 \
	};                                                                                                      \
	}

#define VARIANT_ENUM_CAST(m_enum) _VARIANT_INT_ENUM_CAST(m_enum, KIND_ENUM)
// For an enum of flags combined with |.
#define VARIANT_BITFIELD_CAST(m_enum) _VARIANT_INT_ENUM_CAST(m_enum, KIND_BITFIELD)
