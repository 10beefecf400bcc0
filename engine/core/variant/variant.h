#pragma once
// Variant: the one value type that crosses every boundary (ClassDB calls, signals, scripts,
// the binary and text encodings). It holds every Godot 4.6 Variant type; type numbers are
// Godot 4's, because the binary encoding stores them.

#include "core/error/error_list.h"
#include "core/math/aabb.h"
#include "core/math/basis.h"
#include "core/math/color.h"
#include "core/math/plane.h"
#include "core/math/projection.h"
#include "core/math/quaternion.h"
#include "core/math/rect2.h"
#include "core/math/transform_2d.h"
#include "core/math/transform_3d.h"
#include "core/math/vector2.h"
#include "core/math/vector3.h"
#include "core/math/vector4.h"
#include "core/object/object_id.h"
#include "core/string/node_path.h"
#include "core/string/string_name.h"
#include "core/templates/rid.h"
#include "core/variant/array.h"
#include "core/variant/callable.h"
#include "core/variant/dictionary.h"
#include "core/variant/packed_array.h"
#include "core/variant/signal.h"
#include "core/variant/variant_type.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <variant>
#include <vector>

namespace godot {

class Object;

using PackedByteArray = PackedArray<uint8_t>;
using PackedInt32Array = PackedArray<int32_t>;
using PackedInt64Array = PackedArray<int64_t>;
using PackedFloat32Array = PackedArray<float>;
using PackedFloat64Array = PackedArray<double>;
using PackedStringArray = PackedArray<String>;
using PackedVector2Array = PackedArray<Vector2>;
using PackedVector3Array = PackedArray<Vector3>;
using PackedColorArray = PackedArray<Color>;
using PackedVector4Array = PackedArray<Vector4>;

class Variant : public VariantTypes {
public:
	// An Object reference that keeps RefCounted objects alive and remembers the instance id
	// of the others, so a freed Node reads back as null instead of a dangling pointer.
	class ObjectSlot {
		Object *object = nullptr;
		ObjectID id = 0;
		bool counted = false;

	public:
		ObjectSlot() = default;
		explicit ObjectSlot(Object *p_object);
		ObjectSlot(const ObjectSlot &p_other);
		ObjectSlot(ObjectSlot &&p_other) noexcept;
		ObjectSlot &operator=(const ObjectSlot &p_other);
		ObjectSlot &operator=(ObjectSlot &&p_other) noexcept;
		~ObjectSlot();
		Object *get() const; // nullptr when the object has been freed.
		ObjectID get_id() const { return id; }
		bool operator==(const ObjectSlot &o) const { return id == o.id; }
	};

private:
	// A value too big to sit inline (it would grow every Variant), shared between copies.
	// It is never modified, so sharing keeps value semantics. Moving copies the pointer
	// instead of stealing it, so a moved-from Variant still holds a readable value.
	template <typename T>
	class SharedValue {
		std::shared_ptr<const T> pointer;

	public:
		explicit SharedValue(const T &p_value) :
				pointer(std::make_shared<const T>(p_value)) {}
		SharedValue(const SharedValue &) = default;
		SharedValue &operator=(const SharedValue &) = default;
		const T &get() const { return *pointer; }
		bool operator==(const SharedValue &o) const { return *pointer == *o.pointer; }
	};

	// In Type order. The largest inline members (NodePath, Transform3D) fit in 56 bytes.
	using Storage = std::variant<std::monostate, bool, int64_t, double, String, Vector2, Vector2i, Rect2, Rect2i,
			Vector3, Vector3i, Transform2D, Vector4, Vector4i, Plane, Quaternion, ::godot::AABB, Basis, Transform3D,
			SharedValue<Projection>, Color, StringName, NodePath, ::godot::RID, ObjectSlot, Callable, Signal, Dictionary,
			Array, PackedByteArray, PackedInt32Array, PackedInt64Array, PackedFloat32Array, PackedFloat64Array,
			PackedStringArray, PackedVector2Array, PackedVector3Array, PackedColorArray, PackedVector4Array>;
	static_assert(std::variant_size_v<Storage> == VARIANT_MAX, "one Storage alternative per Variant::Type, in order");
	Storage value;

public:
	Variant() = default;
	Variant(std::nullptr_t) {}
	Variant(bool p_value) :
			value(p_value) {}
	Variant(int p_value) :
			value(int64_t(p_value)) {}
	Variant(unsigned int p_value) :
			value(int64_t(p_value)) {}
	Variant(long p_value) :
			value(int64_t(p_value)) {}
	Variant(unsigned long p_value) :
			value(int64_t(p_value)) {}
	Variant(long long p_value) :
			value(int64_t(p_value)) {}
	Variant(unsigned long long p_value) :
			value(int64_t(p_value)) {}
	Variant(float p_value) :
			value(double(p_value)) {}
	Variant(double p_value) :
			value(p_value) {}
	Variant(const char *p_value) :
			value(String(p_value)) {}
	Variant(const String &p_value) :
			value(p_value) {}
	Variant(String &&p_value) :
			value(std::move(p_value)) {}
	Variant(const StringName &p_value) :
			value(p_value) {}
	Variant(const NodePath &p_value) :
			value(p_value) {}
	Variant(const Vector2 &p_value) :
			value(p_value) {}
	Variant(const Vector2i &p_value) :
			value(p_value) {}
	Variant(const Rect2 &p_value) :
			value(p_value) {}
	Variant(const Rect2i &p_value) :
			value(p_value) {}
	Variant(const Vector3 &p_value) :
			value(p_value) {}
	Variant(const Vector3i &p_value) :
			value(p_value) {}
	Variant(const Transform2D &p_value) :
			value(p_value) {}
	Variant(const Vector4 &p_value) :
			value(p_value) {}
	Variant(const Vector4i &p_value) :
			value(p_value) {}
	Variant(const Plane &p_value) :
			value(p_value) {}
	Variant(const Quaternion &p_value) :
			value(p_value) {}
	Variant(const ::godot::AABB &p_value) :
			value(p_value) {}
	Variant(const Basis &p_value) :
			value(p_value) {}
	Variant(const Transform3D &p_value) :
			value(p_value) {}
	Variant(const Projection &p_value) :
			value(SharedValue<Projection>(p_value)) {}
	Variant(const Color &p_value) :
			value(p_value) {}
	Variant(const ::godot::RID &p_value) :
			value(p_value) {}
	Variant(const Object *p_object);
	Variant(const Callable &p_value) :
			value(p_value) {}
	Variant(const Signal &p_value) :
			value(p_value) {}
	Variant(const Dictionary &p_value) :
			value(p_value) {}
	Variant(const Array &p_value) :
			value(p_value) {}
	Variant(const PackedByteArray &p_value) :
			value(p_value) {}
	Variant(PackedByteArray &&p_value) :
			value(std::move(p_value)) {}
	Variant(const PackedInt32Array &p_value) :
			value(p_value) {}
	Variant(const PackedInt64Array &p_value) :
			value(p_value) {}
	Variant(const PackedFloat32Array &p_value) :
			value(p_value) {}
	Variant(const PackedFloat64Array &p_value) :
			value(p_value) {}
	Variant(const PackedStringArray &p_value) :
			value(p_value) {}
	Variant(const PackedVector2Array &p_value) :
			value(p_value) {}
	Variant(const PackedVector3Array &p_value) :
			value(p_value) {}
	Variant(const PackedColorArray &p_value) :
			value(p_value) {}
	Variant(const PackedVector4Array &p_value) :
			value(p_value) {}
	Variant(Error p_error) :
			value(int64_t(p_error)) {}

