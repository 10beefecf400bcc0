#include "core/variant/variant_parser.h"

#include "core/object/class_db.h"
#include "core/object/object.h"

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <type_traits>

namespace godot {

namespace {

// Godot's String::num_scientific: the shortest digits that read back to the same value, laid out
// like printf's %g but with up to 15 integer digits before switching to an exponent.
template <typename T>
String shortest_text(T p_value) {
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
String number_text(double p_value) {
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
String float_variant_text(double p_value) {
	String text = number_text(p_value);
	if (std::isfinite(p_value) && text.find_first_of(".eE") == String::npos) {
		text += ".0";
	}
	return text;
}

// Godot's String::c_escape_multiline: only what would end the string literal.
String escape_multiline(const String &p_text) {
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

// Godot's String::c_escape (StringName, NodePath and PackedStringArray texts), which also
// escapes ' and ? as C does.
String escape_c(const String &p_text) {
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
			case '\'':
				escaped += "\\'";
				break;
			case '?':
				escaped += "\\?";
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

// Godot's rtos_fix for a real_t (or Color) component, which is a float already.
String real_text(float p_value) {
	return number_text(double(p_value));
}

template <typename T, typename F>
String packed_text(const char *p_name, const PackedArray<T> &p_array, F p_format) {
	String text = String(p_name) + "(";
	for (int64_t i = 0; i < p_array.size(); i++) {
		text += (i ? ", " : "") + p_format(p_array[size_t(i)]);
	}
	return text + ")";
}

// The components of a math value in Godot's text order, which is its memory layout (Basis by
// rows, Transform2D and Projection by columns), as for the binary encoding.
template <typename Component, typename T>
String components_text(const char *p_name, const T &p_value) {
	static_assert(std::is_trivially_copyable_v<T> && sizeof(T) % sizeof(Component) == 0, "a run of components");
	Component components[sizeof(T) / sizeof(Component)];
	memcpy(components, &p_value, sizeof(T));
	String text = String(p_name) + "(";
	bool first = true;
	for (const Component component : components) {
		text += first ? "" : ", ";
		if constexpr (std::is_same_v<Component, float>) {
			text += real_text(component);
		} else {
			text += std::to_string(component);
		}
		first = false;
	}
	return text + ")";
}

// Godot's Variant::operator< as StringLikeVariantOrder uses it to sort dictionary keys: strings
// and StringNames by text, other values by type first, then by value where Godot defines an
// order (numbers, vectors component by component, arrays element by element, RIDs).
bool variant_less(const Variant &p_a, const Variant &p_b) {
	const Variant::Type a_type = p_a.get_type();
	const Variant::Type b_type = p_b.get_type();
	const bool a_string = a_type == Variant::STRING || a_type == Variant::STRING_NAME;
	const bool b_string = b_type == Variant::STRING || b_type == Variant::STRING_NAME;
	if (a_string && b_string) {
		return p_a.to_string_value() < p_b.to_string_value();
	}
	if (a_type != b_type) {
		return a_type < b_type;
	}
	auto lexicographic = [](auto p_a_begin, auto p_a_end, auto p_b_begin, auto p_b_end) {
		return std::lexicographical_compare(p_a_begin, p_a_end, p_b_begin, p_b_end);
	};
	switch (a_type) {
		case Variant::BOOL:
			return p_a.to_bool() < p_b.to_bool();
		case Variant::INT:
			return p_a.to_int() < p_b.to_int();
		case Variant::FLOAT:
			return p_a.to_float() < p_b.to_float();
		case Variant::VECTOR2: {
			const Vector2 a = p_a.to_vector2(), b = p_b.to_vector2();
			return a.x == b.x ? a.y < b.y : a.x < b.x;
		}
		case Variant::VECTOR2I: {
			const Vector2i a = p_a.to_vector2i(), b = p_b.to_vector2i();
			return a.x == b.x ? a.y < b.y : a.x < b.x;
		}
		case Variant::VECTOR3: {
			const Vector3 a = p_a.to_vector3(), b = p_b.to_vector3();
			const float av[] = { a.x, a.y, a.z }, bv[] = { b.x, b.y, b.z };
			return lexicographic(av, av + 3, bv, bv + 3);
		}
		case Variant::VECTOR3I: {
			const Vector3i a = p_a.to_vector3i(), b = p_b.to_vector3i();
			const int32_t av[] = { a.x, a.y, a.z }, bv[] = { b.x, b.y, b.z };
			return lexicographic(av, av + 3, bv, bv + 3);
		}
		case Variant::VECTOR4: {
			const Vector4 a = p_a.to_vector4(), b = p_b.to_vector4();
			const float av[] = { a.x, a.y, a.z, a.w }, bv[] = { b.x, b.y, b.z, b.w };
			return lexicographic(av, av + 4, bv, bv + 4);
		}
		case Variant::VECTOR4I: {
			const Vector4i a = p_a.to_vector4i(), b = p_b.to_vector4i();
			const int32_t av[] = { a.x, a.y, a.z, a.w }, bv[] = { b.x, b.y, b.z, b.w };
			return lexicographic(av, av + 4, bv, bv + 4);
		}
		case Variant::RID:
			return p_a.to_rid().id < p_b.to_rid().id;
		case Variant::ARRAY: {
			const Array &a = *p_a.get_if<Array>();
			const Array &b = *p_b.get_if<Array>();
			return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), variant_less);
		}
		default:
			return false; // Godot has no order for these; the sort below keeps them as inserted.
	}
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
			case Variant::VECTOR2:
				return components_text<float>("Vector2", *p_value.get_if<Vector2>());
			case Variant::VECTOR2I:
				return components_text<int32_t>("Vector2i", *p_value.get_if<Vector2i>());
			case Variant::RECT2:
				return components_text<float>("Rect2", *p_value.get_if<Rect2>());
			case Variant::RECT2I:
				return components_text<int32_t>("Rect2i", *p_value.get_if<Rect2i>());
			case Variant::VECTOR3:
				return components_text<float>("Vector3", *p_value.get_if<Vector3>());
			case Variant::VECTOR3I:
				return components_text<int32_t>("Vector3i", *p_value.get_if<Vector3i>());
			case Variant::TRANSFORM2D:
				return components_text<float>("Transform2D", *p_value.get_if<Transform2D>());
			case Variant::VECTOR4:
				return components_text<float>("Vector4", *p_value.get_if<Vector4>());
			case Variant::VECTOR4I:
				return components_text<int32_t>("Vector4i", *p_value.get_if<Vector4i>());
			case Variant::PLANE:
				return components_text<float>("Plane", *p_value.get_if<Plane>());
			case Variant::QUATERNION:
				return components_text<float>("Quaternion", *p_value.get_if<Quaternion>());
			case Variant::AABB:
				return components_text<float>("AABB", *p_value.get_if<AABB>());
			case Variant::BASIS:
				return components_text<float>("Basis", *p_value.get_if<Basis>());
			case Variant::TRANSFORM3D:
				return components_text<float>("Transform3D", *p_value.get_if<Transform3D>());
			case Variant::PROJECTION:
				return components_text<float>("Projection", *p_value.get_if<Projection>());
			case Variant::COLOR:
				return components_text<float>("Color", *p_value.get_if<Color>());
			case Variant::STRING_NAME:
				return "&\"" + escape_c(p_value.to_string_value()) + "\"";
			case Variant::NODE_PATH:
				return "NodePath(\"" + escape_c(p_value.to_string_value()) + "\")";
			case Variant::RID: {
				const uint64_t id = p_value.get_if<RID>()->id;
				return id ? "RID(" + std::to_string(id) + ")" : String("RID()");
			}
			case Variant::OBJECT:
				return write_object(p_value.to_object(), p_depth);
			case Variant::CALLABLE:
				return "Callable()"; // Godot keeps the assignment but not the value.
			case Variant::SIGNAL:
				return "Signal()";
			case Variant::DICTIONARY:
				return write_dictionary(*p_value.get_if<Dictionary>(), p_depth);
			case Variant::ARRAY:
				return write_array(*p_value.get_if<Array>(), p_depth);
			case Variant::PACKED_BYTE_ARRAY:
				return packed_text("PackedByteArray", *p_value.get_if<PackedByteArray>(), [](uint8_t v) { return std::to_string(v); });
			case Variant::PACKED_INT32_ARRAY:
				return packed_text("PackedInt32Array", *p_value.get_if<PackedInt32Array>(), [](int32_t v) { return std::to_string(v); });
			case Variant::PACKED_INT64_ARRAY:
				return packed_text("PackedInt64Array", *p_value.get_if<PackedInt64Array>(), [](int64_t v) { return std::to_string(v); });
			case Variant::PACKED_FLOAT32_ARRAY:
				return packed_text("PackedFloat32Array", *p_value.get_if<PackedFloat32Array>(), [](float v) { return real_text(v); });
			case Variant::PACKED_FLOAT64_ARRAY:
				return packed_text("PackedFloat64Array", *p_value.get_if<PackedFloat64Array>(), [](double v) { return number_text(v); });
			case Variant::PACKED_STRING_ARRAY:
				return packed_text("PackedStringArray", *p_value.get_if<PackedStringArray>(), [](const String &v) { return "\"" + escape_c(v) + "\""; });
			case Variant::PACKED_VECTOR2_ARRAY:
				return packed_elements("PackedVector2Array", *p_value.get_if<PackedVector2Array>());
			case Variant::PACKED_VECTOR3_ARRAY:
				return packed_elements("PackedVector3Array", *p_value.get_if<PackedVector3Array>());
			case Variant::PACKED_COLOR_ARRAY:
				return packed_elements("PackedColorArray", *p_value.get_if<PackedColorArray>());
			case Variant::PACKED_VECTOR4_ARRAY:
				return packed_elements("PackedVector4Array", *p_value.get_if<PackedVector4Array>());
			default:
				return "null";
		}
	}

	// Packed arrays of math values list every component in a row: PackedVector2Array(1, 2, 3, 4).
	template <typename T>
	static String packed_elements(const char *p_name, const PackedArray<T> &p_array) {
		String text = String(p_name) + "(";
		for (int64_t i = 0; i < p_array.size(); i++) {
			const String element = components_text<float>("", p_array[size_t(i)]);
			text += (i ? ", " : "") + element.substr(1, element.size() - 2);
		}
		return text + ")";
	}

	String write_array(const Array &p_array, int p_depth) {
		String text;
		if (p_array.is_typed()) {
			text = "Array[" + p_array.get_element_type().to_string() + "](";
		}
		if (p_depth >= VariantWriter::TEXT_MAX_DEPTH) {
			too_deep = true;
			text += "[]";
		} else {
			text += "[";
			bool first = true;
			for (const Variant &element : p_array) {
				text += (first ? "" : ", ") + write(element, p_depth + 1);
				first = false;
			}
			text += "]";
		}
		return p_array.is_typed() ? text + ")" : text;
	}

	// Keys sorted as Godot sorts them, one entry a line.
	String write_dictionary(const Dictionary &p_dictionary, int p_depth) {
		String text;
		if (p_dictionary.is_typed()) {
			text = "Dictionary[" + p_dictionary.get_key_type().to_string() + ", " + p_dictionary.get_value_type().to_string() + "](";
		}
		if (p_depth >= VariantWriter::TEXT_MAX_DEPTH) {
			too_deep = !p_dictionary.is_empty() || too_deep;
			text += "{}";
		} else if (p_dictionary.is_empty()) {
			text += "{}";
		} else {
			std::vector<const std::pair<Variant, Variant> *> entries;
			for (const auto &entry : p_dictionary.entries()) {
				entries.push_back(&entry);
			}
			std::stable_sort(entries.begin(), entries.end(), [](const auto *p_a, const auto *p_b) { return variant_less(p_a->first, p_b->first); });
			text += "{\n";
			for (size_t i = 0; i < entries.size(); i++) {
				text += write(entries[i]->first, p_depth + 1) + ": " + write(entries[i]->second, p_depth + 1) + (i + 1 < entries.size() ? ",\n" : "\n");
			}
			text += "}";
		}
		return p_dictionary.is_typed() ? text + ")" : text;
	}

	// Godot's generic form, Object(Class,"property":value,...) and a line break, with every
	// property that has a getter, most derived class first.
	String write_object(Object *p_object, int p_depth) {
		if (!p_object) {
			return "null";
		}
		if (p_depth >= VariantWriter::TEXT_MAX_DEPTH) {
			too_deep = true;
			return "null";
		}
		String text = "Object(" + p_object->get_class() + ",";
		bool first = true;
		for (const ClassDB::ClassInfo *info = ClassDB::get_class_info(p_object->get_class_name()); info; info = info->parent) {
			for (const ClassDB::PropertyBinding &property : info->properties) {
				if (!property.getter.is_empty()) {
					text += (first ? "\"" : ",\"") + escape_c(property.info.name) + "\":" + write(p_object->get(StringName(property.info.name)), p_depth + 1);
					first = false;
				}
			}
		}
		return text + ")\n";
	}
};

} // namespace

Error VariantWriter::write_to_string(const Variant &p_variant, String &r_string) {
	TextWriter writer;
	r_string = writer.write(p_variant, 0);
	return writer.too_deep ? ERR_OUT_OF_MEMORY : OK;
}

} // namespace godot
