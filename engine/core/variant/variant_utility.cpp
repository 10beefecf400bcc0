#include "core/variant/variant_utility.h"

#include "core/class_db.h"
#include "core/io/marshalls.h"
#include "core/object.h"
#include "core/print_string.h"

#include <charconv>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>

namespace godot {

// ---------------------------------------------------------------- Text format (var_to_str)
//
// Godot's VariantWriter/VariantParser text, for the Variant types Quickdot has. Nesting is
// limited so neither a cyclic container nor hostile text can exhaust the stack.

static constexpr int TEXT_MAX_DEPTH = 256;

// Godot's String::num_scientific: the shortest digits that read back to the same value, laid out
// like printf's %g but with up to 15 integer digits before switching to an exponent.
template <typename T>
static String shortest_text(T p_value) {
	char buffer[64];
	const std::to_chars_result result = std::to_chars(buffer, buffer + sizeof(buffer), p_value, std::chars_format::scientific);
	const String scientific(buffer, result.ptr); // "-1.2345e+06"
	const bool negative = scientific[0] == '-';
	const size_t e = scientific.find('e');
	String digits;
	for (size_t i = negative ? 1 : 0; i < e; i++) {
		if (scientific[i] != '.') {
			digits += scientific[i];
		}
	}
	const int exponent = atoi(scientific.c_str() + e + 1);
	const int count = int(digits.size());
	const int point = exponent + 1; // Where the decimal point goes, counted from the first digit.
	String text = negative ? "-" : "";
	if (count <= point && point <= 15) {
		text += digits + String(size_t(point - count), '0');
	} else if (0 < point && point <= 15) {
		text += digits.substr(0, size_t(point)) + "." + digits.substr(size_t(point));
	} else if (-4 < point && point <= 0) {
		text += "0." + String(size_t(-point), '0') + digits;
	} else {
		text += digits.substr(0, 1) + (count > 1 ? "." + digits.substr(1) : String());
		text += exponent < 0 ? "e-" : "e+";
		text += (std::abs(exponent) < 10 ? "0" : "") + std::to_string(std::abs(exponent));
	}
	return text;
}

// Godot's rtos_fix: "0" for ±0, "inf_neg" for -inf, and a value a float holds exactly written
// with a float's digits (so Vector2(0.1, 0) rather than 0.10000000149011612).
static String number_text(double p_value) {
	if (p_value == 0) {
		return "0";
	}
	if (std::isnan(p_value)) {
		return "nan";
	}
	if (std::isinf(p_value)) {
		return p_value > 0 ? "inf" : "inf_neg";
	}
	if (std::fabs(p_value) <= FLT_MAX && double(float(p_value)) == p_value) {
		return shortest_text(float(p_value));
	}
	return shortest_text(p_value);
}

// A FLOAT Variant always reads as a float: 1.0, not 1.
static String float_variant_text(double p_value) {
	String text = number_text(p_value);
	if (std::isfinite(p_value) && text.find_first_of(".eE") == String::npos) {
		text += ".0";
	}
	return text;
}

// Godot's String::c_escape_multiline: only what would end the string literal.
static String escape_multiline(const String &p_text) {
	String escaped;
	escaped.reserve(p_text.size());
	for (const char c : p_text) {
		if (c == '\\' || c == '"') {
			escaped += '\\';
		}
		escaped += c;
	}
	return escaped;
}

// Godot's String::c_escape, minus the \' and \? escapes nothing needs.
static String escape_c(const String &p_text) {
	String escaped;
	escaped.reserve(p_text.size());
	for (const char c : p_text) {
		switch (c) {
			case '\\':
				escaped += "\\\\";
				break;
			case '"':
				escaped += "\\\"";
				break;
			case '\a':
				escaped += "\\a";
				break;
			case '\b':
				escaped += "\\b";
				break;
			case '\f':
				escaped += "\\f";
				break;
			case '\n':
				escaped += "\\n";
				break;
			case '\r':
				escaped += "\\r";
				break;
			case '\t':
				escaped += "\\t";
				break;
			case '\v':
				escaped += "\\v";
				break;
			default:
				escaped += c;
		}
	}
	return escaped;
}

template <typename T, typename F>
static String packed_text(const char *p_name, const PackedArray<T> &p_array, F p_format) {
	String text = String(p_name) + "(";
	for (int64_t i = 0; i < p_array.size(); i++) {
		text += (i ? ", " : "") + p_format(p_array[size_t(i)]);
	}
	return text + ")";
}

struct TextWriter {
	bool too_deep = false;

