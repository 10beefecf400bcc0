#pragma once
// The running project: its folder (res://), its user data folder (user://) and the settings
// read from project.godot.

#include "core/variant/variant.h"

#include <map>

namespace godot {

class ProjectSettings {
	String resource_path; // Absolute, no trailing slash.
	String user_path;
	std::map<String, String> settings; // "application/run/main_scene" → raw value text.

	static ProjectSettings *singleton;

public:
	static ProjectSettings *get_singleton() { return singleton; }
	ProjectSettings();
	~ProjectSettings();

	// Reads <p_dir>/project.godot. Returns ERR_FILE_NOT_FOUND when there is none.
	Error setup(const String &p_dir);
	const String &get_resource_path() const { return resource_path; }
	const String &get_user_path() const { return user_path; }
	// "" when unset; quotes around string values removed.
	String get_setting(const String &p_name) const;

	// res://a.txt → /abs/project/a.txt, user://x → the user folder (created on demand),
	// relative paths against res://, absolute paths unchanged.
	String globalize_path(const String &p_path) const;
	String localize_path(const String &p_absolute) const;
};

} // namespace godot
