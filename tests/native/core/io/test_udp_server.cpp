// UDPServer over the loopback interface: accepting, routing and echoing, pending connections and
// their limits, full DTLS-sized datagrams, dropped and stopped peers. Waits are bounded loops
// ("until it arrives, at most ~2 s"), never timing assertions.

#include "core/io/packet_peer_udp.h"
#include "core/io/udp_server.h"

#include "helpers/output_capture.h"
#include "helpers/udp_test_helpers.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

using namespace godot;
using namespace udp_test;

TEST_CASE("[UDPServer] accepts, routes and echoes") {
	Ref<UDPServer> server(memnew(UDPServer));
	CHECK_FALSE(server->is_listening());
	REQUIRE(server->listen(0, "127.0.0.1") == OK);
	CHECK(server->is_listening());
	CHECK_FALSE(server->is_connection_available());
	CHECK(server->get_max_pending_connections() == 16);
	const int port = server->get_local_port();
	REQUIRE(port > 0);

	Ref<PacketPeerUDP> client = client_to(port);
	REQUIRE(client->put_var("Hello World!") == OK);
	REQUIRE(eventually([&]() {
		server->poll();
		return server->is_connection_available();
	}));
	Ref<PacketPeerUDP> peer = server->take_connection();
	REQUIRE(peer.is_valid());
	CHECK(peer->is_bound());
	CHECK(peer->is_socket_connected());
	CHECK(peer->get_local_port() == port);
	CHECK(peer->get_packet_ip() == "127.0.0.1");
	CHECK(peer->get_packet_port() == client->get_local_port());
	CHECK(peer->get_available_packet_count() == 1);
	Variant value;
	REQUIRE(peer->get_var(value) == OK);
	CHECK(value.to_string_value() == "Hello World!");

	REQUIRE(peer->put_var(3.1415) == OK);
	REQUIRE(eventually([&]() { return client->get_available_packet_count() > 0; }));
	REQUIRE(client->get_var(value) == OK);
	CHECK(value.to_float() == doctest::Approx(3.1415));

	// Later datagrams from the same source go to the same peer, not to a new pending one.
	REQUIRE(client->put_var(2) == OK);
	REQUIRE(eventually([&]() {
		server->poll();
		return peer->get_available_packet_count() == 1;
	}));
	CHECK_FALSE(server->is_connection_available());
	CHECK(server->take_connection().is_null());
}

TEST_CASE("[UDPServer] 200 peers on one server, each echoed") {
	Ref<UDPServer> server = listening_server();
	server->set_max_pending_connections(256);
	const int port = server->get_local_port();
	constexpr int CLIENTS = 200;

	std::vector<Ref<PacketPeerUDP>> clients;
	std::vector<Ref<PacketPeerUDP>> peers;
	for (int i = 0; i < CLIENTS; i++) {
		clients.push_back(client_to(port));
		REQUIRE(clients.back()->put_var(i) == OK);
		if (i % 25 == 24) {
			server->poll(); // Keep the kernel buffer from overflowing.
		}
	}
	REQUIRE(eventually([&]() {
		server->poll();
		while (server->is_connection_available()) {
			peers.push_back(server->take_connection());
		}
		return int(peers.size()) == CLIENTS;
	}));
	CHECK(server->get_route_count() == CLIENTS);

	for (const Ref<PacketPeerUDP> &peer : peers) {
		Variant value;
		REQUIRE(peer->get_var(value) == OK);
		REQUIRE(peer->put_var(value.to_int() * 1000 + peer->get_packet_port() % 1000) == OK);
	}
	for (int i = 0; i < CLIENTS; i++) {
		Variant value;
		REQUIRE(eventually([&]() { return clients[i]->get_var(value) == OK; }));
		CHECK(value.to_int() == i * 1000 + clients[i]->get_local_port() % 1000);
	}

	// Second round through the routing table only.
	for (int i = 0; i < CLIENTS; i++) {
		REQUIRE(clients[i]->put_var(-i) == OK);
		if (i % 25 == 24) {
			server->poll();
		}
	}
	int delivered = 0;
	REQUIRE(eventually([&]() {
		server->poll();
		delivered = 0;
		for (const Ref<PacketPeerUDP> &peer : peers) {
			delivered += peer->get_available_packet_count();
		}
		return delivered == CLIENTS;
	}));
	CHECK_FALSE(server->is_connection_available());
	for (const Ref<PacketPeerUDP> &peer : peers) {
		Variant value;
		REQUIRE(peer->get_var(value) == OK);
		const auto sender = std::find_if(clients.begin(), clients.end(), [&](const Ref<PacketPeerUDP> &c) { return c->get_local_port() == peer->get_packet_port(); });
		REQUIRE(sender != clients.end());
		CHECK(value.to_int() == -int(sender - clients.begin()));
	}
}

