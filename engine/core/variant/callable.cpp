#include "core/variant/callable.h"

#include "core/object/object.h"
#include "core/variant/variant.h"

namespace godot {

Callable::Callable(const Object *p_object, const StringName &p_method) :
		object(p_object ? p_object->get_instance_id() : 0), method(p_method) {}

void Callable::callp(const Variant **p_args, int p_argcount, Variant &r_return, CallError &r_error) const {
	if (custom) {
		custom->call(p_args, p_argcount, r_return, r_error);
		return;
	}
	Object *target = ObjectDB::get_instance(object);
	if (!target) {
		r_error.error = CallError::CALL_ERROR_INSTANCE_IS_NULL;
		return;
	}
	r_return = target->callp(method, p_args, p_argcount, r_error);
}

String Callable::to_string() const {
	if (custom) {
		return custom->describe();
	}
	// Godot's text: "null" stands for a missing (or freed) object and an empty method.
	Object *target = ObjectDB::get_instance(object);
	return (target ? target->get_class() : String("null")) + "::" + (method.is_empty() ? String("null") : method.str());
}

bool Callable::operator==(const Callable &o) const {
	if (custom || o.custom) {
		return custom && o.custom && custom->equals(*o.custom);
	}
	return object == o.object && method == o.method;
}

} // namespace godot
