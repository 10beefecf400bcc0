#include "core/extension/gdextension_manager.h"

#include "core/io/config_file.h"
#include "core/string/print_string.h"

#include <dirent.h>
#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <set>

namespace godot {

GDExtensionManager *GDExtensionManager::singleton = nullptr;

namespace {

// ------------------------------------------------------------------ interface functions

void interface_get_godot_version(GDExtensionGodotVersion *r_version) {
	r_version->major = GDExtensionManager::VERSION_MAJOR;
	r_version->minor = GDExtensionManager::VERSION_MINOR;
	r_version->patch = GDExtensionManager::VERSION_PATCH;
	r_version->string = "Quickdot 4.6.3 (Godot 4.6.3 compatible)";
}

GDExtensionInterfaceFunctionPtr interface_get_proc_address(const char *p_name) {
	if (p_name && strcmp(p_name, "get_godot_version") == 0) {
		return reinterpret_cast<GDExtensionInterfaceFunctionPtr>(&interface_get_godot_version);
	}
	return nullptr;
}

// ------------------------------------------------------------------ paths

// "/a/b/../c/./d" → "/a/c/d", so messages show the file that was looked for. A relative
// path stays relative ("p/../../x" → "../x").
String normalize_path(const String &p_path) {
	const bool absolute = !p_path.empty() && p_path[0] == '/';
	std::vector<String> kept;
	for (const String &part : split(p_path, '/')) {
		if (part.empty() || part == ".") {
			continue;
		}
		if (part == ".." && !kept.empty() && kept.back() != "..") {
			kept.pop_back();
		} else if (part != ".." || !absolute) {
			kept.push_back(part);
		}
	}
	String result = absolute ? "/" : "";
	for (size_t i = 0; i < kept.size(); i++) {
		result += (i ? "/" : "") + kept[i];
	}
	return result.empty() ? "." : result;
}

// Relative to the working directory, made absolute (dlopen() reads a path without a slash
// as a library name to search for).
String absolute_path(const String &p_path) {
	if (!p_path.empty() && p_path[0] == '/') {
		return normalize_path(p_path);
	}
	char *cwd = getcwd(nullptr, 0);
	const String absolute = normalize_path(String(cwd ? cwd : "") + "/" + p_path);
	free(cwd);
	return absolute;
}

String base_dir(const String &p_path) {
	const size_t slash = p_path.rfind('/');
	return slash == String::npos ? String(".") : p_path.substr(0, slash);
}

String localize(const String &p_project_dir, const String &p_absolute) {
	const String root = absolute_path(p_project_dir);
	const String path = absolute_path(p_absolute);
	if (begins_with(path, root + "/")) {
		return "res://" + path.substr(root.size() + 1);
	}
	return path;
}

// A library path from [libraries]: res:// is the project folder, a relative path is
// relative to the .gdextension file's folder, an absolute path stays.
String resolve_library_path(const String &p_project_dir, const String &p_config_file, const String &p_value) {
	if (begins_with(p_value, "res://")) {
		return absolute_path(p_project_dir + "/" + p_value.substr(6));
	}
	if (!p_value.empty() && p_value[0] == '/') {
		return normalize_path(p_value);
	}
	return absolute_path(base_dir(p_config_file) + "/" + p_value);
}

// How to build a missing library, read from Quickdot's naming
// (lib<name>.linux.<target>[.dev][.san].x86_64.so).
String build_hint(const String &p_library_path) {
	const String file = p_library_path.substr(p_library_path.rfind('/') + 1);
	if (file.find(".linux.template_") == String::npos) {
		return "build it first";
	}
	String command = "scons";
	if (file.find(".template_release.") != String::npos) {
		command += " target=template_release";
	}
	if (file.find(".dev.") != String::npos) {
		command += " dev_build=yes";
	}
	if (file.find(".san.") != String::npos) {
		command += " use_asan=yes";
	}
	return "build it with `" + command + "`";
}

void collect_extension_files(const String &p_dir, std::set<std::pair<dev_t, ino_t>> &r_visited, std::vector<String> &r_files) {
	struct stat info;
	if (stat(p_dir.c_str(), &info) != 0 || !r_visited.insert({ info.st_dev, info.st_ino }).second) {
		return; // Unreadable, or already seen through a symlink loop.
	}
	DIR *dir = opendir(p_dir.c_str());
	if (!dir) {
		return;
	}
	std::vector<String> subdirs;
	for (dirent *entry = readdir(dir); entry; entry = readdir(dir)) {
		const String name = entry->d_name;
		if (name.empty() || name[0] == '.' || name == "node_modules") {
			continue;
		}
		const String path = p_dir + "/" + name;
		if (stat(path.c_str(), &info) != 0) {
			continue;
		}
		if (S_ISDIR(info.st_mode)) {
			subdirs.push_back(path);
		} else if (S_ISREG(info.st_mode) && ends_with(name, ".gdextension")) {
			r_files.push_back(path);
		}
	}
	closedir(dir);
	for (const String &subdir : subdirs) {
		collect_extension_files(subdir, r_visited, r_files);
	}
}

// ------------------------------------------------------------------ the .gdextension file

struct Version {
	uint32_t parts[3] = { 0, 0, 0 };
	int count = 0; // How many parts were written ("4.1" has 2).
};

bool parse_version(const String &p_text, Version &r_version) {
	const std::vector<String> parts = split(p_text, '.');
	if (parts.size() > 3) {
		return false;
	}
	for (const String &part : parts) {
		if (part.empty() || part.size() > 6 || part.find_first_not_of("0123456789") != String::npos) {
			return false;
		}
		r_version.parts[r_version.count++] = uint32_t(std::stoul(part));
	}
	return true;
}

String version_string(const Version &p_version) {
	String text;
	for (int i = 0; i < p_version.count; i++) {
		text += (i ? "." : "") + std::to_string(p_version.parts[i]);
	}
	return text;
}

// Compares the engine's version with p_version over the parts p_version writes
// ("4.5" as a maximum allows every 4.5.x): <0, 0 or >0.
int compare_engine_version(const Version &p_version) {
	const uint32_t engine[3] = { GDExtensionManager::VERSION_MAJOR, GDExtensionManager::VERSION_MINOR, GDExtensionManager::VERSION_PATCH };
	for (int i = 0; i < p_version.count; i++) {
		if (engine[i] != p_version.parts[i]) {
			return engine[i] < p_version.parts[i] ? -1 : 1;
		}
	}
	return 0;
}

// A version written as a string ("4.1") or, as Godot also reads it, a bare number (4.1).
String version_text(const Variant &p_value) {
	return p_value.get_type() == Variant::STRING ? p_value.to_string_value() : p_value.stringify();
}

} // namespace

GDExtensionManager::GDExtensionManager() {
	singleton = this;
}

GDExtensionManager::~GDExtensionManager() {
	for (int level = current_level; level >= 0; level--) {
		deinitialize_level(ModuleInitializationLevel(level));
	}
	if (singleton == this) {
		singleton = nullptr;
	}
}

std::vector<String> GDExtensionManager::find_extension_files(const String &p_project_dir) {
	std::set<std::pair<dev_t, ino_t>> visited;
	std::vector<String> files;
	collect_extension_files(p_project_dir, visited, files);
	std::sort(files.begin(), files.end());
	return files;
}

int GDExtensionManager::load_extensions(const String &p_project_dir, const std::vector<String> &p_feature_tags) {
	int loaded = 0;
	for (const String &file : find_extension_files(p_project_dir)) {
		loaded += load_extension(p_project_dir, file, p_feature_tags) == OK;
	}
	return loaded;
}

Error GDExtensionManager::load_extension(const String &p_project_dir, const String &p_config_file, const std::vector<String> &p_feature_tags) {
	const String name = localize(p_project_dir, p_config_file);

	FILE *file = fopen(p_config_file.c_str(), "rb");
	if (!file) {
		print_error(vformat("%s: cannot read the file (%s); the extension is not loaded.", name.c_str(), strerror(errno)));
		return ERR_FILE_CANT_OPEN;
	}
	String text;
	char buffer[4096];
	for (size_t read = fread(buffer, 1, sizeof(buffer), file); read > 0; read = fread(buffer, 1, sizeof(buffer), file)) {
		text.append(buffer, read);
	}
	fclose(file);

	Ref<ConfigFile> config;
	config.instantiate();
	String problem;
	if (config->parse_text(text, problem) != OK) {
		print_error(vformat("%s: %s; the extension is not loaded.", name.c_str(), problem.c_str()));
		return ERR_PARSE_ERROR;
	}
	const Variant entry_symbol_value = config->get_value("configuration", "entry_symbol", String());
	const String entry_symbol = entry_symbol_value.to_string_value();
	if (entry_symbol.empty() || entry_symbol_value.get_type() != Variant::STRING) {
		print_error(vformat("%s: [configuration] needs entry_symbol = \"<the library's init function>\" (a quoted string); the extension is not loaded.", name.c_str()));
		return ERR_PARSE_ERROR;
	}
	Version minimum;
	if (!config->has_section_key("configuration", "compatibility_minimum")) {
		print_error(vformat("%s: [configuration] needs compatibility_minimum = \"4.1\" (the oldest engine the library works with); the extension is not loaded.", name.c_str()));
		return ERR_PARSE_ERROR;
	}
	const String minimum_text = version_text(config->get_value("configuration", "compatibility_minimum"));
	if (!parse_version(minimum_text, minimum) || minimum.count < 2) {
		print_error(vformat("%s: compatibility_minimum \"%s\" is not a version such as \"4.1\"; the extension is not loaded.", name.c_str(), minimum_text.c_str()));
		return ERR_PARSE_ERROR;
	}
	Version maximum;
	const bool has_maximum = config->has_section_key("configuration", "compatibility_maximum");
	const String maximum_text = has_maximum ? version_text(config->get_value("configuration", "compatibility_maximum")) : String();
	if (has_maximum && (!parse_version(maximum_text, maximum) || maximum.count < 2)) {
		print_error(vformat("%s: compatibility_maximum \"%s\" is not a version such as \"4.6\"; the extension is not loaded.", name.c_str(), maximum_text.c_str()));
		return ERR_PARSE_ERROR;
	}
	std::vector<std::pair<String, String>> libraries; // [libraries] in file order.
	for (const String &key : config->has_section("libraries") ? config->get_section_keys("libraries") : PackedStringArray()) {
		const Variant path = config->get_value("libraries", key);
		if (path.get_type() != Variant::STRING) {
			print_error(vformat("%s: the library path for %s must be a quoted string; the extension is not loaded.", name.c_str(), key.c_str()));
			return ERR_PARSE_ERROR;
		}
		libraries.emplace_back(key, path.to_string_value());
	}
	const String engine_version = vformat("%u.%u.%u", VERSION_MAJOR, VERSION_MINOR, VERSION_PATCH);
	if (minimum.parts[0] < 4 || (minimum.parts[0] == 4 && minimum.parts[1] < 1)) {
		print_error(vformat("%s: compatibility_minimum %s predates the GDExtension API of Godot 4.1, the oldest this engine loads; the extension is not loaded.", name.c_str(), version_string(minimum).c_str()));
		return ERR_UNAVAILABLE;
	}
	if (compare_engine_version(minimum) < 0) {
		print_error(vformat("%s: the library needs engine version %s or newer (compatibility_minimum), but this engine is %s; the extension is not loaded.", name.c_str(), version_string(minimum).c_str(), engine_version.c_str()));
		return ERR_UNAVAILABLE;
	}
	if (has_maximum && compare_engine_version(maximum) > 0) {
		print_error(vformat("%s: the library supports engine versions up to %s (compatibility_maximum), but this engine is %s; the extension is not loaded.", name.c_str(), version_string(maximum).c_str(), engine_version.c_str()));
		return ERR_UNAVAILABLE;
	}

	// The [libraries] key whose tags are all engine features and that has the most tags;
	// the first such key in the file wins a tie, as in Godot.
	const std::pair<String, String> *best = nullptr;
	size_t best_tags = 0;
	for (const auto &library : libraries) {
		const std::vector<String> tags = split(library.first, '.');
		const bool matches = std::all_of(tags.begin(), tags.end(), [&](const String &p_tag) {
			return std::find(p_feature_tags.begin(), p_feature_tags.end(), p_tag) != p_feature_tags.end();
		});
		if (matches && tags.size() > best_tags) {
			best = &library;
			best_tags = tags.size();
		}
	}
	if (!best) {
		String features;
		for (const String &feature : p_feature_tags) {
			features += (features.empty() ? "" : ", ") + feature;
		}
		String example;
		for (const String &feature : p_feature_tags) {
			example += (example.empty() ? "" : ".") + feature;
		}
		print_error(vformat("%s: no [libraries] key matches this engine's features (%s); add one such as %s = \"res://...\". The extension is not loaded.", name.c_str(), features.c_str(), example.c_str()));
		return ERR_UNCONFIGURED;
	}

	const String library_path = resolve_library_path(p_project_dir, p_config_file, best->second);
	struct stat info;
	if (stat(library_path.c_str(), &info) != 0) {
		print_error(vformat("%s: library %s not found (%s) — %s. The extension is not loaded.", name.c_str(), best->second.c_str(), library_path.c_str(), build_hint(library_path).c_str()));
		return ERR_FILE_NOT_FOUND;
	}
	void *handle = dlopen(library_path.c_str(), RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		const char *reason = dlerror();
		print_error(vformat("%s: cannot load library %s: %s. The extension is not loaded.", name.c_str(), best->second.c_str(), reason ? reason : "unknown error"));
		return ERR_CANT_OPEN;
	}
	for (const std::unique_ptr<Extension> &loaded : extensions) {
		if (loaded->handle == handle) {
			dlclose(handle); // Drops only the reference this dlopen added.
			print_error(vformat("%s: library %s is already loaded by %s; the extension is not loaded twice.", name.c_str(), best->second.c_str(), loaded->config_path.c_str()));
			return ERR_ALREADY_EXISTS;
		}
	}
	dlerror();
	const GDExtensionInitializationFunction entry = reinterpret_cast<GDExtensionInitializationFunction>(dlsym(handle, entry_symbol.c_str()));
	if (!entry) {
		dlclose(handle);
		print_error(vformat("%s: library %s has no entry symbol %s (check entry_symbol and that the function is extern \"C\" and exported). The extension is not loaded.", name.c_str(), best->second.c_str(), entry_symbol.c_str()));
		return ERR_METHOD_NOT_FOUND;
	}

	std::unique_ptr<Extension> extension(new Extension);
	extension->config_path = name;
	extension->library_path = library_path;
	extension->handle = handle;
	if (!entry(interface_get_proc_address, extension.get(), &extension->initialization) || !extension->initialization.initialize) {
		dlclose(handle);
		print_error(vformat("%s: the entry symbol %s() of %s refused to initialize (see the lines above, if any). The extension is not loaded.", name.c_str(), entry_symbol.c_str(), best->second.c_str()));
		return FAILED;
	}
	print_verbose(vformat("GDExtension: loaded %s (%s).", name.c_str(), library_path.c_str()));
	Extension *added = extension.get();
	extensions.push_back(std::move(extension));
	// Loaded late: catch up with the levels the others already reached.
	for (int level = 0; level <= current_level; level++) {
		added->initialization.initialize(added->initialization.userdata, GDExtensionInitializationLevel(level));
		added->level_initialized = level;
	}
	return OK;
}

void GDExtensionManager::initialize_level(ModuleInitializationLevel p_level) {
	for (const std::unique_ptr<Extension> &extension : extensions) {
		if (extension->level_initialized == int(p_level) - 1) {
			extension->initialization.initialize(extension->initialization.userdata, GDExtensionInitializationLevel(p_level));
			extension->level_initialized = int(p_level);
		}
	}
	current_level = std::max(current_level, int(p_level));
}

void GDExtensionManager::deinitialize_level(ModuleInitializationLevel p_level) {
	for (auto it = extensions.rbegin(); it != extensions.rend(); ++it) {
		Extension &extension = **it;
		if (extension.level_initialized == int(p_level)) {
			if (extension.initialization.deinitialize) {
				extension.initialization.deinitialize(extension.initialization.userdata, GDExtensionInitializationLevel(p_level));
			}
			extension.level_initialized = int(p_level) - 1;
		}
	}
	current_level = std::min(current_level, int(p_level) - 1);
}

std::vector<String> GDExtensionManager::get_loaded_extensions() const {
	std::vector<String> paths;
	for (const std::unique_ptr<Extension> &extension : extensions) {
		paths.push_back(extension->config_path);
	}
	return paths;
}

} // namespace godot
