#include "core/string/node_path.h"

namespace godot {

NodePath::NodePath(const String &p_path) {
	absolute = !p_path.empty() && p_path[0] == '/';
	const size_t colon = p_path.find(':');
	names = split(std::string_view(p_path).substr(0, colon), '/', false);
	if (colon != String::npos) {
		subnames = split(std::string_view(p_path).substr(colon + 1), ':', false);
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
