#include "scene/main/scene_tree_timer.h"

namespace godot {

void SceneTreeTimer::configure(double p_time, bool p_process_always, bool p_process_in_physics, bool p_ignore_time_scale) {
	time_left = p_time;
	process_always = p_process_always;
	process_in_physics = p_process_in_physics;
	ignore_time_scale = p_ignore_time_scale;
}

void SceneTreeTimer::_bind_methods() {
	ClassDB::bind_method(D_METHOD("set_time_left", "time"), &SceneTreeTimer::set_time_left);
	ClassDB::bind_method(D_METHOD("get_time_left"), &SceneTreeTimer::get_time_left);
	ADD_PROPERTY(PropertyInfo(Variant::FLOAT, "time_left"), "set_time_left", "get_time_left");
	ADD_SIGNAL(MethodInfo("timeout"));
}

} // namespace godot
