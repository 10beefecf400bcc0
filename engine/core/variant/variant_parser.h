#pragma once
// Godot's text format for Variants (var_to_str / str_to_var, and the values in .tscn/.tres
// files): VariantWriter writes it as Godot 4.6 does, VariantParser reads every constructor
// text Godot's parser accepts for the types Quickdot holds. Objects are written in Godot's
// generic Object(Class,"property":value,...) form but never read back: that would let text
// instantiate arbitrary classes.
//
// Nesting is limited to TEXT_MAX_DEPTH both ways, so neither a cyclic container nor hostile
// text can exhaust the stack.

#include "core/variant/variant.h"

namespace godot {

class VariantWriter {
public:
	static constexpr int TEXT_MAX_DEPTH = 256;

	// OK, or ERR_OUT_OF_MEMORY when the value nests deeper than TEXT_MAX_DEPTH (or contains
	// itself): r_string then has the deepest containers written empty.
	static Error write_to_string(const Variant &p_variant, String &r_string);
};

class VariantParser {
public:
	// Parses p_text, which must hold one value and nothing more but blanks and ';' comments.
	// On failure (ERR_PARSE_ERROR) r_error says what was wrong and where ("expected ',' or ')'
	// at line 2, column 7") and r_line is that line; r_value is left alone.
	static Error parse_string(const String &p_text, Variant &r_value, String &r_error, int &r_line);
	// Parses the one value that starts at r_pos in p_text (after blanks and ';' comments) and
	// moves r_pos just past it, for formats that embed values (ConfigFile). Errors as above,
	// with lines counted from the start of p_text; r_pos is then left alone.
	static Error parse_value_at(const String &p_text, size_t &r_pos, Variant &r_value, String &r_error, int &r_line);
};

} // namespace godot
