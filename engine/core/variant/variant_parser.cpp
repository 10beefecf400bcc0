#include "core/variant/variant_parser.h"

#include "core/object/class_db.h"
#include "core/string/print_string.h"
#include "core/variant/variant_text_scanner.h"

#include <cfloat>
#include <cmath>
#include <cstring>

namespace godot {

namespace {

// A strict recursive-descent reader of Godot's text format: values, constructors and
// containers over VariantTextScanner's tokens. Any error stops the parse.
class TextParser : public VariantTextScanner {
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

	// The math types Godot's text spells as their components in a row (memory order, as the
	// writer writes them). Old names are Godot 3's, which its parser still reads.
	template <typename T>
	static bool real_components(const std::vector<Variant> &p_args, Variant &r_value) {
		float components[sizeof(T) / sizeof(float)];
		for (size_t i = 0; i < p_args.size(); i++) {
			components[i] = to_float32(p_args[i]);
		}
		T value;
		memcpy(&value, components, sizeof(T));
		r_value = value;
		return true;
	}

	template <typename T>
	static bool integer_components(const std::vector<Variant> &p_args, Variant &r_value) {
		int32_t components[sizeof(T) / sizeof(int32_t)];
		for (size_t i = 0; i < p_args.size(); i++) {
			components[i] = int32_t(p_args[i].to_int());
		}
		T value;
		memcpy(&value, components, sizeof(T));
		r_value = value;
		return true;
	}

	template <typename T>
	static PackedArray<T> packed_components(const std::vector<Variant> &p_args) {
		constexpr size_t count = sizeof(T) / sizeof(float);
		std::vector<T> values(p_args.size() / count);
		for (size_t i = 0; i < values.size(); i++) {
			std::vector<Variant> element(p_args.begin() + long(i * count), p_args.begin() + long((i + 1) * count));
			Variant value;
			real_components<T>(element, value);
			values[i] = *value.get_if<T>();
		}
		return PackedArray<T>(std::move(values));
	}

	struct MathConstructor {
		const char *name;
		size_t count;
		bool integers;
		bool (*make)(const std::vector<Variant> &, Variant &);
	};

	static const MathConstructor *find_math_constructor(const String &p_name) {
		static const MathConstructor constructors[] = {
			{ "Vector2", 2, false, real_components<Vector2> },
			{ "Vector2i", 2, true, integer_components<Vector2i> },
			{ "Rect2", 4, false, real_components<Rect2> },
			{ "Rect2i", 4, true, integer_components<Rect2i> },
			{ "Vector3", 3, false, real_components<Vector3> },
			{ "Vector3i", 3, true, integer_components<Vector3i> },
			{ "Transform2D", 6, false, real_components<Transform2D> },
			{ "Matrix32", 6, false, real_components<Transform2D> },
			{ "Vector4", 4, false, real_components<Vector4> },
			{ "Vector4i", 4, true, integer_components<Vector4i> },
			{ "Plane", 4, false, real_components<Plane> },
			{ "Quaternion", 4, false, real_components<Quaternion> },
			{ "Quat", 4, false, real_components<Quaternion> },
			{ "AABB", 6, false, real_components<AABB> },
			{ "Rect3", 6, false, real_components<AABB> },
			{ "Basis", 9, false, real_components<Basis> },
			{ "Matrix3", 9, false, real_components<Basis> },
			{ "Transform3D", 12, false, real_components<Transform3D> },
			{ "Transform", 12, false, real_components<Transform3D> },
			{ "Projection", 16, false, real_components<Projection> },
			{ "Color", 4, false, real_components<Color> },
		};
		for (const MathConstructor &constructor : constructors) {
			if (p_name == constructor.name) {
				return &constructor;
			}
		}
		return nullptr;
	}

