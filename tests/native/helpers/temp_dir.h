#pragma once
// A temporary folder for the suites of FileAccess and DirAccess, and the small file helpers they
// share. They assert with doctest.

#include "core/variant/variant.h"

#include <vector>

namespace file_test {

// A fresh folder under /tmp, removed with everything in it at the end of the test.
struct TempDir {
	godot::String path;
	TempDir();
	~TempDir();
	godot::String operator/(const godot::String &p_name) const { return path + "/" + p_name; }
};

// Writes p_text to p_path, bypassing FileAccess.
void write_file(const godot::String &p_path, const godot::String &p_text);

std::vector<godot::String> to_vector(const godot::PackedStringArray &p_array);

} // namespace file_test
