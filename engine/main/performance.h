#pragma once
// Performance: the engine's monitors (frame rate, objects alive, memory), as Godot's singleton.

#include "core/object/object.h"
#include "core/variant/type_info.h"

namespace godot {

class Performance : public Object {
	GDCLASS(Performance, Object)

	static Performance *singleton;

protected:
	static void _bind_methods();

public:
	// Godot's numbering for the monitors Quickdot has.
	enum Monitor {
		TIME_FPS = 0,
		TIME_PROCESS = 1,
		TIME_PHYSICS_PROCESS = 2,
		MEMORY_STATIC = 4,
		MEMORY_STATIC_MAX = 5,
		OBJECT_COUNT = 7,
		OBJECT_RESOURCE_COUNT = 8,
		OBJECT_NODE_COUNT = 9,
	};

	static Performance *get_singleton() { return singleton; }
	double get_monitor(Monitor p_monitor) const;

	Performance();
	~Performance() override;
};

} // namespace godot

VARIANT_ENUM_CAST(Performance::Monitor)
