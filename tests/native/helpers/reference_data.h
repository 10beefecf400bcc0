#pragma once
// The reference data Godot 4.6.3 made (tests/reference/*.json): a minimal JSON reader for it,
// where to find it, and the hex its byte strings are written in.

#include "core/string/string_name.h"

#include <cstdint>
#include <vector>

namespace reference_data {

using godot::String;

struct Json {
	enum Kind {
		NUL,
		BOOLEAN,
		NUMBER,
		STRING,
		ARRAY,
		OBJECT,
	};
	Kind kind = NUL;
	String text;
	std::vector<Json> elements;
	std::vector<std::pair<String, Json>> members;

	const Json *get(const String &p_key) const {
		for (const auto &member : members) {
			if (member.first == p_key) {
				return &member.second;
			}
		}
		return nullptr;
	}
};

// Parses a whole JSON document; false on malformed text.
bool parse_json(const String &p_text, Json &r_root);

// Reads tests/reference/<p_name> (fails the test if it is missing or malformed).
Json load_reference(const String &p_name);

std::vector<uint8_t> from_hex(const String &p_hex);
String to_hex(const uint8_t *p_bytes, size_t p_size);

} // namespace reference_data
