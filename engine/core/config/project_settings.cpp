#include "core/config/project_settings.h"

#include "core/io/config_file.h"
#include "core/string/print_string.h"

#include <sys/stat.h>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace godot {

ProjectSettings *ProjectSettings::singleton = nullptr;

ProjectSettings::ProjectSettings() {
	singleton = this;
}

ProjectSettings::~ProjectSettings() {
	singleton = nullptr;
}

static String absolute_path(const String &p_path) {
	char *resolved = realpath(p_path.c_str(), nullptr);
	if (!resolved) {
		return p_path;
	}
	String result = resolved;
	free(resolved);
	return result;
}

static void make_directories(const String &p_path) {
	for (size_t at = p_path.find('/', 1); at != String::npos; at = p_path.find('/', at + 1)) {
		mkdir(p_path.substr(0, at).c_str(), 0755);
	}
	mkdir(p_path.c_str(), 0755);
}

Error ProjectSettings::setup(const String &p_dir) {
	resource_path = absolute_path(p_dir);
	std::ifstream file(resource_path + "/project.godot", std::ios::binary);
	if (!file) {
		return ERR_FILE_NOT_FOUND;
	}
	const String text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
	Ref<ConfigFile> config;
	config.instantiate();
	String problem;
	if (config->parse_text(text, problem) != OK) {
		print_error(vformat("%s/project.godot: %s. Fix the file (Godot's editor writes it in this format).", resource_path.c_str(), problem.c_str()));
		return ERR_PARSE_ERROR;
	}
	for (const String &section : config->get_sections()) {
		for (const String &key : config->get_section_keys(section)) {
			settings[section.empty() ? key : section + "/" + key] = config->get_value(section, key);
		}
	}
	String name = get_setting("application/config/name").to_string_value();
	if (name.empty()) {
		name = "Quickdot Project";
	}
	const char *data_home = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	const String base = data_home ? String(data_home) : String(home ? home : "/tmp") + "/.local/share";
	user_path = base + "/quickdot/app_userdata/" + name;
	return OK;
}

Variant ProjectSettings::get_setting(const String &p_name, const Variant &p_default) const {
	const auto found = settings.find(p_name);
	return found == settings.end() ? p_default : found->second;
}

String ProjectSettings::globalize_path(const String &p_path) const {
	if (begins_with(p_path, "res://")) {
		return resource_path + "/" + p_path.substr(6);
	}
	if (begins_with(p_path, "user://")) {
		make_directories(user_path);
		return user_path + "/" + p_path.substr(7);
	}
	if (!p_path.empty() && p_path[0] == '/') {
		return p_path;
	}
	return resource_path + "/" + p_path;
}

String ProjectSettings::localize_path(const String &p_absolute) const {
	if (!resource_path.empty() && begins_with(p_absolute, resource_path + "/")) {
		return "res://" + p_absolute.substr(resource_path.size() + 1);
	}
	return p_absolute;
}

} // namespace godot