	String write(const Variant &p_value, int p_depth) {
		switch (p_value.get_type()) {
			case Variant::NIL:
				return "null";
			case Variant::BOOL:
				return p_value.to_bool() ? "true" : "false";
			case Variant::INT:
				return std::to_string(p_value.to_int());
			case Variant::FLOAT:
				return float_variant_text(p_value.to_float());
			case Variant::STRING:
				return "\"" + escape_multiline(p_value.to_string_value()) + "\"";
			case Variant::STRING_NAME:
				return "&\"" + escape_c(p_value.to_string_value()) + "\"";
			case Variant::NODE_PATH:
				return "NodePath(\"" + escape_c(p_value.to_string_value()) + "\")";
			case Variant::VECTOR2: {
				const Vector2 v = p_value.to_vector2();
				return "Vector2(" + number_text(v.x) + ", " + number_text(v.y) + ")";
			}
			case Variant::VECTOR2I: {
				const Vector2i v = p_value.to_vector2i();
				return "Vector2i(" + std::to_string(v.x) + ", " + std::to_string(v.y) + ")";
			}
			case Variant::VECTOR3: {
				const Vector3 v = p_value.to_vector3();
				return "Vector3(" + number_text(v.x) + ", " + number_text(v.y) + ", " + number_text(v.z) + ")";
			}
			case Variant::VECTOR3I: {
				const Vector3i v = p_value.to_vector3i();
				return "Vector3i(" + std::to_string(v.x) + ", " + std::to_string(v.y) + ", " + std::to_string(v.z) + ")";
			}
			case Variant::COLOR: {
				const Color c = p_value.to_color();
				return "Color(" + number_text(c.r) + ", " + number_text(c.g) + ", " + number_text(c.b) + ", " + number_text(c.a) + ")";
			}
			case Variant::OBJECT:
				return write_object(p_value.to_object(), p_depth);
			case Variant::ARRAY: {
				if (p_depth >= TEXT_MAX_DEPTH) {
					too_deep = true;
					return "[]";
				}
				String text = "[";
				bool first = true;
				for (const Variant &element : p_value.to_array()) {
					text += (first ? "" : ", ") + write(element, p_depth + 1);
					first = false;
				}
				return text + "]";
			}
			case Variant::DICTIONARY: {
				const Dictionary dictionary = p_value.to_dictionary();
				if (dictionary.is_empty()) {
					return "{}";
				}
				if (p_depth >= TEXT_MAX_DEPTH) {
					too_deep = true;
					return "{}";
				}
				String text = "{\n";
				bool first = true;
				for (const auto &entry : dictionary.entries()) {
					text += (first ? "" : ",\n") + write(entry.first, p_depth + 1) + ": " + write(entry.second, p_depth + 1);
					first = false;
				}
				return text + "\n}";
			}
			case Variant::PACKED_BYTE_ARRAY:
				return packed_text("PackedByteArray", *p_value.get_if<PackedByteArray>(), [](uint8_t v) { return std::to_string(v); });
			case Variant::PACKED_INT32_ARRAY:
				return packed_text("PackedInt32Array", *p_value.get_if<PackedInt32Array>(), [](int32_t v) { return std::to_string(v); });
			case Variant::PACKED_INT64_ARRAY:
				return packed_text("PackedInt64Array", *p_value.get_if<PackedInt64Array>(), [](int64_t v) { return std::to_string(v); });
			case Variant::PACKED_FLOAT32_ARRAY:
				return packed_text("PackedFloat32Array", *p_value.get_if<PackedFloat32Array>(), [](float v) { return number_text(double(v)); });
			case Variant::PACKED_FLOAT64_ARRAY:
				return packed_text("PackedFloat64Array", *p_value.get_if<PackedFloat64Array>(), [](double v) { return number_text(v); });
			case Variant::PACKED_STRING_ARRAY:
				return packed_text("PackedStringArray", *p_value.get_if<PackedStringArray>(), [](const String &v) { return "\"" + escape_c(v) + "\""; });
			default:
				// Callables have no text form.
				return "null";
		}
	}

