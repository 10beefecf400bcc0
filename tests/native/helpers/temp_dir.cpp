#include "helpers/temp_dir.h"

#include <doctest/doctest.h>

#include <unistd.h>
#include <cstdlib>
#include <fstream>

using namespace godot;

namespace file_test {

TempDir::TempDir() {
	char pattern[] = "/tmp/quickdot_file_access_XXXXXX";
	const char *made = mkdtemp(pattern);
	REQUIRE(made != nullptr);
	path = made;
}

TempDir::~TempDir() {
	const String command = "rm -rf '" + path + "'";
	CHECK(system(command.c_str()) == 0);
}

void write_file(const String &p_path, const String &p_text) {
	std::ofstream file(p_path, std::ios::binary);
	file << p_text;
}

std::vector<String> to_vector(const PackedStringArray &p_array) {
	return p_array.values();
}

} // namespace file_test