TEST_CASE("[UDPServer] max_pending_connections: raise, lower, 0") {
	Ref<UDPServer> server = listening_server();
	const int port = server->get_local_port();
	std::vector<Ref<PacketPeerUDP>> clients;
	for (int i = 0; i < 20; i++) {
		clients.push_back(client_to(port));
	}
	// One datagram at a time, so the pending order is the client order. Loopback delivery is
	// immediate, so a short pause then poll() consumes a datagram the limit makes the server drop.
	auto send_from = [&](int p_first, int p_last) {
		for (int i = p_first; i < p_last; i++) {
			const int before = server->get_pending_count();
			REQUIRE(clients[i]->put_var(i) == OK);
			if (before < server->get_max_pending_connections()) {
				REQUIRE(eventually([&]() {
					server->poll();
					return server->get_pending_count() == before + 1;
				}));
			} else {
				std::this_thread::sleep_for(std::chrono::milliseconds(5));
				server->poll();
				CHECK(server->get_pending_count() == before);
			}
		}
	};

	send_from(0, 20);
	CHECK(server->get_pending_count() == 16); // The default limit; sources 16..19 wait.
	CHECK(server->get_waiting_count() == 4);

	server->set_max_pending_connections(32);
	CHECK(server->get_max_pending_connections() == 32);
	CHECK(server->get_pending_count() == 16); // Raising keeps every pending peer (Godot drops them all)...
	CHECK(server->poll() == OK);
	CHECK(server->get_pending_count() == 20); // ...and the next poll admits those waiting.
	CHECK(server->get_waiting_count() == 0);

	server->set_max_pending_connections(5);
	CHECK(server->get_pending_count() == 5); // Lowering drops the newest over the limit.
	CHECK(server->get_route_count() == 5);
	for (int i = 0; i < 5; i++) {
		Ref<PacketPeerUDP> peer = server->take_connection();
		REQUIRE(peer.is_valid());
		CHECK(peer->get_packet_port() == clients[i]->get_local_port()); // Oldest first.
		Variant value;
		REQUIRE(peer->get_var(value) == OK);
		CHECK(value.to_int() == i);
	}
	CHECK_FALSE(server->is_connection_available());

	server->set_max_pending_connections(0);
	send_from(10, 11);
	CHECK_FALSE(server->is_connection_available());
	CHECK(server->get_route_count() == 0);
	CHECK(server->get_waiting_count() == 0); // 0 refuses: nothing waits either.

	StderrCapture capture;
	server->set_max_pending_connections(-1);
	CHECK(server->get_max_pending_connections() == 0);
	server->set_max_pending_connections(1000);
	CHECK(server->get_max_pending_connections() == 256);
	const String printed = capture.finish();
	CHECK(count_lines(printed) == 2);
	CHECK(printed.find("UDPServer.set_max_pending_connections") != String::npos);
}

TEST_CASE("[UDPServer] a burst of new sources beyond the limit is admitted in order as connections are taken") {
	Ref<UDPServer> server = listening_server();
	std::vector<Ref<PacketPeerUDP>> clients;
	for (int i = 0; i < 40; i++) {
		clients.push_back(client_to(server->get_local_port()));
		REQUIRE(clients.back()->put_var(i) == OK); // Loopback delivery is immediate and in order.
	}
	REQUIRE(eventually([&]() {
		server->poll();
		return server->get_pending_count() + server->get_waiting_count() == 40;
	}));
	CHECK(server->get_pending_count() == 16);
	int taken = 0;
	while (server->is_connection_available()) {
		Ref<PacketPeerUDP> peer = server->take_connection();
		CHECK(server->get_pending_count() <= 16);
		CHECK(peer->get_packet_port() == clients[taken]->get_local_port());
		Variant value;
		REQUIRE(peer->get_var(value) == OK);
		CHECK(value.to_int() == taken);
		taken++;
	}
	CHECK(taken == 40);
	CHECK(server->get_waiting_count() == 0);
}

TEST_CASE("[UDPServer] datagrams waiting for a pending slot are bounded in bytes") {
	Ref<UDPServer> server = listening_server();
	server->set_max_pending_connections(1);
	std::vector<Ref<PacketPeerUDP>> clients;
	const std::vector<uint8_t> large(60000, 7);
	for (int i = 0; i < 6; i++) {
		clients.push_back(client_to(server->get_local_port()));
		REQUIRE(clients.back()->put_packet(large.data(), int(large.size())) == OK);
		std::this_thread::sleep_for(std::chrono::milliseconds(5));
		server->poll();
	}
	// One pending; four wait (240,000 bytes); the sixth would pass 256 KiB and is dropped.
	CHECK(server->get_pending_count() == 1);
	CHECK(server->get_waiting_count() == 4);
	int taken = 0;
	while (server->take_connection().is_valid()) {
		taken++;
	}
	CHECK(taken == 5);
}

