#include "core/variant/container_type.h"

#include "core/object/object.h"
#include "core/string/print_string.h"
#include "core/variant/variant.h"

namespace godot {

bool ContainerType::validate(Variant &r_value) const {
	if (builtin == Variant::NIL) {
		return true;
	}
	const Variant::Type type = r_value.get_type();
	if (type != builtin) {
		// The conversions Godot's typed containers make on the way in.
		if (builtin == Variant::OBJECT && type == Variant::NIL) {
			return true;
		}
		if (builtin == Variant::FLOAT && type == Variant::INT) {
			r_value = r_value.to_float();
			return true;
		}
		if (builtin == Variant::STRING && type == Variant::STRING_NAME) {
			r_value = r_value.to_string_value();
			return true;
		}
		if (builtin == Variant::STRING_NAME && type == Variant::STRING) {
			r_value = r_value.to_string_name();
			return true;
		}
		return false;
	}
	if (builtin != Variant::OBJECT || class_name.is_empty()) {
		return true;
	}
	const Object *object = r_value.to_object();
	// A freed object is let through, as null. The class itself is checked first, so a class
	// ClassDB has not registered (no parents to look up) still fits its own containers.
	return !object || object->get_class_name() == class_name || object->is_class(class_name.str());
}

String ContainerType::to_string() const {
	if (builtin == Variant::NIL) {
		return "Variant";
	}
	if (builtin == Variant::OBJECT && !class_name.is_empty()) {
		return class_name.str();
	}
	return Variant::get_type_name(builtin);
}

bool ContainerType::is_valid_for(const char *p_container) const {
	if (builtin < Variant::NIL || builtin >= Variant::VARIANT_MAX) {
		print_error(vformat("%s.set_typed: %d is not a Variant type.", p_container, int(builtin)));
		return false;
	}
	if (!class_name.is_empty() && builtin != Variant::OBJECT) {
		print_error(vformat("%s.set_typed: a class name (%s) can only be given with the type Object.", p_container, class_name.c_str()));
		return false;
	}
	return true;
}

} // namespace godot
