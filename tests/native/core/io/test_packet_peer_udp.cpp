// PacketPeer, PacketPeerUDP, UDPServer, IPAddress and SocketWaiter over the loopback interface.
// Every socket binds port 0 (a free port) so suites can run in parallel on one machine. Waits
// are bounded loops ("until it arrives, at most ~2 s"), never timing assertions.
// Over 600 lines: five classes that share the loopback helpers at the top; each gets its own file
// when the native tests move to folders that mirror the source tree (tests/native/core/io/...).

#include "core/io/ip_address.h"
#include "core/io/marshalls.h"
#include "core/io/packet_peer_udp.h"
#include "core/io/socket_waiter.h"
#include "core/io/udp_server.h"

#include "helpers/output_capture.h"

#include <doctest/doctest.h>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace godot;

namespace {

// Retries p_condition for up to ~2 seconds: loopback delivery is quick but not synchronous.
template <typename F>
bool eventually(F p_condition) {
	for (int i = 0; i < 400; i++) {
		if (p_condition()) {
			return true;
		}
		std::this_thread::sleep_for(std::chrono::milliseconds(5));
	}
	return p_condition();
}

int count_lines(const String &p_text) {
	int lines = 0;
	for (char c : p_text) {
		lines += c == '\n';
	}
	return lines;
}

PackedByteArray bytes_of(const String &p_text) {
	return PackedByteArray(reinterpret_cast<const uint8_t *>(p_text.data()), p_text.size());
}

String text_of(const PackedByteArray &p_bytes) {
	return String(reinterpret_cast<const char *>(p_bytes.ptr()), size_t(p_bytes.size()));
}

Ref<PacketPeerUDP> bound_peer(const String &p_address = "127.0.0.1") {
	Ref<PacketPeerUDP> peer(memnew(PacketPeerUDP));
	REQUIRE(peer->bind(0, p_address) == OK);
	return peer;
}

Ref<PacketPeerUDP> client_to(int p_port, const String &p_address = "127.0.0.1") {
	Ref<PacketPeerUDP> peer(memnew(PacketPeerUDP));
	REQUIRE(peer->connect_to_host(p_address, p_port) == OK);
	return peer;
}

Ref<UDPServer> listening_server() {
	Ref<UDPServer> server(memnew(UDPServer));
	REQUIRE(server->listen(0, "127.0.0.1") == OK);
	return server;
}

// Sends p_text from p_client and polls p_server until a pending connection shows up.
Ref<PacketPeerUDP> accept_one(const Ref<UDPServer> &p_server, const Ref<PacketPeerUDP> &p_client, const String &p_text) {
	REQUIRE(p_client->put_packet_buffer(bytes_of(p_text)) == OK);
	REQUIRE(eventually([&]() {
		p_server->poll();
		return p_server->is_connection_available();
	}));
	return p_server->take_connection();
}

bool ipv6_loopback_available() {
	PacketPeerUDP probe;
	StderrCapture quiet;
	const bool available = probe.bind(0, "::1") == OK;
	quiet.finish();
	return available;
}

} // namespace

TEST_CASE("[IPAddress] literals, wildcard and host names") {
	CHECK(IPAddress("*").is_wildcard());
	CHECK_FALSE(IPAddress("*").is_valid());

	const IPAddress v4("127.0.0.1");
	CHECK(v4.is_valid());
	CHECK(v4.is_ipv4());
	CHECK(v4.to_string() == "127.0.0.1");

	const IPAddress v6("::1");
	CHECK(v6.is_valid());
	CHECK_FALSE(v6.is_ipv4());
	CHECK(v6.to_string() == "::1");

	// IPv4 is stored v4-mapped, so both spellings are the same address.
	CHECK(IPAddress("::ffff:10.0.0.1") == IPAddress("10.0.0.1"));
	CHECK(IPAddress("::ffff:10.0.0.1").to_string() == "10.0.0.1");
	CHECK(IPAddress("2001:DB8:0:0:0:0:0:1").to_string() == "2001:db8::1");

	for (const char *bad : { "localhost", "example.com", "1.2.3", "256.1.1.1", "", "1.2.3.4.5", ":::", "fe80::1%lo" }) {
		CAPTURE(bad);
		CHECK_FALSE(IPAddress(bad).is_valid());
		CHECK_FALSE(IPAddress(bad).is_wildcard());
	}

	CHECK(IPAddress("224.0.0.1").is_multicast());
	CHECK(IPAddress("ff02::1").is_multicast());
	CHECK_FALSE(IPAddress("10.0.0.1").is_multicast());
}