	// Godot's spellings of each packed array type, old ones included.
	static Variant::Type packed_type(const String &p_name) {
		static const std::pair<const char *, Variant::Type> names[] = {
			{ "PackedByteArray", Variant::PACKED_BYTE_ARRAY },
			{ "PoolByteArray", Variant::PACKED_BYTE_ARRAY },
			{ "ByteArray", Variant::PACKED_BYTE_ARRAY },
			{ "PackedInt32Array", Variant::PACKED_INT32_ARRAY },
			{ "PackedIntArray", Variant::PACKED_INT32_ARRAY },
			{ "PoolIntArray", Variant::PACKED_INT32_ARRAY },
			{ "IntArray", Variant::PACKED_INT32_ARRAY },
			{ "PackedInt64Array", Variant::PACKED_INT64_ARRAY },
			{ "PackedFloat32Array", Variant::PACKED_FLOAT32_ARRAY },
			{ "PackedRealArray", Variant::PACKED_FLOAT32_ARRAY },
			{ "PoolRealArray", Variant::PACKED_FLOAT32_ARRAY },
			{ "FloatArray", Variant::PACKED_FLOAT32_ARRAY },
			{ "PackedFloat64Array", Variant::PACKED_FLOAT64_ARRAY },
			{ "PackedStringArray", Variant::PACKED_STRING_ARRAY },
			{ "PoolStringArray", Variant::PACKED_STRING_ARRAY },
			{ "StringArray", Variant::PACKED_STRING_ARRAY },
			{ "PackedVector2Array", Variant::PACKED_VECTOR2_ARRAY },
			{ "PoolVector2Array", Variant::PACKED_VECTOR2_ARRAY },
			{ "Vector2Array", Variant::PACKED_VECTOR2_ARRAY },
			{ "PackedVector3Array", Variant::PACKED_VECTOR3_ARRAY },
			{ "PoolVector3Array", Variant::PACKED_VECTOR3_ARRAY },
			{ "Vector3Array", Variant::PACKED_VECTOR3_ARRAY },
			{ "PackedColorArray", Variant::PACKED_COLOR_ARRAY },
			{ "PoolColorArray", Variant::PACKED_COLOR_ARRAY },
			{ "ColorArray", Variant::PACKED_COLOR_ARRAY },
			{ "PackedVector4Array", Variant::PACKED_VECTOR4_ARRAY },
			{ "PoolVector4Array", Variant::PACKED_VECTOR4_ARRAY },
			{ "Vector4Array", Variant::PACKED_VECTOR4_ARRAY },
		};
		for (const auto &entry : names) {
			if (p_name == entry.first) {
				return entry.second;
			}
		}
		return Variant::NIL;
	}

