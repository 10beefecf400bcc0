#include "core/variant/variant.h"

#include "core/object/object.h"
#include "core/object/ref_counted.h"

namespace godot {

// ---------------------------------------------------------------- ObjectSlot

Variant::ObjectSlot::ObjectSlot(Object *p_object) :
		object(p_object), id(p_object ? p_object->get_instance_id() : 0) {
	RefCounted *counted_object = Object::cast_to<RefCounted>(p_object);
	if (counted_object) {
		counted_object->reference();
		counted = true;
	}
}

Variant::ObjectSlot::ObjectSlot(const ObjectSlot &p_other) :
		object(p_other.object), id(p_other.id), counted(p_other.counted) {
	if (counted) {
		static_cast<RefCounted *>(object)->reference();
	}
}

Variant::ObjectSlot::ObjectSlot(ObjectSlot &&p_other) noexcept :
		object(p_other.object), id(p_other.id), counted(p_other.counted) {
	p_other.object = nullptr;
	p_other.id = 0;
	p_other.counted = false;
}

Variant::ObjectSlot &Variant::ObjectSlot::operator=(const ObjectSlot &p_other) {
	if (this != &p_other) {
		ObjectSlot copy(p_other);
		*this = std::move(copy);
	}
	return *this;
}

Variant::ObjectSlot &Variant::ObjectSlot::operator=(ObjectSlot &&p_other) noexcept {
	if (this != &p_other) {
		this->~ObjectSlot();
		new (this) ObjectSlot(std::move(p_other));
	}
	return *this;
}

Variant::ObjectSlot::~ObjectSlot() {
	if (counted) {
		Ref<RefCounted>::release(static_cast<RefCounted *>(object));
	}
}

Object *Variant::ObjectSlot::get() const {
	if (counted || !object) {
		return object;
	}
	return ObjectDB::get_instance(id); // A Node may have been freed meanwhile.
}

// ---------------------------------------------------------------- Variant

Variant::Variant(const Object *p_object) {
	if (p_object) {
		value = ObjectSlot(const_cast<Object *>(p_object));
	}
}

const char *Variant::get_type_name(Type p_type) {
	static const char *const names[VARIANT_MAX] = { "Nil", "bool", "int", "float", "String", "Vector2",
		"Vector2i", "Rect2", "Rect2i", "Vector3", "Vector3i", "Transform2D", "Vector4", "Vector4i", "Plane",
		"Quaternion", "AABB", "Basis", "Transform3D", "Projection", "Color", "StringName", "NodePath", "RID",
		"Object", "Callable", "Signal", "Dictionary", "Array", "PackedByteArray", "PackedInt32Array",
		"PackedInt64Array", "PackedFloat32Array", "PackedFloat64Array", "PackedStringArray",
		"PackedVector2Array", "PackedVector3Array", "PackedColorArray", "PackedVector4Array" };
	return (p_type >= 0 && p_type < VARIANT_MAX) ? names[p_type] : "<invalid type>";
}

Variant Variant::construct_default(Type p_type) {
	switch (p_type) {
		case BOOL:
			return false;
		case INT:
			return 0;
		case FLOAT:
			return 0.0;
		case STRING:
			return String();
		case VECTOR2:
			return Vector2();
		case VECTOR2I:
			return Vector2i();
		case RECT2:
			return Rect2();
		case RECT2I:
			return Rect2i();
		case VECTOR3:
			return Vector3();
		case VECTOR3I:
			return Vector3i();
		case TRANSFORM2D:
			return Transform2D();
		case VECTOR4:
			return Vector4();
		case VECTOR4I:
			return Vector4i();
		case PLANE:
			return Plane();
		case QUATERNION:
			return Quaternion();
		case AABB:
			return ::godot::AABB();
		case BASIS:
			return Basis();
		case TRANSFORM3D:
			return Transform3D();
		case PROJECTION:
			return Projection();
		case COLOR:
			return Color();
		case STRING_NAME:
			return StringName();
		case NODE_PATH:
			return NodePath();
		case RID:
			return ::godot::RID();
		case CALLABLE:
			return Callable();
		case SIGNAL:
			return Signal();
		case DICTIONARY:
			return Dictionary();
		case ARRAY:
			return Array();
		case PACKED_BYTE_ARRAY:
			return PackedByteArray();
		case PACKED_INT32_ARRAY:
			return PackedInt32Array();
		case PACKED_INT64_ARRAY:
			return PackedInt64Array();
		case PACKED_FLOAT32_ARRAY:
			return PackedFloat32Array();
		case PACKED_FLOAT64_ARRAY:
			return PackedFloat64Array();
		case PACKED_STRING_ARRAY:
			return PackedStringArray();
		case PACKED_VECTOR2_ARRAY:
			return PackedVector2Array();
		case PACKED_VECTOR3_ARRAY:
			return PackedVector3Array();
		case PACKED_COLOR_ARRAY:
			return PackedColorArray();
		case PACKED_VECTOR4_ARRAY:
			return PackedVector4Array();
		default:
			return Variant(); // NIL, and OBJECT: a null object reads as null.
	}
}

bool Variant::to_bool() const {
	if (const bool *b = get_if<bool>()) {
		return *b;
	}
	if (const int64_t *i = get_if<int64_t>()) {
		return *i != 0;
	}
	if (const double *f = get_if<double>()) {
		return *f != 0.0;
	}
	return false;
}

int64_t Variant::to_int() const {
	if (const int64_t *i = get_if<int64_t>()) {
		return *i;
	}
	if (const double *f = get_if<double>()) {
		// Outside int64's range (or NaN) the cast is undefined behaviour: give 0 as for infinities.
		return (*f >= -9223372036854775808.0 && *f < 9223372036854775808.0) ? int64_t(*f) : 0;
	}
	if (const bool *b = get_if<bool>()) {
		return *b ? 1 : 0;
	}
	return 0;
}

double Variant::to_float() const {
	if (const double *f = get_if<double>()) {
		return *f;
	}
	if (const int64_t *i = get_if<int64_t>()) {
		return double(*i);
	}
	if (const bool *b = get_if<bool>()) {
		return *b ? 1.0 : 0.0;
	}
	return 0.0;
}

String Variant::to_string_value() const {
	if (const String *s = get_if<String>()) {
		return *s;
	}
	if (const StringName *n = get_if<StringName>()) {
		return n->str();
	}
	if (const NodePath *p = get_if<NodePath>()) {
		return p->to_string();
	}
	return String();
}

StringName Variant::to_string_name() const {
	if (const StringName *n = get_if<StringName>()) {
		return *n;
	}
	return StringName(to_string_value());
}

NodePath Variant::to_node_path() const {
	if (const NodePath *p = get_if<NodePath>()) {
		return *p;
	}
	return NodePath(to_string_value());
}

template <typename T>
static T value_or_default(const T *p_value) {
	return p_value ? *p_value : T();
}

Vector2 Variant::to_vector2() const { return value_or_default(get_if<Vector2>()); }
Vector2i Variant::to_vector2i() const { return value_or_default(get_if<Vector2i>()); }
Rect2 Variant::to_rect2() const { return value_or_default(get_if<Rect2>()); }
Rect2i Variant::to_rect2i() const { return value_or_default(get_if<Rect2i>()); }
Vector3 Variant::to_vector3() const { return value_or_default(get_if<Vector3>()); }
Vector3i Variant::to_vector3i() const { return value_or_default(get_if<Vector3i>()); }
Transform2D Variant::to_transform2d() const { return value_or_default(get_if<Transform2D>()); }
Vector4 Variant::to_vector4() const { return value_or_default(get_if<Vector4>()); }
Vector4i Variant::to_vector4i() const { return value_or_default(get_if<Vector4i>()); }
Plane Variant::to_plane() const { return value_or_default(get_if<Plane>()); }
Quaternion Variant::to_quaternion() const { return value_or_default(get_if<Quaternion>()); }
::godot::AABB Variant::to_aabb() const { return value_or_default(get_if<::godot::AABB>()); }
Basis Variant::to_basis() const { return value_or_default(get_if<Basis>()); }
Transform3D Variant::to_transform3d() const { return value_or_default(get_if<Transform3D>()); }
Projection Variant::to_projection() const { return value_or_default(get_if<Projection>()); }
Color Variant::to_color() const { return value_or_default(get_if<Color>()); }
::godot::RID Variant::to_rid() const { return value_or_default(get_if<::godot::RID>()); }
Callable Variant::to_callable() const { return value_or_default(get_if<Callable>()); }
Signal Variant::to_signal() const { return value_or_default(get_if<Signal>()); }
Dictionary Variant::to_dictionary() const { return value_or_default(get_if<Dictionary>()); }
Array Variant::to_array() const { return value_or_default(get_if<Array>()); }
PackedByteArray Variant::to_packed_byte_array() const { return value_or_default(get_if<PackedByteArray>()); }
PackedInt32Array Variant::to_packed_int32_array() const { return value_or_default(get_if<PackedInt32Array>()); }
PackedInt64Array Variant::to_packed_int64_array() const { return value_or_default(get_if<PackedInt64Array>()); }
PackedFloat32Array Variant::to_packed_float32_array() const { return value_or_default(get_if<PackedFloat32Array>()); }
PackedFloat64Array Variant::to_packed_float64_array() const { return value_or_default(get_if<PackedFloat64Array>()); }
PackedStringArray Variant::to_packed_string_array() const { return value_or_default(get_if<PackedStringArray>()); }
PackedVector2Array Variant::to_packed_vector2_array() const { return value_or_default(get_if<PackedVector2Array>()); }
PackedVector3Array Variant::to_packed_vector3_array() const { return value_or_default(get_if<PackedVector3Array>()); }
PackedColorArray Variant::to_packed_color_array() const { return value_or_default(get_if<PackedColorArray>()); }
PackedVector4Array Variant::to_packed_vector4_array() const { return value_or_default(get_if<PackedVector4Array>()); }

Object *Variant::to_object() const {
	const ObjectSlot *slot = get_if<ObjectSlot>();
	return slot ? slot->get() : nullptr;
}

ObjectID Variant::get_object_id() const {
	const ObjectSlot *slot = get_if<ObjectSlot>();
	return slot ? slot->get_id() : 0;
}

bool Variant::booleanize() const {
	switch (get_type()) {
		case NIL:
			return false;
		case BOOL:
		case INT:
		case FLOAT:
			return to_bool();
		case STRING:
		case STRING_NAME:
		case NODE_PATH:
			return !to_string_value().empty();
		case OBJECT:
			return to_object() != nullptr;
		case ARRAY:
			return !to_array().is_empty();
		case DICTIONARY:
			return !to_dictionary().is_empty();
		case RID:
			return to_rid().is_valid();
		case CALLABLE:
			return !to_callable().is_null();
		case SIGNAL:
			return !to_signal().is_null();
		default:
			return true;
	}
}

bool Variant::_same_container(const Variant &p_a, const Variant &p_b, bool (Variant::*p_same)(const Variant &) const) {
	if (p_a.get_type() == ARRAY) {
		const Array &a = *p_a.get_if<Array>();
		const Array &b = *p_b.get_if<Array>();
		if (a.size() != b.size() || a.get_element_type() != b.get_element_type()) {
			return false;
		}
		for (int64_t i = 0; i < a.size(); i++) {
			if (!(a[i].*p_same)(b[i])) {
				return false;
			}
		}
		return true;
	}
	const Dictionary &a = *p_a.get_if<Dictionary>();
	const Dictionary &b = *p_b.get_if<Dictionary>();
	if (a.size() != b.size() || a.get_key_type() != b.get_key_type() || a.get_value_type() != b.get_value_type()) {
		return false;
	}
	for (const auto &entry : a.entries()) {
		const Variant *other = b.getptr(entry.first);
		if (!other || !(other->*p_same)(entry.second)) {
			return false;
		}
	}
	return true;
}

bool Variant::operator==(const Variant &o) const {
	const Type type = get_type();
	const Type other_type = o.get_type();
	// Numbers compare by value across int and float, as in Godot.
	if ((type == INT || type == FLOAT) && (other_type == INT || other_type == FLOAT)) {
		return type == INT && other_type == INT ? to_int() == o.to_int() : to_float() == o.to_float();
	}
	if ((type == STRING || type == STRING_NAME) && (other_type == STRING || other_type == STRING_NAME)) {
		return to_string_value() == o.to_string_value();
	}
	if (type != other_type) {
		return false;
	}
	switch (type) {
		case NIL:
			return true;
		case OBJECT:
			return get_object_id() == o.get_object_id();
		case ARRAY:
		case DICTIONARY:
			return _same_container(*this, o, &Variant::operator==);
		default:
			return value == o.value;
	}
}

} // namespace godot
