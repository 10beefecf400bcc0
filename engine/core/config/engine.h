#pragma once
// Engine: the singleton scripts ask about the running engine (version, frame counters, FPS cap).
// The main loop feeds it once per frame through _frame_processed().

#include "core/object/object.h"
#include "core/variant/type_info.h"

namespace godot {

class MainLoop;

class Engine : public Object {
	GDCLASS(Engine, Object)

	static Engine *singleton;

	int max_fps = 0; // 0: uncapped.
	uint64_t process_frames = 0;
	double frames_per_second = 0.0;
	// The FPS window: frames counted since window_start_usec.
	uint64_t window_start_usec = 0;
	uint64_t window_frames = 0;
	bool window_started = false;
	ObjectID main_loop_id = 0; // An id, not a pointer: a freed main loop reads back as null.

protected:
	static void _bind_methods();

public:
	static Engine *get_singleton() { return singleton; }

	void set_max_fps(int p_fps);
	int get_max_fps() const { return max_fps; }
	// Godot counts frames actually rendered; Quickdot runs headless and never draws, so this is
	// always 0, exactly what Godot reports under --headless.
	int get_frames_drawn() { return 0; }
	double get_frames_per_second() const { return frames_per_second; }
	uint64_t get_process_frames() const { return process_frames; }
	Dictionary get_version_info() const;

	// Main-loop hooks: called after every processed frame with the current OS ticks.
	void _frame_processed(uint64_t p_now_usec);
	void set_main_loop(Object *p_main_loop);
	MainLoop *get_main_loop() const;

	Engine();
	~Engine() override;
};

} // namespace godot
