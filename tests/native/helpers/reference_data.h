#pragma once
// The reference data Godot 4.6.3 made (tests/reference/*.json): where to find it, read with the
// engine's own JSON parser, and the hex its byte strings are written in.

#include "core/variant/array.h"
#include "core/variant/dictionary.h"

#include <cstdint>
#include <vector>

namespace reference_data {

using godot::String;

// Reads tests/reference/<p_name>, a JSON object (fails the test if it is missing or malformed).
godot::Dictionary load_reference(const String &p_name);

// The string member p_key of p_object; empty when it is missing or not a string.
String member_text(const godot::Dictionary &p_object, const char *p_key);
// The array member p_key of p_object (fails the test when it is missing or not an array).
godot::Array member_array(const godot::Dictionary &p_object, const char *p_key);

std::vector<uint8_t> from_hex(const String &p_hex);
String to_hex(const uint8_t *p_bytes, size_t p_size);

} // namespace reference_data
