#pragma once
// NodePath is a distinct type from String so a Variant remembers which one it holds.

#include "core/string/ustring.h"

#include <vector>

namespace godot {

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