TEST_CASE("[PacketPeer] encode_buffer_max_size rules") {
	Ref<PacketPeerUDP> peer(memnew(PacketPeerUDP));
	CHECK(peer->get_encode_buffer_max_size() == 8 * 1024 * 1024);

	StderrCapture capture;
	peer->set_encode_buffer_max_size(42);
	CHECK(peer->get_encode_buffer_max_size() == 8 * 1024 * 1024);
	peer->set_encode_buffer_max_size(256 * 1024 * 1024 + 42);
	CHECK(peer->get_encode_buffer_max_size() == 8 * 1024 * 1024);
	const String printed = capture.finish();
	CHECK(count_lines(printed) == 2);
	CHECK(printed.find("PacketPeerUDP.set_encode_buffer_max_size") != String::npos);

	peer->set_encode_buffer_max_size(2000);
	CHECK(peer->get_encode_buffer_max_size() == 2048);
	peer->set_encode_buffer_max_size(1024);
	CHECK(peer->get_encode_buffer_max_size() == 1024);
	peer->set_encode_buffer_max_size(256 * 1024 * 1024);
	CHECK(peer->get_encode_buffer_max_size() == 256 * 1024 * 1024);

	// Through ClassDB, as a script sets the property.
	peer->set("encode_buffer_max_size", 3000);
	CHECK(peer->get("encode_buffer_max_size").to_int() == 4096);
}

TEST_CASE("[PacketPeer] registration") {
	CHECK(ClassDB::class_exists("PacketPeer"));
	CHECK_FALSE(ClassDB::can_instantiate("PacketPeer"));
	CHECK(ClassDB::can_instantiate("PacketPeerUDP"));
	CHECK(ClassDB::can_instantiate("UDPServer"));
	CHECK(ClassDB::is_parent_class("PacketPeerUDP", "PacketPeer"));
	for (const char *method : { "get_var", "put_var", "get_packet", "put_packet", "get_packet_error", "get_available_packet_count" }) {
		CAPTURE(method);
		CHECK(ClassDB::get_method("PacketPeerUDP", method) != nullptr);
	}
	for (const char *method : { "bind", "close", "wait", "is_bound", "connect_to_host", "is_socket_connected", "get_packet_ip", "get_packet_port", "get_local_port", "set_dest_address", "set_broadcast_enabled", "join_multicast_group", "leave_multicast_group" }) {
		CAPTURE(method);
		CHECK(ClassDB::get_method("PacketPeerUDP", method) != nullptr);
	}
	for (const char *method : { "listen", "poll", "is_connection_available", "get_local_port", "is_listening", "take_connection", "stop", "set_max_pending_connections", "get_max_pending_connections" }) {
		CAPTURE(method);
		CHECK(ClassDB::get_method("UDPServer", method) != nullptr);
	}
	Object *created = ClassDB::instantiate("UDPServer");
	REQUIRE(created != nullptr);
	Ref<UDPServer> server(Object::cast_to<UDPServer>(created));
	CHECK(server->get_max_pending_connections() == 16);
}

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

