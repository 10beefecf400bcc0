// DTLSServer (engine class, OpenSSL module implementation) over real loopback UDP: the cookie
// exchange before take_connection, setup and its errors, sources that never complete a
// handshake, restarted and replaying clients, and the retransmission timer of the peers it takes.
// Every socket binds port 0 (a free port); waits are bounded loops, never timing assertions.

#include "helpers/dtls_engine_test_helpers.h"
#include "helpers/dtls_test_helpers.h"

#include "openssl/dtls/dtls_context.h"
#include "openssl/packet_peer_dtls_openssl.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>
#include <vector>

using namespace godot;
using namespace dtls_test;

TEST_CASE("[DTLSServer] The first take_connection is HANDSHAKING and completes through the cookie exchange") {
	TestServer server;
	TestClient client(server.port());
	REQUIRE(client.connect() == OK);
	CHECK(client.dtls->get_status() == PacketPeerDTLS::STATUS_HANDSHAKING);

	// The cookie-less ClientHello makes the first (and only) connection.
	REQUIRE(run_until(server, Ref<PacketPeerDTLS>(), [&]() { return !server.peers.empty(); }));
	const Ref<PacketPeerDTLS> peer = server.peers.front();
	CHECK(peer->get_status() == PacketPeerDTLS::STATUS_HANDSHAKING);
	CHECK(static_cast<PacketPeerDTLSOpenSSL *>(peer.ptr())->is_waiting_for_cookie());

	REQUIRE(run_until(server, client.dtls, [&]() {
		return client.dtls->get_status() == PacketPeerDTLS::STATUS_CONNECTED && peer->get_status() == PacketPeerDTLS::STATUS_CONNECTED;
	}));
	CHECK(server.peers.size() == 1); // The cookie answer came back on the same UDP peer.
	CHECK(!static_cast<PacketPeerDTLSOpenSSL *>(peer.ptr())->is_waiting_for_cookie());

	REQUIRE(client.dtls->put_packet_buffer(bytes_of("ping")) == OK);
	REQUIRE(run_until(server, client.dtls, [&]() { return peer->get_available_packet_count() == 1; }));
	PackedByteArray packet;
	REQUIRE(peer->get_packet_buffer(packet) == OK);
	CHECK(text_of(packet) == "ping");
	REQUIRE(peer->put_packet_buffer(bytes_of("pong")) == OK);
	REQUIRE(run_until(server, client.dtls, [&]() { return client.dtls->get_available_packet_count() == 1; }));
	REQUIRE(client.dtls->get_packet_buffer(packet) == OK);
	CHECK(text_of(packet) == "pong");
}

TEST_CASE("[DTLSServer] setup refuses unusable options; take_connection needs setup and a usable peer") {
	Ref<DTLSServer> dtls(DTLSServer::create());
	Ref<UDPServer> udp(memnew(UDPServer));
	REQUIRE(udp->listen(0, "127.0.0.1") == OK);
	TestClient client(udp->get_local_port());

	StderrCapture capture;
	CHECK(dtls->take_connection(client.udp).is_null()); // Before setup.
	CHECK(dtls->setup(Ref<TLSOptions>()) == ERR_INVALID_PARAMETER);
	CHECK(dtls->setup(TLSOptions::client()) == ERR_INVALID_PARAMETER);
	CHECK(dtls->setup(TLSOptions::server(Ref<CryptoKey>(), ec_identity().certificate)) == ERR_INVALID_PARAMETER);
	CHECK(dtls->setup(TLSOptions::server(ec_identity().key, Ref<X509Certificate>())) == ERR_INVALID_PARAMETER);
	CHECK(dtls->setup(TLSOptions::server(other_identity().key, ec_identity().certificate)) == ERR_INVALID_PARAMETER);
	const String printed = capture.finish();
	CHECK(count_lines(printed) == 6);
	CHECK(contains(printed, "DTLSServer.take_connection: setup() has not succeeded"));
	CHECK(contains(printed, "DTLSServer.setup: the private key does not match the certificate"));

	REQUIRE(dtls->setup(TLSOptions::server(ec_identity().key, ec_identity().certificate)) == OK);
	StderrCapture second;
	CHECK(dtls->take_connection(Ref<PacketPeerUDP>()).is_null());
	CHECK(dtls->take_connection(Ref<PacketPeerUDP>(memnew(PacketPeerUDP))).is_null());
	CHECK(count_lines(second.finish()) == 2);
}

