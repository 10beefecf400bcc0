#pragma once
// PacketPeerDTLS: a DTLS connection over a PacketPeerUDP, as in Godot's core/io. The engine
// core knows no TLS library: the OpenSSL module provides the implementation and installs it
// through _create (Godot's mbedtls module does the same), so `new PacketPeerDTLS()` works only
// once the module is loaded. Server-side peers come from DTLSServer.take_connection().

#include "core/crypto/tls_options.h"
#include "core/io/packet_peer.h"
#include "core/io/packet_peer_udp.h"
#include "core/variant/type_info.h"

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

	// Quickdot extensions (not in Godot 4.6); a Godot script never needs them.
	// The largest put_packet() payload that travels in one unfragmented datagram: exact once
	// connected (it depends on the cipher), a safe lower bound before.
	virtual int get_max_unfragmented_packet_size() const = 0;
	// Seconds without a packet from the peer after which a connection ends in STATUS_ERROR;
	// 0 (the default, as in Godot) waits forever.
	virtual void set_idle_timeout(double p_seconds) = 0;
	virtual double get_idle_timeout() const = 0;
	// The first handshake retransmission interval, in seconds, for the handshakes this object
	// starts from now on (connect_to_peer); it doubles after each retransmission up to a cap.
	virtual void set_handshake_retransmit_timeout(double p_seconds) = 0;
	virtual double get_handshake_retransmit_timeout() const = 0;
	// Why the connection failed, as printed ("certificate verify failed: certificate revoked"):
	// empty while nothing failed. For a game to show its player.
	virtual String get_error_reason() const = 0;
	// The certificate the peer presented (a client's, with require_client_certificate()), from
	// the end of the handshake on; null before it or when the peer sent none.
	virtual Ref<X509Certificate> get_peer_certificate() const = 0;
	// Server side with TLSOptions.server_psk(): the identity the client connected with.
	virtual String get_psk_identity() const = 0;
};

} // namespace godot

VARIANT_ENUM_CAST(PacketPeerDTLS::Status)
