// Hostile networks: PacketPeerDTLS and DTLSServer (the OpenSSL module) over loopback UDP through
// the chaos relay (tests/chaos/chaos_relay.h): loss, duplication, reordering, delay, an MTU cap,
// bit flips, garbage and forged records, a client restart, and a spoofed ClientHello flood.
//
// The application protocol on top is the one a game would use on an unreliable transport: every
// message carries an id, the client retransmits each one until the server acknowledges it, and
// the server processes each id once (duplicates are only acknowledged again). Each scenario
// asserts every message was processed exactly once. Waits are bounded loops, never timing
// assertions; every relay is seeded, so a failure reproduces.

#include "chaos/chaos_relay.h"
#include "helpers/dtls_engine_test_helpers.h"
#include "helpers/dtls_test_helpers.h"

#include "openssl/crypto_key_openssl.h"
#include "openssl/packet_peer_dtls_openssl.h"
#include "openssl/x509_certificate_openssl.h"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <thread>
#include <vector>

using namespace godot;
using namespace dtls_test;
using chaos::ChaosRelay;

namespace {

// Three RSA-2048 certificates, each with its own key: root -> intermediate -> leaf. The server
// sends all three; the client trusts the root.
const Identity &rsa_chain_identity() {
	static const Identity identity = []() {
		const KeyPtr root_key = make_rsa_key(2048);
		const KeyPtr intermediate_key = make_rsa_key(2048);
		KeyPtr leaf_key = make_rsa_key(2048);
		CertPtr root = make_certificate("Quickdot Hostile Root", root_key.get(), nullptr, nullptr, true);
		CertPtr intermediate = make_certificate("Quickdot Hostile Intermediate", intermediate_key.get(), root.get(), root_key.get(), true, 2);
		CertPtr leaf = make_certificate("localhost", leaf_key.get(), intermediate.get(), intermediate_key.get(), false, 3);
		REQUIRE((root && intermediate && leaf));

		Identity made;
		Ref<X509CertificateOpenSSL> trusted(memnew(X509CertificateOpenSSL));
		X509_up_ref(root.get());
		trusted->add_certificate(root.get()); // Takes the reference.
		made.trusted = trusted;
		Ref<X509CertificateOpenSSL> chain(memnew(X509CertificateOpenSSL));
		chain->add_certificate(leaf.release());
		chain->add_certificate(intermediate.release());
		chain->add_certificate(root.release());
		made.certificate = chain;
		Ref<CryptoKeyOpenSSL> key(memnew(CryptoKeyOpenSSL));
		key->set_pkey(leaf_key.release(), false);
		made.key = key;
		return made;
	}();
	return identity;
}

// Message framing: "m<id>" from the client, "a<id>" back from the server.
std::string frame(char p_kind, int p_id) {
	return std::string(1, p_kind) + std::to_string(p_id);
}

bool unframe(const PackedByteArray &p_packet, char p_kind, int &r_id) {
	const std::string text(reinterpret_cast<const char *>(p_packet.ptr()), size_t(p_packet.size()));
	if (text.size() < 2 || text[0] != p_kind) {
		return false;
	}
	r_id = std::stoi(text.substr(1));
	return true;
}

// The test server, acknowledging every message and processing each id once.
class EchoServer : public TestServer {
public:
	std::map<int, int> processed; // id -> times the application processed it (must be 1).
	uint64_t received = 0; // Packets received, retransmissions included.

