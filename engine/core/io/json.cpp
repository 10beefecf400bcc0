#include "core/io/json.h"

#include "core/object/class_db.h"
#include "core/string/print_string.h"
#include "core/variant/variant_stringify.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <unordered_set>

namespace godot {

namespace {

// As Godot's Variant::MAX_RECURSION_DEPTH: deeper text is refused, deeper data cut short.
constexpr int JSON_MAX_DEPTH = 1024;

// Godot's String::json_escape, including its "\v" (which JSON parsers, Godot's too, refuse).
String json_escape(const String &p_text) {
	String escaped;
	escaped.reserve(p_text.size());
	for (char c : p_text) {
		switch (c) {
			case '\\':
				escaped += "\\\\";
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
			case '"':
				escaped += "\\\"";
				break;
			default:
				escaped += c;
		}
	}
	return escaped;
}

bool is_string_like(const Variant &p_value) {
	return p_value.get_type() == Variant::STRING || p_value.get_type() == Variant::STRING_NAME;
}

// Godot's key order for sort_keys: strings (and StringNames) by text, numbers by value,
// anything else by type.
bool key_less(const Variant &p_a, const Variant &p_b) {
	if (is_string_like(p_a) && is_string_like(p_b)) {
		return p_a.to_string_value() < p_b.to_string_value();
	}
	const bool a_number = p_a.get_type() == Variant::INT || p_a.get_type() == Variant::FLOAT;
	const bool b_number = p_b.get_type() == Variant::INT || p_b.get_type() == Variant::FLOAT;
	if (a_number && b_number) {
		return p_a.to_float() < p_b.to_float();
	}
	return p_a.get_type() < p_b.get_type();
}

String key_text(const Variant &p_key) {
	return is_string_like(p_key) ? p_key.to_string_value() : p_key.stringify();
}

class Stringifier {
	const String &indent;
	const bool sort_keys;
	const bool full_precision;
	const String colon;
	const String newline;
	std::unordered_set<const void *> open_containers; // Cycle guard.

	String indentation(int p_level) const {
		String text;
		for (int i = 0; i < p_level; i++) {
			text += indent;
		}
		return text;
	}

	String number(double p_value) const {
		// Exactly zero only: a value near zero keeps the digits the caller asked for.
		if (p_value == 0.0) {
			return "0.0";
		}
		if (full_precision) {
			return shortest_number(p_value);
		}
		const int decimals = std::max(1, 14 - int(std::floor(std::log10(std::fabs(p_value)))));
		return string_num(p_value, decimals);
	}

	// Godot 4.6's full precision: the fewest digits that read back to the same double, with an
	// exponent below 1e-4 and from 1e15 ("1.5e-05", "2.5e+15"), else fixed with at least ".0".
	static String shortest_number(double p_value) {
		if (!std::isfinite(p_value)) {
			return string_num(p_value, 0);
		}
		char text[64];
		const double magnitude = std::fabs(p_value);
		const bool scientific = magnitude < 1e-4 || magnitude >= 1e15;
		const std::to_chars_result end = std::to_chars(text, text + sizeof(text), p_value, scientific ? std::chars_format::scientific : std::chars_format::fixed);
		String result(text, end.ptr);
		if (!scientific && result.find('.') == String::npos) {
			result += ".0";
		}
		return result;
	}

	template <typename T>
	static Array to_array(const PackedArray<T> &p_values) {
		Array array;
		for (const T &value : p_values) {
			array.push_back(Variant(value));
		}
		return array;
	}

	String list(const Array &p_array, int p_level) {
		if (p_array.is_empty()) {
			return "[]";
		}
		if (!open_containers.insert(p_array.begin()).second) {
			print_error("JSON.stringify: an Array contains itself; it is written as \"[...]\".");
			return "\"[...]\"";
		}
		String text = "[" + newline;
		bool first = true;
		for (const Variant &element : p_array) {
			text += first ? "" : "," + newline;
			first = false;
			text += indentation(p_level + 1) + value(element, p_level + 1);
		}
		open_containers.erase(p_array.begin());
		return text + newline + indentation(p_level) + "]";
	}