	// Godot's generic form, Object(Class,"property":value,...), with every property that has a
	// getter, most derived class first. str_to_var does not read it back (it would instantiate
	// arbitrary classes from text).
	String write_object(Object *p_object, int p_depth) {
		if (!p_object) {
			return "null";
		}
		if (p_depth >= TEXT_MAX_DEPTH) {
			too_deep = true;
			return "null";
		}
		String text = "Object(" + p_object->get_class();
		for (const ClassDB::ClassInfo *info = ClassDB::get_class_info(p_object->get_class_name()); info; info = info->parent) {
			for (const ClassDB::PropertyBinding &property : info->properties) {
				if (!property.getter.is_empty()) {
					text += ",\"" + escape_c(property.info.name) + "\":" + write(p_object->get(StringName(property.info.name)), p_depth + 1);
				}
			}
		}
		return text + ")";
	}
};

static String variant_to_text(const Variant &p_value) {
	TextWriter writer;
	String text = writer.write(p_value, 0);
	if (writer.too_deep) {
		print_error(vformat("var_to_str: the value nests deeper than %d levels (or contains itself); the deepest containers were written empty.", TEXT_MAX_DEPTH));
	}
	return text;
}

// A strict recursive-descent reader of the format above. Any error stops the parse.
class TextParser {
	const String &text;
	size_t pos = 0;
	String error;

	bool fail(const String &p_what) {
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
		}
		return false;
	}

	bool at_end() const { return pos >= text.size(); }
	char peek() const { return at_end() ? '\0' : text[pos]; }