TEST_CASE("[PacketPeer] put_var / get_var over UDP") {
	Ref<PacketPeerUDP> server = bound_peer();
	Ref<PacketPeerUDP> client = client_to(server->get_local_port());

	SUBCASE("a dictionary holding a PackedByteArray") {
		Dictionary value;
		value.set("name", "quickdot");
		value.set("blob", PackedByteArray(std::vector<uint8_t>{ 0, 1, 2, 250, 255 }));
		value.set(7, 3.5);
		Array list;
		list.push_back(true);
		list.push_back(int64_t(1) << 40);
		value.set("list", list);

		REQUIRE(client->put_var(value) == OK);
		REQUIRE(eventually([&]() { return server->get_available_packet_count() == 1; }));
		const Variant received = server->call("get_var");
		CHECK(server->get_packet_error() == OK);
		REQUIRE(received.get_type() == Variant::DICTIONARY);
		CHECK(received == Variant(value));
		const Variant *blob = received.to_dictionary().getptr("blob");
		REQUIRE(blob != nullptr);
		CHECK(blob->get_type() == Variant::PACKED_BYTE_ARRAY);
	}

	SUBCASE("the bound put_var/get_var with defaults") {
		CHECK(client->call("put_var", String("Hello World!")).to_int() == OK);
		REQUIRE(eventually([&]() { return server->get_available_packet_count() == 1; }));
		CHECK(server->call("get_var").to_string_value() == "Hello World!");
	}

	SUBCASE("oversize encodings give ERR_OUT_OF_MEMORY") {
		client->set_encode_buffer_max_size(1024);
		StderrCapture capture;
		CHECK(client->put_var(String(1025, 'x')) == ERR_OUT_OF_MEMORY);
		const String printed = capture.finish();
		CHECK(count_lines(printed) == 1);
		CHECK(printed.find("ERR_OUT_OF_MEMORY") != String::npos);
		CHECK(client->put_var(String(100, 'x')) == OK);
	}

	SUBCASE("malformed packets give ERR_INVALID_DATA and null") {
		const uint8_t garbage[] = { 0xff, 0x00, 0x00, 0x00, 0x01 };
		REQUIRE(client->put_packet(garbage, sizeof(garbage)) == OK);
		REQUIRE(eventually([&]() { return server->get_available_packet_count() == 1; }));
		StderrCapture capture;
		const Variant received = server->call("get_var");
		const String printed = capture.finish();
		CHECK(received.is_nil());
		CHECK(server->get_packet_error() == ERR_INVALID_DATA);
		CHECK(count_lines(printed) == 1);
		CHECK(printed.find("PacketPeerUDP.get_var") != String::npos);
	}

	SUBCASE("objects are refused unless allowed") {
		Ref<PacketPeerUDP> payload(memnew(PacketPeerUDP));
		payload->set_encode_buffer_max_size(4096);
		REQUIRE(client->put_var(Variant(payload.ptr()), true) == OK);
		REQUIRE(client->put_var(Variant(payload.ptr()), true) == OK);
		REQUIRE(eventually([&]() { return server->get_available_packet_count() == 2; }));

		StderrCapture capture;
		Variant refused;
		CHECK(server->get_var(refused, false) == ERR_UNAUTHORIZED);
		capture.finish();
		CHECK(refused.is_nil());

		Variant allowed;
		REQUIRE(server->get_var(allowed, true) == OK);
		PacketPeerUDP *copy = Object::cast_to<PacketPeerUDP>(allowed.to_object());
		REQUIRE(copy != nullptr);
		CHECK(copy != payload.ptr());
		CHECK(copy->get_encode_buffer_max_size() == 4096);
	}
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

TEST_CASE("[SocketWaiter] wakes on new data only") {
	const int before = SocketWaiter::get_registered_count();
	Ref<PacketPeerUDP> receiver = bound_peer();
	CHECK(SocketWaiter::get_registered_count() == before + 1);
	Ref<PacketPeerUDP> sender = client_to(receiver->get_local_port());
	CHECK(SocketWaiter::get_registered_count() == before + 2);

	// Forget sockets left readable by earlier tests.
	while (SocketWaiter::wait(0)) {
	}

	CHECK_FALSE(SocketWaiter::wait(20 * 1000)); // Nothing arrives: timeout.

	REQUIRE(sender->put_packet_buffer(bytes_of("wake")) == OK);
	CHECK(SocketWaiter::wait(2 * 1000 * 1000)); // The datagram wakes it.
	CHECK_FALSE(SocketWaiter::wait(30 * 1000)); // Unread, it does not wake it again...
	REQUIRE(sender->put_packet_buffer(bytes_of("more")) == OK);
	CHECK_FALSE(SocketWaiter::wait(30 * 1000)); // ...nor does more of what nobody reads.

	CHECK(receiver->get_available_packet_count() == 2); // Read empty: watched again.
	CHECK_FALSE(SocketWaiter::wait(20 * 1000));
	REQUIRE(sender->put_packet_buffer(bytes_of("news")) == OK);
	CHECK(SocketWaiter::wait(2 * 1000 * 1000));

	receiver->close();
	sender->close();
	CHECK(SocketWaiter::get_registered_count() == before);
}

TEST_CASE("[SocketWaiter] a UDPServer socket is watched again once poll() reads it empty") {
	Ref<UDPServer> server;
	server.instantiate();
	REQUIRE(server->listen(0, "127.0.0.1") == OK);
	server->set_max_pending_connections(0); // Every datagram is read and dropped.
	Ref<PacketPeerUDP> sender = client_to(server->get_local_port());
	while (SocketWaiter::wait(0)) {
	}
	REQUIRE(sender->put_packet_buffer(bytes_of("x")) == OK);
	CHECK(SocketWaiter::wait(2 * 1000 * 1000));
	CHECK(server->poll() == OK); // Reads it empty.
	CHECK_FALSE(SocketWaiter::wait(20 * 1000));
	REQUIRE(sender->put_packet_buffer(bytes_of("y")) == OK);
	CHECK(SocketWaiter::wait(2 * 1000 * 1000));
	sender->close();
	server->stop();
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
