#pragma once
// The math value types (Vector2 … Projection, Color, RID) between Variant and their script
// objects, field by field: an object is made with the class's prototype and its fields defined in
// the order the class's constructor defines them (so it has the same shape), and read back the
// same way. The value converter calls these; nothing else should.

#include "builtin_value_types.h"

namespace godot {

// True for the Variant types handled here.
bool is_math_value_type(Variant::Type p_type);
// A new script object for p_value (whose type is_math_value_type), or JS_EXCEPTION.
JSValue math_value_to_js(JSContext *p_ctx, const BuiltinValueTypes &p_types, const Variant &p_value);
// Reads an instance of the class of p_type. False with a TypeError naming p_context when a field
// does not hold a number.
bool math_value_from_js(JSContext *p_ctx, const BuiltinValueTypes &p_types, Variant::Type p_type, JSValueConst p_value, const char *p_context, Variant &r_value);

} // namespace godot
