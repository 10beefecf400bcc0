#pragma once
// Variant: the one value type that crosses every boundary (ClassDB calls, signals, scripts,
// the binary encoding). Type numbers are Godot 4's, because the binary encoding stores them.

#include "core/error_list.h"
#include "core/math_types.h"
#include "core/packed_array.h"
#include "core/string_name.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <variant>
#include <vector>

namespace godot {

class Object;
class Variant;

using ObjectID = uint64_t;

using PackedByteArray = PackedArray<uint8_t>;
using PackedInt32Array = PackedArray<int32_t>;
using PackedInt64Array = PackedArray<int64_t>;
using PackedFloat32Array = PackedArray<float>;
using PackedFloat64Array = PackedArray<double>;
using PackedStringArray = PackedArray<String>;

// Reference semantics, as in Godot: copies share the same elements.
class Array {
	std::shared_ptr<std::vector<Variant>> elements;
	std::vector<Variant> &writable();

public:
	Array();
	int64_t size() const;
	bool is_empty() const { return size() == 0; }
	const Variant &operator[](int64_t p_index) const;
	void set(int64_t p_index, const Variant &p_value);
	void push_back(const Variant &p_value);
	void resize(int64_t p_size);
	void clear();
	bool has(const Variant &p_value) const;
	bool is_same(const Array &o) const { return elements == o.elements; }
	bool operator==(const Array &o) const { return is_same(o); } // Identity; Variant compares contents.
	const Variant *begin() const;
	const Variant *end() const;
};

// Insertion-ordered, any Variant as key, reference semantics as in Godot.
class Dictionary {
	struct Data;
	std::shared_ptr<Data> data;

public:
	Dictionary();
	int64_t size() const;
	bool is_empty() const { return size() == 0; }
	bool has(const Variant &p_key) const;
	const Variant *getptr(const Variant &p_key) const;
	Variant get(const Variant &p_key, const Variant &p_default) const;
	void set(const Variant &p_key, const Variant &p_value);
	bool erase(const Variant &p_key);
	void clear();
	bool is_same(const Dictionary &o) const { return data == o.data; }
	bool operator==(const Dictionary &o) const { return is_same(o); } // Identity; Variant compares contents.
	// Entries in insertion order.
	const std::vector<std::pair<Variant, Variant>> &entries() const;
};

struct CallError {
	enum Status {
		CALL_OK,
		CALL_ERROR_INVALID_METHOD,
		CALL_ERROR_INVALID_ARGUMENT,
		CALL_ERROR_TOO_MANY_ARGUMENTS,
		CALL_ERROR_TOO_FEW_ARGUMENTS,
		CALL_ERROR_INSTANCE_IS_NULL,
		CALL_ERROR_SCRIPT_EXCEPTION, // The script threw; it has been reported already.
	};
	Status error = CALL_OK;
	int argument = 0;
	int expected = 0;
};

// A callable implemented outside ClassDB (for example a script function).
class CallableCustom {
public:
	virtual ~CallableCustom() = default;
	virtual void call(const Variant **p_args, int p_argcount, Variant &r_return, CallError &r_error) const = 0;
	virtual ObjectID get_object() const { return 0; }
	virtual bool equals(const CallableCustom &p_other) const { return this == &p_other; }
	virtual String describe() const = 0;
};

class Callable {
	ObjectID object = 0;
	StringName method;
	std::shared_ptr<CallableCustom> custom;

public:
	Callable() = default;
	Callable(const Object *p_object, const StringName &p_method);
	explicit Callable(std::shared_ptr<CallableCustom> p_custom) :
			custom(std::move(p_custom)) {}

	bool is_null() const { return !custom && object == 0; }
	bool is_custom() const { return bool(custom); }
	ObjectID get_object_id() const { return custom ? custom->get_object() : object; }
	const StringName &get_method() const { return method; }
	const CallableCustom *get_custom() const { return custom.get(); }
	void callp(const Variant **p_args, int p_argcount, Variant &r_return, CallError &r_error) const;
	String to_string() const;
	bool operator==(const Callable &o) const;
};

class Variant {
public:
	enum Type {
		NIL,
		BOOL,
		INT,
		FLOAT,
		STRING,
		VECTOR2,
		VECTOR2I,
		RECT2,
		RECT2I,
		VECTOR3,
		VECTOR3I,
		TRANSFORM2D,
		VECTOR4,
		VECTOR4I,
		PLANE,
		QUATERNION,
		AABB,
		BASIS,
		TRANSFORM3D,
		PROJECTION,
		COLOR,
		STRING_NAME,
		NODE_PATH,
		RID,
		OBJECT,
		CALLABLE,
		SIGNAL,
		DICTIONARY,
		ARRAY,
		PACKED_BYTE_ARRAY,
		PACKED_INT32_ARRAY,
		PACKED_INT64_ARRAY,
		PACKED_FLOAT32_ARRAY,
		PACKED_FLOAT64_ARRAY,
		PACKED_STRING_ARRAY,
		PACKED_VECTOR2_ARRAY,
		PACKED_VECTOR3_ARRAY,
		PACKED_COLOR_ARRAY,
		PACKED_VECTOR4_ARRAY,
		VARIANT_MAX
	};

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
	using Storage = std::variant<std::monostate, bool, int64_t, double, String, Vector2, Vector2i, Vector3,
			Vector3i, Color, StringName, NodePath, ObjectSlot, Callable, Dictionary, Array, PackedByteArray,
			PackedInt32Array, PackedInt64Array, PackedFloat32Array, PackedFloat64Array, PackedStringArray>;
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
	Variant(const Vector3 &p_value) :
			value(p_value) {}
	Variant(const Vector3i &p_value) :
			value(p_value) {}
	Variant(const Color &p_value) :
			value(p_value) {}
	Variant(const Object *p_object);
	Variant(const Callable &p_value) :
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
	Variant(Error p_error) :
			value(int64_t(p_error)) {}

	Type get_type() const;
	static const char *get_type_name(Type p_type);
	bool is_nil() const { return value.index() == 0; }

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
	Vector3 to_vector3() const;
	Vector3i to_vector3i() const;
	Color to_color() const;
	Object *to_object() const; // nullptr for non-objects and freed objects.
	ObjectID get_object_id() const;
	Callable to_callable() const;
	Dictionary to_dictionary() const;
	Array to_array() const;
	PackedByteArray to_packed_byte_array() const;
	PackedInt32Array to_packed_int32_array() const;
	PackedInt64Array to_packed_int64_array() const;
	PackedFloat32Array to_packed_float32_array() const;
	PackedFloat64Array to_packed_float64_array() const;
	PackedStringArray to_packed_string_array() const;

	// Direct, allocation-free access to a held value (nullptr when the type differs).
	template <typename T>
	const T *get_if() const { return std::get_if<T>(&value); }

	String stringify(int p_depth = 0) const; // As print() shows it.
	bool booleanize() const;
	size_t hash() const;
	bool operator==(const Variant &o) const;
	bool operator!=(const Variant &o) const { return !(*this == o); }
};

struct VariantHasher {
	size_t operator()(const Variant &p) const { return p.hash(); }
};

} // namespace godot
