// PacketPeerUDP over the loopback interface: binding, round trips on IPv4 and IPv6, the ring
// queue, wait(), multicast and the error codes of misuse. Waits are bounded loops ("until it
// arrives, at most ~2 s"), never timing assertions.

#include "core/io/packet_peer_udp.h"
#include "core/io/udp_server.h"

#include "helpers/output_capture.h"
#include "helpers/udp_test_helpers.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>
#include <vector>

using namespace godot;
using namespace udp_test;

TEST_CASE("[PacketPeerUDP] get_packet with nothing waiting is quiet") {
	Ref<PacketPeerUDP> peer = bound_peer();
	StderrCapture capture;
	for (int frame = 0; frame < 10; frame++) {
		CHECK(peer->get_available_packet_count() == 0);
		const Variant packet = peer->call("get_packet");
		CHECK(packet.get_type() == Variant::PACKED_BYTE_ARRAY);
		CHECK(packet.to_packed_byte_array().is_empty());
		CHECK(peer->get_packet_error() == ERR_UNAVAILABLE);
		CHECK(peer->call("get_var").is_nil());
	}
	CHECK(capture.finish().empty());
}

TEST_CASE("[PacketPeerUDP] a script repeating failing calls every frame gets one line per condition") {
	Ref<PacketPeerUDP> peer(memnew(PacketPeerUDP));
	StderrCapture capture;
	for (int frame = 0; frame < 30; frame++) {
		CHECK(peer->get_available_packet_count() == -1);
		CHECK(peer->call("get_packet").to_packed_byte_array().is_empty());
		CHECK(peer->get_packet_error() == FAILED);
		CHECK(peer->call("put_packet", bytes_of("x")).to_int() == ERR_UNCONFIGURED);
	}
	const String printed = capture.finish();
	CHECK(count_lines(printed) == 3);

	// A change of state (a successful bind) makes the same mistake worth reporting again.
	REQUIRE(peer->bind(0, "127.0.0.1") == OK);
	StderrCapture again;
	CHECK(peer->put_packet_buffer(bytes_of("x")) == ERR_UNCONFIGURED);
	CHECK(peer->put_packet_buffer(bytes_of("x")) == ERR_UNCONFIGURED);
	CHECK(count_lines(again.finish()) == 1);
}

TEST_CASE("[PacketPeerUDP] IPv4 loopback round trip") {
	Ref<PacketPeerUDP> server = bound_peer();
	const int port = server->get_local_port();
	REQUIRE(port > 0);
	CHECK(server->is_bound());
	CHECK_FALSE(server->is_socket_connected());

	Ref<PacketPeerUDP> client = client_to(port);
	CHECK(client->is_bound());
	CHECK(client->is_socket_connected());
	REQUIRE(client->put_packet_buffer(bytes_of("ping")) == OK);

	REQUIRE(eventually([&]() { return server->get_available_packet_count() == 1; }));
	PackedByteArray packet;
	REQUIRE(server->get_packet_buffer(packet) == OK);
	CHECK(text_of(packet) == "ping");
	CHECK(server->get_packet_ip() == "127.0.0.1");
	CHECK(server->get_packet_port() == client->get_local_port());

	REQUIRE(server->set_dest_address(server->get_packet_ip(), server->get_packet_port()) == OK);
	REQUIRE(server->put_packet_buffer(bytes_of("pong")) == OK);
	REQUIRE(eventually([&]() { return client->get_available_packet_count() == 1; }));
	REQUIRE(client->get_packet_buffer(packet) == OK);
	CHECK(text_of(packet) == "pong");
	CHECK(client->get_packet_port() == port);

	// A zero-length datagram is a packet too (C++ only: the bound put_packet skips empty buffers).
	REQUIRE(client->put_packet(nullptr, 0) == OK);
	REQUIRE(eventually([&]() { return server->get_available_packet_count() == 1; }));
	REQUIRE(server->get_packet_buffer(packet) == OK);
	CHECK(packet.is_empty());

	// The bound put_packet with an empty array sends nothing.
	CHECK(client->call("put_packet", PackedByteArray()).to_int() == OK);
	REQUIRE(client->put_packet_buffer(bytes_of("after")) == OK);
	REQUIRE(eventually([&]() { return server->get_available_packet_count() == 1; }));
	REQUIRE(server->get_packet_buffer(packet) == OK);
	CHECK(text_of(packet) == "after");
}