	String object(const Dictionary &p_dictionary, int p_level) {
		const void *identity = &p_dictionary.entries();
		if (!open_containers.insert(identity).second) {
			print_error("JSON.stringify: a Dictionary contains itself; it is written as \"{...}\".");
			return "\"{...}\"";
		}
		std::vector<const std::pair<Variant, Variant> *> entries;
		for (const std::pair<Variant, Variant> &entry : p_dictionary.entries()) {
			entries.push_back(&entry);
		}
		if (sort_keys) {
			std::stable_sort(entries.begin(), entries.end(), [](const auto *p_a, const auto *p_b) { return key_less(p_a->first, p_b->first); });
		}
		String text = "{" + newline;
		bool first = true;
		for (const std::pair<Variant, Variant> *entry : entries) {
			text += first ? "" : "," + newline;
			first = false;
			text += indentation(p_level + 1) + "\"" + json_escape(key_text(entry->first)) + "\"" + colon + value(entry->second, p_level + 1);
		}
		open_containers.erase(identity);
		return text + newline + indentation(p_level) + "}";
	}

public:
	Stringifier(const String &p_indent, bool p_sort_keys, bool p_full_precision) :
			indent(p_indent), sort_keys(p_sort_keys), full_precision(p_full_precision), colon(p_indent.empty() ? ":" : ": "), newline(p_indent.empty() ? "" : "\n") {}

	String value(const Variant &p_value, int p_level) {
		if (p_level > JSON_MAX_DEPTH) {
			print_error(vformat("JSON.stringify: the data is nested deeper than %d levels; the rest is written as \"...\".", JSON_MAX_DEPTH));
			return "\"...\"";
		}
		switch (p_value.get_type()) {
			case Variant::NIL:
				return "null";
			case Variant::BOOL:
				return p_value.to_bool() ? "true" : "false";
			case Variant::INT:
				return std::to_string(p_value.to_int());
			case Variant::FLOAT:
				return number(p_value.to_float());
			case Variant::ARRAY:
				return list(p_value.to_array(), p_level);
			case Variant::PACKED_INT32_ARRAY:
				return list(to_array(p_value.to_packed_int32_array()), p_level);
			case Variant::PACKED_INT64_ARRAY:
				return list(to_array(p_value.to_packed_int64_array()), p_level);
			case Variant::PACKED_FLOAT32_ARRAY:
				return list(to_array(p_value.to_packed_float32_array()), p_level);
			case Variant::PACKED_FLOAT64_ARRAY:
				return list(to_array(p_value.to_packed_float64_array()), p_level);
			case Variant::PACKED_STRING_ARRAY:
				return list(to_array(p_value.to_packed_string_array()), p_level);
			case Variant::DICTIONARY:
				return object(p_value.to_dictionary(), p_level);
			default:
				// Everything else is written as its text, as str() shows it ("(1, 2)" for a Vector2).
				return "\"" + json_escape(is_string_like(p_value) ? p_value.to_string_value() : p_value.stringify()) + "\"";
		}
	}
};

// Godot's JSON reader, over UTF-8: whitespace is any character up to ' ', numbers are floats,
// strings may hold raw control characters, and "\u" escapes may pair into one code point.
class Parser {
	const String &source;
	size_t position = 0;
	int line = 0;

	char peek(size_t p_ahead = 0) const {
		return position + p_ahead < source.size() ? source[position + p_ahead] : '\0';
	}

	void skip_whitespace() {
		while (position < source.size() && uint8_t(source[position]) <= ' ' && source[position] != '\0') {
			line += source[position] == '\n';
			position++;
		}
	}

