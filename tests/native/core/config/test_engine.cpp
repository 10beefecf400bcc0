// Engine, the singleton scripts see: version info, max_fps, frame counters and FPS, the main loop,
// and the three singletons' registration.

#include "core/config/engine.h"
#include "core/object/class_db.h"

#include <doctest/doctest.h>

using namespace godot;

TEST_CASE("[Engine] version, frame counters and FPS") {
	Engine *engine = Engine::get_singleton();
	REQUIRE(engine != nullptr);
	const Dictionary info = engine->call("get_version_info").to_dictionary();
	CHECK(info.get("major", Variant()) == Variant(4));
	CHECK(info.get("minor", Variant()) == Variant(6));
	CHECK(info.get("patch", Variant()) == Variant(3));
	CHECK(info.get("hex", Variant()) == Variant(0x040603));
	CHECK(info.get("status", Variant()) == Variant("stable"));
	CHECK(info.get("build", Variant()) == Variant("quickdot"));
	CHECK(info.get("string", Variant()) == Variant("4.6.3-stable (quickdot)"));

	engine->set("max_fps", 30);
	CHECK(engine->call("get_max_fps") == Variant(30));
	engine->call("set_max_fps", -1);
	CHECK(engine->get("max_fps") == Variant(0));

	const uint64_t frames = engine->get_process_frames();
	// 61 frames 1/60 s apart: 60 frames over one second.
	for (uint64_t i = 0; i <= 60; i++) {
		engine->_frame_processed(1000000 + i * 1000000 / 60);
	}
	CHECK(engine->call("get_process_frames").to_int() == int64_t(frames + 61));
	CHECK(engine->call("get_frames_per_second").to_float() == doctest::Approx(60.0));
	CHECK(engine->call("get_frames_drawn") == Variant(0));

	CHECK(engine->call("get_main_loop").is_nil());
	Object *loop = ClassDB::instantiate("Object");
	engine->set_main_loop(loop);
	CHECK(engine->get_main_loop() == nullptr); // Not a MainLoop.
	engine->set_main_loop(nullptr);
	memdelete(loop);

	CHECK(ClassDB::can_instantiate("OS"));
	CHECK(ClassDB::can_instantiate("Time"));
	CHECK(ClassDB::can_instantiate("Engine"));
}