	Type get_type() const { return Type(value.index()); }
	static const char *get_type_name(Type p_type); // Godot's names: "Nil", "int", "Transform3D".
	bool is_nil() const { return value.index() == 0; }
	// The value a Variant of p_type starts with in Godot (0, "", identity transforms, empty
	// containers, null for OBJECT).
	static Variant construct_default(Type p_type);

	// Typed access. Each returns the type's zero value when the Variant holds another type,
	// except the numeric ones, which convert between bool, int and float as Godot does.
	bool to_bool() const;
	int64_t to_int() const;
	double to_float() const;
	String to_string_value() const; // STRING, STRING_NAME or NODE_PATH as text, else "".
	StringName to_string_name() const;
	NodePath to_node_path() const;
	Vector2 to_vector2() const;
	Vector2i to_vector2i() const;
	Rect2 to_rect2() const;
	Rect2i to_rect2i() const;
	Vector3 to_vector3() const;
	Vector3i to_vector3i() const;
	Transform2D to_transform2d() const;
	Vector4 to_vector4() const;
	Vector4i to_vector4i() const;
	Plane to_plane() const;
	Quaternion to_quaternion() const;
	::godot::AABB to_aabb() const;
	Basis to_basis() const;
	Transform3D to_transform3d() const;
	Projection to_projection() const;
	Color to_color() const;
	::godot::RID to_rid() const;
	Object *to_object() const; // nullptr for non-objects and freed objects.
	ObjectID get_object_id() const;
	Callable to_callable() const;
	Signal to_signal() const;
	Dictionary to_dictionary() const;
	Array to_array() const;
	PackedByteArray to_packed_byte_array() const;
	PackedInt32Array to_packed_int32_array() const;
	PackedInt64Array to_packed_int64_array() const;
	PackedFloat32Array to_packed_float32_array() const;
	PackedFloat64Array to_packed_float64_array() const;
	PackedStringArray to_packed_string_array() const;
	PackedVector2Array to_packed_vector2_array() const;
	PackedVector3Array to_packed_vector3_array() const;
	PackedColorArray to_packed_color_array() const;
	PackedVector4Array to_packed_vector4_array() const;

	// Direct, allocation-free access to a held value (nullptr when the type differs).
	template <typename T>
	const T *get_if() const {
		if constexpr (std::is_same_v<T, Projection>) {
			const SharedValue<Projection> *shared = std::get_if<SharedValue<Projection>>(&value);
			return shared ? &shared->get() : nullptr;
		} else {
			return std::get_if<T>(&value);
		}
	}

	String stringify(int p_depth = 0) const; // As print() shows it.
	bool booleanize() const;
	// As a Dictionary key (core/variant/variant_hash.cpp): hash() agrees with is_same_key(), which
	// differs from == as Godot's keys do: 1 and 1.0 are two keys, and NaN is one.
	size_t hash() const;
	bool is_same_key(const Variant &o) const;
	bool operator==(const Variant &o) const;

private:
	// Two Arrays or two Dictionaries (both of p_a's type), their elements compared with p_same.
	static bool _same_container(const Variant &p_a, const Variant &p_b, bool (Variant::*p_same)(const Variant &) const);

public:
	bool operator!=(const Variant &o) const { return !(*this == o); }
};

struct VariantHasher {
	size_t operator()(const Variant &p) const { return p.hash(); }
};

struct VariantKeyEquals {
	bool operator()(const Variant &a, const Variant &b) const { return a.is_same_key(b); }
};

} // namespace godot