TEST_CASE("[UDPServer] full DTLS records (16421-byte datagrams) are read whole: standalone, new source, routed, waiting") {
	// A 16384-byte DTLS payload plus the record header and AES-GCM overhead.
	constexpr int RECORD = 16384 + 13 + 8 + 16;
	const auto datagram = [](uint8_t p_tag) {
		std::vector<uint8_t> bytes(RECORD);
		for (int i = 0; i < RECORD; i++) {
			bytes[size_t(i)] = uint8_t(i * 13 + p_tag);
		}
		return bytes;
	};
	const auto receive_intact = [&](const Ref<PacketPeerUDP> &p_peer, uint8_t p_tag) {
		const uint8_t *data = nullptr;
		int size = 0;
		REQUIRE(p_peer->get_packet(&data, size) == OK);
		REQUIRE(size == RECORD);
		CHECK(std::vector<uint8_t>(data, data + size) == datagram(p_tag));
	};

	Ref<UDPServer> server = listening_server();
	server->set_max_pending_connections(1);
	Ref<PacketPeerUDP> client = client_to(server->get_local_port());
	Ref<PacketPeerUDP> waiting = client_to(server->get_local_port());
	// The first datagram of a new source grows its server-side peer's ring from a few hundred bytes.
	REQUIRE(client->put_packet(datagram(1).data(), RECORD) == OK);
	REQUIRE(eventually([&]() {
		server->poll();
		return server->is_connection_available();
	}));
	// Another new source waits behind the one pending slot, whole.
	REQUIRE(waiting->put_packet(datagram(2).data(), RECORD) == OK);
	REQUIRE(eventually([&]() {
		server->poll();
		return server->get_waiting_count() == 1;
	}));
	Ref<PacketPeerUDP> peer = server->take_connection();
	receive_intact(peer, 1);
	Ref<PacketPeerUDP> admitted = server->take_connection();
	REQUIRE(admitted.is_valid());
	receive_intact(admitted, 2);

	// A burst routed to the taken peer, and one back to the standalone client: as many as the
	// kernel's default socket buffer holds between two polls.
	constexpr int BURST = 10;
	for (int i = 0; i < BURST; i++) {
		REQUIRE(client->put_packet(datagram(uint8_t(10 + i)).data(), RECORD) == OK);
		REQUIRE(peer->put_packet(datagram(uint8_t(40 + i)).data(), RECORD) == OK);
	}
	REQUIRE(eventually([&]() {
		server->poll();
		return peer->get_available_packet_count() == BURST && client->get_available_packet_count() == BURST;
	}));
	for (int i = 0; i < BURST; i++) {
		receive_intact(peer, uint8_t(10 + i));
		receive_intact(client, uint8_t(40 + i));
	}
}

TEST_CASE("[UDPServer] a dropped peer's next datagram is a new pending connection") {
	Ref<UDPServer> server = listening_server();
	Ref<PacketPeerUDP> client = client_to(server->get_local_port());

	Ref<PacketPeerUDP> first = accept_one(server, client, "hello");
	REQUIRE(first.is_valid());
	CHECK(server->get_route_count() == 1);

	// Held by someone else only (as a PacketPeerDTLS would hold it): still receiving.
	Variant holder(first.ptr());
	PacketPeerUDP *held = first.ptr();
	first.unref();
	REQUIRE(client->put_packet_buffer(bytes_of("still mine")) == OK);
	REQUIRE(eventually([&]() {
		server->poll();
		return held->get_available_packet_count() == 2;
	}));
	CHECK_FALSE(server->is_connection_available());

	holder = Variant(); // The last holder lets go.
	CHECK(server->get_route_count() == 0);

	Ref<PacketPeerUDP> second = accept_one(server, client, "again");
	REQUIRE(second.is_valid());
	PackedByteArray packet;
	REQUIRE(second->get_packet_buffer(packet) == OK);
	CHECK(text_of(packet) == "again");

	// close() on a taken peer also gives the source back.
	second->close();
	CHECK_FALSE(second->is_bound());
	CHECK_FALSE(second->is_socket_connected());
	CHECK(server->get_route_count() == 0);
	Ref<PacketPeerUDP> third = accept_one(server, client, "third");
	REQUIRE(third.is_valid());
	CHECK(third != second);
}

