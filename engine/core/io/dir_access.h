#pragma once
// DirAccess: Godot's directory helpers. Only the static ones are provided (listing, checking
// and creating folders); as in Godot, scripts cannot `new` a DirAccess.
// Paths may be res://, user:// or absolute (see ProjectSettings::globalize_path).

#include "core/object/ref_counted.h"

namespace godot {

class DirAccess : public RefCounted {
	GDCLASS(DirAccess, RefCounted)

	// Names in p_path, sorted, without "." / ".." and hidden (dot) entries, like Godot's defaults.
	static PackedStringArray _get_contents(const char *p_method, const String &p_path, bool p_directories);

protected:
	static void _bind_methods();

public:
	static PackedStringArray get_files_at(const String &p_path);
	static PackedStringArray get_directories_at(const String &p_path);
	static bool dir_exists_absolute(const String &p_path);
	static Error make_dir_absolute(const String &p_path);
	// Creates the missing parents too; OK when the folder already exists.
	static Error make_dir_recursive_absolute(const String &p_path);
	// Deletes a file or an empty folder.
	static Error remove_absolute(const String &p_path);
};

} // namespace godot
