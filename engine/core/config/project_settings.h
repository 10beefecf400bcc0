#pragma once
// The running project: its folder (res://), its user data folder (user://) and the settings
// read from project.godot (a ConfigFile, so every value is Godot's Variant text).

#include "core/variant/variant.h"

#include <map>

namespace godot {

class ProjectSettings {
	String resource_path; // Absolute, no trailing slash.
	String user_path;
	std::map<String, Variant> settings; // "application/run/main_scene" → its value.

	static ProjectSettings *singleton;

public:
	static ProjectSettings *get_singleton() { return singleton; }
	ProjectSettings();
	~ProjectSettings();

	// Reads <p_dir>/project.godot. Returns ERR_FILE_NOT_FOUND when there is none, and
	// ERR_PARSE_ERROR (after one line saying where) when it is malformed.
	Error setup(const String &p_dir);
	const String &get_resource_path() const { return resource_path; }
	const String &get_user_path() const { return user_path; }
	// "section/key" (a key before any section: just "key"); p_default when unset.
	Variant get_setting(const String &p_name, const Variant &p_default = Variant()) const;

	// res://a.txt → /abs/project/a.txt, user://x → the user folder (created on demand),
	// relative paths against res://, absolute paths unchanged.
	String globalize_path(const String &p_path) const;
	String localize_path(const String &p_absolute) const;
};

} // namespace godot
