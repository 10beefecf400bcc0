#pragma once
// DTLSServer: turns the PacketPeerUDP connections of a UDPServer into server-side
// PacketPeerDTLS peers, as in Godot's core/io. Implemented by the OpenSSL module through
// _create, like PacketPeerDTLS.

#include "core/crypto/tls_options.h"
#include "core/io/packet_peer_dtls.h"
#include "core/io/packet_peer_udp.h"

namespace godot {

class DTLSServer : public RefCounted {
	GDCLASS(DTLSServer, RefCounted)

protected:
	static DTLSServer *(*_create)();
	static void _bind_methods();

public:
	// A new server from the loaded module, or nullptr (with one printed line) without it.
	static DTLSServer *create();

	virtual Error setup(const Ref<TLSOptions> &p_options) = 0;
	virtual Ref<PacketPeerDTLS> take_connection(const Ref<PacketPeerUDP> &p_peer) = 0;

	// Quickdot extension (not in Godot 4.6): the first retransmission interval, in seconds, of
	// the server's handshake flights for the peers take_connection() returns from now on.
	virtual void set_handshake_retransmit_timeout(double p_seconds) = 0;
	virtual double get_handshake_retransmit_timeout() const = 0;
};

} // namespace godot
