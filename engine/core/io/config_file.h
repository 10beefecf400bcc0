#pragma once
// ConfigFile: Godot's INI-style files (project.godot, *.gdextension, a game's settings.cfg).
// [section] headers, then key=value lines whose values are Godot's Variant text (what
// var_to_str writes), so strings have escapes, values may be typed arrays or dictionaries
// spanning lines, and ';' starts a comment. Sections and keys keep the order they were added
// in, and encode_to_text() writes them the way Godot 4.6 does.

#include "core/object/ref_counted.h"
#include "core/variant/type_info.h"

#include <vector>

namespace godot {

class ConfigFile : public RefCounted {
	GDCLASS(ConfigFile, RefCounted)

	struct Section {
		String name; // "" holds the keys before the first header.
		std::vector<std::pair<String, Variant>> entries;
	};
	std::vector<Section> sections;

	Section *_find_section(const String &p_section);
	const Section *_find_section(const String &p_section) const;

protected:
	static void _bind_methods();

public:
	// A null p_value erases the key (and the section once it is empty), as in Godot.
	void set_value(const String &p_section, const String &p_key, const Variant &p_value);
	// p_default when the key is missing; with no default either, one error line and null.
	Variant get_value(const String &p_section, const String &p_key, const Variant &p_default = Variant()) const;
	bool has_section(const String &p_section) const;
	bool has_section_key(const String &p_section, const String &p_key) const;
	PackedStringArray get_sections() const;
	PackedStringArray get_section_keys(const String &p_section) const;
	void erase_section(const String &p_section);
	void erase_section_key(const String &p_section, const String &p_key);
	void clear() { sections.clear(); }

	// Adds what p_text holds to this file's values. On a malformed text returns
	// ERR_PARSE_ERROR with r_error saying what and where ("expected '=' after the key \"a b\"
	// at line 3, column 1"); the values read before the error stay.
	Error parse_text(const String &p_text, String &r_error);
	// Script-facing forms, which print the error as Godot does ("ConfigFile parse error at
	// <path>:<line>: ..."): parse() for text, load() for a file (res://, user:// or absolute).
	Error parse(const String &p_data);
	Error load(const String &p_path);
	String encode_to_text() const;
	Error save(const String &p_path);
};

} // namespace godot