	// Whitespace and ';' comments, as in Godot's text resources.
	void skip_blank() {
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

	bool expect(char p_char) {
		skip_blank();
		if (peek() != p_char) {
			return fail(vformat("expected '%c'", p_char));
		}
		pos++;
		return true;
	}

	static bool is_identifier_char(char c, bool p_first) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!p_first && c >= '0' && c <= '9');
	}

	bool read_hex(int p_digits, uint32_t &r_code) {
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

	// \uXXXX (a UTF-16 unit, so a surrogate pair for astral characters) or \UXXXXXX.
	bool read_unicode_escape(char p_kind, String &r_text) {
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

	// At the opening quote.
	bool parse_string(String &r_text) {
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

	bool parse_number(Variant &r_value) {
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

	// After "Name(": comma-separated values up to ')'.
	bool parse_arguments(std::vector<Variant> &r_arguments, int p_depth) {
		skip_blank();
		if (peek() == ')') {
			pos++;
			return true;
		}
		while (true) {
			Variant value;
			if (!parse_value(value, p_depth + 1)) {
				return false;
			}
			r_arguments.push_back(std::move(value));
			skip_blank();
			if (peek() == ')') {
				pos++;
				return true;
			}
			if (peek() != ',') {
				return fail("expected ',' or ')'");
			}
			pos++;
		}
	}

	// double → float without the undefined behaviour of converting an out-of-range value.
	static float to_float32(const Variant &p_value) {
		const double value = p_value.to_float();
		if (value > FLT_MAX) {
			return INFINITY;
		}
		if (value < -FLT_MAX) {
			return -INFINITY;
		}
		return float(value);
	}

	static bool is_number(const Variant &p_value) {
		return p_value.get_type() == Variant::INT || p_value.get_type() == Variant::FLOAT;
	}

	bool numbers(const String &p_name, const std::vector<Variant> &p_arguments, size_t p_count, bool p_integers) {
		if (p_count && p_arguments.size() != p_count) {
			return fail(vformat("%s() takes %zu arguments, got %zu", p_name.c_str(), p_count, p_arguments.size()));
		}
		for (const Variant &argument : p_arguments) {
			if (p_integers ? argument.get_type() != Variant::INT : !is_number(argument)) {
				return fail(vformat("%s() takes only %s", p_name.c_str(), p_integers ? "integers" : "numbers"));
			}
		}
		return true;
	}

	bool integers_in_range(const String &p_name, const std::vector<Variant> &p_arguments, int64_t p_min, int64_t p_max) {
		if (!numbers(p_name, p_arguments, 0, true)) {
			return false;
		}
		for (const Variant &argument : p_arguments) {
			if (argument.to_int() < p_min || argument.to_int() > p_max) {
				return fail(vformat("%s() value %lld is out of range", p_name.c_str(), (long long)argument.to_int()));
			}
		}
		return true;
	}

	template <typename T>
	static PackedArray<T> packed_from(const std::vector<Variant> &p_arguments, T (*p_convert)(const Variant &)) {
		std::vector<T> values;
		values.reserve(p_arguments.size());
		for (const Variant &argument : p_arguments) {
			values.push_back(p_convert(argument));
		}
		return PackedArray<T>(std::move(values));
	}

	static bool decode_base64(const String &p_text, std::vector<uint8_t> &r_bytes) {
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

	// After "Name(", which starts at p_start (where a bad argument list is reported).
	bool parse_constructor(const String &p_name, size_t p_start, Variant &r_value, int p_depth) {
		std::vector<Variant> args;
		if (!parse_arguments(args, p_depth)) {
			return false;
		}
		const size_t end = pos;
		pos = p_start;
		if (!construct(p_name, args, r_value)) {
			return false;
		}
		pos = end;
		return true;
	}

	bool construct(const String &p_name, const std::vector<Variant> &p_args, Variant &r_value) {
		if (p_name == "Vector2") {
			if (!numbers(p_name, p_args, 2, false)) {
				return false;
			}
			r_value = Vector2{ to_float32(p_args[0]), to_float32(p_args[1]) };
		} else if (p_name == "Vector2i") {
			if (!numbers(p_name, p_args, 2, true) || !integers_in_range(p_name, p_args, INT32_MIN, INT32_MAX)) {
				return false;
			}
			r_value = Vector2i{ int32_t(p_args[0].to_int()), int32_t(p_args[1].to_int()) };
		} else if (p_name == "Vector3") {
			if (!numbers(p_name, p_args, 3, false)) {
				return false;
			}
			r_value = Vector3{ to_float32(p_args[0]), to_float32(p_args[1]), to_float32(p_args[2]) };
		} else if (p_name == "Vector3i") {
			if (!numbers(p_name, p_args, 3, true) || !integers_in_range(p_name, p_args, INT32_MIN, INT32_MAX)) {
				return false;
			}
			r_value = Vector3i{ int32_t(p_args[0].to_int()), int32_t(p_args[1].to_int()), int32_t(p_args[2].to_int()) };
		} else if (p_name == "Color") {
			if (!numbers(p_name, p_args, 4, false)) {
				return false;
			}
			r_value = Color{ to_float32(p_args[0]), to_float32(p_args[1]), to_float32(p_args[2]), to_float32(p_args[3]) };
		} else if (p_name == "NodePath" || p_name == "StringName") {
			if (p_args.size() != 1 || p_args[0].get_type() != Variant::STRING) {
				return fail(p_name + "() takes one string");
			}
			r_value = p_name == "NodePath" ? Variant(NodePath(p_args[0].to_string_value())) : Variant(StringName(p_args[0].to_string_value()));
		} else if (p_name == "PackedByteArray") {
			if (p_args.size() == 1 && p_args[0].get_type() == Variant::STRING) {
				// The base64 form Godot 4.3+ writes in text resources.
				std::vector<uint8_t> bytes;
				if (!decode_base64(p_args[0].to_string_value(), bytes)) {
					return fail("PackedByteArray() has invalid base64 data");
				}
				r_value = PackedByteArray(std::move(bytes));
				return true;
			}
			if (!integers_in_range(p_name, p_args, 0, 255)) {
				return false;
			}
			r_value = packed_from<uint8_t>(p_args, [](const Variant &v) { return uint8_t(v.to_int()); });
		} else if (p_name == "PackedInt32Array") {
			if (!integers_in_range(p_name, p_args, INT32_MIN, INT32_MAX)) {
				return false;
			}
			r_value = packed_from<int32_t>(p_args, [](const Variant &v) { return int32_t(v.to_int()); });
		} else if (p_name == "PackedInt64Array") {
			if (!numbers(p_name, p_args, 0, true)) {
				return false;
			}
			r_value = packed_from<int64_t>(p_args, [](const Variant &v) { return v.to_int(); });
		} else if (p_name == "PackedFloat32Array") {
			if (!numbers(p_name, p_args, 0, false)) {
				return false;
			}
			r_value = packed_from<float>(p_args, to_float32);
		} else if (p_name == "PackedFloat64Array") {
			if (!numbers(p_name, p_args, 0, false)) {
				return false;
			}
			r_value = packed_from<double>(p_args, [](const Variant &v) { return v.to_float(); });
		} else if (p_name == "PackedStringArray") {
			for (const Variant &argument : p_args) {
				if (argument.get_type() != Variant::STRING) {
					return fail("PackedStringArray() takes only strings");
				}
			}
			r_value = packed_from<String>(p_args, [](const Variant &v) { return v.to_string_value(); });
		} else {
			return fail("unknown constructor '" + p_name + "'");
		}
		return true;
	}

	bool parse_array(Variant &r_value, int p_depth) {
		Array array;
		while (true) {
			skip_blank();
			if (peek() == ']') {
				pos++;
				break;
			}
			Variant element;
			if (!parse_value(element, p_depth + 1)) {
				return false;
			}
			array.push_back(element);
			skip_blank();
			if (peek() == ',') {
				pos++; // A trailing comma is allowed, as in Godot.
			} else if (peek() != ']') {
				return fail("expected ',' or ']'");
			}
		}
		r_value = array;
		return true;
	}

	bool parse_dictionary(Variant &r_value, int p_depth) {
		Dictionary dictionary;
		while (true) {
			skip_blank();
			if (peek() == '}') {
				pos++;
				break;
			}
			Variant key, value;
			if (!parse_value(key, p_depth + 1) || !expect(':') || !parse_value(value, p_depth + 1)) {
				return false;
			}
			dictionary.set(key, value);
			skip_blank();
			if (peek() == ',') {
				pos++;
			} else if (peek() != '}') {
				return fail("expected ',' or '}'");
			}
		}
		r_value = dictionary;
		return true;
	}

public:
	explicit TextParser(const String &p_text) :
			text(p_text) {}

	const String &get_error() const { return error; }

	bool parse_value(Variant &r_value, int p_depth) {
		if (p_depth > TEXT_MAX_DEPTH) {
			return fail(vformat("nested deeper than %d levels", TEXT_MAX_DEPTH));
		}
		skip_blank();
		if (at_end()) {
			return fail("unexpected end of text");
		}
		const char c = peek();
		if (c == '"') {
			String value;
			if (!parse_string(value)) {
				return false;
			}
			r_value = value;
			return true;
		}
		if (c == '&' || c == '^') {
			pos++;
			String value;
			if (!parse_string(value)) {
				return false;
			}
			r_value = c == '&' ? Variant(StringName(value)) : Variant(NodePath(value));
			return true;
		}
		if (c == '[') {
			pos++;
			return parse_array(r_value, p_depth);
		}
		if (c == '{') {
			pos++;
			return parse_dictionary(r_value, p_depth);
		}
		if (c == '-' || (c >= '0' && c <= '9')) {
			return parse_number(r_value);
		}
		if (!is_identifier_char(c, true)) {
			return fail(c > ' ' && c < 127 ? vformat("unexpected character '%c'", c) : vformat("unexpected byte 0x%02x", unsigned(uint8_t(c))));
		}
		const size_t start = pos;
		while (is_identifier_char(peek(), false)) {
			pos++;
		}
		const String identifier = text.substr(start, pos - start);
		if (identifier == "null" || identifier == "nil") {
			r_value = Variant();
		} else if (identifier == "true" || identifier == "false") {
			r_value = identifier == "true";
		} else if (identifier == "inf") {
			r_value = INFINITY;
		} else if (identifier == "inf_neg") {
			r_value = -INFINITY;
		} else if (identifier == "nan") {
			r_value = NAN;
		} else {
			skip_blank();
			if (peek() != '(') {
				pos = start;
				return fail("unknown identifier '" + identifier + "'");
			}
			pos++;
			if (identifier == "Object") {
				pos = start;
				return fail("objects cannot be read back from text");
			}
			return parse_constructor(identifier, start, r_value, p_depth);
		}
		return true;
	}

	bool parse_all(Variant &r_value) {
		if (!parse_value(r_value, 0)) {
			return false;
		}
		skip_blank();
		if (!at_end()) {
			return fail("unexpected text after the value");
		}
		return true;
	}
};

// ---------------------------------------------------------------- The functions

// A per-process generator, seeded once at start-up as Godot's global RandomNumberGenerator is.
static std::mt19937_64 random_engine{ std::random_device{}() };

static bool check_argument_count(int p_argcount, int p_expected, CallError &r_error) {
	if (p_argcount == p_expected) {
		return true;
	}
	r_error.error = p_argcount < p_expected ? CallError::CALL_ERROR_TOO_FEW_ARGUMENTS : CallError::CALL_ERROR_TOO_MANY_ARGUMENTS;
	r_error.expected = p_expected;
	return false;
}

// Godot's print(): every argument stringified and joined without a separator.
static String join_arguments(const Variant **p_args, int p_argcount) {
	String text;
	for (int i = 0; i < p_argcount; i++) {
		text += p_args[i]->stringify();
	}
	return text;
}

static Variant utility_randi(const Variant **, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 0, r_error)) {
		return Variant();
	}
	return int64_t(uint32_t(random_engine())); // Godot's randi() is a 32-bit unsigned value.
}

static Variant utility_randf(const Variant **, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 0, r_error)) {
		return Variant();
	}
	return double(random_engine() >> 11) * 0x1.0p-53; // Uniform in [0, 1).
}

