#include "core/io/base64.h"

namespace godot {

namespace {

const char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(char p_char) {
	if (p_char >= 'A' && p_char <= 'Z') {
		return p_char - 'A';
	}
	if (p_char >= 'a' && p_char <= 'z') {
		return p_char - 'a' + 26;
	}
	if (p_char >= '0' && p_char <= '9') {
		return p_char - '0' + 52;
	}
	if (p_char == '+') {
		return 62;
	}
	if (p_char == '/') {
		return 63;
	}
	return -1;
}

} // namespace

String base64_encode(const uint8_t *p_data, size_t p_size) {
	String text;
	text.reserve((p_size + 2) / 3 * 4);
	for (size_t i = 0; i < p_size; i += 3) {
		const size_t left = p_size - i;
		const uint32_t group = uint32_t(p_data[i]) << 16 | (left > 1 ? uint32_t(p_data[i + 1]) << 8 : 0) | (left > 2 ? p_data[i + 2] : 0);
		text += ALPHABET[(group >> 18) & 63];
		text += ALPHABET[(group >> 12) & 63];
		text += left > 1 ? ALPHABET[(group >> 6) & 63] : '=';
		text += left > 2 ? ALPHABET[group & 63] : '=';
	}
	return text;
}

bool base64_decode(const String &p_text, PackedByteArray &r_bytes) {
	std::vector<uint8_t> bytes;
	bytes.reserve(p_text.size() / 4 * 3);
	uint32_t group = 0;
	int sextets = 0;
	int padding = 0;
	for (char c : p_text) {
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			continue;
		}
		if (c == '=') {
			padding++;
			continue;
		}
		const int value = sextet(c);
		if (value < 0 || padding > 0) {
			return false;
		}
		group = group << 6 | uint32_t(value);
		if (++sextets == 4) {
			bytes.push_back(uint8_t(group >> 16));
			bytes.push_back(uint8_t(group >> 8));
			bytes.push_back(uint8_t(group));
			group = 0;
			sextets = 0;
		}
	}
	// A last group of 2 or 3 sextets carries 1 or 2 bytes; 1 sextet carries none, and is an error.
	if (sextets == 1 || padding > 2 || (padding > 0 && sextets + padding != 4)) {
		return false;
	}
	if (sextets == 2) {
		bytes.push_back(uint8_t(group >> 4));
	} else if (sextets == 3) {
		bytes.push_back(uint8_t(group >> 10));
		bytes.push_back(uint8_t(group >> 2));
	}
	r_bytes = PackedByteArray(std::move(bytes));
	return true;
}

} // namespace godot