TEST_CASE("[PacketPeerUDP] IPv6 loopback round trip") {
	if (!ipv6_loopback_available()) {
		MESSAGE("::1 is not available on this machine; IPv6 round trip skipped");
		return;
	}
	Ref<PacketPeerUDP> server = bound_peer("::1");
	Ref<PacketPeerUDP> client = client_to(server->get_local_port(), "::1");
	REQUIRE(client->put_packet_buffer(bytes_of("six")) == OK);
	REQUIRE(eventually([&]() { return server->get_available_packet_count() == 1; }));
	PackedByteArray packet;
	REQUIRE(server->get_packet_buffer(packet) == OK);
	CHECK(text_of(packet) == "six");
	CHECK(server->get_packet_ip() == "::1");

	REQUIRE(server->set_dest_address("::1", server->get_packet_port()) == OK);
	REQUIRE(server->put_packet_buffer(bytes_of("back")) == OK);
	REQUIRE(eventually([&]() { return client->get_available_packet_count() == 1; }));
	REQUIRE(client->get_packet_buffer(packet) == OK);
	CHECK(text_of(packet) == "back");

	// An IPv6-only socket ("::1") cannot reach IPv4.
	StderrCapture capture;
	CHECK(server->set_dest_address("127.0.0.1", 9) == ERR_INVALID_PARAMETER);
	capture.finish();
}

TEST_CASE("[PacketPeerUDP] a \"*\" bind receives IPv4 and IPv6") {
	Ref<PacketPeerUDP> server = bound_peer("*");
	const int port = server->get_local_port();
	Ref<PacketPeerUDP> client4 = client_to(port, "127.0.0.1");
	REQUIRE(client4->put_packet_buffer(bytes_of("v4")) == OK);
	REQUIRE(eventually([&]() { return server->get_available_packet_count() == 1; }));
	PackedByteArray packet;
	REQUIRE(server->get_packet_buffer(packet) == OK);
	CHECK(text_of(packet) == "v4");
	CHECK(server->get_packet_ip() == "127.0.0.1"); // v4-mapped on a dual-stack socket, shown as IPv4.

	// The dual-stack socket answers IPv4 from the same socket.
	REQUIRE(server->set_dest_address("127.0.0.1", client4->get_local_port()) == OK);
	REQUIRE(server->put_packet_buffer(bytes_of("r4")) == OK);
	REQUIRE(eventually([&]() { return client4->get_available_packet_count() == 1; }));

	if (!ipv6_loopback_available()) {
		MESSAGE("::1 is not available on this machine; dual-stack IPv6 half skipped");
		return;
	}
	Ref<PacketPeerUDP> client6 = client_to(port, "::1");
	REQUIRE(client6->put_packet_buffer(bytes_of("v6")) == OK);
	REQUIRE(eventually([&]() { return server->get_available_packet_count() == 1; }));
	REQUIRE(server->get_packet_buffer(packet) == OK);
	CHECK(text_of(packet) == "v6");
	CHECK(server->get_packet_ip() == "::1");
}

TEST_CASE("[PacketPeerUDP] set_dest_address resolves host names, connect_to_host does not") {
	Ref<PacketPeerUDP> server = bound_peer("127.0.0.1");
	Ref<PacketPeerUDP> client(memnew(PacketPeerUDP));
	REQUIRE(client->bind(0, "127.0.0.1") == OK); // An IPv4 socket: "localhost" must resolve to IPv4.
	REQUIRE(client->set_dest_address("localhost", server->get_local_port()) == OK);
	REQUIRE(client->put_packet_buffer(bytes_of("named")) == OK);
	REQUIRE(eventually([&]() { return server->get_available_packet_count() == 1; }));

	StderrCapture capture;
	Ref<PacketPeerUDP> other(memnew(PacketPeerUDP));
	CHECK(other->connect_to_host("localhost", server->get_local_port()) == ERR_INVALID_PARAMETER);
	CHECK_FALSE(other->is_bound());
	CHECK(other->set_dest_address("no-such-host.invalid", 1234) == ERR_CANT_RESOLVE);
	const String printed = capture.finish();
	CHECK(count_lines(printed) == 2);
	CHECK(printed.find("PacketPeerUDP.connect_to_host") != String::npos);
	CHECK(printed.find("ERR_INVALID_PARAMETER") != String::npos);
	CHECK(printed.find("ERR_CANT_RESOLVE") != String::npos);
}