static Variant utility_error_string(const Variant **p_args, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 1, r_error)) {
		return Variant();
	}
	const int64_t code = p_args[0]->to_int();
	return String(code < 0 || code >= ERR_MAX ? "(invalid error code)" : error_description(Error(code)));
}

static Variant utility_type_string(const Variant **p_args, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 1, r_error)) {
		return Variant();
	}
	const int64_t type = p_args[0]->to_int();
	if (type < 0 || type >= Variant::VARIANT_MAX) {
		print_error(vformat("type_string: %lld is not a Variant type; pass one of the TYPE_* constants.", (long long)type));
		return String("<invalid type>");
	}
	return String(Variant::get_type_name(Variant::Type(type)));
}

static Variant utility_print(const Variant **p_args, int p_argcount, CallError &) {
	print_line(join_arguments(p_args, p_argcount));
	return Variant();
}

static Variant utility_printerr(const Variant **p_args, int p_argcount, CallError &) {
	const String text = join_arguments(p_args, p_argcount) + "\n";
	fwrite(text.data(), 1, text.size(), stderr);
	return Variant();
}

static Variant utility_push_error(const Variant **p_args, int p_argcount, CallError &) {
	print_error(join_arguments(p_args, p_argcount));
	return Variant();
}

static Variant utility_push_warning(const Variant **p_args, int p_argcount, CallError &) {
	print_warning(join_arguments(p_args, p_argcount));
	return Variant();
}

