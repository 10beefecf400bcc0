#pragma once
// PacketPeerDTLS: a DTLS connection over a PacketPeerUDP, as in Godot's core/io. The engine
// core knows no TLS library: the OpenSSL module provides the implementation and installs it
// through _create (Godot's mbedtls module does the same), so `new PacketPeerDTLS()` works only
// once the module is loaded. Server-side peers come from DTLSServer.take_connection().

#include "core/crypto/tls_options.h"
#include "core/io/packet_peer.h"
#include "core/io/packet_peer_udp.h"
#include "core/type_info.h"

namespace godot {

class PacketPeerDTLS : public PacketPeer {
	GDCLASS(PacketPeerDTLS, PacketPeer)

protected:
	static PacketPeerDTLS *(*_create)();
	static void _bind_methods();

public:
	enum Status {
		STATUS_DISCONNECTED,
		STATUS_HANDSHAKING,
		STATUS_CONNECTED,
		STATUS_ERROR,
		STATUS_ERROR_HOSTNAME_MISMATCH,
	};

	// A new peer from the loaded module, or nullptr (with one printed line) without it.
	static PacketPeerDTLS *create();
	// "STATUS_HANDSHAKING": for messages.
	static const char *get_status_name(Status p_status);

	virtual void poll() = 0;
	virtual Error connect_to_peer(const Ref<PacketPeerUDP> &p_base, const String &p_hostname, const Ref<TLSOptions> &p_options = Ref<TLSOptions>()) = 0;
	virtual Status get_status() const = 0;
	virtual void disconnect_from_peer() = 0;
};

} // namespace godot

VARIANT_ENUM_CAST(PacketPeerDTLS::Status)
