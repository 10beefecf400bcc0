// The String helpers named as Godot's String methods (core/string/ustring.h).

#include "core/string/ustring.h"

#include <doctest/doctest.h>

using namespace godot;

TEST_CASE("[String] get_extension and to_lower, as Godot's") {
	CHECK(get_extension("res://keys/server.crt") == "crt");
	CHECK(get_extension("user://archive.tar.gz") == "gz");
	CHECK_MESSAGE(get_extension("res://folder.d/file") == "", "a dot in a folder's name is not an extension");
	CHECK(get_extension("no_extension") == "");
	CHECK(to_lower("Server.PUB") == "server.pub");
	CHECK_MESSAGE(to_lower("ø") == "ø", "bytes beyond ASCII are left as they are");
}

TEST_CASE("[String] strip_edges and split") {
	CHECK(strip_edges("  \t a b \n") == "a b");
	CHECK(strip_edges("  a  ", false, true) == "  a");
	CHECK(split("a,,b", ',') == std::vector<String>{ "a", "", "b" });
	CHECK(split("a,,b", ',', false) == std::vector<String>{ "a", "b" });
}
