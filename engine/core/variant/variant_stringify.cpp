// Variant::stringify: the text print() and str() show, in Godot 4.6's formats (its
// String::num/num_real and the math types' operator String). Its own file because the
// number formatting rules are long enough to hide the rest of variant.cpp.

#include "core/variant/variant_stringify.h"

#include "core/object/object.h"

#include <cmath>
#include <cstdio>

namespace godot {

namespace {

// Godot 4.6's String::num: fixed-point with p_decimals digits (14 less the magnitude's order when
// negative), then trailing zeros removed down to one ("2.5", "3.0").
String num(double p_value, int p_decimals) {
	if (std::isnan(p_value)) {
		return "nan";
	}
	if (std::isinf(p_value)) {
		return p_value < 0 ? "-inf" : "inf";
	}
	if (p_decimals < 0) {
		p_decimals = 14;
		if (std::fabs(p_value) > 10) {
			p_decimals -= int(std::floor(std::log10(std::fabs(p_value))));
		}
	}
	char buffer[512];
	if (p_decimals < 0) {
		snprintf(buffer, sizeof(buffer), "%lf", p_value);
	} else {
		snprintf(buffer, sizeof(buffer), "%.*f", p_decimals > 32 ? 32 : p_decimals, p_value); // Godot caps at 32.
	}
	String text = buffer;
	if (text.find('.') != String::npos) {
		const size_t last = text.find_last_not_of('0');
		text.erase(text[last] == '.' ? last + 2 : last + 1);
	}
	return text;
}

// Whether p_value has an exact int64 form (the cast is undefined outside that range).
bool is_whole(double p_value) {
	return p_value >= -9223372036854775808.0 && p_value < 9223372036854775808.0 && p_value == double(int64_t(p_value));
}

// Godot's String::num_real: integers with ".0" when p_trailing, other values with as many
// decimals as the type carries (14 for double, 6 for float), fewer as the magnitude grows.
String num_real(double p_value, bool p_trailing, int p_digits) {
	if (is_whole(p_value)) {
		return std::to_string(int64_t(p_value)) + (p_trailing ? ".0" : "");
	}
	int decimals = p_digits;
	if (std::isfinite(p_value) && std::fabs(p_value) > 10) {
		decimals -= int(std::floor(std::log10(std::fabs(p_value))));
	}
	return num(p_value, decimals); // Which writes nan and the infinities.
}

constexpr int DOUBLE_DIGITS = 14;
constexpr int REAL_DIGITS = 6; // real_t is float.

String real(real_t p_value, bool p_trailing = true) {
	return num_real(p_value, p_trailing, REAL_DIGITS);
}

String text(const Vector2 &p_value) {
	return "(" + real(p_value.x) + ", " + real(p_value.y) + ")";
}

String text(const Vector2i &p_value) {
	return "(" + std::to_string(p_value.x) + ", " + std::to_string(p_value.y) + ")";
}

String text(const Vector3 &p_value) {
	return "(" + real(p_value.x) + ", " + real(p_value.y) + ", " + real(p_value.z) + ")";
}

String text(const Vector3i &p_value) {
	return "(" + std::to_string(p_value.x) + ", " + std::to_string(p_value.y) + ", " + std::to_string(p_value.z) + ")";
}

String text(const Vector4 &p_value) {
	return "(" + real(p_value.x) + ", " + real(p_value.y) + ", " + real(p_value.z) + ", " + real(p_value.w) + ")";
}

String text(const Vector4i &p_value) {
	return "(" + std::to_string(p_value.x) + ", " + std::to_string(p_value.y) + ", " + std::to_string(p_value.z) + ", " + std::to_string(p_value.w) + ")";
}

String text(const Color &p_value) {
	return "(" + num(p_value.r, 4) + ", " + num(p_value.g, 4) + ", " + num(p_value.b, 4) + ", " + num(p_value.a, 4) + ")";
}

// Basis and Transform3D print their columns (the axes), though Basis stores rows.
String basis_axes(const Basis &p_basis) {
	const Vector3 *r = p_basis.rows;
	return "X: " + text(Vector3{ r[0].x, r[1].x, r[2].x }) + ", Y: " + text(Vector3{ r[0].y, r[1].y, r[2].y }) + ", Z: " + text(Vector3{ r[0].z, r[1].z, r[2].z });
}

template <typename T, typename F>
String packed_text(const PackedArray<T> &p_array, F p_format) {
	String result = "[";
	for (int64_t i = 0; i < p_array.size(); i++) {
		result += (i ? ", " : "") + p_format(p_array[size_t(i)]);
	}
	return result + "]";
}

} // namespace

String string_num(double p_value, int p_decimals) {
	return num(p_value, p_decimals);
}

String Variant::stringify(int p_depth) const {
	if (p_depth > 64) {
		return "...";
	}
	switch (get_type()) {
		case NIL:
			return "<null>";
		case BOOL:
			return to_bool() ? "true" : "false";
		case INT:
			return std::to_string(to_int());
		case FLOAT:
			return num_real(to_float(), true, DOUBLE_DIGITS);
		case STRING:
			// Inside containers strings are quoted, as Godot 4 prints them.
			return p_depth > 0 ? "\"" + to_string_value() + "\"" : to_string_value();
		case STRING_NAME:
		case NODE_PATH:
			return to_string_value();
		case VECTOR2:
			return text(*get_if<Vector2>());
		case VECTOR2I:
			return text(*get_if<Vector2i>());
		case RECT2: {
			const Rect2 &r = *get_if<Rect2>();
			return "[P: " + text(r.position) + ", S: " + text(r.size) + "]";
		}
		case RECT2I: {
			const Rect2i &r = *get_if<Rect2i>();
			return "[P: " + text(r.position) + ", S: " + text(r.size) + "]";
		}
		case VECTOR3:
			return text(*get_if<Vector3>());
		case VECTOR3I:
			return text(*get_if<Vector3i>());
		case TRANSFORM2D: {
			const Transform2D &t = *get_if<Transform2D>();
			return "[X: " + text(t.columns[0]) + ", Y: " + text(t.columns[1]) + ", O: " + text(t.columns[2]) + "]";
		}
		case VECTOR4:
			return text(*get_if<Vector4>());
		case VECTOR4I:
			return text(*get_if<Vector4i>());
		case PLANE: {
			const Plane &p = *get_if<Plane>();
			return "[N: " + text(p.normal) + ", D: " + real(p.d, false) + "]";
		}
		case QUATERNION: {
			const Quaternion &q = *get_if<Quaternion>();
			return "(" + real(q.x, false) + ", " + real(q.y, false) + ", " + real(q.z, false) + ", " + real(q.w, false) + ")";
		}
		case AABB: {
			const ::godot::AABB &b = *get_if<::godot::AABB>();
			return "[P: " + text(b.position) + ", S: " + text(b.size) + "]";
		}
		case BASIS:
			return "[" + basis_axes(*get_if<Basis>()) + "]";
		case TRANSFORM3D: {
			const Transform3D &t = *get_if<Transform3D>();
			return "[" + basis_axes(t.basis) + ", O: " + text(t.origin) + "]";
		}
		case PROJECTION: {
			const Projection &p = *get_if<Projection>();
			return "[X: " + text(p.columns[0]) + ", Y: " + text(p.columns[1]) + ", Z: " + text(p.columns[2]) + ", W: " + text(p.columns[3]) + "]";
		}
		case COLOR:
			return text(*get_if<Color>());
		case RID:
			return "RID(" + std::to_string(get_if<::godot::RID>()->id) + ")";
		case OBJECT: {
			Object *object = to_object();
			if (!object) {
				return get_object_id() ? "<Freed Object>" : "<null>";
			}
			return object->to_string();
		}
		case CALLABLE:
			return get_if<Callable>()->to_string();
		case SIGNAL:
			return get_if<Signal>()->to_string();
		case DICTIONARY: {
			String result = "{ ";
			bool first = true;
			for (const auto &entry : get_if<Dictionary>()->entries()) {
				result += (first ? "" : ", ") + entry.first.stringify(p_depth + 1) + ": " + entry.second.stringify(p_depth + 1);
				first = false;
			}
			return first ? "{  }" : result + " }";
		}
		case ARRAY: {
			String result = "[";
			bool first = true;
			for (const Variant &element : *get_if<Array>()) {
				result += (first ? "" : ", ") + element.stringify(p_depth + 1);
				first = false;
			}
			return result + "]";
		}
		case PACKED_BYTE_ARRAY:
			return packed_text(*get_if<PackedByteArray>(), [](uint8_t v) { return std::to_string(v); });
		case PACKED_INT32_ARRAY:
			return packed_text(*get_if<PackedInt32Array>(), [](int32_t v) { return std::to_string(v); });
		case PACKED_INT64_ARRAY:
			return packed_text(*get_if<PackedInt64Array>(), [](int64_t v) { return std::to_string(v); });
		case PACKED_FLOAT32_ARRAY:
			return packed_text(*get_if<PackedFloat32Array>(), [](float v) { return num_real(v, true, DOUBLE_DIGITS); });
		case PACKED_FLOAT64_ARRAY:
			return packed_text(*get_if<PackedFloat64Array>(), [](double v) { return num_real(v, true, DOUBLE_DIGITS); });
		case PACKED_STRING_ARRAY:
			return packed_text(*get_if<PackedStringArray>(), [](const String &v) { return "\"" + v + "\""; });
		case PACKED_VECTOR2_ARRAY:
			return packed_text(*get_if<PackedVector2Array>(), [](const Vector2 &v) { return text(v); });
		case PACKED_VECTOR3_ARRAY:
			return packed_text(*get_if<PackedVector3Array>(), [](const Vector3 &v) { return text(v); });
		case PACKED_COLOR_ARRAY:
			return packed_text(*get_if<PackedColorArray>(), [](const Color &v) { return text(v); });
		case PACKED_VECTOR4_ARRAY:
			return packed_text(*get_if<PackedVector4Array>(), [](const Vector4 &v) { return text(v); });
		default:
			return String("<") + get_type_name(get_type()) + ">";
	}
}

} // namespace godot
