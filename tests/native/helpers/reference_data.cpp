#include "helpers/reference_data.h"

#include "core/io/json.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace reference_data {

using namespace godot;

namespace {

String directory_of(const String &p_path) {
	const size_t slash = p_path.rfind('/');
	return slash == String::npos ? String(".") : p_path.substr(0, slash);
}

// tests/reference, found from this source file's path; a relative __FILE__ (as the SCons build
// gives) is tried from the working directory and from the repository root above bin/.
String find_reference_file(const String &p_name) {
	const String here = __FILE__;
	const String relative = here.substr(0, here.rfind("tests/native/")) + "tests/reference/" + p_name;
	std::vector<String> candidates = { relative };
	char executable[4096];
	const ssize_t length = readlink("/proc/self/exe", executable, sizeof(executable) - 1);
	if (length > 0 && relative[0] != '/') {
		executable[length] = '\0';
		candidates.push_back(directory_of(directory_of(executable)) + "/" + relative);
	}
	for (const String &candidate : candidates) {
		if (std::ifstream(candidate).good()) {
			return candidate;
		}
	}
	return relative;
}

} // namespace

Dictionary load_reference(const String &p_name) {
	const String path = find_reference_file(p_name);
	std::ifstream file(path);
	REQUIRE_MESSAGE(file.good(), "cannot open " << path);
	std::stringstream contents;
	contents << file.rdbuf();
	Ref<JSON> json;
	json.instantiate();
	REQUIRE_MESSAGE(json->parse(contents.str()) == OK, "cannot parse " << path << ": " << json->get_error_message() << " (line " << json->get_error_line() + 1 << ")");
	return json->get_data().to_dictionary();
}

String member_text(const Dictionary &p_object, const char *p_key) {
	return p_object.get(p_key, Variant()).to_string_value();
}

Array member_array(const Dictionary &p_object, const char *p_key) {
	const Variant member = p_object.get(p_key, Variant());
	REQUIRE_MESSAGE(member.get_type() == Variant::ARRAY, "no array \"" << p_key << "\"");
	return member.to_array();
}

std::vector<uint8_t> from_hex(const String &p_hex) {
	std::vector<uint8_t> bytes;
	for (size_t i = 0; i + 1 < p_hex.size(); i += 2) {
		bytes.push_back(uint8_t(strtoul(p_hex.substr(i, 2).c_str(), nullptr, 16)));
	}
	return bytes;
}

String to_hex(const uint8_t *p_bytes, size_t p_size) {
	static const char digits[] = "0123456789abcdef";
	String hex;
	for (size_t i = 0; i < p_size; i++) {
		hex += digits[p_bytes[i] >> 4];
		hex += digits[p_bytes[i] & 15];
	}
	return hex;
}

} // namespace reference_data
