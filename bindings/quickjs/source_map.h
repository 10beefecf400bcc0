#pragma once
// Maps a position in tsc's JavaScript output back to the TypeScript source, using the
// ".js.map" file tsc writes next to it (source map v3, VLQ "mappings").

#include "core/string/string_name.h"

#include <map>
#include <vector>

namespace godot {

class SourceMap {
	struct Segment {
		int generated_column;
		int source_index;
		int source_line;
		int source_column;
	};
	std::vector<String> sources; // Absolute paths.
	std::vector<std::vector<Segment>> lines; // Per generated line, sorted by column.

public:
	// Parses p_map_path; false when the file is missing or malformed.
	bool load(const String &p_map_path);
	// 1-based line and column in, 1-based out. False when the position is not mapped.
	bool lookup(int p_line, int p_column, String &r_source, int &r_line, int &r_column) const;
};

// Keeps one SourceMap per generated file, loaded on first use.
class SourceMapCache {
	std::map<String, SourceMap> maps;
	std::map<String, bool> missing;

public:
	// Rewrites every "file.js:line:col" / "file.js:line" found in p_text to the TS position.
	String rewrite(const String &p_text);
	bool map_position(const String &p_js_file, int p_line, int p_column, String &r_source, int &r_line, int &r_column);
};

} // namespace godot