TEST_CASE("[PacketPeerUDP] ring queue keeps order and content across wrap-around") {
	Ref<PacketPeerUDP> server = bound_peer();
	Ref<PacketPeerUDP> client = client_to(server->get_local_port());

	// Sizes that do not divide the ring, read back in uneven chunks, so records wrap many times.
	uint32_t sent = 0;
	uint32_t next_expected = 0;
	auto send_some = [&](int p_count) {
		for (int i = 0; i < p_count; i++, sent++) {
			std::vector<uint8_t> data(size_t(4 + (sent * 7919) % 3001), uint8_t(sent));
			memcpy(data.data(), &sent, 4);
			REQUIRE(client->put_packet(data.data(), int(data.size())) == OK);
		}
	};
	auto read_some = [&](int p_count) {
		for (int i = 0; i < p_count; i++) {
			const uint8_t *data = nullptr;
			int size = 0;
			REQUIRE(eventually([&]() { return server->get_packet(&data, size) == OK; }));
			uint32_t sequence;
			REQUIRE(size >= 4);
			memcpy(&sequence, data, 4);
			CHECK(sequence == next_expected);
			CHECK(size == int(4 + (sequence * 7919) % 3001));
			CHECK(data[size - 1] == uint8_t(sequence));
			next_expected++;
		}
	};
	// ~900 KiB in all: the 256 KiB ring wraps several times. Bursts of 15 fit the kernel buffer,
	// and the backlog stays under ~90 KiB, so nothing is dropped: whatever the layout, one free
	// stretch of the ring is larger than any of these records.
	for (int round = 0; round < 40; round++) {
		send_some(15);
		read_some(14);
	}
	read_some(int(sent - next_expected));
	CHECK(server->get_available_packet_count() == 0);
}

TEST_CASE("[PacketPeerUDP] error codes for misuse") {
	StderrCapture capture;

	SUBCASE("bind") {
		Ref<PacketPeerUDP> peer(memnew(PacketPeerUDP));
		CHECK(peer->bind(-1) == ERR_INVALID_PARAMETER);
		CHECK(peer->bind(65536) == ERR_INVALID_PARAMETER);
		CHECK(peer->bind(0, "not an address") == ERR_INVALID_PARAMETER);
		CHECK(peer->bind(0, "localhost") == ERR_INVALID_PARAMETER);
		CHECK(peer->bind(0, "127.0.0.1", 0) == ERR_INVALID_PARAMETER);
		CHECK_FALSE(peer->is_bound());
		REQUIRE(peer->bind(0, "127.0.0.1") == OK);
		CHECK(peer->bind(0, "127.0.0.1") == ERR_ALREADY_IN_USE);

		Ref<PacketPeerUDP> rival(memnew(PacketPeerUDP));
		CHECK(rival->bind(peer->get_local_port(), "127.0.0.1") == ERR_UNAVAILABLE);
		CHECK_FALSE(rival->is_bound());
		const String printed = capture.finish();
		CHECK(printed.find("is already in use (ERR_UNAVAILABLE)") != String::npos);
		CHECK(printed.find("PacketPeerUDP.bind") != String::npos);

		peer->close();
		CHECK_FALSE(peer->is_bound());
		CHECK(peer->bind(0, "127.0.0.1") == OK);
	}

	SUBCASE("connect_to_host") {
		Ref<PacketPeerUDP> peer(memnew(PacketPeerUDP));
		CHECK(peer->connect_to_host("localhost", 4242) == ERR_INVALID_PARAMETER);
		CHECK(peer->connect_to_host("*", 4242) == ERR_INVALID_PARAMETER);
		CHECK(peer->connect_to_host("127.0.0.1", 0) == ERR_INVALID_PARAMETER);
		CHECK(peer->connect_to_host("127.0.0.1", 65536) == ERR_INVALID_PARAMETER);
		CHECK_FALSE(peer->is_bound());
		CHECK_FALSE(peer->is_socket_connected());
		REQUIRE(peer->connect_to_host("127.0.0.1", 9) == OK);
		CHECK(peer->set_dest_address("127.0.0.1", 10) == ERR_LOCKED);
		capture.finish();
	}

	SUBCASE("an unconfigured peer") {
		Ref<PacketPeerUDP> peer(memnew(PacketPeerUDP));
		const uint8_t byte = 1;
		CHECK(peer->put_packet(&byte, 1) == ERR_UNCONFIGURED);
		CHECK(peer->call("put_packet", bytes_of("x")).to_int() == ERR_UNCONFIGURED);
		CHECK(peer->wait() == ERR_UNCONFIGURED);
		CHECK(peer->get_available_packet_count() == -1);
		const uint8_t *data;
		int size;
		CHECK(peer->get_packet(&data, size) == FAILED); // Godot's code for a closed socket.
		CHECK(peer->leave_multicast_group("224.0.0.251", "") == ERR_UNCONFIGURED);
		CHECK(peer->set_dest_address("127.0.0.1", 0) == ERR_INVALID_PARAMETER);
		CHECK(peer->set_dest_address("*", 9) == ERR_INVALID_PARAMETER);
		CHECK(peer->get_local_port() == 0);
		CHECK(peer->get_packet_ip() == "");
		CHECK(peer->get_packet_port() == 0);
		const String printed = capture.finish();
		CHECK(printed.find("PacketPeerUDP.put_packet: no destination") != String::npos);
		CHECK(printed.find("(ERR_UNCONFIGURED)") != String::npos);
	}

	SUBCASE("multicast arguments") {
		Ref<PacketPeerUDP> peer(memnew(PacketPeerUDP));
		CHECK(peer->join_multicast_group("10.0.0.1", "") == ERR_INVALID_PARAMETER);
		CHECK(peer->join_multicast_group("not-an-ip", "") == ERR_INVALID_PARAMETER);
		CHECK(peer->join_multicast_group("224.0.0.251", "no-such-interface0") == ERR_INVALID_PARAMETER);
		capture.finish();
	}

	SUBCASE("server-owned peers") {
		Ref<UDPServer> server = listening_server();
		Ref<PacketPeerUDP> client = client_to(server->get_local_port());
		Ref<PacketPeerUDP> peer = accept_one(server, client, "x");
		CHECK(peer->is_server_owned());
		CHECK(peer->bind(0) == ERR_LOCKED);
		CHECK(peer->connect_to_host("127.0.0.1", 9) == ERR_LOCKED);
		CHECK(peer->set_dest_address("127.0.0.1", 9) == ERR_LOCKED);
		CHECK(peer->join_multicast_group("224.0.0.251", "") == ERR_LOCKED);
		CHECK(peer->leave_multicast_group("224.0.0.251", "") == ERR_LOCKED);
		peer->set_broadcast_enabled(true);
		const String printed = capture.finish();
		CHECK(count_lines(printed) == 6);
		CHECK(printed.find("PacketPeerUDP.set_broadcast_enabled") != String::npos);
		// Still usable for its source.
		REQUIRE(peer->put_packet_buffer(bytes_of("ok")) == OK);
		REQUIRE(eventually([&]() { return client->get_available_packet_count() == 1; }));
	}

	SUBCASE("UDPServer") {
		Ref<UDPServer> server(memnew(UDPServer));
		CHECK(server->poll() == ERR_UNCONFIGURED);
		CHECK(server->listen(-1) == ERR_INVALID_PARAMETER);
		CHECK(server->listen(70000) == ERR_INVALID_PARAMETER);
		CHECK(server->listen(0, "localhost") == ERR_INVALID_PARAMETER);
		CHECK(server->take_connection().is_null());
		REQUIRE(server->listen(0, "127.0.0.1") == OK);
		CHECK(server->listen(0, "127.0.0.1") == ERR_ALREADY_IN_USE);
		Ref<UDPServer> rival(memnew(UDPServer));
		CHECK(rival->listen(server->get_local_port(), "127.0.0.1") == ERR_UNAVAILABLE);
		const String printed = capture.finish();
		CHECK(printed.find("UDPServer.listen") != String::npos);
	}
}

