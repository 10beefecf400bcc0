#pragma once
// Shared by the two halves of ValueConverter: value_converter.cpp (scalars, dispatch, declared
// parameter types) and value_converter_containers.cpp (arrays, dictionaries, typed containers,
// packed arrays of values, callables, signals, the value classes). Not for other files.

#include "builtin_value_types.h"
#include "quickjs_runtime.h"
#include "value_converter.h"

#include <cmath>

namespace godot {
namespace value_conversion {

constexpr int MAX_DEPTH = 128;
constexpr double MAX_SAFE_INTEGER = 9007199254740991.0;

inline const BuiltinValueTypes &value_types(JSContext *p_ctx) {
	return QuickJSRuntime::from_context(p_ctx)->get_value_types();
}

// "var_to_bytes: " or "" — the start of an error message.
inline String prefix(const char *p_context) {
	return p_context ? String(p_context) + ": " : String();
}

inline JSValue make_string(JSContext *p_ctx, const String &p_text) {
	return JS_NewStringLen(p_ctx, p_text.data(), p_text.size());
}

inline bool js_string(JSContext *p_ctx, JSValueConst p_value, String &r_text) {
	size_t length = 0;
	const char *text = JS_ToCStringLen(p_ctx, &length, p_value);
	if (!text) {
		return false;
	}
	r_text.assign(text, length);
	JS_FreeCString(p_ctx, text);
	return true;
}

// A float JS would read back as an int (3.0) travels as a Float; any other float is a number.
inline bool is_whole(double p_value) {
	return std::fabs(p_value) <= MAX_SAFE_INTEGER && std::trunc(p_value) == p_value && !(p_value == 0 && std::signbit(p_value));
}

// A Float (the script class of a float JS would take for an int, such as 3.0).
inline JSValue make_float_box(JSContext *p_ctx, double p_value) {
	const BuiltinValueTypes &types = value_types(p_ctx);
	JSValue box = JS_NewObjectProto(p_ctx, types.get_prototype(BuiltinValueTypes::FLOAT_BOX));
	JS_DefinePropertyValue(p_ctx, box, types.atom(BuiltinValueTypes::FIELD_VALUE), JS_NewFloat64(p_ctx, p_value), JS_PROP_ENUMERABLE);
	return box;
}

// new Class(arguments...) for one of the value classes; takes the arguments' references.
JSValue call_constructor(JSContext *p_ctx, int p_kind, std::initializer_list<JSValue> p_arguments);

JSValue array_to_js(JSContext *p_ctx, const Array &p_array);
JSValue dictionary_to_js(JSContext *p_ctx, const Dictionary &p_dictionary);
JSValue callable_to_js(JSContext *p_ctx, const Callable &p_callable);
JSValue signal_to_js(JSContext *p_ctx, const Signal &p_signal);
JSValue packed_values_to_js(JSContext *p_ctx, const Variant &p_value); // PackedStringArray … PackedVector4Array.

bool array_from_js(JSContext *p_ctx, JSValueConst p_value, const char *p_context, int p_depth, Variant &r_value);
bool map_from_js(JSContext *p_ctx, JSValueConst p_value, bool p_typed, const char *p_context, int p_depth, Variant &r_value);
bool object_from_js(JSContext *p_ctx, JSValueConst p_value, const char *p_context, int p_depth, Variant &r_value);
// An instance of value class p_kind (BuiltinValueTypes::kind_of).
bool builtin_from_js(JSContext *p_ctx, JSValueConst p_value, int p_kind, const char *p_context, int p_depth, Variant &r_value);

} // namespace value_conversion
} // namespace godot
