#include "main/performance.h"

#include "core/config/engine.h"
#include "core/io/resource.h"
#include "core/object/class_db.h"
#include "scene/main/scene_tree.h"

#include <malloc.h>

namespace godot {

Performance *Performance::singleton = nullptr;

Performance::Performance() {
	singleton = this;
}

Performance::~Performance() {
	if (singleton == this) {
		singleton = nullptr;
	}
}

static size_t heap_in_use() {
	const struct mallinfo2 info = mallinfo2();
	return info.uordblks + info.hblkhd;
}

double Performance::get_monitor(Monitor p_monitor) const {
	static size_t heap_peak = 0;
	switch (p_monitor) {
		case TIME_FPS:
			return Engine::get_singleton() ? Engine::get_singleton()->get_frames_per_second() : 0;
		case MEMORY_STATIC: {
			const size_t heap = heap_in_use();
			heap_peak = std::max(heap_peak, heap);
			return double(heap);
		}
		case MEMORY_STATIC_MAX:
			heap_peak = std::max(heap_peak, heap_in_use());
			return double(heap_peak);
		case OBJECT_COUNT:
			return ObjectDB::get_object_count();
		case OBJECT_NODE_COUNT:
			return SceneTree::get_singleton() ? SceneTree::get_singleton()->get_node_count() : 0;
		default:
			return 0; // TIME_PROCESS etc.: not measured yet.
	}
}

void Performance::_bind_methods() {
	ClassDB::bind_method(D_METHOD("get_monitor", "monitor"), &Performance::get_monitor);
	BIND_ENUM_CONSTANT(TIME_FPS);
	BIND_ENUM_CONSTANT(TIME_PROCESS);
	BIND_ENUM_CONSTANT(TIME_PHYSICS_PROCESS);
	BIND_ENUM_CONSTANT(MEMORY_STATIC);
	BIND_ENUM_CONSTANT(MEMORY_STATIC_MAX);
	BIND_ENUM_CONSTANT(OBJECT_COUNT);
	BIND_ENUM_CONSTANT(OBJECT_RESOURCE_COUNT);
	BIND_ENUM_CONSTANT(OBJECT_NODE_COUNT);
}

} // namespace godot
