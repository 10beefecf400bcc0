// PacketPeerDTLS (engine class, OpenSSL module) at the edges of a session, over loopback UDP: a
// close_notify that arrives in the same poll() as packets, the idle timeout that detects a killed
// peer, the handshake retransmission timer and the largest unfragmented packet (the last three
// are Quickdot extensions). Waits are bounded loops; the one timing
// check on the retransmission timer asserts lower bounds and a generous upper one.

#include "helpers/dtls_engine_test_helpers.h"

#include "openssl/packet_peer_dtls_openssl.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

using namespace godot;
using namespace dtls_test;

namespace {

// Waits until the client's UDP socket holds p_count datagrams, so that one poll() reads them all.
void wait_for_datagrams(TestClient &p_client, int p_count) {
	for (int i = 0; i < 1000 && p_client.udp->get_available_packet_count() < p_count; i++) {
		std::this_thread::sleep_for(std::chrono::milliseconds(2));
	}
	REQUIRE(p_client.udp->get_available_packet_count() == p_count);
}

} // namespace

TEST_CASE("[PacketPeerDTLS] Packets and the close_notify behind them in one poll: read while CONNECTED, DISCONNECTED at the next poll") {
	// One packet, and more than the peer feeds its session between two of the session's polls.
	for (const int packets : { 1, 40 }) {
		CAPTURE(packets);
		TestServer server;
		TestClient client(server.port());
		REQUIRE(connect_pair(server, client));
		const Ref<PacketPeerDTLS> peer = server.connected_peer();
		for (int i = 0; i < packets; i++) {
			REQUIRE(peer->put_packet_buffer(bytes_of("packet " + std::to_string(i))) == OK);
		}
		peer->disconnect_from_peer();
		wait_for_datagrams(client, packets + 1);

		StderrCapture capture;
		client.dtls->poll();
		// The usual Godot loop: `if status == CONNECTED: while get_available_packet_count() > 0`.
		REQUIRE(client.dtls->get_status() == PacketPeerDTLS::STATUS_CONNECTED);
		CHECK(client.dtls->get_available_packet_count() == packets);
		PackedByteArray packet;
		REQUIRE(client.dtls->get_packet_buffer(packet) == OK);
		CHECK(text_of(packet) == "packet 0");
		// The peer has gone: a reply is accepted and goes nowhere, quietly.
		CHECK(client.dtls->put_packet_buffer(bytes_of("reply")) == OK);
		CHECK(capture.finish().empty());

		StderrCapture ending;
		client.dtls->poll();
		CHECK(client.dtls->get_status() == PacketPeerDTLS::STATUS_DISCONNECTED);
		CHECK(ending.finish().empty()); // A normal event: nothing on stderr.
		// What was not read yet stays readable.
		CHECK(client.dtls->get_available_packet_count() == packets - 1);
		for (int i = 1; i < packets; i++) {
			REQUIRE(client.dtls->get_packet_buffer(packet) == OK);
			CHECK(text_of(packet) == "packet " + std::to_string(i));
		}
	}
}

TEST_CASE("[PacketPeerDTLS] The idle timeout: off by default; a killed peer ends the connection in STATUS_ERROR, saying why") {
	TestServer server;
	TestClient client(server.port());
	CHECK(client.dtls->get_idle_timeout() == 0.0);
	REQUIRE(connect_pair(server, client));
	const Ref<PacketPeerDTLS> peer = server.connected_peer();

	SUBCASE("on the server: the client process dies without a close_notify") {
		peer->set_idle_timeout(0.3);
		CHECK(peer->get_idle_timeout() == doctest::Approx(0.3));
		// Traffic keeps it up.
		const uint64_t until = now_ms() + 500;
		REQUIRE(run_until(server, client.dtls, [&]() {
			client.dtls->put_packet_buffer(bytes_of("alive"));
			return now_ms() >= until;
		}));
		CHECK(peer->get_status() == PacketPeerDTLS::STATUS_CONNECTED);

		client.udp->close(); // Killed.
		StderrCapture capture;
		REQUIRE(run_until(server, Ref<PacketPeerDTLS>(), [&]() { return peer->get_status() != PacketPeerDTLS::STATUS_CONNECTED; }));
		const String printed = capture.finish();
		CHECK(peer->get_status() == PacketPeerDTLS::STATUS_ERROR);
		CHECK(contains(printed, "PacketPeerDTLS (server side, peer 127.0.0.1:"));
		CHECK(contains(printed, "no packet from the peer for 0.3 s, the idle timeout set with set_idle_timeout()"));
	}
	SUBCASE("on the client: the server stops answering; it is told with a close_notify") {
		client.dtls->set_idle_timeout(0.2);
		StderrCapture capture;
		REQUIRE(pump_until([&]() { client.dtls->poll(); }, [&]() { return client.dtls->get_status() != PacketPeerDTLS::STATUS_CONNECTED; }, 5000));
		CHECK(client.dtls->get_status() == PacketPeerDTLS::STATUS_ERROR);
		CHECK(contains(capture.finish(), "no packet from the peer for 0.2 s"));
		REQUIRE(run_until(server, Ref<PacketPeerDTLS>(), [&]() { return peer->get_status() == PacketPeerDTLS::STATUS_DISCONNECTED; }));
	}
	SUBCASE("out-of-range values are refused, saying so") {
		StderrCapture capture;
		client.dtls->set_idle_timeout(-1.0);
		client.dtls->set_idle_timeout(1e9);
		const String printed = capture.finish();
		CHECK(contains(printed, "PacketPeerDTLS.set_idle_timeout: -1 s is outside 0..86400 s (0 turns the idle timeout off); it stays 0 s"));
		CHECK(contains(printed, "PacketPeerDTLS.set_idle_timeout: 1e+09 s is outside"));
		CHECK(client.dtls->get_idle_timeout() == 0.0);
	}
}

