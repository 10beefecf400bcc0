#include "builtin_script_modules.h"

#include "quickjs_runtime.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fstream>
#include <sstream>

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

static bool ends_with_js(const String &p_name) {
	return p_name.size() > 3 && p_name.compare(p_name.size() - 3, 3, ".js") == 0;
}

// Registers every .js file under p_folder (subfolders too) as "<p_module>/<path inside>".
static void add_folder_files(QuickJSRuntime &p_runtime, const String &p_folder, const String &p_module) {
	DIR *directory = opendir(p_folder.c_str());
	if (!directory) {
		return;
	}
	while (const dirent *entry = readdir(directory)) {
		const String name = entry->d_name;
		if (name.empty() || name[0] == '.') {
			continue;
		}
		const String path = p_folder + "/" + name;
		struct stat info;
		if (stat(path.c_str(), &info) != 0) {
			continue;
		}
		if (S_ISDIR(info.st_mode)) {
			add_folder_files(p_runtime, path, p_module + "/" + name);
		} else if (S_ISREG(info.st_mode) && ends_with_js(name)) {
			std::ifstream file(path);
			std::stringstream source;
			source << file.rdbuf();
			p_runtime.add_builtin_module(p_module + "/" + name, source.str());
		}
	}
	closedir(directory);
}

void register_builtin_script_modules(QuickJSRuntime &p_runtime) {
	// Each is a folder beside the executable with an index.js, imported by the folder's name (its
	// index.js) while its files import each other relatively. "gut": the GUT-style test framework,
	// compiled by tsc from ts-types/gut into bin/gut.
	static const char *const folders[] = { "gut" };
	for (const char *folder : folders) {
		const String path = executable_dir() + "/" + folder;
		struct stat info;
		if (stat((path + "/index.js").c_str(), &info) == 0) {
			add_folder_files(p_runtime, path, folder);
		}
	}
}

} // namespace godot
