#include "core/string_name.h"

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

static std::vector<String> split(const String &p_text, char p_separator) {
	std::vector<String> parts;
	size_t start = 0;
	while (start <= p_text.size()) {
		const size_t end = p_text.find(p_separator, start);
		const String part = p_text.substr(start, end == String::npos ? String::npos : end - start);
		if (!part.empty()) {
			parts.push_back(part);
		}
		if (end == String::npos) {
			break;
		}
		start = end + 1;
	}
	return parts;
}

NodePath::NodePath(const String &p_path) {
	absolute = !p_path.empty() && p_path[0] == '/';
	const size_t colon = p_path.find(':');
	names = split(p_path.substr(0, colon), '/');
	if (colon != String::npos) {
		subnames = split(p_path.substr(colon + 1), ':');
	}
}

String NodePath::to_string() const {
	String text = absolute ? "/" : "";
	for (size_t i = 0; i < names.size(); i++) {
		text += (i ? "/" : "") + names[i];
	}
	for (const String &subname : subnames) {
		text += ":" + subname;
	}
	return text;
}

} // namespace godot