	bool read_hex4(uint32_t &r_value) {
		r_value = 0;
		for (int i = 0; i < 4; i++) {
			const char c = peek();
			if (c == '\0') {
				error = "Unterminated String";
				return false;
			}
			if (!isxdigit(uint8_t(c))) {
				error = "Malformed hex constant in string";
				return false;
			}
			r_value = r_value << 4 | uint32_t(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
			position++;
		}
		return true;
	}

	bool read_escape(String &r_text) {
		const char next = peek();
		position++;
		switch (next) {
			case '\0':
				error = "Unterminated String";
				return false;
			case 'b':
				r_text += '\b';
				return true;
			case 't':
				r_text += '\t';
				return true;
			case 'n':
				r_text += '\n';
				return true;
			case 'f':
				r_text += '\f';
				return true;
			case 'r':
				r_text += '\r';
				return true;
			case '"':
			case '\\':
			case '/':
				r_text += next;
				return true;
			case 'u':
				break;
			default:
				error = "Invalid escape sequence.";
				return false;
		}
		uint32_t code = 0;
		if (!read_hex4(code)) {
			return false;
		}
		if ((code & 0xfffffc00) == 0xdc00) {
			error = "Invalid UTF-16 sequence in string, unpaired trail surrogate";
			return false;
		}
		if ((code & 0xfffffc00) == 0xd800) {
			uint32_t trail = 0;
			if (peek() != '\\' || peek(1) != 'u') {
				error = "Invalid UTF-16 sequence in string, unpaired lead surrogate";
				return false;
			}
			position += 2;
			if (!read_hex4(trail)) {
				return false;
			}
			if ((trail & 0xfffffc00) != 0xdc00) {
				error = "Invalid UTF-16 sequence in string, unpaired lead surrogate";
				return false;
			}
			code = 0x10000 + ((code - 0xd800) << 10) + (trail - 0xdc00);
		}
		append_utf8(r_text, code);
		return true;
	}

	bool read_string(Variant &r_value) {
		position++; // The opening quote.
		String text;
		while (true) {
			const char c = peek();
			if (c == '\0') {
				error = "Unterminated String";
				return false;
			}
			position++;
			if (c == '"') {
				break;
			}
			if (c == '\\') {
				if (!read_escape(text)) {
					return false;
				}
				continue;
			}
			line += c == '\n';
			text += c;
		}
		r_value = text;
		return true;
	}

	// Godot reads a number as far as a float goes: [-]digits[.digits][(e|E)[+|-]digits].
	void read_number(Variant &r_value) {
		const size_t start = position;
		auto digits = [this]() {
			while (isdigit(uint8_t(peek()))) {
				position++;
			}
		};
		if (peek() == '-') {
			position++;
		}
		digits();
		if (peek() == '.') {
			position++;
			digits();
		}
		if ((peek() == 'e' || peek() == 'E') && (isdigit(uint8_t(peek(1))) || ((peek(1) == '+' || peek(1) == '-') && isdigit(uint8_t(peek(2)))))) {
			position += 2;
			digits();
		}
		r_value = std::strtod(source.substr(start, position - start).c_str(), nullptr);
	}

	bool read_list(Variant &r_value, int p_depth) {
		position++; // '['
		Array array;
		skip_whitespace();
		if (peek() == ']') {
			position++;
			r_value = array;
			return true;
		}
		while (true) {
			Variant element;
			if (!read_value(element, p_depth + 1)) {
				return false;
			}
			array.push_back(element);
			skip_whitespace();
			const char c = peek();
			if (c == ']') {
				position++;
				r_value = array;
				return true;
			}
			if (c == '\0') {
				error = "Expected ']'";
				return false;
			}
			if (c != ',') {
				error = "Expected ','";
				return false;
			}
			position++;
		}
	}

	bool read_object(Variant &r_value, int p_depth) {
		position++; // '{'
		Dictionary dictionary;
		bool first = true;
		while (true) {
			skip_whitespace();
			if (peek() == '}') {
				position++;
				r_value = dictionary;
				return true;
			}
			if (peek() == '\0') {
				error = "Expected '}'";
				return false;
			}
			if (!first) {
				if (peek() != ',') {
					error = "Expected '}' or ','";
					return false;
				}
				position++;
				skip_whitespace();
			}
			first = false;
			Variant key;
			if (peek() != '"') {
				error = "Expected key";
				return false;
			}
			if (!read_string(key)) {
				return false;
			}
			skip_whitespace();
			if (peek() != ':') {
				error = "Expected ':'";
				return false;
			}
			position++;
			Variant element;
			if (!read_value(element, p_depth + 1)) {
				return false;
			}
			dictionary.set(key, element);
		}
	}

public:
	String error;

	explicit Parser(const String &p_source) :
			source(p_source) {}

	int get_line() const { return line; }

	bool read_value(Variant &r_value, int p_depth) {
		if (p_depth > JSON_MAX_DEPTH) {
			error = "JSON structure is too deep. Bailing.";
			return false;
		}
		skip_whitespace();
		const char c = peek();
		if (c == '{') {
			return read_object(r_value, p_depth);
		}
		if (c == '[') {
			return read_list(r_value, p_depth);
		}
		if (c == '"') {
			return read_string(r_value);
		}
		if (c == '-' || isdigit(uint8_t(c))) {
			read_number(r_value);
			return true;
		}
		if (isalpha(uint8_t(c))) {
			const size_t start = position;
			while (isalpha(uint8_t(peek()))) {
				position++;
			}
			const String word = source.substr(start, position - start);
			if (word == "true" || word == "false") {
				r_value = word == "true";
			} else if (word == "null") {
				r_value = Variant();
			} else {
				error = "Expected 'true','false' or 'null', got '" + word + "'.";
				return false;
			}
			return true;
		}
		if (c == '\0') {
			error = "Expected value, got EOF.";
		} else if (c == '}' || c == ']' || c == ':' || c == ',') {
			error = vformat("Expected value, got '%c'.", c);
		} else {
			error = "Unexpected character.";
		}
		return false;
	}

	bool at_end() {
		skip_whitespace();
		return peek() == '\0';
	}

	bool too_deep() const { return error == "JSON structure is too deep. Bailing."; }
};

} // namespace

String JSON::stringify(const Variant &p_data, const String &p_indent, bool p_sort_keys, bool p_full_precision) {
	return Stringifier(p_indent, p_sort_keys, p_full_precision).value(p_data, 0);
}

void JSON::set_data(const Variant &p_data) {
	data = p_data;
	text.clear();
}

Error JSON::parse(const String &p_json_text, bool p_keep_text) {
	Parser parser(p_json_text);
	Variant value;
	bool parsed = parser.read_value(value, 0);
	if (parsed && !parser.at_end()) {
		parser.error = "Expected 'EOF'";
		parsed = false;
		data = Variant(); // As Godot: trailing text voids the value read before it.
	}
	if (p_keep_text) {
		text = p_json_text;
	}
	if (!parsed) {
		error_line = parser.get_line();
		error_message = parser.error;
		return parser.too_deep() ? ERR_OUT_OF_MEMORY : ERR_PARSE_ERROR;
	}
	data = value;
	error_line = 0;
	error_message = String();
	return OK;
}

Variant JSON::parse_string(const String &p_json_string) {
	Ref<JSON> json;
	json.instantiate();
	if (json->parse(p_json_string) != OK) {
		print_error(vformat("JSON.parse_string: the text is not JSON: %s at line %d (0-based); a JSON object's parse() returns the error for the script to handle.", json->get_error_message().c_str(), json->get_error_line()));
		return Variant();
	}
	return json->get_data();
}

void JSON::_bind_methods() {
	ClassDB::bind_static_method("JSON", D_METHOD("stringify", "data", "indent", "sort_keys", "full_precision"), &JSON::stringify, DEFVAL(""), DEFVAL(true), DEFVAL(false));
	ClassDB::bind_static_method("JSON", D_METHOD("parse_string", "json_string"), &JSON::parse_string);
	ClassDB::bind_method(D_METHOD("parse", "json_text", "keep_text"), &JSON::parse, DEFVAL(false));
	ClassDB::bind_method(D_METHOD("get_data"), &JSON::get_data);
	ClassDB::bind_method(D_METHOD("set_data", "data"), &JSON::set_data);
	ClassDB::bind_method(D_METHOD("get_parsed_text"), &JSON::get_parsed_text);
	ClassDB::bind_method(D_METHOD("get_error_line"), &JSON::get_error_line);
	ClassDB::bind_method(D_METHOD("get_error_message"), &JSON::get_error_message);
	ADD_PROPERTY(PropertyInfo::variant("data"), "set_data", "get_data");
}

} // namespace godot