	bool construct_packed(Variant::Type p_type, const String &p_name, const std::vector<Variant> &p_args, Variant &r_value) {
		switch (p_type) {
			case Variant::PACKED_BYTE_ARRAY: {
				if (p_args.size() == 1 && p_args[0].get_type() == Variant::STRING) {
					// The base64 form Godot 4.3+ writes in text resources.
					std::vector<uint8_t> bytes;
					if (!decode_base64(p_args[0].to_string_value(), bytes)) {
						return fail(p_name + "() has invalid base64 data");
					}
					r_value = PackedByteArray(std::move(bytes));
					return true;
				}
				if (!integers_in_range(p_name, p_args, 0, 255)) {
					return false;
				}
				r_value = packed_from<uint8_t>(p_args, [](const Variant &v) { return uint8_t(v.to_int()); });
			} break;
			case Variant::PACKED_INT32_ARRAY: {
				if (!integers_in_range(p_name, p_args, INT32_MIN, INT32_MAX)) {
					return false;
				}
				r_value = packed_from<int32_t>(p_args, [](const Variant &v) { return int32_t(v.to_int()); });
			} break;
			case Variant::PACKED_INT64_ARRAY: {
				if (!numbers(p_name, p_args, 0, true)) {
					return false;
				}
				r_value = packed_from<int64_t>(p_args, [](const Variant &v) { return v.to_int(); });
			} break;
			case Variant::PACKED_FLOAT32_ARRAY: {
				if (!numbers(p_name, p_args, 0, false)) {
					return false;
				}
				r_value = packed_from<float>(p_args, to_float32);
			} break;
			case Variant::PACKED_FLOAT64_ARRAY: {
				if (!numbers(p_name, p_args, 0, false)) {
					return false;
				}
				r_value = packed_from<double>(p_args, [](const Variant &v) { return v.to_float(); });
			} break;
			case Variant::PACKED_STRING_ARRAY: {
				for (const Variant &argument : p_args) {
					if (argument.get_type() != Variant::STRING) {
						return fail(p_name + "() takes only strings");
					}
				}
				r_value = packed_from<String>(p_args, [](const Variant &v) { return v.to_string_value(); });
			} break;
			default: {
				const size_t components = p_type == Variant::PACKED_VECTOR2_ARRAY ? 2 : (p_type == Variant::PACKED_VECTOR3_ARRAY ? 3 : 4);
				if (!numbers(p_name, p_args, 0, false)) {
					return false;
				}
				if (p_args.size() % components) {
					return fail(vformat("%s() takes %zu numbers an element, got %zu numbers", p_name.c_str(), components, p_args.size()));
				}
				if (p_type == Variant::PACKED_VECTOR2_ARRAY) {
					r_value = packed_components<Vector2>(p_args);
				} else if (p_type == Variant::PACKED_VECTOR3_ARRAY) {
					r_value = packed_components<Vector3>(p_args);
				} else if (p_type == Variant::PACKED_COLOR_ARRAY) {
					r_value = packed_components<Color>(p_args);
				} else {
					r_value = packed_components<Vector4>(p_args);
				}
			} break;
		}
		return true;
	}

	bool construct(const String &p_name, const std::vector<Variant> &p_args, Variant &r_value) {
		if (const MathConstructor *math = find_math_constructor(p_name)) {
			if (!numbers(p_name, p_args, math->count, math->integers) || (math->integers && !integers_in_range(p_name, p_args, INT32_MIN, INT32_MAX))) {
				return false;
			}
			return math->make(p_args, r_value);
		}
		const Variant::Type packed = packed_type(p_name);
		if (packed != Variant::NIL) {
			return construct_packed(packed, p_name, p_args, r_value);
		}
		if (p_name == "NodePath" || p_name == "StringName") {
			if (p_args.size() != 1 || p_args[0].get_type() != Variant::STRING) {
				return fail(p_name + "() takes one string");
			}
			r_value = p_name == "NodePath" ? Variant(NodePath(p_args[0].to_string_value())) : Variant(StringName(p_args[0].to_string_value()));
		} else if (p_name == "RID") {
			if (p_args.size() > 1 || (p_args.size() == 1 && (p_args[0].get_type() != Variant::INT || p_args[0].to_int() < 0))) {
				return fail("RID() takes nothing or one id (a non-negative integer)");
			}
			r_value = RID::from_uint64(p_args.empty() ? 0 : uint64_t(p_args[0].to_int()));
		} else if (p_name == "Signal" || p_name == "Callable") {
			// Godot writes these empty (their objects do not survive) and reads them back empty.
			if (!p_args.empty()) {
				return fail(p_name + "() takes no arguments");
			}
			r_value = p_name == "Signal" ? Variant(Signal()) : Variant(Callable());
		} else {
			return fail("unknown constructor '" + p_name + "'");
		}
		return true;
	}

	// After "Array" or "Dictionary" and its '[': one type name, "Variant" for any type.
	bool parse_container_type(ContainerType &r_type) {
		skip_blank();
		const size_t start = pos;
		while (is_identifier_char(peek(), pos == start)) {
			pos++;
		}
		const String name = text.substr(start, pos - start);
		if (name.empty()) {
			return fail("expected a type name");
		}
		for (int type = Variant::NIL + 1; type < Variant::VARIANT_MAX; type++) {
			if (name == Variant::get_type_name(Variant::Type(type))) {
				r_type = ContainerType{ Variant::Type(type), StringName() };
				return true;
			}
		}
		if (name == "Variant") {
			r_type = ContainerType();
			return true;
		}
		if (ClassDB::class_exists(name)) {
			r_type = ContainerType{ Variant::OBJECT, StringName(name) };
			return true;
		}
		pos = start;
		return fail("unknown type '" + name + "' (a script-defined type cannot be read from text)");
	}

