#pragma once
// One step to run a project: before `bin/quickdot --path P` loads any script, tsc compiles P's
// TypeScript into P/.quickdot/js (ts-types/tsconfig.base.json's layout) when a .ts file changed,
// and JavaScript older than its source is never run. Plain files and processes, no engine state.

#include "core/string/string_name.h"

#include <vector>

namespace godot {

class ScriptBuild {
public:
	// P/.quickdot/js/<name>.js, what tsc writes for the source p_source (relative to the project).
	static String get_output_path(const String &p_source);
	// The project's .ts sources whose JavaScript is missing or older, relative to p_project_dir,
	// sorted. Declaration files have no output; folders tsc's wildcards skip are not looked at.
	static std::vector<String> find_stale_sources(const String &p_project_dir);
	// $QUICKDOT_TSC, else node_modules/.bin/tsc of the checkout the executable was built in
	// (bin/../node_modules). Empty when that file is not executable; r_looked_at says where it looked.
	static String find_tsc(String &r_looked_at);
	// Runs `p_tsc -p p_project_dir`, its diagnostics going to our stdout. True when it succeeded.
	static bool run_tsc(const String &p_tsc, const String &p_project_dir);
	// What main runs before loading scripts: compiles when a source changed (unless
	// p_allow_compile is false) and refuses stale JavaScript. False after saying what to do.
	static bool prepare_project(const String &p_project_dir, bool p_allow_compile);
};

} // namespace godot
