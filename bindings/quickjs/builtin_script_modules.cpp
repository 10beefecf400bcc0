#include "builtin_script_modules.h"

#include "quickjs_runtime.h"

#include <fstream>
#include <sstream>
#include <unistd.h>

namespace godot {

// The folder of the running executable (bin/), where the build puts compiled engine modules.
static String executable_dir() {
	char path[4096];
	const ssize_t length = readlink("/proc/self/exe", path, sizeof(path) - 1);
	if (length <= 0) {
		return ".";
	}
	const String executable(path, size_t(length));
	return executable.substr(0, executable.rfind('/'));
}

void register_builtin_script_modules(QuickJSRuntime &p_runtime) {
	// "gut": the GUT-style test framework, compiled by tsc from ts-types/gut into bin/gut.
	std::ifstream file(executable_dir() + "/gut/gut.js");
	if (file) {
		std::stringstream source;
		source << file.rdbuf();
		p_runtime.add_builtin_module("gut", source.str());
	}
}

} // namespace godot
