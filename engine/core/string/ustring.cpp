#include "core/string/ustring.h"

namespace godot {

void append_utf8(String &r_text, uint32_t p_code) {
	if (p_code < 0x80) {
		r_text += char(p_code);
	} else if (p_code < 0x800) {
		r_text += char(0xC0 | (p_code >> 6));
		r_text += char(0x80 | (p_code & 0x3F));
	} else if (p_code < 0x10000) {
		r_text += char(0xE0 | (p_code >> 12));
		r_text += char(0x80 | ((p_code >> 6) & 0x3F));
		r_text += char(0x80 | (p_code & 0x3F));
	} else {
		r_text += char(0xF0 | (p_code >> 18));
		r_text += char(0x80 | ((p_code >> 12) & 0x3F));
		r_text += char(0x80 | ((p_code >> 6) & 0x3F));
		r_text += char(0x80 | (p_code & 0x3F));
	}
}

String get_extension(std::string_view p_path) {
	const size_t slash = p_path.rfind('/');
	const size_t dot = p_path.rfind('.');
	if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
		return String();
	}
	return String(p_path.substr(dot + 1));
}

String to_lower(std::string_view p_text) {
	String lower(p_text);
	for (char &c : lower) {
		if (c >= 'A' && c <= 'Z') {
			c = char(c - 'A' + 'a');
		}
	}
	return lower;
}

String strip_edges(std::string_view p_text, bool p_left, bool p_right) {
	size_t begin = 0;
	size_t end = p_text.size();
	while (p_left && begin < end && uint8_t(p_text[begin]) <= ' ') {
		begin++;
	}
	while (p_right && end > begin && uint8_t(p_text[end - 1]) <= ' ') {
		end--;
	}
	return String(p_text.substr(begin, end - begin));
}

std::vector<String> split(std::string_view p_text, char p_delimiter, bool p_allow_empty) {
	std::vector<String> parts;
	size_t start = 0;
	while (true) {
		const size_t end = p_text.find(p_delimiter, start);
		const std::string_view part = p_text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
		if (p_allow_empty || !part.empty()) {
			parts.emplace_back(part);
		}
		if (end == std::string_view::npos) {
			return parts;
		}
		start = end + 1;
	}
}

} // namespace godot
