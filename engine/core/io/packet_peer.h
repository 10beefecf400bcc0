#pragma once
// PacketPeer: the abstract packet interface under PacketPeerUDP and PacketPeerDTLS. Backends
// implement four C++ virtuals; scripts get Godot's bound API on top of them (packets as
// PackedByteArray, values through Godot's binary Variant encoding).

#include "core/error/error_reporter.h"
#include "core/object/ref_counted.h"

#include <vector>

namespace godot {

class PacketPeer : public RefCounted {
	GDCLASS(PacketPeer, RefCounted)

	static constexpr int DEFAULT_ENCODE_BUFFER_MAX_SIZE = 8 * 1024 * 1024;
	static constexpr int MIN_ENCODE_BUFFER_MAX_SIZE = 1024;
	static constexpr int MAX_ENCODE_BUFFER_MAX_SIZE = 256 * 1024 * 1024;

	int encode_buffer_max_size = DEFAULT_ENCODE_BUFFER_MAX_SIZE;
	std::vector<uint8_t> encode_buffer; // Reused by every put_var; grows to a power of two.
	Error last_get_error = OK;
	ErrorReporter reporter;

	PackedByteArray _bnd_get_packet();
	Error _bnd_put_packet(const PackedByteArray &p_buffer);
	Variant _bnd_get_var(bool p_allow_objects);

protected:
	static void _bind_methods();

	// "Class.method: what (ERR_CODE)" once per condition (see ErrorReporter); returns p_error.
	// Call _clear_reports() when the object's state changes.
	Error _report(const char *p_method, Error p_error, const String &p_what) { return reporter.report(get_class(), p_method, p_error, p_what); }
	void _clear_reports() { reporter.clear(); }

public:
	virtual int get_available_packet_count() const = 0;
	// On OK, *r_buffer points at the packet inside the peer; it stays valid until the next
	// get_packet() or close() on this peer.
	virtual Error get_packet(const uint8_t **r_buffer, int &r_buffer_size) = 0;
	virtual Error put_packet(const uint8_t *p_buffer, int p_buffer_size) = 0;
	virtual int get_max_packet_size() const = 0;

	Error get_packet_buffer(PackedByteArray &r_buffer);
	Error put_packet_buffer(const PackedByteArray &p_buffer); // Empty: OK, nothing sent.

	// What the script methods get_packet and put_packet do, on raw bytes: the script binding calls
	// these directly, so a packet is not copied into a PackedByteArray on its way to or from a
	// script. get_packet_for_script records get_packet_error(); on error r_size is 0.
	Error get_packet_for_script(const uint8_t **r_buffer, int &r_size);
	Error put_packet_for_script(const uint8_t *p_buffer, int64_t p_size); // Empty: OK, nothing sent.

	// The value of the next packet; on error r_variant is null. ERR_UNAVAILABLE when no packet
	// waits, ERR_UNAUTHORIZED for an object while p_allow_objects is false, ERR_INVALID_DATA
	// (or the decoder's code) for malformed packets.
	Error get_var(Variant &r_variant, bool p_allow_objects = false);
	// One packet. ERR_OUT_OF_MEMORY when the encoding exceeds encode_buffer_max_size.
	Error put_var(const Variant &p_variant, bool p_full_objects = false);

	// The error of the last get_packet() or get_var() from a script. Godot's docs promise
	// get_var too; Godot itself only records get_packet. Recording both is a superset.
	Error get_packet_error() const { return last_get_error; }

	void set_encode_buffer_max_size(int p_max_size);
	int get_encode_buffer_max_size() const { return encode_buffer_max_size; }
};

} // namespace godot