TEST_CASE("[PacketPeerDTLS] set_handshake_retransmit_timeout sets when a lost ClientHello is sent again") {
	CHECK(Ref<PacketPeerDTLS>(PacketPeerDTLS::create())->get_handshake_retransmit_timeout() == doctest::Approx(0.25));

	// A "server" that never answers: every ClientHello the client sends arrives here.
	Ref<PacketPeerUDP> silent(memnew(PacketPeerUDP));
	REQUIRE(silent->bind(0, "127.0.0.1") == OK);
	Ref<PacketPeerUDP> udp(memnew(PacketPeerUDP));
	REQUIRE(udp->connect_to_host("127.0.0.1", silent->get_local_port()) == OK);
	Ref<PacketPeerDTLS> client(PacketPeerDTLS::create());
	client->set_handshake_retransmit_timeout(0.05);
	CHECK(client->get_handshake_retransmit_timeout() == doctest::Approx(0.05));
	REQUIRE(client->connect_to_peer(udp, "localhost", TLSOptions::client_unsafe()) == OK);
	const uint64_t started = now_ms();
	std::vector<uint64_t> arrivals;
	REQUIRE(pump_until([&]() {
		client->poll();
		while (silent->get_available_packet_count() > 0) {
			PackedByteArray hello;
			silent->get_packet_buffer(hello);
			arrivals.push_back(now_ms() - started);
		} },
			[&]() { return arrivals.size() >= 2; }, 5000));
	MESSAGE("ClientHello at " << arrivals[0] << " ms, again at " << arrivals[1] << " ms");
	CHECK(arrivals[1] >= 50 - 16); // OpenSSL fires up to 15 ms early.
	CHECK(arrivals[1] < 250); // Sooner than the default.

	StderrCapture capture;
	client->set_handshake_retransmit_timeout(0.001);
	client->set_handshake_retransmit_timeout(61);
	const String printed = capture.finish();
	CHECK(contains(printed, "PacketPeerDTLS.set_handshake_retransmit_timeout: 0.001 s is outside 0.02..60 s; it stays 0.05 s"));
	CHECK(contains(printed, "61 s is outside 0.02..60 s"));
	CHECK(client->get_handshake_retransmit_timeout() == doctest::Approx(0.05));
}

TEST_CASE("[PacketPeerDTLS] get_max_unfragmented_packet_size: what fits one 1200-byte datagram, a lower bound before connecting") {
	TestServer server;
	TestClient client(server.port());
	const int before = client.dtls->get_max_unfragmented_packet_size();
	CHECK(before == 1200 - (13 + 8 + 16)); // The largest overhead of the allowed suites.
	REQUIRE(connect_pair(server, client));
	const int connected = client.dtls->get_max_unfragmented_packet_size();
	CHECK(connected >= before);
	CHECK(connected < 1200);
	CHECK(server.connected_peer()->get_max_unfragmented_packet_size() == connected);
	for (const char *name : { "get_max_unfragmented_packet_size", "set_idle_timeout", "get_idle_timeout", "set_handshake_retransmit_timeout", "get_handshake_retransmit_timeout" }) {
		const MethodBind *method = ClassDB::get_method("PacketPeerDTLS", name);
		REQUIRE(method != nullptr);
		CHECK(method->is_quickdot_extension());
	}
	CHECK(ClassDB::get_method("DTLSServer", "set_handshake_retransmit_timeout")->is_quickdot_extension());
	MESSAGE("largest unfragmented packet: " << connected << " B connected, " << before << " B before");
}

TEST_CASE("[PacketPeerDTLS][Measure] Throughput of 16384-byte packets echoed on loopback, 8 in flight" * doctest::skip()) {
	struct Echo : TestServer {
		void _serve_peer(const Ref<PacketPeerDTLS> &p_peer) override {
			const uint8_t *data = nullptr;
			int size = 0;
			while (p_peer->get_available_packet_count() > 0 && p_peer->get_packet(&data, size) == OK) {
				p_peer->put_packet(data, size);
			}
		}
	} server;
	TestClient client(server.port());
	REQUIRE(connect_pair(server, client));
	constexpr int ROUND_TRIPS = 5000;
	constexpr int IN_FLIGHT = 8;
	const std::vector<uint8_t> packet(16384, 0x5a);
	int sent = 0;
	int received = 0;
	uint64_t last_progress = now_ms();
	const auto started = std::chrono::steady_clock::now();
	while (received < ROUND_TRIPS && now_ms() - last_progress < 1000) {
		while (sent < ROUND_TRIPS && sent - received < IN_FLIGHT) {
			REQUIRE(client.dtls->put_packet(packet.data(), int(packet.size())) == OK);
			sent++;
		}
		server.pump();
		client.dtls->poll();
		const uint8_t *data = nullptr;
		int size = 0;
		while (client.dtls->get_available_packet_count() > 0 && client.dtls->get_packet(&data, size) == OK) {
			CHECK(size == 16384);
			received++;
			last_progress = now_ms();
		}
	}
	const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
	// A lost echo (a full socket buffer) stalls its slot; the run then ends at the 1 s watchdog.
	MESSAGE(received << " of " << sent << " echoes of 16384 bytes in " << seconds << " s: " << received / seconds << " round trips/s, "
					 << 2.0 * received * 16384 / seconds / 1e6 << " MB/s both ways");
	CHECK(received > 0);
}
