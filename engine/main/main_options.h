#pragma once
// The command line, in Godot's spelling.

#include "core/string/string_name.h"

#include <vector>

namespace godot {

struct MainOptions {
	String project_path = ".";
	bool project_path_given = false;
	String script; // --script / -s
	int64_t quit_after = 0; // Frames; 0 = run until quit().
	int fixed_fps = 0;
	bool show_version = false;
	bool show_help = false;
	bool dump_extension_api = false;
	bool verbose = false;
	bool no_build = false; // Never run tsc; refuse JavaScript older than its TypeScript.
	double script_timeout_sec = 0; // Watchdog for one engine → script call; 0 = off.
	size_t script_memory_limit_mb = 0;
	std::vector<String> engine_args; // Everything before "--", for OS.get_cmdline_args().
	std::vector<String> user_args; // Everything after "--".

	// False after printing a one-line error.
	bool parse(int argc, char **argv);
	static void print_help();
};

} // namespace godot