static Variant utility_var_to_str(const Variant **p_args, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 1, r_error)) {
		return Variant();
	}
	return variant_to_text(*p_args[0]);
}

static Variant utility_str_to_var(const Variant **p_args, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 1, r_error)) {
		return Variant();
	}
	const String text = p_args[0]->to_string_value();
	TextParser parser(text);
	Variant value;
	if (!parser.parse_all(value)) {
		print_error("str_to_var: " + parser.get_error() + "; returning null. Pass text written by var_to_str().");
		return Variant();
	}
	return value;
}

static Variant utility_var_to_bytes(const Variant **p_args, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 1, r_error)) {
		return Variant();
	}
	return var_to_bytes(*p_args[0], false);
}

static Variant utility_bytes_to_var(const Variant **p_args, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 1, r_error)) {
		return Variant();
	}
	return bytes_to_var(p_args[0]->to_packed_byte_array(), false);
}

static Variant utility_is_instance_valid(const Variant **p_args, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 1, r_error)) {
		return Variant();
	}
	return p_args[0]->get_type() == Variant::OBJECT && p_args[0]->to_object() != nullptr;
}

// ---------------------------------------------------------------- Registry

static std::vector<UtilityFunctionInfo> &utility_functions() {
	static std::vector<UtilityFunctionInfo> list;
	return list;
}

