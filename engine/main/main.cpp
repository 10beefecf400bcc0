#include "main/main.h"

#include "core/config/engine.h"
#include "core/config/project_settings.h"
#include "core/extension/extension_api_dump.h"
#include "core/extension/gdextension_manager.h"
#include "core/io/socket_waiter.h"
#include "core/object/class_db.h"
#include "core/object/message_queue.h"
#include "core/os/os.h"
#include "core/register_core_types.h"
#include "core/string/print_string.h"
#include "main/main_options.h"
#include "main/performance.h"
#include "main/script_build.h"
#include "scene/main/scene_tree.h"
#include "scene/register_scene_types.h"

#include "quickjs/builtin_script_modules.h"
#include "quickjs/quickjs_runtime.h"

#include <algorithm>
#include <cstdio>

namespace godot {

static constexpr double PHYSICS_STEP = 1.0 / 60.0;
static constexpr int MAX_PHYSICS_STEPS_PER_FRAME = 8;
// Without --fixed-fps or Engine.max_fps an idle headless loop ticks at 60 Hz and wakes at
// once when a socket becomes readable, so it neither spins nor delays network traffic.
static constexpr double IDLE_FRAME_INTERVAL = 1.0 / 60.0;

// Runs frames until the tree quits or --quit-after is reached.
static void run_main_loop(SceneTree &p_tree, const MainOptions &p_options) {
	OS *os = OS::get_singleton();
	Engine *engine = Engine::get_singleton();
	QuickJSRuntime *runtime = QuickJSRuntime::get_singleton();
	uint64_t last_frame = os->get_ticks_usec();
	double physics_accumulator = 0;
	int64_t frames = 0;
	while (!p_tree.is_quit_requested()) {
		const uint64_t now = os->get_ticks_usec();
		const double delta = p_options.fixed_fps ? 1.0 / p_options.fixed_fps : std::min(double(now - last_frame) / 1e6, 0.5);
		last_frame = now;

		physics_accumulator += delta;
		for (int step = 0; physics_accumulator >= PHYSICS_STEP && step < MAX_PHYSICS_STEPS_PER_FRAME; step++) {
			physics_accumulator -= PHYSICS_STEP;
			if (p_tree.physics_process(PHYSICS_STEP)) {
				break;
			}
		}
		if (p_tree.is_quit_requested()) {
			break;
		}
		p_tree.process(delta);
		runtime->flush_deferred_releases();
		engine->_frame_processed(os->get_ticks_usec());
		if (p_options.quit_after && ++frames >= p_options.quit_after) {
			break;
		}
		if (p_options.fixed_fps || p_tree.is_quit_requested()) {
			continue;
		}
		const double interval = engine->get_max_fps() > 0 ? 1.0 / engine->get_max_fps() : IDLE_FRAME_INTERVAL;
		const double until_timer = p_tree.get_time_to_next_timer();
		const double elapsed = double(os->get_ticks_usec() - now) / 1e6;
		const double wait = std::max(0.0, std::min(interval, until_timer) - elapsed);
		if (wait > 0) {
			os->wait_for_events(uint64_t(wait * 1e6));
		}
	}
}

static void shutdown_extensions(GDExtensionManager &p_extensions) {
	p_extensions.deinitialize_level(MODULE_INITIALIZATION_LEVEL_SCENE);
	p_extensions.deinitialize_level(MODULE_INITIALIZATION_LEVEL_SERVERS);
	p_extensions.deinitialize_level(MODULE_INITIALIZATION_LEVEL_CORE);
}

static String find_main_scene(const MainOptions &p_options) {
	if (!p_options.script.empty()) {
		return p_options.script;
	}
	return ProjectSettings::get_singleton()->get_setting("application/run/main_scene").to_string_value();
}

// Performance reads the scene tree, so main owns it, as in Godot.
static Performance *performance = nullptr;

static void register_main_singletons() {
	ClassDB::register_class<Performance>();
	performance = memnew(Performance);
	ClassDB::register_singleton("Performance", performance);
}

// Everything registered since register_core_types(), in reverse.
static void unregister_all_types() {
	if (performance) {
		ClassDB::register_singleton("Performance", nullptr); // Scripts must not reach freed memory.
		memdelete(performance);
		performance = nullptr;
	}
	unregister_core_types();
}

int Main::run(int argc, char **argv) {
	MainOptions options;
	if (!options.parse(argc, argv)) {
		return 1;
	}
	if (options.show_help) {
		MainOptions::print_help();
		return 0;
	}
	if (options.show_version) {
		printf("%s\n", QUICKDOT_VERSION);
		return 0;
	}
	set_verbose(options.verbose);

	register_core_types();
	OS::get_singleton()->set_cmdline(options.engine_args, options.user_args);
	// Idle frames sleep in ppoll on the open sockets: a datagram wakes the loop at once.
	OS::get_singleton()->set_event_waiter([](uint64_t p_timeout_usec) { SocketWaiter::wait(int64_t(p_timeout_usec)); });

	ProjectSettings settings;
	const Error project_error = settings.setup(options.project_path);
	const bool needs_project = !options.dump_extension_api || options.project_path_given;
	if (project_error == ERR_PARSE_ERROR) {
		unregister_all_types(); // setup() said what is wrong and where.
		return 1;
	}
	if (project_error != OK && needs_project && (options.project_path_given || options.script.empty())) {
		fprintf(stderr, "Error: no project.godot in \"%s\". Pass --path <project folder> (or --script <file>).\n", options.project_path.c_str());
		unregister_all_types();
		return 1;
	}
	// Scripts are compiled before anything runs, so a type error stops the run (the API dump runs none).
	if (project_error == OK && !options.dump_extension_api && !ScriptBuild::prepare_project(settings.get_resource_path(), !options.no_build)) {
		unregister_all_types();
		return 1;
	}

	// Extensions come up level by level around the engine's own registration, as in Godot.
	GDExtensionManager extensions;
	if (project_error == OK) {
		extensions.load_extensions(settings.get_resource_path(), OS::get_singleton()->get_feature_tags());
	}
	extensions.initialize_level(MODULE_INITIALIZATION_LEVEL_CORE);
	extensions.initialize_level(MODULE_INITIALIZATION_LEVEL_SERVERS);
	register_scene_types();
	register_main_singletons();
	extensions.initialize_level(MODULE_INITIALIZATION_LEVEL_SCENE);

	if (options.dump_extension_api) {
		const Error error = generate_extension_api("extension_api.json");
		shutdown_extensions(extensions);
		unregister_all_types();
		return error == OK ? 0 : 1;
	}

	int exit_code = 0;
	{
		QuickJSRuntime runtime;
		const uint64_t watchdog_usec = uint64_t(options.script_timeout_sec * 1e6);
		if (runtime.initialize(options.script_memory_limit_mb * 1024 * 1024, watchdog_usec) != OK) {
			shutdown_extensions(extensions);
			unregister_all_types();
			return 1;
		}
		register_builtin_script_modules(runtime);

		SceneTree *tree = memnew(SceneTree);
		Engine::get_singleton()->set_main_loop(tree);
		tree->initialize();

		const String main_scene = find_main_scene(options);
		Node *main_node = nullptr;
		if (main_scene.empty()) {
			fprintf(stderr, "Error: the project has no main scene. Set application/run/main_scene in project.godot, or pass --script <file>.\n");
			exit_code = 1;
		} else {
			main_node = runtime.instantiate_scene_script(main_scene);
			if (!main_node) {
				exit_code = 1;
			}
		}
		if (main_node) {
			tree->get_root()->add_child(main_node);
			run_main_loop(*tree, options);
			exit_code = tree->get_exit_code();
		}
		tree->finalize();
		Engine::get_singleton()->set_main_loop(nullptr);
		memdelete(tree);
		MessageQueue::flush();
		runtime.finalize();
	}
	shutdown_extensions(extensions);
	unregister_all_types();
	return exit_code;
}

} // namespace godot