TEST_CASE("[PacketPeerUDP] multicast join and leave") {
	Ref<PacketPeerUDP> peer = bound_peer("0.0.0.0");
	StderrCapture capture;
	const Error joined = peer->join_multicast_group("239.255.42.99", "lo");
	const String printed = capture.finish();
	if (joined != OK) {
		MESSAGE("joining a multicast group on \"lo\" is not possible here: " << printed);
		return;
	}
	CHECK(peer->leave_multicast_group("239.255.42.99", "lo") == OK);
}

TEST_CASE("[PacketPeerUDP] wait() returns when data arrives") {
	Ref<PacketPeerUDP> server = bound_peer();
	const int port = server->get_local_port();
	std::thread sender([port]() {
		std::this_thread::sleep_for(std::chrono::milliseconds(50));
		PacketPeerUDP client;
		client.connect_to_host("127.0.0.1", port);
		const uint8_t byte = 42;
		client.put_packet(&byte, 1);
	});
	CHECK(server->wait() == OK);
	sender.join();
	const uint8_t *data = nullptr;
	int size = 0;
	REQUIRE(server->get_packet(&data, size) == OK);
	CHECK(size == 1);
	CHECK(data[0] == 42);

	// With a datagram already queued, wait() returns at once.
	Ref<PacketPeerUDP> client = client_to(port);
	REQUIRE(client->put_packet_buffer(bytes_of("q")) == OK);
	REQUIRE(eventually([&]() { return server->get_available_packet_count() == 1; }));
	CHECK(server->wait() == OK);
}