	explicit EchoServer(const Identity &p_identity, const dtls::DTLSSession::Settings &p_settings = fast_settings()) :
			TestServer(p_identity, p_settings) {}

protected:
	void _serve_peer(const Ref<PacketPeerDTLS> &p_peer) override {
		while (p_peer->get_available_packet_count() > 0) {
			PackedByteArray packet;
			p_peer->get_packet_buffer(packet);
			int id = 0;
			if (!unframe(packet, 'm', id)) {
				continue;
			}
			received++;
			// A retransmission the client sent before our acknowledgement reached it is
			// acknowledged again, not processed again.
			processed.emplace(id, 1);
			p_peer->put_packet_buffer(bytes_of(frame('a', id)));
		}
	}
};

// A client that sends numbered messages and retransmits each until it is acknowledged.
struct EchoClient : TestClient {
	std::map<int, uint64_t> unacked; // id -> when it was last sent.
	std::set<int> acked;
	uint64_t retransmissions = 0;
	static constexpr uint64_t RETRY_MS = 150;

	explicit EchoClient(int p_port, int p_local_port = -1) :
			TestClient(p_port, p_local_port, fast_settings()) {}

	void queue(int p_first, int p_count) {
		for (int id = p_first; id < p_first + p_count; id++) {
			unacked[id] = 0; // Due at once.
		}
	}

	void pump(uint64_t p_now_ms) {
		dtls->poll();
		while (dtls->get_available_packet_count() > 0) {
			int id = 0;
			PackedByteArray packet;
			dtls->get_packet_buffer(packet);
			if (unframe(packet, 'a', id)) {
				unacked.erase(id);
				acked.insert(id);
			}
		}
		if (!connected()) {
			return;
		}
		for (auto &entry : unacked) {
			if (entry.second == 0 || p_now_ms >= entry.second + RETRY_MS) {
				retransmissions += entry.second != 0;
				const std::string message = frame('m', entry.first);
				dtls->put_packet(reinterpret_cast<const uint8_t *>(message.data()), int(message.size()));
				entry.second = p_now_ms;
			}
		}
	}
};

// Runs relay, server and client until p_done holds or p_limit_ms passes.
bool drive(ChaosRelay *p_relay, EchoServer &p_server, EchoClient *p_client, const std::function<bool()> &p_done, uint64_t p_limit_ms) {
	return pump_until([&]() {
		const uint64_t now = ChaosRelay::now_ms();
		if (p_relay != nullptr) {
			p_relay->pump(now);
		}
		p_server.pump();
		if (p_client != nullptr) {
			p_client->pump(now);
		}
	},
			p_done, p_limit_ms);
}

// Every id in [0, p_count) was processed once by the server and acknowledged to the client.
void check_delivered_once(const EchoServer &p_server, const EchoClient &p_client, int p_count) {
	CHECK(p_client.unacked.empty());
	CHECK(int(p_client.acked.size()) == p_count);
	CHECK(int(p_server.processed.size()) == p_count);
	for (const auto &entry : p_server.processed) {
		CHECK(entry.first >= 0);
		CHECK(entry.first < p_count);
		CHECK(entry.second == 1);
	}
}

uint64_t total_dropped(const ChaosRelay &p_relay) {
	return p_relay.stats(ChaosRelay::TO_SERVER).dropped + p_relay.stats(ChaosRelay::TO_CLIENT).dropped;
}

void set_both(ChaosRelay &p_relay, const std::function<void(chaos::Faults &)> &p_set) {
	p_set(p_relay.faults(ChaosRelay::TO_SERVER));
	p_set(p_relay.faults(ChaosRelay::TO_CLIENT));
}

constexpr int MESSAGES = 60;

} // namespace

