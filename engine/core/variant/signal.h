#pragma once
// Godot's Signal value: an object (by instance id) and the name of one of its signals.

#include "core/object/object_id.h"
#include "core/string/string_name.h"

namespace godot {

class Object;

class Signal {
	ObjectID object = 0;
	StringName name;

public:
	Signal() = default;
	Signal(const Object *p_object, const StringName &p_name);
	Signal(ObjectID p_object, const StringName &p_name) :
			object(p_object), name(p_name) {}

	bool is_null() const { return object == 0 && name.is_empty(); }
	ObjectID get_object_id() const { return object; }
	Object *get_object() const; // nullptr when there is none or it has been freed.
	const StringName &get_name() const { return name; }
	String to_string() const; // As print() shows it: "Node::[signal]ready".
	bool operator==(const Signal &o) const { return object == o.object && name == o.name; }
	bool operator!=(const Signal &o) const { return !(*this == o); }
};

} // namespace godot
