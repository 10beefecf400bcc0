#include "main/main_options.h"

#include "core/string/print_string.h"

#include <cstdio>
#include <cstdlib>

namespace godot {

static bool parse_integer(const char *p_option, const char *p_text, int64_t p_min, int64_t &r_value) {
	char *end = nullptr;
	const long long value = strtoll(p_text, &end, 10);
	if (!*p_text || *end || value < p_min) {
		fprintf(stderr, "Error: %s expects a whole number >= %lld, got \"%s\".\n", p_option, (long long)p_min, p_text);
		return false;
	}
	r_value = value;
	return true;
}

bool MainOptions::parse(int argc, char **argv) {
	for (int i = 1; i < argc; i++) {
		const String option = argv[i];
		if (option == "--") {
			for (int j = i + 1; j < argc; j++) {
				user_args.push_back(argv[j]);
			}
			return true;
		}
		engine_args.push_back(option);
		auto value = [&](const char *p_name) -> const char * {
			if (i + 1 >= argc) {
				fprintf(stderr, "Error: %s needs a value. Run with --help for usage.\n", p_name);
				return nullptr;
			}
			engine_args.push_back(argv[i + 1]);
			return argv[++i];
		};
		int64_t number = 0;
		if (option == "--headless") {
			continue; // Quickdot is always headless; accepted for Godot compatibility.
		} else if (option == "--help" || option == "-h") {
			show_help = true;
		} else if (option == "--version") {
			show_version = true;
		} else if (option == "--verbose" || option == "-v") {
			verbose = true;
		} else if (option == "--no-build") {
			no_build = true;
		} else if (option == "--dump-extension-api") {
			dump_extension_api = true;
		} else if (option == "--path") {
			const char *path = value("--path");
			if (!path) {
				return false;
			}
			project_path = path;
			project_path_given = true;
		} else if (option == "--script" || option == "-s") {
			const char *path = value(option.c_str());
			if (!path) {
				return false;
			}
			script = path;
		} else if (option == "--quit-after") {
			const char *text = value("--quit-after");
			if (!text || !parse_integer("--quit-after", text, 1, number)) {
				return false;
			}
			quit_after = number;
		} else if (option == "--fixed-fps") {
			const char *text = value("--fixed-fps");
			if (!text || !parse_integer("--fixed-fps", text, 1, number)) {
				return false;
			}
			fixed_fps = int(number);
		} else if (option == "--script-timeout") {
			const char *text = value("--script-timeout");
			if (!text || !parse_integer("--script-timeout", text, 0, number)) {
				return false;
			}
			script_timeout_sec = double(number);
		} else if (option == "--script-memory-limit") {
			const char *text = value("--script-memory-limit");
			if (!text || !parse_integer("--script-memory-limit", text, 1, number)) {
				return false;
			}
			script_memory_limit_mb = size_t(number);
		} else if (begins_with(option, "-g")) {
			// GUT's options (-gdir=x, -gdir x, -gexit) are read by the test runner script.
			if (option.find('=') == String::npos && i + 1 < argc && argv[i + 1][0] != '-') {
				engine_args.push_back(argv[++i]);
			}
			continue;
		} else {
			fprintf(stderr, "Error: unknown option \"%s\". Run with --help for usage.\n", option.c_str());
			return false;
		}
	}
	return true;
}

void MainOptions::print_help() {
	printf("Quickdot %s — a headless Godot-compatible engine for TypeScript.\n\n"
		   "Usage: quickdot [options] [-- user arguments]\n\n"
		   "  --headless                 Accepted for Godot compatibility (always headless).\n"
		   "  --path <dir>               Run the project in <dir> (containing project.godot), compiling its\n"
		   "                             TypeScript first when a .ts file changed.\n"
		   "  --no-build                 Don't run tsc; refuse JavaScript older than its .ts file.\n"
		   "  -s, --script <file>        Run this script (a class extending Node) instead of the main scene.\n"
		   "  --quit-after <n>           Quit after <n> frames.\n"
		   "  --fixed-fps <fps>          Fixed delta of 1/<fps> per frame, without real-time waiting.\n"
		   "  --dump-extension-api       Write extension_api.json (Godot's format) into the current folder.\n"
		   "  --script-timeout <sec>     Stop a script callback that runs longer than <sec> (Quickdot extension).\n"
		   "  --script-memory-limit <mb> Limit the script heap (Quickdot extension).\n"
		   "  -v, --verbose              More output, including full script stack traces.\n"
		   "  --version                  Print the version and exit.\n"
		   "  -h, --help                 This help.\n"
		   "  -g<option>                 Options for the GUT-style test runner (see README).\n",
			QUICKDOT_VERSION);
}

} // namespace godot