TEST_CASE("[Hostile] The chaos relay is reproducible for a seed") {
	// Two relays with the same seed, fed the same datagrams, make the same decisions.
	std::vector<uint64_t> outcomes[2];
	for (int run = 0; run < 2; run++) {
		const int sink = socket(AF_INET, SOCK_DGRAM, 0);
		sockaddr_in address = {};
		address.sin_family = AF_INET;
		address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		socklen_t length = sizeof(address);
		REQUIRE(bind(sink, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0);
		REQUIRE(getsockname(sink, reinterpret_cast<sockaddr *>(&address), &length) == 0);
		ChaosRelay relay(ntohs(address.sin_port), 4242);
		REQUIRE(relay.is_open());
		chaos::Faults &faults = relay.faults(ChaosRelay::TO_SERVER);
		faults.drop = 0.2;
		faults.duplicate = 0.2;
		faults.reorder = 0.2;
		faults.bit_flip = 0.2;
		faults.garbage = 0.2;
		faults.mtu = 100;
		const int sender = socket(AF_INET, SOCK_DGRAM, 0);
		sockaddr_in target = address;
		target.sin_port = htons(relay.listen_port());
		for (int i = 0; i < 200; i++) {
			std::vector<uint8_t> datagram(size_t(1 + i % 120), uint8_t(i));
			sendto(sender, datagram.data(), datagram.size(), 0, reinterpret_cast<sockaddr *>(&target), sizeof(target));
			// Wait until the relay has read it, so both runs see the same arrival order.
			for (int wait = 0; wait < 1000 && relay.stats(ChaosRelay::TO_SERVER).received < uint64_t(i + 1); wait++) {
				relay.pump(ChaosRelay::now_ms());
			}
		}
		const chaos::Stats &stats = relay.stats(ChaosRelay::TO_SERVER);
		CHECK(stats.received == 200);
		outcomes[run] = { stats.dropped, stats.duplicated, stats.reordered, stats.flipped, stats.garbage, stats.mtu_dropped };
		CHECK(stats.dropped > 0);
		CHECK(stats.mtu_dropped > 0);
		close(sender);
		close(sink);
	}
	CHECK(outcomes[0] == outcomes[1]);
}

TEST_CASE("[Hostile] 20% loss with duplication and reordering both ways: every message delivered once") {
	EchoServer server(ec_identity());
	ChaosRelay relay(uint16_t(server.port()), 1);
	REQUIRE(relay.is_open());
	set_both(relay, [](chaos::Faults &f) {
		f.drop = 0.2;
		f.duplicate = 0.2;
		f.reorder = 0.2;
		f.delay_ms = 5;
	});
	EchoClient client(relay.listen_port());
	REQUIRE(client.connect() == OK);
	REQUIRE(drive(
			&relay, server, &client, [&]() { return client.connected() && server.connected_count() == 1; }, 20000));
	client.queue(0, MESSAGES);
	REQUIRE(drive(
			&relay, server, &client, [&]() { return client.unacked.empty(); }, 20000));
	check_delivered_once(server, client, MESSAGES);
	CHECK(client.connected());
	CHECK(server.connected_count() == 1);
	CHECK(relay.stats(ChaosRelay::TO_SERVER).duplicated > 0);
	CHECK(relay.stats(ChaosRelay::TO_CLIENT).reordered > 0);
	MESSAGE("drops survived: " << total_dropped(relay) << " (to server " << relay.stats(ChaosRelay::TO_SERVER).dropped << ", to client "
							   << relay.stats(ChaosRelay::TO_CLIENT).dropped << "), duplicates " << relay.stats(ChaosRelay::TO_SERVER).duplicated + relay.stats(ChaosRelay::TO_CLIENT).duplicated
							   << ", reordered " << relay.stats(ChaosRelay::TO_SERVER).reordered + relay.stats(ChaosRelay::TO_CLIENT).reordered
							   << ", application retransmissions " << client.retransmissions);
}

TEST_CASE("[Hostile] 30% loss during the handshake: it completes within the retransmission budget") {
	EchoServer server(ec_identity());
	uint64_t dropped = 0;
	for (uint32_t seed = 10; seed < 16; seed++) {
		ChaosRelay relay(uint16_t(server.port()), seed);
		REQUIRE(relay.is_open());
		set_both(relay, [](chaos::Faults &f) { f.drop = 0.3; });
		EchoClient client(relay.listen_port());
		REQUIRE(client.connect() == OK);
		const size_t peers_before = server.peers.size();
		// fast_settings(): 100 ms doubling to 800 ms; the 30 s handshake timeout is never reached.
		REQUIRE(drive(
				&relay, server, &client, [&]() {
					return client.connected() && server.peers.size() > peers_before && server.peers.back()->get_status() == PacketPeerDTLS::STATUS_CONNECTED;
				},
				15000));
		set_both(relay, [](chaos::Faults &f) { f.drop = 0.0; });
		server.processed.clear();
		client.queue(0, 10);
		REQUIRE(drive(
				&relay, server, &client, [&]() { return client.unacked.empty(); }, 5000));
		check_delivered_once(server, client, 10);
		MESSAGE("seed " << seed << ": handshake survived " << total_dropped(relay) << " dropped datagrams");
		dropped += total_dropped(relay);
		client.dtls->disconnect_from_peer();
	}
	CHECK(dropped >= 10); // The seeds really did drop handshake datagrams.
}

TEST_CASE("[Hostile] Every handshake flight lost once: the handshake completes by retransmission") {
	EchoServer server(ec_identity());
	ChaosRelay relay(uint16_t(server.port()), 20);
	REQUIRE(relay.is_open());
	set_both(relay, [](chaos::Faults &f) { f.drop_first_flights = true; });
	EchoClient client(relay.listen_port());
	REQUIRE(client.connect() == OK);
	REQUIRE(drive(
			&relay, server, &client, [&]() { return client.connected() && server.connected_count() == 1; }, 15000));
	// Client: ClientHello, ClientHello with the cookie, its key exchange and Finished flight.
	// Server: HelloVerifyRequest, its hello-to-ServerHelloDone flight, its Finished flight.
	const uint64_t to_server = relay.stats(ChaosRelay::TO_SERVER).flights_dropped;
	const uint64_t to_client = relay.stats(ChaosRelay::TO_CLIENT).flights_dropped;
	CHECK(to_server >= 3);
	CHECK(to_client >= 3);
	client.queue(0, 10);
	REQUIRE(drive(
			&relay, server, &client, [&]() { return client.unacked.empty(); }, 5000));
	check_delivered_once(server, client, 10);
	MESSAGE("first copies dropped: " << to_server << " datagrams to the server, " << to_client << " to the client");
}

TEST_CASE("[Hostile] Garbage, bit flips and forged records in a live session: it stays up and delivers") {
	EchoServer server(ec_identity());
	ChaosRelay relay(uint16_t(server.port()), 7);
	REQUIRE(relay.is_open());
	EchoClient client(relay.listen_port());
	REQUIRE(client.connect() == OK);
	REQUIRE(drive(
			&relay, server, &client, [&]() { return client.connected() && server.connected_count() == 1; }, 10000));
	// A first exchange so the relay learns the live epoch in both directions.
	client.queue(0, 5);
	REQUIRE(drive(
			&relay, server, &client, [&]() { return client.unacked.empty(); }, 5000));
	set_both(relay, [](chaos::Faults &f) {
		f.garbage = 0.3;
		f.forge = 0.5;
		f.bit_flip = 0.1;
		f.drop = 0.05;
	});
	client.queue(5, MESSAGES - 5);
	REQUIRE(drive(
			&relay, server, &client, [&]() { return client.unacked.empty(); }, 20000));
	check_delivered_once(server, client, MESSAGES);
	CHECK(client.connected());
	CHECK(server.connected_count() == 1);
	const chaos::Stats &up = relay.stats(ChaosRelay::TO_SERVER);
	const chaos::Stats &down = relay.stats(ChaosRelay::TO_CLIENT);
	CHECK(up.forged > 0);
	CHECK(down.forged > 0);
	CHECK(up.garbage + down.garbage > 0);
	CHECK(up.flipped + down.flipped > 0);
	MESSAGE("survived " << up.forged + down.forged << " forged records, " << up.garbage + down.garbage << " garbage datagrams, "
						<< up.flipped + down.flipped << " bit flips, " << total_dropped(relay) << " drops");
}

TEST_CASE("[Hostile] A 1200-byte MTU path and a 3-certificate RSA-2048 chain: the handshake completes through the cap") {
	const Identity &identity = rsa_chain_identity();
	EchoServer server(identity);
	ChaosRelay relay(uint16_t(server.port()), 3);
	REQUIRE(relay.is_open());
	set_both(relay, [](chaos::Faults &f) {
		f.mtu = 1200;
		f.drop = 0.1;
	});
	EchoClient client(relay.listen_port());
	REQUIRE(client.connect("localhost", TLSOptions::client(identity.trusted)) == OK);
	REQUIRE(drive(
			&relay, server, &client, [&]() { return client.connected() && server.connected_count() == 1; }, 15000));
	client.queue(0, 20);
	REQUIRE(drive(
			&relay, server, &client, [&]() { return client.unacked.empty(); }, 10000));
	check_delivered_once(server, client, 20);
	const chaos::Stats &down = relay.stats(ChaosRelay::TO_CLIENT);
	CHECK(down.mtu_dropped == 0);
	CHECK(relay.stats(ChaosRelay::TO_SERVER).mtu_dropped == 0);
	CHECK(down.largest <= 1200);
	CHECK(down.largest > 1000); // The certificate flight really filled datagrams up to the cap.
	MESSAGE("server flight datagrams: " << down.received << ", largest " << down.largest << " bytes; drops survived " << total_dropped(relay));
}

TEST_CASE("[Hostile] A client restarting on the same address and port mid-session replaces its session") {
	// NETWORKING.md has no explicit rule for this case; the module's documented behaviour
	// (packet_peer_dtls_openssl.h) is: the restarted client's new ClientHello is answered
	// statelessly, and once its cookie verifies the old connected session ends
	// (STATUS_DISCONNECTED) and the client's next datagram becomes a new connection.
	EchoServer server(ec_identity());
	ChaosRelay relay(uint16_t(server.port()), 5);
	REQUIRE(relay.is_open());
	set_both(relay, [](chaos::Faults &f) {
		f.drop = 0.1;
		f.duplicate = 0.1;
		f.reorder = 0.1;
	});
	int local_port = 0;
	Ref<PacketPeerDTLS> old_peer;
	{
		EchoClient first(relay.listen_port(), 0);
		local_port = first.udp->get_local_port();
		REQUIRE(first.connect() == OK);
		REQUIRE(drive(
				&relay, server, &first, [&]() { return first.connected() && server.connected_count() == 1; }, 15000));
		first.queue(0, 20);
		REQUIRE(drive(
				&relay, server, &first, [&]() { return first.unacked.empty(); }, 10000));
		old_peer = server.peers.back();
		// The client process dies: no close_notify.
		first.udp->close();
	}
	EchoClient second(relay.listen_port(), local_port);
	REQUIRE(second.connect() == OK);
	REQUIRE(drive(
			&relay, server, &second, [&]() { return second.connected() && server.connected_count() == 1 && server.peers.back() != old_peer; }, 15000));
	CHECK(old_peer->get_status() == PacketPeerDTLS::STATUS_DISCONNECTED);
	// The application ids continue: the server processes each of them once.
	second.queue(20, 20);
	REQUIRE(drive(
			&relay, server, &second, [&]() { return second.unacked.empty(); }, 10000));
	CHECK(int(server.processed.size()) == 40);
	for (const auto &entry : server.processed) {
		CHECK(entry.second == 1);
	}
	CHECK(second.connected());
}

namespace {

// A non-blocking socket bound to p_source (port 0) and connected to the server. Each batch of
// flooding sockets uses its own loopback address, so every source (address, port) is distinct even
// though the kernel reuses the ports of closed sockets.
int open_flood_socket(int p_server_port, uint32_t p_source) {
	const int fd = socket(AF_INET, SOCK_DGRAM, 0);
	REQUIRE(fd >= 0);
	sockaddr_in source = {};
	source.sin_family = AF_INET;
	source.sin_addr.s_addr = htonl(p_source);
	REQUIRE(bind(fd, reinterpret_cast<sockaddr *>(&source), sizeof(source)) == 0);
	sockaddr_in server = {};
	server.sin_family = AF_INET;
	server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	server.sin_port = htons(uint16_t(p_server_port));
	REQUIRE(connect(fd, reinterpret_cast<sockaddr *>(&server), sizeof(server)) == 0);
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	return fd;
}

struct FloodFigures {
	uint64_t requests = 0;
	uint64_t replies = 0;
	uint64_t oversize_replies = 0;
	size_t largest_reply = 0;
	size_t sources_taken = 0; // Peers the server took for flooding sources.
	double first_batch_bytes_per_source = 0.0; // Server memory per source, all of them still held.
};

// Sends one cookie-less ClientHello from each of p_sources distinct sources, p_batch sockets at a
// time, pumping the server (and p_pump_other) in between; captures every reply.
FloodFigures flood(EchoServer &p_server, int p_sources, int p_batch, const std::function<void()> &p_pump_other) {
	constexpr int BURST = 50; // Sent between two server polls, well within its socket buffer.
	const std::vector<uint8_t> hello = make_client_hello();
	REQUIRE(!hello.empty());
	FloodFigures figures;
	std::vector<uint8_t> reply(65536);
	const auto pump_all = [&]() {
		p_server.pump();
		p_pump_other();
	};
	pump_all();
	const size_t memory_before = live_heap_bytes();
	const size_t peers_before = p_server.peers.size();
	for (int sent = 0, batch = 0; sent < p_sources; sent += p_batch, batch++) {
		const uint32_t source = (127u << 24) | (1u << 8) | uint32_t(batch + 1); // 127.0.1.<batch+1>
		std::vector<int> sockets;
		for (int i = 0; i < p_batch; i++) {
			sockets.push_back(open_flood_socket(p_server.port(), source));
		}
		for (int i = 0; i < p_batch; i++) {
			if (send(sockets[i], hello.data(), hello.size(), 0) == ssize_t(hello.size())) {
				figures.requests++;
			}
			if ((i + 1) % BURST == 0) {
				pump_all();
			}
		}
		for (int round = 0; round < 5; round++) {
			pump_all();
			std::this_thread::sleep_for(std::chrono::milliseconds(1));
		}
		for (int fd : sockets) {
			ssize_t size;
			while ((size = recv(fd, reply.data(), reply.size(), 0)) > 0) {
				figures.replies++;
				figures.largest_reply = std::max(figures.largest_reply, size_t(size));
				figures.oversize_replies += size_t(size) > hello.size();
			}
			close(fd);
		}
		if (batch == 0) {
			const size_t taken = p_server.peers.size() - peers_before;
			const size_t memory = live_heap_bytes();
			figures.first_batch_bytes_per_source = taken == 0 || memory < memory_before ? 0.0 : double(memory - memory_before) / double(taken);
		}
	}
	figures.sources_taken = p_server.peers.size() - peers_before;
	CHECK(figures.largest_reply <= hello.size());
	return figures;
}

} // namespace

TEST_CASE("[Hostile] A flood of 20,000 spoofed-source ClientHellos: no amplification, half-open peers released, a real client still connects") {
	constexpr int SOURCES = 20000;
	constexpr uint32_t HALF_OPEN_MS = 2000;

	dtls::DTLSSession::Settings settings = fast_settings();
	settings.handshake_timeout_ms = HALF_OPEN_MS; // The half-open limit, shortened for the test.
	EchoServer server(ec_identity(), settings);
	server.udp->set_max_pending_connections(200);

	EchoClient real(server.port());
	REQUIRE(real.connect() == OK);
	StderrCapture capture;
	const size_t memory_before = live_heap_bytes();
	const FloodFigures figures = flood(server, SOURCES, 500, [&]() { real.pump(ChaosRelay::now_ms()); });
	// The half-open peers that time out are reported in one line (then sums every 10 s), not 20,000.
	const String printed = capture.finish();
	CHECK(std::count(printed.begin(), printed.end(), '\n') <= 3);

	// Every flooding source became a peer, and none of them has an SSL: each is still waiting
	// for a cookie or has already reached the half-open limit.
	size_t without_session = 0;
	for (const Ref<PacketPeerDTLS> &peer : server.peers) {
		without_session += static_cast<PacketPeerDTLSOpenSSL *>(peer.ptr())->is_waiting_for_cookie() || peer->get_status() == PacketPeerDTLS::STATUS_ERROR;
	}
	CHECK(figures.requests == uint64_t(SOURCES));
	CHECK(figures.sources_taken >= size_t(SOURCES) * 95 / 100); // Nearly every datagram got through the socket.
	CHECK(without_session >= server.peers.size() - 1); // All but the real client's.
	CHECK(figures.replies > 0);
	CHECK(figures.replies <= figures.requests);
	CHECK(figures.oversize_replies == 0);

	// The real client connects and is served while the flood's peers are held.
	REQUIRE(drive(
			nullptr, server, &real, [&]() { return real.connected(); }, 15000));
	real.queue(0, 10);
	REQUIRE(drive(
			nullptr, server, &real, [&]() { return real.unacked.empty(); }, 10000));
	check_delivered_once(server, real, 10);

	// After the half-open limit every flooding peer is in STATUS_ERROR and has let go of its
	// UDP route; the script drops them, and their memory is returned.
	REQUIRE(drive(
			nullptr, server, &real, [&]() {
				for (const Ref<PacketPeerDTLS> &peer : server.peers) {
					const PacketPeerDTLS::Status status = peer->get_status();
					if (status != PacketPeerDTLS::STATUS_ERROR && status != PacketPeerDTLS::STATUS_CONNECTED) {
						return false;
					}
				}
				return true;
			},
			HALF_OPEN_MS + 10000));
	CHECK(server.connected_count() == 1);
	CHECK(server.udp->get_route_count() == 1); // Only the real client's.
	std::vector<Ref<PacketPeerDTLS>> kept;
	for (const Ref<PacketPeerDTLS> &peer : server.peers) {
		if (peer->get_status() == PacketPeerDTLS::STATUS_CONNECTED) {
			kept.push_back(peer);
		}
	}
	server.peers.swap(kept);
	std::vector<Ref<PacketPeerDTLS>>().swap(kept);
	const size_t memory_released = live_heap_bytes();
	const double left_per_source = double(memory_released > memory_before ? memory_released - memory_before : 0) / double(figures.sources_taken);
	CHECK(left_per_source < 256.0); // Versus ~128 KiB while held (see the skipped case below).
	CHECK(real.connected());
	MESSAGE("flood: " << figures.requests << " cookie-less ClientHellos from " << figures.sources_taken << " distinct sources, "
					  << figures.replies << " replies (largest " << figures.largest_reply << " bytes, none larger than its request); server memory "
					  << figures.first_batch_bytes_per_source << " bytes per spoofed source while held, " << left_per_source
					  << " per source after they timed out and were dropped");
}

// NETWORKING.md: "Before a source has proved its address with a valid cookie, the server holds
// only a small, bounded amount of state for it". A server-side PacketPeerUDP's receive ring
// starts small and grows only with real traffic, so a spoofed source costs little.
TEST_CASE("[Hostile] A cookie-less source costs the server less than 8 KiB") {
	EchoServer server(ec_identity());
	server.udp->set_max_pending_connections(200);
	const FloodFigures figures = flood(server, 500, 500, []() {});
	CHECK(figures.sources_taken >= 475);
	MESSAGE("server memory per spoofed source: " << figures.first_batch_bytes_per_source << " bytes");
	CHECK(figures.first_batch_bytes_per_source < 8192.0);
}
