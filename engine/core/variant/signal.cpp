#include "core/variant/signal.h"

#include "core/object/object.h"

namespace godot {

Signal::Signal(const Object *p_object, const StringName &p_name) :
		object(p_object ? p_object->get_instance_id() : 0), name(p_name) {}

Object *Signal::get_object() const {
	return object ? ObjectDB::get_instance(object) : nullptr;
}

String Signal::to_string() const {
	const Object *target = get_object();
	return (target ? target->get_class() : String("null")) + "::[signal]" + name.str();
}

} // namespace godot