TEST_CASE("[UDPServer] get_packet hands out a pointer that later datagrams do not overwrite") {
	Ref<UDPServer> server = listening_server();
	Ref<PacketPeerUDP> client = client_to(server->get_local_port());
	Ref<PacketPeerUDP> peer = accept_one(server, client, String(1000, 'A'));

	const uint8_t *data = nullptr;
	int size = 0;
	REQUIRE(peer->get_packet(&data, size) == OK);
	REQUIRE(size == 1000);
	for (int i = 0; i < 300; i++) {
		REQUIRE(client->put_packet_buffer(bytes_of(String(1000, char('a' + i % 26)))) == OK);
		if (i % 20 == 19) {
			server->poll();
		}
	}
	eventually([&]() {
		server->poll();
		return peer->get_available_packet_count() >= 256;
	});
	bool intact = true;
	for (int i = 0; i < size; i++) {
		intact = intact && data[i] == 'A';
	}
	CHECK(intact);

	// The queue is bounded (256 KiB: 256 records of 1000 bytes) and drops the newest when full.
	const int queued = peer->get_available_packet_count();
	CHECK(queued > 0);
	CHECK(queued <= 256);
	for (int i = 0; i < queued; i++) {
		PackedByteArray packet;
		REQUIRE(peer->get_packet_buffer(packet) == OK);
		CHECK(packet[0] == uint8_t('a' + i % 26)); // The oldest survive, in order.
	}
}

TEST_CASE("[UDPServer] stop() disconnects server-side peers") {
	Ref<UDPServer> server = listening_server();
	Ref<PacketPeerUDP> client = client_to(server->get_local_port());
	Ref<PacketPeerUDP> taken = accept_one(server, client, "one");
	Ref<PacketPeerUDP> other_client = client_to(server->get_local_port());
	REQUIRE(other_client->put_packet_buffer(bytes_of("pending")) == OK);
	REQUIRE(eventually([&]() {
		server->poll();
		return server->is_connection_available();
	}));

	server->stop();
	CHECK_FALSE(server->is_listening());
	CHECK_FALSE(server->is_connection_available());
	CHECK(server->take_connection().is_null());
	CHECK(server->get_route_count() == 0);

	StderrCapture capture;
	CHECK_FALSE(taken->is_bound());
	CHECK_FALSE(taken->is_socket_connected());
	CHECK(taken->get_available_packet_count() == -1);
	const uint8_t byte = 1;
	CHECK(taken->put_packet(&byte, 1) == ERR_UNCONFIGURED);
	CHECK(server->poll() == ERR_UNCONFIGURED);
	CHECK(server->poll() == ERR_UNCONFIGURED);
	const String printed = capture.finish();
	CHECK(count_lines(printed) == 3); // One line per condition; the repeated poll() is not reprinted.

	// A stopped server can listen again; a detached peer is a plain peer again.
	REQUIRE(server->listen(0, "127.0.0.1") == OK);
	CHECK(taken->bind(0, "127.0.0.1") == OK);
	taken.unref(); // Its destructor must not touch the restarted server's routes.
	server.unref();
}

TEST_CASE("[UDPServer] a server-side peer's lifetime is ASan-clean in every order") {
	// Server dies first; the taken peer outlives it.
	Ref<PacketPeerUDP> survivor;
	Ref<PacketPeerUDP> client(memnew(PacketPeerUDP));
	{
		Ref<UDPServer> server = listening_server();
		REQUIRE(client->connect_to_host("127.0.0.1", server->get_local_port()) == OK);
		survivor = accept_one(server, client, "x");
		REQUIRE(client->put_packet_buffer(bytes_of("y")) == OK);
		REQUIRE(eventually([&]() {
			server->poll();
			return survivor->get_available_packet_count() == 2;
		}));
		CHECK_FALSE(server->is_connection_available()); // Same source: routed to survivor, not pending.
	}
	CHECK_FALSE(survivor->is_bound());
	const uint8_t byte = 0;
	StderrCapture capture;
	CHECK(survivor->put_packet(&byte, 1) == ERR_UNCONFIGURED);
	capture.finish();
	survivor->close();
	survivor.unref();

	// Peers die first, pending ones die with the server.
	Ref<UDPServer> server = listening_server();
	std::vector<Ref<PacketPeerUDP>> clients;
	for (int i = 0; i < 4; i++) {
		clients.push_back(client_to(server->get_local_port()));
		REQUIRE(clients.back()->put_var(i) == OK);
	}
	REQUIRE(eventually([&]() {
		server->poll();
		return server->get_pending_count() == 4;
	}));
	Ref<PacketPeerUDP> a = server->take_connection();
	Ref<PacketPeerUDP> b = server->take_connection();
	a.unref();
	CHECK(server->get_route_count() == 3);
	server.unref(); // b and two pending peers are detached / freed here.
	CHECK_FALSE(b->is_bound());
}
