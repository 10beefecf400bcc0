#include "core/io/packet_peer_dtls.h"

#include "core/string/print_string.h"

namespace godot {

PacketPeerDTLS *(*PacketPeerDTLS::_create)() = nullptr;

PacketPeerDTLS *PacketPeerDTLS::create() {
	if (!_create) {
		print_error("PacketPeerDTLS is not available: the OpenSSL module is not loaded (is the project's .gdextension file present and its library built?)");
		return nullptr;
	}
	return _create();
}

const char *PacketPeerDTLS::get_status_name(Status p_status) {
	switch (p_status) {
		case STATUS_DISCONNECTED:
			return "STATUS_DISCONNECTED";
		case STATUS_HANDSHAKING:
			return "STATUS_HANDSHAKING";
		case STATUS_CONNECTED:
			return "STATUS_CONNECTED";
		case STATUS_ERROR:
			return "STATUS_ERROR";
		case STATUS_ERROR_HOSTNAME_MISMATCH:
			return "STATUS_ERROR_HOSTNAME_MISMATCH";
	}
	return "an unknown status";
}

void PacketPeerDTLS::_bind_methods() {
	ClassDB::bind_method(D_METHOD("poll"), &PacketPeerDTLS::poll);
	ClassDB::bind_method(D_METHOD("connect_to_peer", "packet_peer", "hostname", "client_options"), &PacketPeerDTLS::connect_to_peer, DEFVAL(Variant()));
	ClassDB::bind_method(D_METHOD("get_status"), &PacketPeerDTLS::get_status);
	ClassDB::bind_method(D_METHOD("disconnect_from_peer"), &PacketPeerDTLS::disconnect_from_peer);
	ClassDB::bind_method(D_METHOD("get_max_unfragmented_packet_size"), &PacketPeerDTLS::get_max_unfragmented_packet_size)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("set_idle_timeout", "seconds"), &PacketPeerDTLS::set_idle_timeout)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("get_idle_timeout"), &PacketPeerDTLS::get_idle_timeout)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("set_handshake_retransmit_timeout", "seconds"), &PacketPeerDTLS::set_handshake_retransmit_timeout)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("get_handshake_retransmit_timeout"), &PacketPeerDTLS::get_handshake_retransmit_timeout)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("get_error_reason"), &PacketPeerDTLS::get_error_reason)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("get_peer_certificate"), &PacketPeerDTLS::get_peer_certificate)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("get_psk_identity"), &PacketPeerDTLS::get_psk_identity)->set_quickdot_extension();

	BIND_ENUM_CONSTANT(STATUS_DISCONNECTED);
	BIND_ENUM_CONSTANT(STATUS_HANDSHAKING);
	BIND_ENUM_CONSTANT(STATUS_CONNECTED);
	BIND_ENUM_CONSTANT(STATUS_ERROR);
	BIND_ENUM_CONSTANT(STATUS_ERROR_HOSTNAME_MISMATCH);
}

} // namespace godot
