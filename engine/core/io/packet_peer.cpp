#include "core/io/packet_peer.h"

#include "core/io/marshalls.h"
#include "core/string/print_string.h"

namespace godot {

static int next_power_of_2(int p_value) {
	int power = 1;
	while (power < p_value) {
		power <<= 1;
	}
	return power;
}

Error PacketPeer::get_packet_buffer(PackedByteArray &r_buffer) {
	const uint8_t *buffer = nullptr;
	int size = 0;
	const Error error = get_packet(&buffer, size);
	if (error != OK) {
		r_buffer.clear();
		return error;
	}
	r_buffer = PackedByteArray(buffer, size_t(size));
	return OK;
}

Error PacketPeer::put_packet_buffer(const PackedByteArray &p_buffer) {
	return put_packet_for_script(p_buffer.ptr(), p_buffer.size());
}

Error PacketPeer::get_packet_for_script(const uint8_t **r_buffer, int &r_size) {
	last_get_error = get_packet(r_buffer, r_size);
	if (last_get_error != OK) {
		*r_buffer = nullptr;
		r_size = 0;
	}
	return last_get_error;
}

Error PacketPeer::put_packet_for_script(const uint8_t *p_buffer, int64_t p_size) {
	if (p_size == 0) {
		return OK;
	}
	if (p_size > INT32_MAX) {
		return _report("put_packet", ERR_INVALID_PARAMETER, vformat("a packet of %lld bytes cannot be sent", (long long)p_size));
	}
	return put_packet(p_buffer, int(p_size));
}

Error PacketPeer::get_var(Variant &r_variant, bool p_allow_objects) {
	r_variant = Variant();
	const uint8_t *buffer = nullptr;
	int size = 0;
	const Error error = get_packet(&buffer, size);
	if (error != OK) {
		return error; // Nothing waiting is normal; the backend reported anything worse.
	}
	const Error decoded = decode_variant(r_variant, buffer, size, nullptr, p_allow_objects);
	if (decoded == OK) {
		return OK;
	}
	r_variant = Variant();
	if (decoded == ERR_UNAUTHORIZED) {
		return _report("get_var", decoded, "the packet holds an encoded object, refused because allow_objects is false (allow it only for peers you trust)");
	}
	return _report("get_var", decoded, "a packet that is not a valid Variant encoding was discarded");
}

Error PacketPeer::put_var(const Variant &p_variant, bool p_full_objects) {
	if (p_full_objects) {
		// Full objects run property getters in both encoder passes; only the checked encoder is
		// safe against a getter that changes the value in between. Objects are not a hot path.
		PackedByteArray bytes;
		const Error error = encode_variant_to_bytes(p_variant, bytes, true);
		if (error != OK) {
			return _report("put_var", error, vformat("cannot encode a value of type %s", Variant::get_type_name(p_variant.get_type())));
		}
		if (bytes.size() > encode_buffer_max_size) {
			return _report("put_var", ERR_OUT_OF_MEMORY, vformat("the value encodes to %lld bytes, more than encode_buffer_max_size (%d); raise encode_buffer_max_size or send less", (long long)bytes.size(), encode_buffer_max_size));
		}
		return put_packet_buffer(bytes);
	}
	int length = 0;
	Error error = encode_variant(p_variant, nullptr, length, false);
	if (error != OK) {
		return _report("put_var", error, vformat("cannot encode a value of type %s", Variant::get_type_name(p_variant.get_type())));
	}
	if (length == 0) {
		return OK;
	}
	if (length > encode_buffer_max_size) {
		return _report("put_var", ERR_OUT_OF_MEMORY, vformat("the value encodes to %d bytes, more than encode_buffer_max_size (%d); raise encode_buffer_max_size or send less", length, encode_buffer_max_size));
	}
	if (int(encode_buffer.size()) < length) {
		encode_buffer.resize(size_t(next_power_of_2(length)));
	}
	// Without full objects no getter runs, so the write pass produces exactly the measured length.
	error = encode_variant(p_variant, encode_buffer.data(), length, false);
	if (error != OK) {
		return _report("put_var", error, vformat("cannot encode a value of type %s", Variant::get_type_name(p_variant.get_type())));
	}
	return put_packet(encode_buffer.data(), length);
}

void PacketPeer::set_encode_buffer_max_size(int p_max_size) {
	if (p_max_size < MIN_ENCODE_BUFFER_MAX_SIZE || p_max_size > MAX_ENCODE_BUFFER_MAX_SIZE) {
		_report("set_encode_buffer_max_size", OK, vformat("%d is outside %d..%d bytes; encode_buffer_max_size stays %d", p_max_size, MIN_ENCODE_BUFFER_MAX_SIZE, MAX_ENCODE_BUFFER_MAX_SIZE, encode_buffer_max_size));
		return;
	}
	encode_buffer_max_size = next_power_of_2(p_max_size);
	// As in Godot, a new limit releases the old buffer; the next put_var sizes a fresh one.
	std::vector<uint8_t>().swap(encode_buffer);
}

PackedByteArray PacketPeer::_bnd_get_packet() {
	const uint8_t *buffer = nullptr;
	int size = 0;
	if (get_packet_for_script(&buffer, size) != OK) {
		return PackedByteArray();
	}
	return PackedByteArray(buffer, size_t(size));
}

Error PacketPeer::_bnd_put_packet(const PackedByteArray &p_buffer) {
	return put_packet_for_script(p_buffer.ptr(), p_buffer.size());
}

Variant PacketPeer::_bnd_get_var(bool p_allow_objects) {
	Variant value;
	last_get_error = get_var(value, p_allow_objects);
	return value;
}

void PacketPeer::_bind_methods() {
	ClassDB::bind_method(D_METHOD("get_var", "allow_objects"), &PacketPeer::_bnd_get_var, DEFVAL(false));
	ClassDB::bind_method(D_METHOD("put_var", "var", "full_objects"), &PacketPeer::put_var, DEFVAL(false));
	ClassDB::bind_method(D_METHOD("get_packet"), &PacketPeer::_bnd_get_packet);
	ClassDB::bind_method(D_METHOD("put_packet", "buffer"), &PacketPeer::_bnd_put_packet);
	ClassDB::bind_method(D_METHOD("get_packet_error"), &PacketPeer::get_packet_error);
	ClassDB::bind_method(D_METHOD("get_available_packet_count"), &PacketPeer::get_available_packet_count);
	ClassDB::bind_method(D_METHOD("get_encode_buffer_max_size"), &PacketPeer::get_encode_buffer_max_size);
	ClassDB::bind_method(D_METHOD("set_encode_buffer_max_size", "max_size"), &PacketPeer::set_encode_buffer_max_size);
	ADD_PROPERTY(PropertyInfo(Variant::INT, "encode_buffer_max_size"), "set_encode_buffer_max_size", "get_encode_buffer_max_size");
}

} // namespace godot
