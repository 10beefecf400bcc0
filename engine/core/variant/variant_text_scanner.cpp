#include "core/variant/variant_text_scanner.h"

#include "core/string/print_string.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace godot {

bool VariantTextScanner::fail(const String &p_what) {
	if (error.empty()) {
		size_t line = 1, column = 1;
		for (size_t i = 0; i < pos && i < text.size(); i++) {
			if (text[i] == '\n') {
				line++;
				column = 1;
			} else {
				column++;
			}
		}
		error = vformat("%s at line %zu, column %zu", p_what.c_str(), line, column);
		error_line = int(line);
	}
	return false;
}

void VariantTextScanner::skip_blank() {
	while (!at_end()) {
		const char c = text[pos];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			pos++;
		} else if (c == ';') {
			while (!at_end() && text[pos] != '\n') {
				pos++;
			}
		} else {
			break;
		}
	}
}

bool VariantTextScanner::expect(char p_char) {
	skip_blank();
	if (peek() != p_char) {
		return fail(vformat("expected '%c'", p_char));
	}
	pos++;
	return true;
}

bool VariantTextScanner::is_identifier_char(char c, bool p_first) {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!p_first && c >= '0' && c <= '9');
}

bool VariantTextScanner::read_hex(int p_digits, uint32_t &r_code) {
	r_code = 0;
	for (int i = 0; i < p_digits; i++) {
		const char c = peek();
		int digit;
		if (c >= '0' && c <= '9') {
			digit = c - '0';
		} else if (c >= 'a' && c <= 'f') {
			digit = c - 'a' + 10;
		} else if (c >= 'A' && c <= 'F') {
			digit = c - 'A' + 10;
		} else {
			return fail(vformat("expected %d hexadecimal digits in a unicode escape", p_digits));
		}
		r_code = (r_code << 4) | uint32_t(digit);
		pos++;
	}
	return true;
}

bool VariantTextScanner::read_unicode_escape(char p_kind, String &r_text) {
	uint32_t code;
	if (!read_hex(p_kind == 'u' ? 4 : 6, code)) {
		return false;
	}
	if (p_kind == 'u' && code >= 0xD800 && code <= 0xDBFF) {
		uint32_t low;
		if (text.compare(pos, 2, "\\u") != 0) {
			return fail("expected a low surrogate after a high surrogate");
		}
		pos += 2;
		if (!read_hex(4, low)) {
			return false;
		}
		if (low < 0xDC00 || low > 0xDFFF) {
			return fail("invalid low surrogate");
		}
		code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
	} else if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
		return fail("invalid unicode code point");
	}
	append_utf8(r_text, code);
	return true;
}

bool VariantTextScanner::parse_string(String &r_text) {
	if (peek() != '"') {
		return fail("expected a string");
	}
	pos++;
	while (true) {
		if (at_end()) {
			return fail("unterminated string");
		}
		const char c = text[pos++];
		if (c == '"') {
			return true;
		}
		if (c != '\\') {
			r_text += c;
			continue;
		}
		if (at_end()) {
			return fail("unterminated string");
		}
		const char escape = text[pos++];
		switch (escape) {
			case 'a':
				r_text += '\a';
				break;
			case 'b':
				r_text += '\b';
				break;
			case 'f':
				r_text += '\f';
				break;
			case 'n':
				r_text += '\n';
				break;
			case 'r':
				r_text += '\r';
				break;
			case 't':
				r_text += '\t';
				break;
			case 'v':
				r_text += '\v';
				break;
			case 'u':
			case 'U':
				if (!read_unicode_escape(escape, r_text)) {
					return false;
				}
				break;
			default:
				r_text += escape; // \" \\ \' \? and, as in Godot, any other character as itself.
		}
	}
}

bool VariantTextScanner::parse_number(Variant &r_value) {
	const size_t start = pos;
	if (peek() == '-') {
		pos++;
	}
	if (text.compare(pos, 3, "inf") == 0 && !is_identifier_char(pos + 3 < text.size() ? text[pos + 3] : ' ', false)) {
		pos += 3;
		r_value = -INFINITY;
		return true;
	}
	const size_t digits_start = pos;
	while (peek() >= '0' && peek() <= '9') {
		pos++;
	}
	if (pos == digits_start) {
		return fail("expected a number");
	}
	bool is_float = false;
	if (peek() == '.') {
		is_float = true;
		pos++;
		while (peek() >= '0' && peek() <= '9') {
			pos++;
		}
	}
	if (peek() == 'e' || peek() == 'E') {
		is_float = true;
		pos++;
		if (peek() == '+' || peek() == '-') {
			pos++;
		}
		const size_t exponent_start = pos;
		while (peek() >= '0' && peek() <= '9') {
			pos++;
		}
		if (pos == exponent_start) {
			return fail("expected the exponent's digits");
		}
	}
	if (is_identifier_char(peek(), false)) {
		return fail("unexpected character in a number");
	}
	const char *first = text.data() + start;
	const char *last = text.data() + pos;
	if (is_float) {
		double value = 0;
		const std::from_chars_result result = std::from_chars(first, last, value);
		if (result.ec == std::errc::result_out_of_range) {
			// Too large or too small for a double: the infinity or zero it rounds to.
			value = strtod(String(first, last).c_str(), nullptr);
		} else if (result.ec != std::errc() || result.ptr != last) {
			pos = start;
			return fail("malformed number");
		}
		r_value = value;
		return true;
	}
	int64_t value = 0;
	const std::from_chars_result result = std::from_chars(first, last, value);
	if (result.ec != std::errc() || result.ptr != last) {
		pos = start;
		return fail("integer out of the 64-bit range");
	}
	r_value = value;
	return true;
}

bool VariantTextScanner::decode_base64(const String &p_text, std::vector<uint8_t> &r_bytes) {
	uint32_t buffer = 0;
	int bits = 0;
	size_t padding = 0;
	for (const char c : p_text) {
		int value;
		if (c >= 'A' && c <= 'Z') {
			value = c - 'A';
		} else if (c >= 'a' && c <= 'z') {
			value = c - 'a' + 26;
		} else if (c >= '0' && c <= '9') {
			value = c - '0' + 52;
		} else if (c == '+') {
			value = 62;
		} else if (c == '/') {
			value = 63;
		} else if (c == '=') {
			padding++;
			continue;
		} else {
			return false;
		}
		if (padding) {
			return false; // Data after padding.
		}
		buffer = (buffer << 6) | uint32_t(value);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			r_bytes.push_back(uint8_t(buffer >> bits));
		}
	}
	return padding <= 2;
}

bool VariantTextScanner::parse_html_color(Variant &r_value) {
	const size_t start = pos++;
	const size_t digits_start = pos;
	while (std::isxdigit(uint8_t(peek()))) {
		pos++;
	}
	const size_t count = pos - digits_start;
	if (count != 3 && count != 4 && count != 6 && count != 8) {
		pos = start;
		return fail("a colour needs 3, 4, 6 or 8 hexadecimal digits after '#'");
	}
	const bool short_form = count <= 4;
	float channels[4] = { 0, 0, 0, 1 };
	for (size_t i = 0; i < (short_form ? count : count / 2); i++) {
		const String digits = short_form ? String(2, text[digits_start + i]) : text.substr(digits_start + i * 2, 2);
		channels[i] = float(strtoul(digits.c_str(), nullptr, 16)) / 255.0f;
	}
	r_value = Color{ channels[0], channels[1], channels[2], channels[3] };
	return true;
}

} // namespace godot
