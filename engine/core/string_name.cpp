#include "core/string_name.h"

namespace godot {

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