	// Array[T]([...]): at the '[' after "Array".
	bool parse_typed_array(Variant &r_value, int p_depth) {
		ContainerType type;
		pos++;
		if (!parse_container_type(type) || !expect(']') || !expect('(') || !expect('[')) {
			return false;
		}
		Variant elements;
		if (!parse_array(elements, p_depth) || !expect(')')) {
			return false;
		}
		Array array;
		array.set_typed(type);
		for (Variant element : *elements.get_if<Array>()) {
			if (!type.validate(element)) {
				return fail(vformat("an Array[%s] cannot hold a %s", type.to_string().c_str(), Variant::get_type_name(element.get_type())));
			}
			array.push_back(element);
		}
		r_value = array;
		return true;
	}

	// Dictionary[K, V]({...}): at the '[' after "Dictionary".
	bool parse_typed_dictionary(Variant &r_value, int p_depth) {
		ContainerType key_type, value_type;
		pos++;
		if (!parse_container_type(key_type) || !expect(',') || !parse_container_type(value_type) || !expect(']') || !expect('(') || !expect('{')) {
			return false;
		}
		Variant entries;
		if (!parse_dictionary(entries, p_depth) || !expect(')')) {
			return false;
		}
		Dictionary dictionary;
		dictionary.set_typed(key_type, value_type);
		for (auto entry : entries.get_if<Dictionary>()->entries()) {
			if (!key_type.validate(entry.first) || !value_type.validate(entry.second)) {
				return fail(vformat("a Dictionary[%s, %s] cannot hold a %s key with a %s value", key_type.to_string().c_str(), value_type.to_string().c_str(),
						Variant::get_type_name(entry.first.get_type()), Variant::get_type_name(entry.second.get_type())));
			}
			dictionary.set(entry.first, entry.second);
		}
		r_value = dictionary;
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
			VariantTextScanner(p_text) {}

	bool parse_value(Variant &r_value, int p_depth) {
		if (p_depth > VariantWriter::TEXT_MAX_DEPTH) {
			return fail(vformat("nested deeper than %d levels", VariantWriter::TEXT_MAX_DEPTH));
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
		if (c == '#') {
			return parse_html_color(r_value);
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
			if (peek() == '[' && (identifier == "Array" || identifier == "Dictionary")) {
				return identifier == "Array" ? parse_typed_array(r_value, p_depth) : parse_typed_dictionary(r_value, p_depth);
			}
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

	bool parse_one_at(size_t p_start, Variant &r_value) {
		pos = p_start;
		return parse_value(r_value, 0);
	}

	size_t get_position() const { return pos; }
};

} // namespace

Error VariantParser::parse_string(const String &p_text, Variant &r_value, String &r_error, int &r_line) {
	TextParser parser(p_text);
	Variant value;
	if (!parser.parse_all(value)) {
		r_error = parser.get_error();
		r_line = parser.get_error_line();
		return ERR_PARSE_ERROR;
	}
	r_value = std::move(value);
	return OK;
}

Error VariantParser::parse_value_at(const String &p_text, size_t &r_pos, Variant &r_value, String &r_error, int &r_line) {
	TextParser parser(p_text);
	Variant value;
	if (!parser.parse_one_at(r_pos, value)) {
		r_error = parser.get_error();
		r_line = parser.get_error_line();
		return ERR_PARSE_ERROR;
	}
	r_pos = parser.get_position();
	r_value = std::move(value);
	return OK;
}

} // namespace godot
