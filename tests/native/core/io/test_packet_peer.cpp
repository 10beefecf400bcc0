// PacketPeer through PacketPeerUDP: the encode buffer's size rules, the ClassDB registration
// scripts see, and put_var / get_var over loopback UDP.

#include "core/io/marshalls.h"
#include "core/io/packet_peer_udp.h"
#include "core/io/udp_server.h"

#include "helpers/output_capture.h"
#include "helpers/udp_test_helpers.h"

#include <doctest/doctest.h>

#include <vector>

using namespace godot;
using namespace udp_test;

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
