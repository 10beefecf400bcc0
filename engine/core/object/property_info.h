#pragma once
// What ClassDB records about a value's type: enough to check a script's argument, to print a
// readable TypeError and to write Godot's extension_api.json type strings.

#include "core/variant/variant.h"

namespace godot {

struct PropertyInfo {
	enum Kind {
		KIND_PLAIN, // A builtin type, or an object of class_name.
		KIND_VARIANT, // Any value.
		KIND_ENUM, // class_name holds "Class.Enum" (or "Error").
		KIND_BITFIELD,
		KIND_TYPED_ARRAY, // An Array whose elements are class_name.
	};

	Variant::Type type = Variant::NIL;
	String name;
	String class_name;
	Kind kind = KIND_PLAIN;
	bool required = false; // An object that is never null (Godot's "meta": "required").

	PropertyInfo() = default;
	PropertyInfo(Variant::Type p_type, String p_name, String p_class_name = String(), Kind p_kind = KIND_PLAIN) :
			type(p_type), name(std::move(p_name)), class_name(std::move(p_class_name)), kind(p_kind) {}

	static PropertyInfo variant(String p_name = String()) { return PropertyInfo(Variant::NIL, std::move(p_name), String(), KIND_VARIANT); }

	bool is_void() const { return type == Variant::NIL && kind == KIND_PLAIN; }
	// Godot's dump spelling: "int", "PacketPeerUDP", "enum::PacketPeerDTLS.Status", "typedarray::Node", "Variant".
	String type_string() const;
};

struct MethodInfo {
	String name;
	PropertyInfo return_value; // is_void() when nothing is returned.
	std::vector<PropertyInfo> arguments;
	std::vector<Variant> default_arguments; // For the trailing arguments.
	bool is_const = false;
	bool is_virtual = false;
	bool is_vararg = false;

	MethodInfo() = default;
	template <typename... Args>
	explicit MethodInfo(String p_name, Args... p_args) :
			name(std::move(p_name)), arguments{ p_args... } {}
};

} // namespace godot
