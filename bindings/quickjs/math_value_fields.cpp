#include "math_value_fields.h"

#include <cmath>

namespace godot {

using Field = BuiltinValueTypes::Field;

namespace {

// Builds one object: the prototype of a class, then its fields in order.
class ObjectBuilder {
	JSContext *ctx;
	const BuiltinValueTypes &types;

public:
	ObjectBuilder(JSContext *p_ctx, const BuiltinValueTypes &p_types) :
			ctx(p_ctx), types(p_types) {}

	JSValue make(int p_kind, std::initializer_list<std::pair<Field, JSValue>> p_fields) const {
		JSValue object = JS_NewObjectProto(ctx, types.get_prototype(p_kind));
		for (const auto &field : p_fields) {
			if (JS_IsException(object)) {
				JS_FreeValue(ctx, field.second);
			} else {
				JS_DefinePropertyValue(ctx, object, types.atom(field.first), field.second, JS_PROP_C_W_E);
			}
		}
		return object;
	}
	JSValue real(double p_value) const { return JS_NewFloat64(ctx, p_value); }
	JSValue integer(int32_t p_value) const { return JS_NewInt32(ctx, p_value); }

	JSValue vector2(const Vector2 &v) const { return make(Variant::VECTOR2, { { Field::FIELD_X, real(v.x) }, { Field::FIELD_Y, real(v.y) } }); }
	JSValue vector2i(const Vector2i &v) const { return make(Variant::VECTOR2I, { { Field::FIELD_X, integer(v.x) }, { Field::FIELD_Y, integer(v.y) } }); }
	JSValue vector3(const Vector3 &v) const { return make(Variant::VECTOR3, { { Field::FIELD_X, real(v.x) }, { Field::FIELD_Y, real(v.y) }, { Field::FIELD_Z, real(v.z) } }); }
	JSValue vector3i(const Vector3i &v) const { return make(Variant::VECTOR3I, { { Field::FIELD_X, integer(v.x) }, { Field::FIELD_Y, integer(v.y) }, { Field::FIELD_Z, integer(v.z) } }); }
	JSValue vector4(const Vector4 &v) const {
		return make(Variant::VECTOR4, { { Field::FIELD_X, real(v.x) }, { Field::FIELD_Y, real(v.y) }, { Field::FIELD_Z, real(v.z) }, { Field::FIELD_W, real(v.w) } });
	}
	JSValue basis(const Basis &b) const {
		// Script objects hold the columns (Godot's script members x, y, z); Basis stores rows.
		return make(Variant::BASIS, { { Field::FIELD_X, vector3({ b.rows[0].x, b.rows[1].x, b.rows[2].x }) }, { Field::FIELD_Y, vector3({ b.rows[0].y, b.rows[1].y, b.rows[2].y }) }, { Field::FIELD_Z, vector3({ b.rows[0].z, b.rows[1].z, b.rows[2].z }) } });
	}
};

// Reads fields back, remembering the first failure so each reader is a straight line.
class ObjectReader {
	JSContext *ctx;
	const BuiltinValueTypes &types;
	const char *context;
	const char *type_name; // The class being read ("Vector3"), for messages.
	bool failed = false;

	JSValue field(JSValueConst p_object, Field p_field) {
		return JS_GetProperty(ctx, p_object, types.atom(p_field));
	}
	void fail(Field p_field, const String &p_expected) {
		if (!failed) {
			const char *name = JS_AtomToCString(ctx, types.atom(p_field));
			JS_ThrowTypeError(ctx, "%s%sa %s's field '%s' must be %s (build it with new %s(...))", context ? context : "", context ? ": " : "", type_name, name ? name : "?", p_expected.c_str(), type_name);
			JS_FreeCString(ctx, name);
		}
		failed = true;
	}

public:
	ObjectReader(JSContext *p_ctx, const BuiltinValueTypes &p_types, const char *p_context, Variant::Type p_type) :
			ctx(p_ctx), types(p_types), context(p_context), type_name(Variant::get_type_name(p_type)) {}
	bool ok() const { return !failed; }

