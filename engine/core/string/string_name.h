#pragma once
// StringName is a distinct type from String so a Variant remembers which one it holds (their
// binary encodings differ).

#include "core/string/ustring.h"

#include <functional>

namespace godot {

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

} // namespace godot
