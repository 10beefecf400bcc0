#pragma once
// The Marshalls singleton: base64 for raw bytes, UTF-8 text and Variants (the Variant in
// Godot's binary encoding, so the text round-trips with a Godot game's).

#include "core/object/object.h"

namespace godot {

class Marshalls : public Object {
	GDCLASS(Marshalls, Object)

protected:
	static void _bind_methods();

public:
	String variant_to_base64(const Variant &p_var, bool p_full_objects = false);
	Variant base64_to_variant(const String &p_str, bool p_allow_objects = false);
	String raw_to_base64(const PackedByteArray &p_arr);
	PackedByteArray base64_to_raw(const String &p_str);
	String utf8_to_base64(const String &p_str);
	String base64_to_utf8(const String &p_str);
};

} // namespace godot
