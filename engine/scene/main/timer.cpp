#include "scene/main/timer.h"

#include "core/object/class_db.h"
#include "core/string/print_string.h"

namespace godot {

void Timer::_notification(int p_what) {
	Node::_notification(p_what);
	switch (p_what) {
		case NOTIFICATION_READY:
			if (autostart) {
				start();
				autostart = false; // As Godot: autostart is spent once it has started the timer.
			}
			break;
		case NOTIFICATION_INTERNAL_PROCESS:
			if (process_callback == TIMER_PROCESS_IDLE) {
				_count_down(get_process_delta_time());
			}
			break;
		case NOTIFICATION_INTERNAL_PHYSICS_PROCESS:
			if (process_callback == TIMER_PROCESS_PHYSICS) {
				_count_down(get_physics_process_delta_time());
			}
			break;
		default:
			break;
	}
}

void Timer::_count_down(double p_delta) {
	if (!running || paused) {
		return;
	}
	time_left -= p_delta;
	if (time_left < 0) {
		if (one_shot) {
			stop();
		} else {
			// Carry the overshoot into the next round, so a repeating timer keeps its rhythm.
			time_left += wait_time;
		}
		emit_signal("timeout");
	}
}

void Timer::_set_process(bool p_process) {
	running = p_process;
	set_process_internal(process_callback == TIMER_PROCESS_IDLE && p_process && !paused);
	set_physics_process_internal(process_callback == TIMER_PROCESS_PHYSICS && p_process && !paused);
}

void Timer::set_wait_time(double p_time) {
	if (p_time <= 0) {
		print_error(vformat("Timer.wait_time: %g is not a duration; the wait time must be greater than zero (it stays %g).", p_time, wait_time));
		return;
	}
	wait_time = p_time;
}

void Timer::start(double p_time_sec) {
	if (!is_inside_tree()) {
		const String name = get_name().str().empty() ? String() : " \"" + get_name().str() + "\"";
		print_error(vformat("Timer.start: the Timer%s is not inside the scene tree; add it with add_child() first, or set autostart to true.", name.c_str()));
		return;
	}
	if (p_time_sec > 0) {
		set_wait_time(p_time_sec);
	}
	time_left = wait_time;
	_set_process(true);
}

void Timer::stop() {
	time_left = -1;
	_set_process(false);
	autostart = false;
}

void Timer::set_paused(bool p_paused) {
	if (paused == p_paused) {
		return;
	}
	paused = p_paused;
	_set_process(running);
}

void Timer::set_timer_process_callback(TimerProcessCallback p_callback) {
	if (p_callback != TIMER_PROCESS_PHYSICS && p_callback != TIMER_PROCESS_IDLE) {
		print_error(vformat("Timer.process_callback: %d is not a TimerProcessCallback; use TIMER_PROCESS_IDLE or TIMER_PROCESS_PHYSICS.", int(p_callback)));
		return;
	}
	process_callback = p_callback;
	_set_process(running);
}

void Timer::_bind_methods() {
	ClassDB::bind_method(D_METHOD("set_wait_time", "time_sec"), &Timer::set_wait_time);
	ClassDB::bind_method(D_METHOD("get_wait_time"), &Timer::get_wait_time);
	ClassDB::bind_method(D_METHOD("set_one_shot", "enable"), &Timer::set_one_shot);
	ClassDB::bind_method(D_METHOD("is_one_shot"), &Timer::is_one_shot);
	ClassDB::bind_method(D_METHOD("set_autostart", "enable"), &Timer::set_autostart);
	ClassDB::bind_method(D_METHOD("has_autostart"), &Timer::has_autostart);
	ClassDB::bind_method(D_METHOD("start", "time_sec"), &Timer::start, DEFVAL(-1));
	ClassDB::bind_method(D_METHOD("stop"), &Timer::stop);
	ClassDB::bind_method(D_METHOD("set_paused", "paused"), &Timer::set_paused);
	ClassDB::bind_method(D_METHOD("is_paused"), &Timer::is_paused);
	ClassDB::bind_method(D_METHOD("set_ignore_time_scale", "ignore"), &Timer::set_ignore_time_scale);
	ClassDB::bind_method(D_METHOD("is_ignoring_time_scale"), &Timer::is_ignoring_time_scale);
	ClassDB::bind_method(D_METHOD("is_stopped"), &Timer::is_stopped);
	ClassDB::bind_method(D_METHOD("get_time_left"), &Timer::get_time_left);
	ClassDB::bind_method(D_METHOD("set_timer_process_callback", "callback"), &Timer::set_timer_process_callback);
	ClassDB::bind_method(D_METHOD("get_timer_process_callback"), &Timer::get_timer_process_callback);

	ADD_SIGNAL(MethodInfo("timeout"));

	ADD_PROPERTY(PropertyInfo(Variant::INT, "process_callback", "Timer.TimerProcessCallback", PropertyInfo::KIND_ENUM), "set_timer_process_callback", "get_timer_process_callback");
	ADD_PROPERTY(PropertyInfo(Variant::FLOAT, "wait_time"), "set_wait_time", "get_wait_time");
	ADD_PROPERTY(PropertyInfo(Variant::BOOL, "one_shot"), "set_one_shot", "is_one_shot");
	ADD_PROPERTY(PropertyInfo(Variant::BOOL, "autostart"), "set_autostart", "has_autostart");
	ADD_PROPERTY(PropertyInfo(Variant::BOOL, "paused"), "set_paused", "is_paused");
	ADD_PROPERTY(PropertyInfo(Variant::BOOL, "ignore_time_scale"), "set_ignore_time_scale", "is_ignoring_time_scale");
	ADD_PROPERTY(PropertyInfo(Variant::FLOAT, "time_left"), "", "get_time_left");

	BIND_ENUM_CONSTANT(TIMER_PROCESS_PHYSICS);
	BIND_ENUM_CONSTANT(TIMER_PROCESS_IDLE);
}

} // namespace godot
