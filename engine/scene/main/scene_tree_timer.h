#pragma once
// SceneTreeTimer: a one-shot countdown made by SceneTree.create_timer; emits "timeout".

#include "core/object/ref_counted.h"

namespace godot {

class SceneTreeTimer : public RefCounted {
	GDCLASS(SceneTreeTimer, RefCounted)

	double time_left = 0;
	bool process_always = true;
	bool process_in_physics = false;
	bool ignore_time_scale = false;

protected:
	static void _bind_methods();

public:
	void set_time_left(double p_time) { time_left = p_time; }
	double get_time_left() const { return time_left; }
	void configure(double p_time, bool p_process_always, bool p_process_in_physics, bool p_ignore_time_scale);
	bool is_process_in_physics() const { return process_in_physics; }
};

} // namespace godot
