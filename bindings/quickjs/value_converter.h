#pragma once
// The one place where values cross between JavaScript and Variant.
//   int → number (BigInt beyond 2^53), float → number, String/StringName/NodePath → string,
//   PackedByteArray → Uint8Array (any ArrayBuffer view accepted), Packed*Array → typed arrays,
//   Array → JS array, Dictionary → plain object when every key is a string, else Map,
//   Object → its wrapper, Vector2/3(i)/Color → plain {x, y[, z]} / {r, g, b, a} objects.

#include "core/property_info.h"

#include <quickjs.h>

namespace godot {

class ValueConverter {
public:
	static JSValue to_js(JSContext *p_ctx, const Variant &p_value);
	// Any JS value to the closest Variant. False (with a JS exception pending) on failure.
	static bool to_variant(JSContext *p_ctx, JSValueConst p_value, Variant &r_value, int p_depth = 0);
	// Converts for a typed parameter; on mismatch throws a TypeError naming p_context
	// ("PacketPeerUDP.bind") and the argument, and returns false.
	static bool to_typed_variant(JSContext *p_ctx, JSValueConst p_value, const PropertyInfo &p_type, const char *p_context, int p_argument_index, Variant &r_value);
	// "number", "string", "Uint8Array", "PacketPeerUDP"... for messages.
	static String describe_js_type(JSContext *p_ctx, JSValueConst p_value);
	// The bytes of a Uint8Array (any typed array, DataView or ArrayBuffer), without copying them;
	// false for anything else. Valid until the script runs again.
	static bool byte_view(JSContext *p_ctx, JSValueConst p_value, const uint8_t *&r_data, size_t &r_size);
};

} // namespace godot
