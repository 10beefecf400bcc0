#include "core/core_bind/marshalls.h"

#include "core/io/base64.h"
#include "core/io/marshalls.h"
#include "core/object/class_db.h"
#include "core/string/print_string.h"

namespace godot {

namespace {

bool decode_or_print(const char *p_who, const String &p_text, PackedByteArray &r_bytes) {
	if (!base64_decode(p_text, r_bytes)) {
		print_error(vformat("Marshalls.%s: the text is not base64 (A-Z, a-z, 0-9, '+', '/', with '=' padding only at the end).", p_who));
		return false;
	}
	return true;
}

} // namespace

String Marshalls::variant_to_base64(const Variant &p_var, bool p_full_objects) {
	PackedByteArray bytes;
	const Error error = encode_variant_to_bytes(p_var, bytes, p_full_objects);
	if (error != OK) {
		print_error(vformat("Marshalls.variant_to_base64: cannot encode the %s (%s).", Variant::get_type_name(p_var.get_type()),
				error == ERR_OUT_OF_MEMORY ? "nested too deep, cyclic or too large" : "an object ClassDB cannot instantiate"));
		return String();
	}
	return base64_encode(bytes.ptr(), size_t(bytes.size()));
}

Variant Marshalls::base64_to_variant(const String &p_str, bool p_allow_objects) {
	PackedByteArray bytes;
	if (!decode_or_print("base64_to_variant", p_str, bytes)) {
		return Variant();
	}
	Variant value;
	DecodeError why;
	if (decode_variant(value, bytes.ptr(), int(bytes.size()), nullptr, p_allow_objects, 0, &why) != OK) {
		print_error(vformat("Marshalls.base64_to_variant: %s%s.", why.describe().c_str(),
				why.error == ERR_UNAUTHORIZED ? " (pass allow_objects = true to decode objects)" : ""));
		return Variant();
	}
	return value;
}

String Marshalls::raw_to_base64(const PackedByteArray &p_arr) {
	return base64_encode(p_arr.ptr(), size_t(p_arr.size()));
}

PackedByteArray Marshalls::base64_to_raw(const String &p_str) {
	PackedByteArray bytes;
	decode_or_print("base64_to_raw", p_str, bytes);
	return bytes;
}

String Marshalls::utf8_to_base64(const String &p_str) {
	return base64_encode(reinterpret_cast<const uint8_t *>(p_str.data()), p_str.size());
}

String Marshalls::base64_to_utf8(const String &p_str) {
	PackedByteArray bytes;
	if (!decode_or_print("base64_to_utf8", p_str, bytes)) {
		return String();
	}
	return String(reinterpret_cast<const char *>(bytes.ptr()), size_t(bytes.size()));
}

void Marshalls::_bind_methods() {
	ClassDB::bind_method(D_METHOD("variant_to_base64", "variant", "full_objects"), &Marshalls::variant_to_base64, DEFVAL(false));
	ClassDB::bind_method(D_METHOD("base64_to_variant", "base64_str", "allow_objects"), &Marshalls::base64_to_variant, DEFVAL(false));
	ClassDB::bind_method(D_METHOD("raw_to_base64", "array"), &Marshalls::raw_to_base64);
	ClassDB::bind_method(D_METHOD("base64_to_raw", "base64_str"), &Marshalls::base64_to_raw);
	ClassDB::bind_method(D_METHOD("utf8_to_base64", "utf8_str"), &Marshalls::utf8_to_base64);
	ClassDB::bind_method(D_METHOD("base64_to_utf8", "base64_str"), &Marshalls::base64_to_utf8);
}

} // namespace godot