TEST_CASE("[DTLSServer] setup may be called again; new connections use the new options") {
	TestServer server;
	TestClient first(server.port());
	REQUIRE(connect_pair(server, first));

	REQUIRE(server.dtls->setup(TLSOptions::server(other_identity().key, other_identity().certificate)) == OK);
	// A failed setup keeps the working one.
	{
		StderrCapture capture;
		CHECK(server.dtls->setup(TLSOptions::server(ec_identity().key, other_identity().certificate)) == ERR_INVALID_PARAMETER);
	}
	TestClient second(server.port());
	REQUIRE(second.connect("localhost", trusting_client(other_identity())) == OK);
	CHECK(run_until(server, second.dtls, [&]() { return second.dtls->get_status() == PacketPeerDTLS::STATUS_CONNECTED; }));
	// The connection made before keeps working.
	REQUIRE(first.dtls->put_packet_buffer(bytes_of("still here")) == OK);
	const Ref<PacketPeerDTLS> first_peer = server.peers.front();
	CHECK(run_until(server, first.dtls, [&]() { return first_peer->get_available_packet_count() == 1; }));
}

TEST_CASE("[DTLSServer] A source that never sends a valid ClientHello ends in STATUS_ERROR at the timeout") {
	dtls::DTLSSession::Settings settings;
	settings.handshake_timeout_ms = 300;
	TestServer server(ec_identity(), settings);
	Ref<PacketPeerUDP> garbage(memnew(PacketPeerUDP));
	REQUIRE(garbage->connect_to_host("127.0.0.1", server.port()) == OK);
	REQUIRE(garbage->put_packet_buffer(bytes_of("not a DTLS record at all")) == OK);
	REQUIRE(run_until(server, Ref<PacketPeerDTLS>(), [&]() { return !server.peers.empty(); }));
	const Ref<PacketPeerDTLS> peer = server.peers.front();
	CHECK(peer->get_status() == PacketPeerDTLS::STATUS_HANDSHAKING);
	CHECK(static_cast<PacketPeerDTLSOpenSSL *>(peer.ptr())->is_waiting_for_cookie());
	CHECK(garbage->get_available_packet_count() == 0); // Nothing answered.

	StderrCapture capture;
	CHECK(run_until(server, Ref<PacketPeerDTLS>(), [&]() { return peer->get_status() == PacketPeerDTLS::STATUS_ERROR; }));
	const String printed = capture.finish();
	CHECK(count_lines(printed) == 1); // The server's first such source; later ones are summed up.
	CHECK(contains(printed, "did not come back with its cookie"));
	CHECK(contains(static_cast<PacketPeerDTLSOpenSSL *>(peer.ptr())->get_last_error(), "handshake timed out"));
	CHECK(garbage->get_available_packet_count() == 0);
}

TEST_CASE("[DTLSServer] A client that restarts on the same port replaces its old connection") {
	TestServer server;
	dtls::DTLSSession::Settings fast;
	fast.retransmit_initial_ms = 100;

	TestClient first(server.port(), 0);
	const int local_port = first.udp->get_local_port();
	static_cast<PacketPeerDTLSOpenSSL *>(first.dtls.ptr())->set_session_settings(fast);
	REQUIRE(connect_pair(server, first));
	const Ref<PacketPeerDTLS> old_peer = server.connected_peer();

	// The client process "crashes": its socket goes away without a close_notify.
	first.udp->close();
	TestClient second(server.port(), local_port);
	static_cast<PacketPeerDTLSOpenSSL *>(second.dtls.ptr())->set_session_settings(fast);
	StderrCapture capture;
	REQUIRE(second.connect() == OK);
	REQUIRE(run_until(server, second.dtls, [&]() { return second.dtls->get_status() == PacketPeerDTLS::STATUS_CONNECTED; }));
	const String printed = capture.finish();
	CHECK(old_peer->get_status() == PacketPeerDTLS::STATUS_DISCONNECTED);
	CHECK(contains(printed, "the client restarted"));
	const Ref<PacketPeerDTLS> new_peer = server.connected_peer();
	REQUIRE(new_peer.is_valid());
	CHECK(new_peer != old_peer);
	REQUIRE(second.dtls->put_packet_buffer(bytes_of("hello again")) == OK);
	CHECK(run_until(server, second.dtls, [&]() { return new_peer->get_available_packet_count() == 1; }));
}

