#pragma once
// String is UTF-8 std::string. StringName and NodePath are distinct types so a Variant
// remembers which one it holds (their binary encodings differ).

#include <cstdint>
#include <string>
#include <vector>

namespace godot {

using String = std::string;

// Appends the UTF-8 encoding of the code point p_code (at most U+10FFFF) to r_text.
void append_utf8(String &r_text, uint32_t p_code);

class StringName {
	String name;

public:
	StringName() = default;
	StringName(const char *p_name) :
			name(p_name) {}
	StringName(String p_name) :
			name(std::move(p_name)) {}
	const String &str() const { return name; }
	operator const String &() const { return name; }
	const char *c_str() const { return name.c_str(); }
	bool is_empty() const { return name.empty(); }
	bool operator==(const StringName &o) const { return name == o.name; }
	bool operator!=(const StringName &o) const { return name != o.name; }
	bool operator<(const StringName &o) const { return name < o.name; }
};

struct StringNameHasher {
	size_t operator()(const StringName &p) const { return std::hash<String>()(p.str()); }
};

// "a/b:c" → names {a, b}, subnames {c}; a leading "/" makes it absolute.
class NodePath {
public:
	std::vector<String> names;
	std::vector<String> subnames;
	bool absolute = false;

	NodePath() = default;
	NodePath(const String &p_path);
	String to_string() const;
	bool is_empty() const { return names.empty() && subnames.empty(); }
	bool operator==(const NodePath &o) const { return names == o.names && subnames == o.subnames && absolute == o.absolute; }
};

} // namespace godot
