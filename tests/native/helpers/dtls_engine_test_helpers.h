#pragma once
// Helpers shared by the native suites that drive the engine's DTLS classes (PacketPeerDTLS,
// DTLSServer from the OpenSSL module) over loopback UDP: the suites of modules/openssl.
// They assert with doctest. The OpenSSL-only helpers are in dtls_test_helpers.h.

#include "core/crypto/crypto_key.h"
#include "core/crypto/tls_options.h"
#include "core/crypto/x509_certificate.h"
#include "core/io/dtls_server.h"
#include "core/io/packet_peer_dtls.h"
#include "core/io/packet_peer_udp.h"
#include "core/io/udp_server.h"
#include "helpers/output_capture.h"
#include "openssl/dtls/dtls_session.h"

#include <cstdint>
#include <cstdio>
#include <functional>
#include <vector>

namespace dtls_test {

// A server identity: its key, the chain it sends (leaf first) and what a client trusts.
struct Identity {
	godot::Ref<godot::CryptoKey> key;
	godot::Ref<godot::X509Certificate> certificate;
	godot::Ref<godot::X509Certificate> trusted;
};

// A fresh P-256 key with a self-signed certificate for p_common_name made by the module's Crypto
// (its own trust anchor).
Identity make_ec_identity(const char *p_common_name);
// One such identity for "localhost", made once: the default server of the suites.
const Identity &ec_identity();

// Retransmission fast enough for a test; the handshake timeout stays at its default.
godot::dtls::DTLSSession::Settings fast_settings();

godot::PackedByteArray bytes_of(const godot::String &p_text);
godot::String text_of(const godot::PackedByteArray &p_bytes);

// A DTLSServer on a UDPServer, driven as a script drives it: each pump() polls the UDP server,
// wraps every new UDP peer with take_connection, keeps every DTLS peer and polls them all,
// handing each one to _serve_peer after its poll.
class TestServer {
public:
	godot::Ref<godot::UDPServer> udp;
	godot::Ref<godot::DTLSServer> dtls;
	std::vector<godot::Ref<godot::PacketPeerDTLS>> peers;

	explicit TestServer(const Identity &p_identity = ec_identity(), const godot::dtls::DTLSSession::Settings &p_settings = godot::dtls::DTLSSession::Settings());
	virtual ~TestServer() = default;

	int port() const { return udp->get_local_port(); }
	void pump();
	// The first connected peer, or null.
	godot::Ref<godot::PacketPeerDTLS> connected_peer() const;
	int connected_count() const;

protected:
	virtual void _serve_peer(const godot::Ref<godot::PacketPeerDTLS> &p_peer) {}
};

// A PacketPeerDTLS client over its own PacketPeerUDP connected to 127.0.0.1:p_port, bound to
// p_local_port first when that is not negative (0: any free port, known before connecting).
struct TestClient {
	godot::Ref<godot::PacketPeerUDP> udp;
	godot::Ref<godot::PacketPeerDTLS> dtls;

	explicit TestClient(int p_port, int p_local_port = -1, const godot::dtls::DTLSSession::Settings &p_settings = godot::dtls::DTLSSession::Settings());

	// Null options: TLSOptions.client() trusting ec_identity().
	godot::Error connect(const godot::String &p_hostname = "localhost", const godot::Ref<godot::TLSOptions> &p_options = godot::Ref<godot::TLSOptions>());
	bool connected() const { return dtls->get_status() == godot::PacketPeerDTLS::STATUS_CONNECTED; }
};

// Another P-256 identity for "localhost", which clients trusting ec_identity() do not trust;
// made once.
const Identity &other_identity();
// TLSOptions.client() trusting p_trusted's certificate.
godot::Ref<godot::TLSOptions> trusting_client(const Identity &p_trusted);

// Monotonic milliseconds.
uint64_t now_ms();

// Calls p_pump until p_done holds (checked after each call), sleeping p_sleep_ms in between, for
// at most p_limit_ms; returns p_done().
bool pump_until(const std::function<void()> &p_pump, const std::function<bool()> &p_done, uint64_t p_limit_ms, uint32_t p_sleep_ms = 1);
// Pumps p_server and polls p_client (when it is set) until p_condition holds, for at most ~5 s.
bool run_until(TestServer &p_server, const godot::Ref<godot::PacketPeerDTLS> &p_client, const std::function<bool()> &p_condition);
// Connects p_client and runs both ends until it is CONNECTED and p_server has the peer.
bool connect_pair(TestServer &p_server, TestClient &p_client);

bool contains(const godot::String &p_text, const godot::String &p_part);

} // namespace dtls_test