	double real(JSValueConst p_object, Field p_field) {
		JSValue value = field(p_object, p_field);
		double number = 0;
		if (!JS_IsNumber(value) || JS_ToFloat64(ctx, &number, value) < 0) {
			fail(p_field, "a number");
		}
		JS_FreeValue(ctx, value);
		return number;
	}
	int32_t integer(JSValueConst p_object, Field p_field) {
		const double number = real(p_object, p_field);
		// Godot's integer vectors hold int32; a script's out-of-range number wraps as a C++ cast would.
		return std::fabs(number) < 9.2e18 ? int32_t(uint32_t(int64_t(number))) : 0;
	}
	// A nested value (Rect2.position): an object of the expected class.
	template <typename F>
	auto nested(JSValueConst p_object, Field p_field, int p_kind, F p_read) -> decltype(p_read(JSValueConst())) {
		JSValue value = field(p_object, p_field);
		decltype(p_read(JSValueConst())) result{};
		if (types.kind_of(ctx, value) != p_kind) {
			fail(p_field, String("a ") + Variant::get_type_name(Variant::Type(p_kind)));
		} else {
			result = p_read(value);
		}
		JS_FreeValue(ctx, value);
		return result;
	}

	Vector2 vector2(JSValueConst o) { return { real_t(real(o, Field::FIELD_X)), real_t(real(o, Field::FIELD_Y)) }; }
	Vector2i vector2i(JSValueConst o) { return { integer(o, Field::FIELD_X), integer(o, Field::FIELD_Y) }; }
	Vector3 vector3(JSValueConst o) { return { real_t(real(o, Field::FIELD_X)), real_t(real(o, Field::FIELD_Y)), real_t(real(o, Field::FIELD_Z)) }; }
	Vector3i vector3i(JSValueConst o) { return { integer(o, Field::FIELD_X), integer(o, Field::FIELD_Y), integer(o, Field::FIELD_Z) }; }
	Vector4 vector4(JSValueConst o) {
		return { real_t(real(o, Field::FIELD_X)), real_t(real(o, Field::FIELD_Y)), real_t(real(o, Field::FIELD_Z)), real_t(real(o, Field::FIELD_W)) };
	}
	Vector2 nested_vector2(JSValueConst o, Field f) {
		return nested(o, f, Variant::VECTOR2, [this](JSValueConst v) { return vector2(v); });
	}
	Vector2i nested_vector2i(JSValueConst o, Field f) {
		return nested(o, f, Variant::VECTOR2I, [this](JSValueConst v) { return vector2i(v); });
	}
	Vector3 nested_vector3(JSValueConst o, Field f) {
		return nested(o, f, Variant::VECTOR3, [this](JSValueConst v) { return vector3(v); });
	}
	Vector4 nested_vector4(JSValueConst o, Field f) {
		return nested(o, f, Variant::VECTOR4, [this](JSValueConst v) { return vector4(v); });
	}
	Basis basis(JSValueConst o) {
		const Vector3 x = nested_vector3(o, Field::FIELD_X);
		const Vector3 y = nested_vector3(o, Field::FIELD_Y);
		const Vector3 z = nested_vector3(o, Field::FIELD_Z);
		Basis b;
		b.rows[0] = { x.x, y.x, z.x };
		b.rows[1] = { x.y, y.y, z.y };
		b.rows[2] = { x.z, y.z, z.z };
		return b;
	}
};

} // namespace

bool is_math_value_type(Variant::Type p_type) {
	switch (p_type) {
		case Variant::VECTOR2:
		case Variant::VECTOR2I:
		case Variant::RECT2:
		case Variant::RECT2I:
		case Variant::VECTOR3:
		case Variant::VECTOR3I:
		case Variant::TRANSFORM2D:
		case Variant::VECTOR4:
		case Variant::VECTOR4I:
		case Variant::PLANE:
		case Variant::QUATERNION:
		case Variant::AABB:
		case Variant::BASIS:
		case Variant::TRANSFORM3D:
		case Variant::PROJECTION:
		case Variant::COLOR:
		case Variant::RID:
			return true;
		default:
			return false;
	}
}

JSValue math_value_to_js(JSContext *p_ctx, const BuiltinValueTypes &p_types, const Variant &p_value) {
	const ObjectBuilder b(p_ctx, p_types);
	switch (p_value.get_type()) {
		case Variant::VECTOR2:
			return b.vector2(*p_value.get_if<Vector2>());
		case Variant::VECTOR2I:
			return b.vector2i(*p_value.get_if<Vector2i>());
		case Variant::RECT2: {
			const Rect2 r = p_value.to_rect2();
			return b.make(Variant::RECT2, { { Field::FIELD_POSITION, b.vector2(r.position) }, { Field::FIELD_SIZE, b.vector2(r.size) } });
		}
		case Variant::RECT2I: {
			const Rect2i r = p_value.to_rect2i();
			return b.make(Variant::RECT2I, { { Field::FIELD_POSITION, b.vector2i(r.position) }, { Field::FIELD_SIZE, b.vector2i(r.size) } });
		}
		case Variant::VECTOR3:
			return b.vector3(*p_value.get_if<Vector3>());
		case Variant::VECTOR3I:
			return b.vector3i(*p_value.get_if<Vector3i>());
		case Variant::TRANSFORM2D: {
			const Transform2D t = p_value.to_transform2d();
			return b.make(Variant::TRANSFORM2D, { { Field::FIELD_X, b.vector2(t.columns[0]) }, { Field::FIELD_Y, b.vector2(t.columns[1]) }, { Field::FIELD_ORIGIN, b.vector2(t.columns[2]) } });
		}
		case Variant::VECTOR4:
			return b.vector4(p_value.to_vector4());
		case Variant::VECTOR4I: {
			const Vector4i v = p_value.to_vector4i();
			return b.make(Variant::VECTOR4I, { { Field::FIELD_X, b.integer(v.x) }, { Field::FIELD_Y, b.integer(v.y) }, { Field::FIELD_Z, b.integer(v.z) }, { Field::FIELD_W, b.integer(v.w) } });
		}
		case Variant::PLANE: {
			const Plane p = p_value.to_plane();
			return b.make(Variant::PLANE, { { Field::FIELD_NORMAL, b.vector3(p.normal) }, { Field::FIELD_D, b.real(p.d) } });
		}
		case Variant::QUATERNION: {
			const Quaternion q = p_value.to_quaternion();
			return b.make(Variant::QUATERNION, { { Field::FIELD_X, b.real(q.x) }, { Field::FIELD_Y, b.real(q.y) }, { Field::FIELD_Z, b.real(q.z) }, { Field::FIELD_W, b.real(q.w) } });
		}
		case Variant::AABB: {
			const godot::AABB box = p_value.to_aabb();
			return b.make(Variant::AABB, { { Field::FIELD_POSITION, b.vector3(box.position) }, { Field::FIELD_SIZE, b.vector3(box.size) } });
		}
		case Variant::BASIS:
			return b.basis(p_value.to_basis());
		case Variant::TRANSFORM3D: {
			const Transform3D t = p_value.to_transform3d();
			return b.make(Variant::TRANSFORM3D, { { Field::FIELD_BASIS, b.basis(t.basis) }, { Field::FIELD_ORIGIN, b.vector3(t.origin) } });
		}
		case Variant::PROJECTION: {
			const Projection p = p_value.to_projection();
			return b.make(Variant::PROJECTION, { { Field::FIELD_X, b.vector4(p.columns[0]) }, { Field::FIELD_Y, b.vector4(p.columns[1]) }, { Field::FIELD_Z, b.vector4(p.columns[2]) }, { Field::FIELD_W, b.vector4(p.columns[3]) } });
		}
		case Variant::COLOR: {
			const Color c = p_value.to_color();
			return b.make(Variant::COLOR, { { Field::FIELD_R, b.real(c.r) }, { Field::FIELD_G, b.real(c.g) }, { Field::FIELD_B, b.real(c.b) }, { Field::FIELD_A, b.real(c.a) } });
		}
		case Variant::RID: {
			const uint64_t id = p_value.to_rid().id;
			// Exact as a number up to 2^53, as ints are.
			JSValue value = id <= (uint64_t(1) << 53) ? JS_NewInt64(p_ctx, int64_t(id)) : JS_NewBigUint64(p_ctx, id);
			return b.make(Variant::RID, { { Field::FIELD_ID, value } });
		}
		default:
			return JS_ThrowInternalError(p_ctx, "math_value_to_js: %s is not a math value type", Variant::get_type_name(p_value.get_type()));
	}
}

bool math_value_from_js(JSContext *p_ctx, const BuiltinValueTypes &p_types, Variant::Type p_type, JSValueConst o, const char *p_context, Variant &r_value) {
	ObjectReader r(p_ctx, p_types, p_context, p_type);
	Variant value;
	switch (p_type) {
		case Variant::VECTOR2:
			value = r.vector2(o);
			break;
		case Variant::VECTOR2I:
			value = r.vector2i(o);
			break;
		case Variant::RECT2:
			value = Rect2{ r.nested_vector2(o, Field::FIELD_POSITION), r.nested_vector2(o, Field::FIELD_SIZE) };
			break;
		case Variant::RECT2I:
			value = Rect2i{ r.nested_vector2i(o, Field::FIELD_POSITION), r.nested_vector2i(o, Field::FIELD_SIZE) };
			break;
		case Variant::VECTOR3:
			value = r.vector3(o);
			break;
		case Variant::VECTOR3I:
			value = r.vector3i(o);
			break;
		case Variant::TRANSFORM2D: {
			Transform2D t;
			t.columns[0] = r.nested_vector2(o, Field::FIELD_X);
			t.columns[1] = r.nested_vector2(o, Field::FIELD_Y);
			t.columns[2] = r.nested_vector2(o, Field::FIELD_ORIGIN);
			value = t;
		} break;
		case Variant::VECTOR4:
			value = r.vector4(o);
			break;
		case Variant::VECTOR4I:
			value = Vector4i{ r.integer(o, Field::FIELD_X), r.integer(o, Field::FIELD_Y), r.integer(o, Field::FIELD_Z), r.integer(o, Field::FIELD_W) };
			break;
		case Variant::PLANE:
			value = Plane{ r.nested_vector3(o, Field::FIELD_NORMAL), real_t(r.real(o, Field::FIELD_D)) };
			break;
		case Variant::QUATERNION:
			value = Quaternion{ real_t(r.real(o, Field::FIELD_X)), real_t(r.real(o, Field::FIELD_Y)), real_t(r.real(o, Field::FIELD_Z)), real_t(r.real(o, Field::FIELD_W)) };
			break;
		case Variant::AABB:
			value = godot::AABB{ r.nested_vector3(o, Field::FIELD_POSITION), r.nested_vector3(o, Field::FIELD_SIZE) };
			break;
		case Variant::BASIS:
			value = r.basis(o);
			break;
		case Variant::TRANSFORM3D: {
			Transform3D t;
			t.basis = r.nested(o, Field::FIELD_BASIS, Variant::BASIS, [&r](JSValueConst v) { return r.basis(v); });
			t.origin = r.nested_vector3(o, Field::FIELD_ORIGIN);
			value = t;
		} break;
		case Variant::PROJECTION: {
			Projection p;
			p.columns[0] = r.nested_vector4(o, Field::FIELD_X);
			p.columns[1] = r.nested_vector4(o, Field::FIELD_Y);
			p.columns[2] = r.nested_vector4(o, Field::FIELD_Z);
			p.columns[3] = r.nested_vector4(o, Field::FIELD_W);
			value = p;
		} break;
		case Variant::COLOR:
			value = Color{ float(r.real(o, Field::FIELD_R)), float(r.real(o, Field::FIELD_G)), float(r.real(o, Field::FIELD_B)), float(r.real(o, Field::FIELD_A)) };
			break;
		case Variant::RID: {
			JSValue id_value = JS_GetProperty(p_ctx, o, p_types.atom(Field::FIELD_ID));
			uint64_t id = 0;
			int64_t small = 0;
			const bool big = JS_IsBigInt(id_value);
			const bool ok = big ? JS_ToBigUint64(p_ctx, &id, id_value) == 0 : (JS_IsNumber(id_value) && JS_ToInt64(p_ctx, &small, id_value) == 0);
			JS_FreeValue(p_ctx, id_value);
			if (!ok) {
				JS_ThrowTypeError(p_ctx, "%s%sa RID's id must be a number or bigint", p_context ? p_context : "", p_context ? ": " : "");
				return false;
			}
			value = godot::RID{ big ? id : uint64_t(small) };
		} break;
		default:
			JS_ThrowInternalError(p_ctx, "math_value_from_js: %s is not a math value type", Variant::get_type_name(p_type));
			return false;
	}
	if (!r.ok()) {
		return false;
	}
	r_value = value;
	return true;
}

} // namespace godot
