#pragma once
// Godot 4's binary Variant encoding, byte for byte: what var_to_bytes/bytes_to_var and
// PacketPeer.put_var/get_var put on the wire, so Quickdot and Godot games can talk.
//
// Layout: a little-endian u32 header whose low byte is the Variant::Type, followed by the value,
// every value padded to a multiple of 4 bytes. Every Variant type travels as Godot 4.6.3 sends it:
// math types as 32-bit floats (real_t is float; 64-bit payloads from double-precision builds are
// read too), Basis by rows, RID as its u64 id, Signal as its name and object id, Callable as the
// header alone (it decodes to a null Callable, as in Godot), typed Array/Dictionary with their
// element types, and an object sent as an id (full_objects=false) decoding to an
// EncodedObjectAsID (or null for id 0). Differences from Godot, all deliberate:
// - An EncodedObjectAsID encoded without full objects sends the id it holds, not its own
//   instance id, so decoding and re-encoding a value is byte-identical (Godot would send a new
//   id, that of the EncodedObjectAsID).
// - Every malformed input gives ERR_INVALID_DATA (Godot gives ERR_FILE_EOF for a string that runs
//   past the end), including a PackedByteArray whose trailing padding is missing (Godot accepts
//   that at the very end of its input; its own encoder always pads), and a typed container
//   holding an element of another type (Godot drops the element and goes on).
// - Nesting is limited to MARSHALLS_MAX_DEPTH (Godot: 1024) so hostile input cannot exhaust a
//   thread's stack; deeper data, and cyclic containers when encoding, give ERR_OUT_OF_MEMORY.
// - Quickdot loads no scripts: a container typed by a script, or a full object with a non-null
//   "script", decodes to ERR_INVALID_DATA when objects are allowed (without objects a script
//   type becomes EncodedObjectAsID, as in Godot).
// - Full objects encode every ClassDB property that has a getter and a setter (Quickdot has no
//   PROPERTY_USAGE_STORAGE flag), then "script" as null, as Godot does for an object without one.
// - Strings are decoded up to their first NUL (Godot's behaviour) and must be valid UTF-8.
// encode_variant and decode_variant never print: the caller knows what the data was for; a
// DecodeError tells it what failed and where.

#include "core/object/ref_counted.h"
#include "core/variant/variant.h"

#include <cstdint>
#include <cstring>

namespace godot {

constexpr int MARSHALLS_MAX_DEPTH = 256;

// Little-endian helpers, as in Godot's marshalls.h. Each encode_* returns the bytes written.
inline unsigned int encode_uint16(uint16_t p_uint, uint8_t *p_arr) {
	p_arr[0] = uint8_t(p_uint);
	p_arr[1] = uint8_t(p_uint >> 8);
	return sizeof(uint16_t);
}

inline unsigned int encode_uint32(uint32_t p_uint, uint8_t *p_arr) {
	for (int i = 0; i < 4; i++) {
		p_arr[i] = uint8_t(p_uint >> (8 * i));
	}
	return sizeof(uint32_t);
}

inline unsigned int encode_uint64(uint64_t p_uint, uint8_t *p_arr) {
	for (int i = 0; i < 8; i++) {
		p_arr[i] = uint8_t(p_uint >> (8 * i));
	}
	return sizeof(uint64_t);
}

inline unsigned int encode_float(float p_float, uint8_t *p_arr) {
	uint32_t bits;
	memcpy(&bits, &p_float, sizeof(bits));
	return encode_uint32(bits, p_arr);
}

inline unsigned int encode_double(double p_double, uint8_t *p_arr) {
	uint64_t bits;
	memcpy(&bits, &p_double, sizeof(bits));
	return encode_uint64(bits, p_arr);
}

inline uint16_t decode_uint16(const uint8_t *p_arr) {
	return uint16_t(p_arr[0] | (p_arr[1] << 8));
}

inline uint32_t decode_uint32(const uint8_t *p_arr) {
	uint32_t value = 0;
	for (int i = 3; i >= 0; i--) {
		value = (value << 8) | p_arr[i];
	}
	return value;
}

inline uint64_t decode_uint64(const uint8_t *p_arr) {
	uint64_t value = 0;
	for (int i = 7; i >= 0; i--) {
		value = (value << 8) | p_arr[i];
	}
	return value;
}

inline float decode_float(const uint8_t *p_arr) {
	const uint32_t bits = decode_uint32(p_arr);
	float value;
	memcpy(&value, &bits, sizeof(value));
	return value;
}

inline double decode_double(const uint8_t *p_arr) {
	const uint64_t bits = decode_uint64(p_arr);
	double value;
	memcpy(&value, &bits, sizeof(value));
	return value;
}

// What an object sent as an id (full_objects=false) decodes to: the sender's instance id,
// which means nothing in this process, so it is kept as data instead of looked up.
class EncodedObjectAsID : public RefCounted {
	GDCLASS(EncodedObjectAsID, RefCounted)

	ObjectID id = 0;

protected:
	static void _bind_methods();

public:
	void set_object_id(ObjectID p_id) { id = p_id; }
	ObjectID get_object_id() const { return id; }
};

// Why decode_variant failed: the innermost value that could not be decoded, where it starts
// (a byte offset in the input) and what was wrong with it.
struct DecodeError {
	Error error = OK;
	Variant::Type type = Variant::VARIANT_MAX; // VARIANT_MAX: the value's type is unknown (or unreadable).
	int offset = 0;
	String reason; // "needs 48 bytes, 20 left".

	// "can't decode a Transform3D at byte 12: needs 48 bytes, 20 left".
	String describe() const;
};

// Godot's two-pass encoder: with r_buffer == nullptr only r_len is computed; otherwise the value
// is written to r_buffer, which must hold the r_len bytes a previous length pass returned.
// ERR_OUT_OF_MEMORY: nested deeper than MARSHALLS_MAX_DEPTH, cyclic, or larger than INT_MAX bytes.
// ERR_INVALID_PARAMETER: a full object whose class ClassDB cannot instantiate.
Error encode_variant(const Variant &p_variant, uint8_t *r_buffer, int &r_len, bool p_full_objects = false, int p_depth = 0);

// Both passes into r_bytes, safe even if a property getter changes the value in between
// (that gives ERR_BUG instead of a buffer overrun). r_bytes is empty on error.
Error encode_variant_to_bytes(const Variant &p_variant, PackedByteArray &r_bytes, bool p_full_objects = false);

// Decodes one value from the first p_len bytes; r_len receives the bytes used (on success only).
// ERR_INVALID_DATA: truncated, corrupt or unsupported data. ERR_UNAUTHORIZED: a full object while
// p_allow_objects is false. ERR_OUT_OF_MEMORY: nested deeper than MARSHALLS_MAX_DEPTH.
// With p_allow_objects, full objects are instantiated through ClassDB and their properties set;
// an object that is not RefCounted belongs to the caller, as in Godot.
// r_error, when given, says what failed (it is left alone on success).
Error decode_variant(Variant &r_variant, const uint8_t *p_buffer, int p_len, int *r_len = nullptr, bool p_allow_objects = false, int p_depth = 0, DecodeError *r_error = nullptr);

// The script utility functions: var_to_bytes / var_to_bytes_with_objects (p_full_objects) and
// bytes_to_var / bytes_to_var_with_objects (p_allow_objects). On failure they print one line
// naming the problem and return an empty array / null, as Godot does.
PackedByteArray var_to_bytes(const Variant &p_variant, bool p_full_objects = false);
Variant bytes_to_var(const PackedByteArray &p_bytes, bool p_allow_objects = false);

} // namespace godot