TEST_CASE("[DTLSServer] Replayed and foreign ClientHellos from a connected client's address do not disturb it") {
	TestServer server;
	// A raw core session as the client, so its datagrams can be recorded and replayed from its
	// own address and port.
	struct RecordingSink : dtls::DatagramSink {
		Ref<PacketPeerUDP> udp;
		std::vector<std::vector<uint8_t>> sent;
		void send_datagram(const uint8_t *p_data, size_t p_size) override {
			sent.emplace_back(p_data, p_data + p_size);
			udp->put_packet(p_data, int(p_size));
		}
	} sink;
	sink.udp.instantiate();
	REQUIRE(sink.udp->connect_to_host("127.0.0.1", server.port()) == OK);
	dtls::DTLSContext context;
	REQUIRE(context.setup_client(dtls::DTLSContext::VerifyMode::NONE, {}));
	dtls::DTLSSession client(context.get_ssl_ctx(), dtls::DTLSSession::SIDE_CLIENT, &sink);
	std::vector<std::vector<uint8_t>> received;
	const auto pump_client = [&]() {
		const uint8_t *data = nullptr;
		int size = 0;
		while (sink.udp->get_packet(&data, size) == OK) {
			received.emplace_back(data, data + size);
			client.receive_datagram(data, size_t(size));
		}
		client.poll(now_ms());
	};
	REQUIRE(client.start_client("localhost", "", now_ms()));
	REQUIRE(run_until(server, Ref<PacketPeerDTLS>(), [&]() {
		pump_client();
		return client.get_status() == dtls::DTLSSession::STATUS_CONNECTED && server.connected_peer().is_valid();
	}));
	const Ref<PacketPeerDTLS> peer = server.connected_peer();
	REQUIRE(sink.sent.size() >= 2);
	const std::vector<uint8_t> first_hello = sink.sent[0];
	const std::vector<uint8_t> hello_with_cookie = sink.sent[1];

	// Another client instance's ClientHello (a new random), never completed.
	const std::vector<uint8_t> foreign_hello = make_client_hello();
	REQUIRE(!foreign_hello.empty());

	StderrCapture capture;
	received.clear();
	const std::vector<const std::vector<uint8_t> *> injected = { &first_hello, &hello_with_cookie, &foreign_hello, &hello_with_cookie };
	for (const std::vector<uint8_t> *datagram : injected) {
		REQUIRE(sink.udp->put_packet(datagram->data(), int(datagram->size())) == OK);
	}
	for (int i = 0; i < 50; i++) {
		server.pump();
		pump_client();
		std::this_thread::sleep_for(std::chrono::milliseconds(2));
	}
	CHECK(capture.finish().empty());
	// Only the foreign ClientHello was answered: one HelloVerifyRequest, which the connected
	// client ignores.
	REQUIRE(received.size() == 1);
	CHECK(received[0][0] == 22);
	CHECK(received[0][13] == 3);
	CHECK(peer->get_status() == PacketPeerDTLS::STATUS_CONNECTED);
	CHECK(client.get_status() == dtls::DTLSSession::STATUS_CONNECTED);
	CHECK(server.peers.size() == 1);
	const uint8_t hello[] = { 'h', 'i' };
	REQUIRE(client.send_packet(hello, sizeof(hello)) == dtls::DTLSSession::SEND_OK);
	CHECK(run_until(server, Ref<PacketPeerDTLS>(), [&]() { return peer->get_available_packet_count() == 1; }));
	REQUIRE(peer->put_packet_buffer(bytes_of("ho")) == OK);
	CHECK(run_until(server, Ref<PacketPeerDTLS>(), [&]() {
		pump_client();
		return client.available_packet_count() == 1;
	}));
}

TEST_CASE("[DTLSServer] set_handshake_retransmit_timeout applies to the peers taken afterwards") {
	TestServer server;
	CHECK(server.dtls->get_handshake_retransmit_timeout() == doctest::Approx(0.25));
	server.dtls->set_handshake_retransmit_timeout(0.5);
	CHECK(server.dtls->get_handshake_retransmit_timeout() == doctest::Approx(0.5));
	TestClient client(server.port());
	REQUIRE(connect_pair(server, client));
	CHECK(server.connected_peer()->get_handshake_retransmit_timeout() == doctest::Approx(0.5));

	StderrCapture capture;
	server.dtls->set_handshake_retransmit_timeout(0.0);
	CHECK(contains(capture.finish(), "DTLSServer.set_handshake_retransmit_timeout: 0 s is outside 0.02..60 s; it stays 0.5 s"));
}