static void add_function(const char *p_name, const char *p_category, PropertyInfo p_return, std::vector<PropertyInfo> p_arguments, bool p_vararg,
		Variant (*p_function)(const Variant **, int, CallError &)) {
	UtilityFunctionInfo function;
	function.name = p_name;
	function.category = p_category;
	function.info.name = p_name;
	function.info.return_value = std::move(p_return);
	function.info.arguments = std::move(p_arguments);
	function.info.is_vararg = p_vararg;
	function.function = p_function;
	utility_functions().push_back(std::move(function));
}

void UtilityFunctions::register_all() {
	if (!utility_functions().empty()) {
		return;
	}
	const PropertyInfo none;
	// Godot's names, categories and argument names; print-like functions take "arg1" and more.
	add_function("randi", "random", PropertyInfo(Variant::INT, ""), {}, false, utility_randi);
	add_function("randf", "random", PropertyInfo(Variant::FLOAT, ""), {}, false, utility_randf);
	add_function("error_string", "general", PropertyInfo(Variant::STRING, ""), { PropertyInfo(Variant::INT, "error") }, false, utility_error_string);
	add_function("type_string", "general", PropertyInfo(Variant::STRING, ""), { PropertyInfo(Variant::INT, "type") }, false, utility_type_string);
	add_function("print", "general", none, { PropertyInfo::variant("arg1") }, true, utility_print);
	add_function("printerr", "general", none, { PropertyInfo::variant("arg1") }, true, utility_printerr);
	add_function("push_error", "general", none, { PropertyInfo::variant("arg1") }, true, utility_push_error);
	add_function("push_warning", "general", none, { PropertyInfo::variant("arg1") }, true, utility_push_warning);
	add_function("var_to_str", "general", PropertyInfo(Variant::STRING, ""), { PropertyInfo::variant("variable") }, false, utility_var_to_str);
	add_function("str_to_var", "general", PropertyInfo::variant(), { PropertyInfo(Variant::STRING, "string") }, false, utility_str_to_var);
	add_function("var_to_bytes", "general", PropertyInfo(Variant::PACKED_BYTE_ARRAY, ""), { PropertyInfo::variant("variable") }, false, utility_var_to_bytes);
	add_function("bytes_to_var", "general", PropertyInfo::variant(), { PropertyInfo(Variant::PACKED_BYTE_ARRAY, "bytes") }, false, utility_bytes_to_var);
	add_function("is_instance_valid", "general", PropertyInfo(Variant::BOOL, ""), { PropertyInfo::variant("instance") }, false, utility_is_instance_valid);
}

void UtilityFunctions::unregister_all() {
	utility_functions().clear();
}

const std::vector<UtilityFunctionInfo> &UtilityFunctions::get_all() {
	return utility_functions();
}

const UtilityFunctionInfo *UtilityFunctions::get(const String &p_name) {
	for (const UtilityFunctionInfo &function : utility_functions()) {
		if (function.name == p_name) {
			return &function;
		}
	}
	return nullptr;
}

} // namespace godot
