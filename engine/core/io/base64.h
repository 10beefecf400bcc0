#pragma once
// Base64 (RFC 4648, standard alphabet, '=' padding), as Godot's Marshalls reads and writes it.

#include "core/variant/variant.h"

namespace godot {

String base64_encode(const uint8_t *p_data, size_t p_size);
// False for text that is not base64. Whitespace is skipped and the closing '=' padding may be
// left out; any other character, or padding in the middle, is refused.
bool base64_decode(const String &p_text, PackedByteArray &r_bytes);

} // namespace godot
