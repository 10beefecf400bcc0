#pragma once
// The one place where values cross between JavaScript and Variant.
//   null ↔ NIL, boolean ↔ BOOL, number ↔ INT (BigInt beyond 2^53; beyond int64 a RangeError),
//   number ↔ FLOAT (a whole-valued float such as 3.0 arrives as a Float, which goes back as a float;
//   where a float is declared — a method's float return, an Array[float] — it is a plain number),
//   string ↔ STRING, Uint8Array (any ArrayBuffer view) ↔ PackedByteArray, Int32Array /
//   BigInt64Array / Float32Array / Float64Array ↔ the numeric packed arrays, Array ↔ Array,
//   a plain object (string keys that JS keeps in order) or a Map ↔ Dictionary, a wrapper ↔ Object,
//   a function ↔ Callable. Every other Variant type is an instance of its script class
//   (bindings/quickjs/builtins: Vector2 … Projection, Color, StringName, NodePath, RID, Callable,
//   Signal, PackedStringArray … PackedVector4Array, TypedArray, TypedDictionary), built and read
//   here through its fields, so a decoded value re-encodes to the same bytes.

#include "core/object/property_info.h"

#include <quickjs.h>

namespace godot {

class ValueConverter {
public:
	// A Variant held anywhere (get_var, an Array element, a signal argument).
	static JSValue to_js(JSContext *p_ctx, const Variant &p_value);
	// A value of a declared type (a method's return): a declared float is a plain number.
	static JSValue to_js_typed(JSContext *p_ctx, const Variant &p_value, const PropertyInfo &p_type);
	// Any JS value to the closest Variant. False (with a JS exception pending) on failure;
	// p_context ("var_to_bytes") names the call in the error.
	static bool to_variant(JSContext *p_ctx, JSValueConst p_value, Variant &r_value, const char *p_context = nullptr, int p_depth = 0);
	// Converts for a typed parameter; on mismatch throws a TypeError naming p_context
	// ("PacketPeerUDP.bind") and the argument, and returns false.
	static bool to_typed_variant(JSContext *p_ctx, JSValueConst p_value, const PropertyInfo &p_type, const char *p_context, int p_argument_index, Variant &r_value);
	// A value as print() and console.log() show it: Godot's str() of the Variant; a JS Error as
	// "TypeError: message" and its stack, mapped to the .ts sources.
	static String print_text(JSContext *p_ctx, JSValueConst p_value);
	static String error_text(JSContext *p_ctx, JSValueConst p_error);
	// "number", "string", "Uint8Array", "Vector3", "PacketPeerUDP"... for messages.
	static String describe_js_type(JSContext *p_ctx, JSValueConst p_value);
	// The bytes of a Uint8Array (any typed array, DataView or ArrayBuffer), without copying them;
	// false for anything else. Valid until the script runs again.
	static bool byte_view(JSContext *p_ctx, JSValueConst p_value, const uint8_t *&r_data, size_t &r_size);
};

} // namespace godot
