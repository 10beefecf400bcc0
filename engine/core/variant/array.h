#pragma once
// Godot's Array: Variants with reference semantics, optionally typed (Array[T]).

#include "core/variant/container_type.h"

#include <cstdint>
#include <memory>

namespace godot {

class Variant;

// Reference semantics, as in Godot: copies share the same elements (and element type).
class Array {
	struct Data;
	std::shared_ptr<Data> data;

	// False (with an error printed) when p_value cannot go into this typed array.
	bool _validate(Variant &r_value, const char *p_operation) const;

public:
	Array();
	int64_t size() const;
	bool is_empty() const { return size() == 0; }
	const Variant &operator[](int64_t p_index) const;
	void set(int64_t p_index, const Variant &p_value);
	void push_back(const Variant &p_value);
	void resize(int64_t p_size); // New elements are the element type's default value.
	void clear();
	bool has(const Variant &p_value) const;
	bool is_same(const Array &o) const { return data == o.data; }
	bool operator==(const Array &o) const { return is_same(o); } // Identity; Variant compares contents.
	const Variant *begin() const;
	const Variant *end() const;

	// Typing, as Godot's Array[T]: only an empty array can be typed, and only once; afterwards
	// every element must be of that type (ints are converted for Array[float], as in Godot).
	void set_typed(VariantTypes::Type p_type, const StringName &p_class_name);
	void set_typed(const ContainerType &p_type);
	bool is_typed() const;
	VariantTypes::Type get_typed_builtin() const; // NIL when untyped.
	const StringName &get_typed_class_name() const;
	const ContainerType &get_element_type() const;
};

} // namespace godot
