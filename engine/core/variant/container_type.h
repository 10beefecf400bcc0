#pragma once
// The element type of a typed Array, or the key or value type of a typed Dictionary.

#include "core/string/string_name.h"
#include "core/variant/variant_type.h"

namespace godot {

class Variant;

// The element type of a typed Array, or the key or value type of a typed Dictionary:
// NIL for any Variant; OBJECT with the class name the objects must have.
struct ContainerType {
	VariantTypes::Type builtin = VariantTypes::NIL;
	StringName class_name;

	bool is_typed() const { return builtin != VariantTypes::NIL; }
	// True when p_value may be stored; converts it first where Godot does (int to float,
	// String to StringName and back).
	bool validate(Variant &r_value) const;
	String to_string() const; // "int", "Node", "Variant".
	// Godot's rules for typing a container (p_container names it in the error): a Variant type,
	// and a class name only with OBJECT.
	bool is_valid_for(const char *p_container) const;
	bool operator==(const ContainerType &o) const { return builtin == o.builtin && class_name == o.class_name; }
	bool operator!=(const ContainerType &o) const { return !(*this == o); }
};

} // namespace godot
