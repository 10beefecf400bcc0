#pragma once
// String is UTF-8 std::string; the helpers below carry the names of Godot's String methods, as
// free functions, so code reads as Godot's does (begins_with, strip_edges, split...).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace godot {

using String = std::string;

// Appends the UTF-8 encoding of the code point p_code (at most U+10FFFF) to r_text.
void append_utf8(String &r_text, uint32_t p_code);

inline bool begins_with(std::string_view p_text, std::string_view p_prefix) {
	return p_text.substr(0, p_prefix.size()) == p_prefix;
}

inline bool ends_with(std::string_view p_text, std::string_view p_suffix) {
	return p_text.size() >= p_suffix.size() && p_text.substr(p_text.size() - p_suffix.size()) == p_suffix;
}

// As Godot's: removes whitespace and control characters (code points up to U+0020) from the
// left and/or right end.
String strip_edges(std::string_view p_text, bool p_left = true, bool p_right = true);

// As Godot's: the text after the file name's last '.', or "" ("res://a/server.crt" → "crt").
String get_extension(std::string_view p_path);

// ASCII letters in lower case, as Godot's to_lower() for the names and extensions it is used on.
String to_lower(std::string_view p_text);

// As Godot's split(p_delimiter, p_allow_empty).
std::vector<String> split(std::string_view p_text, char p_delimiter, bool p_allow_empty = true);

} // namespace godot
