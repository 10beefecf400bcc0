#include "helpers/reference_data.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace reference_data {

using godot::append_utf8;

namespace {

class JsonReader {
	const String &source;
	size_t at = 0;

	void skip_space() {
		while (at < source.size() && isspace(uint8_t(source[at]))) {
			at++;
		}
	}
	bool expect(char p_char) {
		skip_space();
		if (at < source.size() && source[at] == p_char) {
			at++;
			return true;
		}
		return false;
	}
	bool read_hex4(uint32_t &r_value) {
		if (at + 4 > source.size()) {
			return false;
		}
		r_value = uint32_t(strtoul(source.substr(at, 4).c_str(), nullptr, 16));
		at += 4;
		return true;
	}
	bool read_string(String &r_text) {
		if (!expect('"')) {
			return false;
		}
		while (at < source.size() && source[at] != '"') {
			char c = source[at++];
			if (c != '\\') {
				r_text += c;
				continue;
			}
			if (at >= source.size()) {
				return false;
			}
			c = source[at++];
			switch (c) {
				case 'n':
					r_text += '\n';
					break;
				case 't':
					r_text += '\t';
					break;
				case 'r':
					r_text += '\r';
					break;
				case 'b':
					r_text += '\b';
					break;
				case 'f':
					r_text += '\f';
					break;
				case 'u': {
					uint32_t code;
					if (!read_hex4(code)) {
						return false;
					}
					if (code >= 0xD800 && code < 0xDC00 && source.compare(at, 2, "\\u") == 0) {
						at += 2;
						uint32_t low;
						if (!read_hex4(low)) {
							return false;
						}
						code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
					}
					append_utf8(r_text, code);
				} break;
				default:
					r_text += c; // \" \\ \/
			}
		}
		return expect('"');
	}

public:
	explicit JsonReader(const String &p_source) :
			source(p_source) {}

	bool read(Json &r_value) {
		skip_space();
		if (at >= source.size()) {
			return false;
		}
		const char c = source[at];
		if (c == '{') {
			at++;
			r_value.kind = Json::OBJECT;
			if (expect('}')) {
				return true;
			}
			do {
				String key;
				Json value;
				if (!read_string(key) || !expect(':') || !read(value)) {
					return false;
				}
				r_value.members.emplace_back(key, value);
			} while (expect(','));
			return expect('}');
		}
		if (c == '[') {
			at++;
			r_value.kind = Json::ARRAY;
			if (expect(']')) {
				return true;
			}
			do {
				Json value;
				if (!read(value)) {
					return false;
				}
				r_value.elements.push_back(value);
			} while (expect(','));
			return expect(']');
		}
		if (c == '"') {
			r_value.kind = Json::STRING;
			return read_string(r_value.text);
		}
		const size_t start = at;
		while (at < source.size() && (isalnum(uint8_t(source[at])) || strchr("+-.", source[at]))) {
			at++;
		}
		r_value.text = source.substr(start, at - start);
		r_value.kind = r_value.text == "null" ? Json::NUL : (r_value.text == "true" || r_value.text == "false") ? Json::BOOLEAN
																												: Json::NUMBER;
		return at > start;
	}
};

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

bool parse_json(const String &p_text, Json &r_root) {
	return JsonReader(p_text).read(r_root);
}

Json load_reference(const String &p_name) {
	const String path = find_reference_file(p_name);
	std::ifstream file(path);
	REQUIRE_MESSAGE(file.good(), "cannot open " << path);
	std::stringstream contents;
	contents << file.rdbuf();
	Json root;
	REQUIRE_MESSAGE(parse_json(contents.str(), root), "cannot parse " << path);
	return root;
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
