#include "source_map.h"

#include "core/config/project_settings.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace godot {

// Reads the JSON string value of p_key (enough JSON for tsc's flat map files).
static bool read_string_field(const String &p_json, const String &p_key, String &r_value) {
	const size_t key = p_json.find("\"" + p_key + "\"");
	if (key == String::npos) {
		return false;
	}
	const size_t start = p_json.find('"', p_json.find(':', key) + 1);
	if (start == String::npos) {
		return false;
	}
	r_value.clear();
	for (size_t i = start + 1; i < p_json.size(); i++) {
		if (p_json[i] == '\\' && i + 1 < p_json.size()) {
			r_value += p_json[++i];
		} else if (p_json[i] == '"') {
			return true;
		} else {
			r_value += p_json[i];
		}
	}
	return false;
}

static std::vector<String> read_string_array(const String &p_json, const String &p_key) {
	std::vector<String> values;
	const size_t key = p_json.find("\"" + p_key + "\"");
	if (key == String::npos) {
		return values;
	}
	size_t at = p_json.find('[', key);
	const size_t end = p_json.find(']', at);
	while (at != String::npos && at < end) {
		const size_t open = p_json.find('"', at + 1);
		if (open == String::npos || open > end) {
			break;
		}
		const size_t close = p_json.find('"', open + 1);
		values.push_back(p_json.substr(open + 1, close - open - 1));
		at = close;
	}
	return values;
}

static int base64_value(char p_char) {
	static const String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const size_t found = alphabet.find(p_char);
	return found == String::npos ? -1 : int(found);
}

// Decodes one base64 VLQ number at p_text[r_at]; false on malformed input.
static bool decode_vlq(const String &p_text, size_t &r_at, int &r_value) {
	int result = 0;
	int shift = 0;
	while (r_at < p_text.size()) {
		const int digit = base64_value(p_text[r_at++]);
		if (digit < 0 || shift > 28) {
			return false;
		}
		result |= (digit & 31) << shift;
		shift += 5;
		if (!(digit & 32)) {
			r_value = (result & 1) ? -(result >> 1) : (result >> 1);
			return true;
		}
	}
	return false;
}

bool SourceMap::load(const String &p_map_path) {
	std::ifstream file(p_map_path);
	if (!file) {
		return false;
	}
	std::stringstream buffer;
	buffer << file.rdbuf();
	const String json = buffer.str();
	String mappings;
	if (!read_string_field(json, "mappings", mappings)) {
		return false;
	}
	String source_root;
	read_string_field(json, "sourceRoot", source_root);
	const String map_dir = p_map_path.substr(0, p_map_path.rfind('/') + 1);
	for (const String &source : read_string_array(json, "sources")) {
		const String joined = source.size() && source[0] == '/' ? source : map_dir + source_root + source;
		char *resolved = realpath(joined.c_str(), nullptr);
		sources.push_back(resolved ? String(resolved) : joined);
		free(resolved);
	}
	int source_index = 0, source_line = 0, source_column = 0;
	lines.emplace_back();
	int generated_column = 0;
	size_t at = 0;
	while (at < mappings.size()) {
		const char c = mappings[at];
		if (c == ';') {
			lines.emplace_back();
			generated_column = 0;
			at++;
			continue;
		}
		if (c == ',') {
			at++;
			continue;
		}
		int fields[5];
		int count = 0;
		while (at < mappings.size() && mappings[at] != ',' && mappings[at] != ';' && count < 5) {
			if (!decode_vlq(mappings, at, fields[count++])) {
				return false;
			}
		}
		generated_column += fields[0];
		if (count >= 4) {
			source_index += fields[1];
			source_line += fields[2];
			source_column += fields[3];
			lines.back().push_back(Segment{ generated_column, source_index, source_line, source_column });
		}
	}
	return true;
}

bool SourceMap::lookup(int p_line, int p_column, String &r_source, int &r_line, int &r_column) const {
	if (p_line < 1 || size_t(p_line) > lines.size()) {
		return false;
	}
	const std::vector<Segment> &segments = lines[size_t(p_line - 1)];
	if (segments.empty()) {
		return false;
	}
	const int column = std::max(0, p_column - 1);
	// The last segment starting at or before the column (or the first one on the line).
	const Segment *best = &segments.front();
	for (const Segment &segment : segments) {
		if (segment.generated_column > column) {
			break;
		}
		best = &segment;
	}
	if (best->source_index < 0 || size_t(best->source_index) >= sources.size()) {
		return false;
	}
	r_source = sources[size_t(best->source_index)];
	r_line = best->source_line + 1;
	r_column = best->source_column + 1;
	return true;
}

bool SourceMapCache::map_position(const String &p_js_file, int p_line, int p_column, String &r_source, int &r_line, int &r_column) {
	if (missing.count(p_js_file)) {
		return false;
	}
	auto found = maps.find(p_js_file);
	if (found == maps.end()) {
		SourceMap map;
		if (!map.load(p_js_file + ".map")) {
			missing[p_js_file] = true;
			return false;
		}
		found = maps.emplace(p_js_file, std::move(map)).first;
	}
	return found->second.lookup(p_line, p_column, r_source, r_line, r_column);
}

String SourceMapCache::rewrite(const String &p_text) {
	String result;
	size_t at = 0;
	while (at < p_text.size()) {
		const size_t js = p_text.find(".js:", at);
		if (js == String::npos) {
			break;
		}
		// The path starts after the last space or '(' before ".js:".
		size_t start = p_text.find_last_of(" (\n", js);
		start = start == String::npos ? 0 : start + 1;
		if (start < at) {
			start = at;
		}
		size_t cursor = js + 4;
		const size_t line_start = cursor;
		while (cursor < p_text.size() && isdigit((unsigned char)p_text[cursor])) {
			cursor++;
		}
		if (cursor == line_start) {
			result += p_text.substr(at, js + 4 - at);
			at = js + 4;
			continue;
		}
		const int line = std::stoi(p_text.substr(line_start, cursor - line_start));
		int column = 1;
		size_t end = cursor;
		if (cursor < p_text.size() && p_text[cursor] == ':') {
			size_t column_end = cursor + 1;
			while (column_end < p_text.size() && isdigit((unsigned char)p_text[column_end])) {
				column_end++;
			}
			if (column_end > cursor + 1) {
				column = std::stoi(p_text.substr(cursor + 1, column_end - cursor - 1));
				end = column_end;
			}
		}
		const String js_file = p_text.substr(start, js + 3 - start);
		String source;
		int source_line = 0, source_column = 0;
		result += p_text.substr(at, start - at);
		if (map_position(js_file, line, column, source, source_line, source_column)) {
			const ProjectSettings *settings = ProjectSettings::get_singleton();
			const String shown = settings ? settings->localize_path(source) : source;
			result += shown + ":" + std::to_string(source_line) + ":" + std::to_string(source_column);
		} else {
			result += p_text.substr(start, end - start);
		}
		at = end;
	}
	return result + p_text.substr(at);
}

} // namespace godot
