#pragma once
// The lexical half of VariantParser (core/variant/variant_parser.cpp): blanks and comments,
// string literals with their escapes, numbers, colour tokens, base64, and error positions.
// VariantParser's value reader derives from it.

#include "core/variant/variant.h"

#include <vector>

namespace godot {

class VariantTextScanner {
protected:
	const String &text;
	size_t pos = 0;
	String error;
	int error_line = 0;

	explicit VariantTextScanner(const String &p_text) :
			text(p_text) {}

	// Records the first error, with the line and column of pos; always false.
	bool fail(const String &p_what);

	bool at_end() const { return pos >= text.size(); }

	char peek() const { return at_end() ? '\0' : text[pos]; }

	// Whitespace and ';' comments, as in Godot's text resources.
	void skip_blank();

	bool expect(char p_char);

	static bool is_identifier_char(char c, bool p_first);

	bool read_hex(int p_digits, uint32_t &r_code);

	// \uXXXX (a UTF-16 unit, so a surrogate pair for astral characters) or \UXXXXXX.
	bool read_unicode_escape(char p_kind, String &r_text);

	// At the opening quote.
	bool parse_string(String &r_text);

	bool parse_number(Variant &r_value);

	static bool decode_base64(const String &p_text, std::vector<uint8_t> &r_bytes);

	// Godot's "#rrggbb" colour token (also #rgb, #rgba and #rrggbbaa), at the '#'.
	bool parse_html_color(Variant &r_value);

public:
	const String &get_error() const { return error; }
	int get_error_line() const { return error_line; }
};

} // namespace godot
