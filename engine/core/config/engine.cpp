#include "core/config/engine.h"

#include "core/object/class_db.h"
#include "core/os/main_loop.h"

namespace godot {

Engine *Engine::singleton = nullptr;

Engine::Engine() {
	if (!singleton) {
		singleton = this;
	}
}

Engine::~Engine() {
	if (singleton == this) {
		singleton = nullptr;
	}
}

void Engine::set_max_fps(int p_fps) {
	max_fps = p_fps > 0 ? p_fps : 0; // Godot treats negative caps as "uncapped".
}

Dictionary Engine::get_version_info() const {
	Dictionary info;
	info.set("major", 4);
	info.set("minor", 6);
	info.set("patch", 3);
	info.set("hex", 0x040603);
	info.set("status", "stable");
	info.set("build", "quickdot");
	info.set("string", "4.6.3-stable (quickdot)");
	return info;
}

void Engine::_frame_processed(uint64_t p_now_usec) {
	process_frames++;
	if (!window_started || p_now_usec < window_start_usec) {
		window_started = true;
		window_start_usec = p_now_usec;
		window_frames = 0;
		return;
	}
	// FPS = frames completed in the last whole second (or a little more), as Godot measures it.
	window_frames++;
	const uint64_t elapsed = p_now_usec - window_start_usec;
	if (elapsed >= 1000000) {
		frames_per_second = double(window_frames) * 1000000.0 / double(elapsed);
		window_start_usec = p_now_usec;
		window_frames = 0;
	}
}

void Engine::set_main_loop(Object *p_main_loop) {
	main_loop_id = p_main_loop ? p_main_loop->get_instance_id() : 0;
}

MainLoop *Engine::get_main_loop() const {
	return Object::cast_to<MainLoop>(ObjectDB::get_instance(main_loop_id));
}

void Engine::_bind_methods() {
	ClassDB::bind_method(D_METHOD("set_max_fps", "max_fps"), &Engine::set_max_fps);
	ClassDB::bind_method(D_METHOD("get_max_fps"), &Engine::get_max_fps);
	ClassDB::bind_method(D_METHOD("get_frames_drawn"), &Engine::get_frames_drawn);
	ClassDB::bind_method(D_METHOD("get_frames_per_second"), &Engine::get_frames_per_second);
	ClassDB::bind_method(D_METHOD("get_process_frames"), &Engine::get_process_frames);
	ClassDB::bind_method(D_METHOD("get_version_info"), &Engine::get_version_info);
	// Godot has Engine.get_main_loop() too; the reference subset just leaves it out.
	ClassDB::bind_method(D_METHOD("get_main_loop"), &Engine::get_main_loop);

	ADD_PROPERTY(PropertyInfo(Variant::INT, "max_fps"), "set_max_fps", "get_max_fps");
}

} // namespace godot
