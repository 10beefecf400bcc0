#include "helpers/dtls_engine_test_helpers.h"

#include "core/crypto/crypto.h"
#include "openssl/crypto_key_openssl.h"
#include "openssl/dtls_server_openssl.h"
#include "openssl/packet_peer_dtls_openssl.h"

#include <doctest/doctest.h>

#include <openssl/evp.h>

#include <chrono>
#include <thread>

using namespace godot;

namespace dtls_test {

Identity make_ec_identity(const char *p_common_name) {
	Identity made;
	Ref<CryptoKeyOpenSSL> key(memnew(CryptoKeyOpenSSL));
	key->set_pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), false);
	REQUIRE(!key->is_empty());
	made.key = key;
	Ref<Crypto> crypto(Crypto::create());
	REQUIRE(crypto.is_valid());
	made.certificate = crypto->generate_self_signed_certificate(made.key, String("CN=") + p_common_name + ",O=Quickdot Tests,C=IT", "20140101000000", "20340101000000");
	REQUIRE(made.certificate.is_valid());
	made.trusted = made.certificate;
	return made;
}

const Identity &ec_identity() {
	static const Identity identity = make_ec_identity("localhost");
	return identity;
}

const Identity &other_identity() {
	static const Identity identity = make_ec_identity("localhost");
	return identity;
}

Ref<TLSOptions> trusting_client(const Identity &p_trusted) {
	return TLSOptions::client(p_trusted.trusted);
}

dtls::DTLSSession::Settings fast_settings() {
	dtls::DTLSSession::Settings settings;
	settings.retransmit_initial_ms = 100;
	settings.retransmit_max_ms = 800;
	return settings;
}

PackedByteArray bytes_of(const String &p_text) {
	return PackedByteArray(reinterpret_cast<const uint8_t *>(p_text.data()), p_text.size());
}

String text_of(const PackedByteArray &p_bytes) {
	return String(reinterpret_cast<const char *>(p_bytes.ptr()), size_t(p_bytes.size()));
}

TestServer::TestServer(const Identity &p_identity, const dtls::DTLSSession::Settings &p_settings) :
		udp(memnew(UDPServer)), dtls(DTLSServer::create()) {
	REQUIRE(dtls.is_valid());
	REQUIRE(udp->listen(0, "127.0.0.1") == OK);
	static_cast<DTLSServerOpenSSL *>(dtls.ptr())->set_session_settings(p_settings);
	REQUIRE(dtls->setup(TLSOptions::server(p_identity.key, p_identity.certificate)) == OK);
}

void TestServer::pump() {
	REQUIRE(udp->poll() == OK);
	while (udp->is_connection_available()) {
		Ref<PacketPeerDTLS> peer = dtls->take_connection(udp->take_connection());
		REQUIRE(peer.is_valid());
		peers.push_back(peer);
	}
	for (const Ref<PacketPeerDTLS> &peer : peers) {
		peer->poll();
		_serve_peer(peer);
	}
}

Ref<PacketPeerDTLS> TestServer::connected_peer() const {
	for (const Ref<PacketPeerDTLS> &peer : peers) {
		if (peer->get_status() == PacketPeerDTLS::STATUS_CONNECTED) {
			return peer;
		}
	}
	return Ref<PacketPeerDTLS>();
}

int TestServer::connected_count() const {
	int count = 0;
	for (const Ref<PacketPeerDTLS> &peer : peers) {
		count += peer->get_status() == PacketPeerDTLS::STATUS_CONNECTED;
	}
	return count;
}

TestClient::TestClient(int p_port, int p_local_port, const dtls::DTLSSession::Settings &p_settings) :
		udp(memnew(PacketPeerUDP)), dtls(PacketPeerDTLS::create()) {
	REQUIRE(dtls.is_valid());
	if (p_local_port >= 0) {
		REQUIRE(udp->bind(p_local_port, "127.0.0.1") == OK);
	}
	REQUIRE(udp->connect_to_host("127.0.0.1", p_port) == OK);
	static_cast<PacketPeerDTLSOpenSSL *>(dtls.ptr())->set_session_settings(p_settings);
}

Error TestClient::connect(const String &p_hostname, const Ref<TLSOptions> &p_options) {
	const Ref<TLSOptions> options = p_options.is_valid() ? p_options : TLSOptions::client(ec_identity().trusted);
	return dtls->connect_to_peer(udp, p_hostname, options);
}

uint64_t now_ms() {
	return uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count());
}

bool pump_until(const std::function<void()> &p_pump, const std::function<bool()> &p_done, uint64_t p_limit_ms, uint32_t p_sleep_ms) {
	const uint64_t start = now_ms();
	for (;;) {
		p_pump();
		if (p_done()) {
			return true;
		}
		if (now_ms() - start > p_limit_ms) {
			return p_done();
		}
		std::this_thread::sleep_for(std::chrono::milliseconds(p_sleep_ms));
	}
}

bool run_until(TestServer &p_server, const Ref<PacketPeerDTLS> &p_client, const std::function<bool()> &p_condition) {
	return pump_until([&]() {
		p_server.pump();
		if (p_client.is_valid()) {
			p_client->poll();
		}
	},
			p_condition, 5000, 2);
}

bool connect_pair(TestServer &p_server, TestClient &p_client) {
	REQUIRE(p_client.connect() == OK);
	return run_until(p_server, p_client.dtls, [&]() {
		return p_client.dtls->get_status() == PacketPeerDTLS::STATUS_CONNECTED && p_server.connected_peer().is_valid();
	});
}

bool contains(const String &p_text, const String &p_part) {
	return p_text.find(p_part) != String::npos;
}

} // namespace dtls_test
