#pragma once
// Timer: Godot's countdown node. Counts down in the frames' process (or physics) callbacks while
// inside the tree, emits "timeout", and restarts unless one_shot. Uses the node's internal
// processing, so a script's set_process(false) does not stop it.

#include "scene/main/node.h"

namespace godot {

class Timer : public Node {
	GDCLASS(Timer, Node)

public:
	enum TimerProcessCallback {
		TIMER_PROCESS_PHYSICS,
		TIMER_PROCESS_IDLE,
	};

private:
	double wait_time = 1.0;
	bool one_shot = false;
	bool autostart = false;
	bool running = false; // Started and not stopped (paused or not).
	bool paused = false;
	bool ignore_time_scale = false;
	double time_left = -1.0;
	TimerProcessCallback process_callback = TIMER_PROCESS_IDLE;

	void _set_process(bool p_process);
	void _count_down(double p_delta);

protected:
	static void _bind_methods();
	void _notification(int p_what) override;

public:
	void set_wait_time(double p_time);
	double get_wait_time() const { return wait_time; }
	void set_one_shot(bool p_one_shot) { one_shot = p_one_shot; }
	bool is_one_shot() const { return one_shot; }
	void set_autostart(bool p_start) { autostart = p_start; }
	bool has_autostart() const { return autostart; }
	void start(double p_time_sec = -1);
	void stop();
	void set_paused(bool p_paused);
	bool is_paused() const { return paused; }
	// Quickdot has no Engine.time_scale, so this changes nothing yet; kept for Godot's API.
	void set_ignore_time_scale(bool p_ignore) { ignore_time_scale = p_ignore; }
	bool is_ignoring_time_scale() const { return ignore_time_scale; }
	bool is_stopped() const { return get_time_left() <= 0; }
	double get_time_left() const { return time_left > 0 ? time_left : 0; }
	void set_timer_process_callback(TimerProcessCallback p_callback);
	TimerProcessCallback get_timer_process_callback() const { return process_callback; }
};

} // namespace godot

VARIANT_ENUM_CAST(Timer::TimerProcessCallback)
