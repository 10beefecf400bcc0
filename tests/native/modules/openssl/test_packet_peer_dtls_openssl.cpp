// PacketPeerDTLS (engine class, OpenSSL module implementation) over real loopback UDP:
// PacketPeerUDP clients of a DTLSServer on a UDPServer. Every socket binds port 0 (a free port).
// Waits are bounded loops ("until it happens, at most a few seconds"), never timing assertions.
// Certificates come from the module's Crypto. The server's own cases are in
// test_dtls_server_openssl.cpp, a session's edges in test_packet_peer_dtls_openssl_edges.cpp.

#include "helpers/dtls_engine_test_helpers.h"

#include "openssl/packet_peer_dtls_openssl.h"
#include "openssl/register_types.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>
#include <vector>

using namespace godot;
using namespace dtls_test;

TEST_CASE("[PacketPeerDTLS] The engine classes are the module's implementation, seen under Godot's names") {
	Object *object = ClassDB::instantiate("PacketPeerDTLS");
	REQUIRE(object != nullptr);
	Ref<PacketPeerDTLS> peer(Object::cast_to<PacketPeerDTLS>(object));
	CHECK(peer->get_class() == "PacketPeerDTLS");
	CHECK(peer->is_class("PacketPeer"));
	CHECK(peer->get_status() == PacketPeerDTLS::STATUS_DISCONNECTED);
	Ref<DTLSServer> server(DTLSServer::create());
	REQUIRE(server.is_valid());
	CHECK(server->get_class() == "DTLSServer");
	int64_t value = -1;
	CHECK(ClassDB::get_integer_constant("PacketPeerDTLS", "STATUS_ERROR_HOSTNAME_MISMATCH", value));
	CHECK(value == 4);
}

TEST_CASE("[PacketPeerDTLS] Without the module, create() prints one clear line and returns null") {
	uninitialize_openssl_module(MODULE_INITIALIZATION_LEVEL_CORE);
	StderrCapture capture;
	PacketPeerDTLS *peer = PacketPeerDTLS::create();
	DTLSServer *server = DTLSServer::create();
	const String printed = capture.finish();
	initialize_openssl_module(MODULE_INITIALIZATION_LEVEL_CORE);
	CHECK(peer == nullptr);
	CHECK(server == nullptr);
	CHECK(count_lines(printed) == 2);
	CHECK(contains(printed, "PacketPeerDTLS is not available: the OpenSSL module is not loaded"));
	CHECK(contains(printed, "DTLSServer is not available"));
}

TEST_CASE("[PacketPeerDTLS] Every packet that arrived is available after one poll") {
	TestServer server;
	TestClient client(server.port());
	REQUIRE(connect_pair(server, client));
	const Ref<PacketPeerDTLS> peer = server.connected_peer();
	for (int i = 0; i < 5; i++) {
		REQUIRE(peer->put_packet_buffer(bytes_of("packet " + std::to_string(i))) == OK);
	}
	// Wait until the five datagrams reached the client's socket, then poll once.
	for (int i = 0; i < 1000 && client.udp->get_available_packet_count() < 5; i++) {
		std::this_thread::sleep_for(std::chrono::milliseconds(2));
	}
	REQUIRE(client.udp->get_available_packet_count() == 5);
	client.dtls->poll();
	CHECK(client.dtls->get_available_packet_count() == 5);
	for (int i = 0; i < 5; i++) {
		PackedByteArray packet;
		REQUIRE(client.dtls->get_packet_buffer(packet) == OK);
		CHECK(text_of(packet) == "packet " + std::to_string(i));
	}
	// Nothing waiting: ERR_UNAVAILABLE and an empty packet, silently.
	StderrCapture capture;
	PackedByteArray packet = bytes_of("stale");
	CHECK(client.dtls->get_packet_buffer(packet) == ERR_UNAVAILABLE);
	CHECK(packet.is_empty());
	CHECK(capture.finish().empty());
}

TEST_CASE("[PacketPeerDTLS] Packets of 16384 bytes go both ways; a larger one is refused and the connection stays up") {
	TestServer server;
	TestClient client(server.port());
	REQUIRE(connect_pair(server, client));
	const Ref<PacketPeerDTLS> peer = server.connected_peer();
	CHECK(client.dtls->get_max_packet_size() == 16384);

	StderrCapture capture;
	CHECK(client.dtls->put_packet_buffer(PackedByteArray(std::vector<uint8_t>(16385, 7))) == ERR_INVALID_PARAMETER);
	CHECK(client.dtls->put_packet_buffer(PackedByteArray(std::vector<uint8_t>(16385, 7))) == ERR_INVALID_PARAMETER);
	CHECK(peer->put_packet_buffer(PackedByteArray(std::vector<uint8_t>(20000, 7))) == ERR_INVALID_PARAMETER);
	const String printed = capture.finish();
	CHECK(count_lines(printed) == 2); // Once per object and condition.
	CHECK(contains(printed, "PacketPeerDTLS.put_packet: a 16385-byte packet is larger than the 16384 bytes a DTLS record carries"));
	CHECK(contains(printed, "the connection stays up"));
	CHECK(contains(printed, "get_max_unfragmented_packet_size()"));
	CHECK(contains(printed, "ERR_INVALID_PARAMETER"));
	CHECK(client.dtls->get_status() == PacketPeerDTLS::STATUS_CONNECTED);
	CHECK(peer->get_status() == PacketPeerDTLS::STATUS_CONNECTED);

	std::vector<uint8_t> largest(16384);
	for (size_t i = 0; i < largest.size(); i++) {
		largest[i] = uint8_t(i * 7);
	}
	REQUIRE(client.dtls->put_packet_buffer(PackedByteArray(largest)) == OK);
	REQUIRE(run_until(server, client.dtls, [&]() { return peer->get_available_packet_count() == 1; }));
	PackedByteArray packet;
	REQUIRE(peer->get_packet_buffer(packet) == OK);
	CHECK(packet == PackedByteArray(largest));
	// Through the UDPServer's routing, the server-side peer's ring and BIO, and back.
	for (int i = 0; i < 8; i++) {
		REQUIRE(peer->put_packet_buffer(packet) == OK);
	}
	REQUIRE(run_until(server, client.dtls, [&]() { return client.dtls->get_available_packet_count() == 8; }));
	REQUIRE(client.dtls->get_packet_buffer(packet) == OK);
	CHECK(packet == PackedByteArray(largest));
}

TEST_CASE("[PacketPeerDTLS] A certificate name mismatch ends in STATUS_ERROR_HOSTNAME_MISMATCH, said once") {
	TestServer server;
	TestClient client(server.port());
	StderrCapture capture;
	REQUIRE(client.connect("example.com") == OK);
	REQUIRE(run_until(server, client.dtls, [&]() { return client.dtls->get_status() != PacketPeerDTLS::STATUS_HANDSHAKING; }));
	for (int i = 0; i < 5; i++) {
		client.dtls->poll();
	}
	const String printed = capture.finish();
	CHECK(client.dtls->get_status() == PacketPeerDTLS::STATUS_ERROR_HOSTNAME_MISMATCH);
	CHECK(contains(printed, "PacketPeerDTLS (client of example.com at 127.0.0.1:" + std::to_string(server.port()) + "): certificate hostname mismatch: expected 'example.com'"));
	int client_lines = 0;
	for (size_t at = printed.find("(client of"); at != String::npos; at = printed.find("(client of", at + 1)) {
		client_lines++;
	}
	CHECK(client_lines == 1);

	// The override is the name checked, whatever the hostname.
	TestClient overridden(server.port());
	REQUIRE(overridden.dtls->connect_to_peer(overridden.udp, "example.com", TLSOptions::client(ec_identity().certificate, "localhost")) == OK);
	CHECK(run_until(server, overridden.dtls, [&]() { return overridden.dtls->get_status() == PacketPeerDTLS::STATUS_CONNECTED; }));
}

TEST_CASE("[PacketPeerDTLS] An untrusted chain ends in STATUS_ERROR; client_unsafe connects anyway") {
	TestServer server;
	{
		TestClient client(server.port());
		StderrCapture capture;
		REQUIRE(client.connect("localhost", trusting_client(other_identity())) == OK);
		REQUIRE(run_until(server, client.dtls, [&]() { return client.dtls->get_status() != PacketPeerDTLS::STATUS_HANDSHAKING; }));
		const String printed = capture.finish();
		CHECK(client.dtls->get_status() == PacketPeerDTLS::STATUS_ERROR);
		CHECK(contains(printed, "certificate verify failed"));
		CHECK(contains(static_cast<PacketPeerDTLSOpenSSL *>(client.dtls.ptr())->get_last_error(), "certificate verify failed"));
	}
	SUBCASE("client_unsafe() verifies nothing") {
		TestClient client(server.port());
		REQUIRE(client.connect("wrong.example", TLSOptions::client_unsafe()) == OK);
		CHECK(run_until(server, client.dtls, [&]() { return client.dtls->get_status() == PacketPeerDTLS::STATUS_CONNECTED; }));
	}
	SUBCASE("client_unsafe(chain) verifies the chain, not the name") {
		TestClient client(server.port());
		REQUIRE(client.connect("wrong.example", TLSOptions::client_unsafe(ec_identity().certificate)) == OK);
		CHECK(run_until(server, client.dtls, [&]() { return client.dtls->get_status() == PacketPeerDTLS::STATUS_CONNECTED; }));
		TestClient untrusted(server.port());
		REQUIRE(untrusted.connect("localhost", TLSOptions::client_unsafe(other_identity().certificate)) == OK);
		REQUIRE(run_until(server, untrusted.dtls, [&]() { return untrusted.dtls->get_status() != PacketPeerDTLS::STATUS_HANDSHAKING; }));
		CHECK(untrusted.dtls->get_status() == PacketPeerDTLS::STATUS_ERROR);
	}
}

TEST_CASE("[PacketPeerDTLS] close_notify from either side gives STATUS_DISCONNECTED, quietly") {
	TestServer server;
	TestClient client(server.port());
	REQUIRE(connect_pair(server, client));
	const Ref<PacketPeerDTLS> peer = server.connected_peer();

	SUBCASE("the client disconnects") {
		client.dtls->disconnect_from_peer();
		CHECK(client.dtls->get_status() == PacketPeerDTLS::STATUS_DISCONNECTED);
		StderrCapture capture;
		CHECK(run_until(server, Ref<PacketPeerDTLS>(), [&]() { return peer->get_status() == PacketPeerDTLS::STATUS_DISCONNECTED; }));
		CHECK(capture.finish().empty()); // A normal event: nothing on stderr.
	}
	SUBCASE("the server disconnects") {
		REQUIRE(peer->put_packet_buffer(bytes_of("last words")) == OK);
		peer->disconnect_from_peer();
		CHECK(peer->get_status() == PacketPeerDTLS::STATUS_DISCONNECTED);
		StderrCapture capture;
		CHECK(run_until(server, client.dtls, [&]() { return client.dtls->get_status() == PacketPeerDTLS::STATUS_DISCONNECTED; }));
		CHECK(capture.finish().empty());
		// What arrived before the close_notify is still readable (test_packet_peer_dtls_openssl_edges.cpp: it was
		// readable while still connected).
		PackedByteArray packet;
		REQUIRE(client.dtls->get_packet_buffer(packet) == OK);
		CHECK(text_of(packet) == "last words");
	}
}

TEST_CASE("[PacketPeerDTLS] The same client object disconnects and connects again") {
	TestServer server;
	TestClient client(server.port());
	REQUIRE(connect_pair(server, client));
	client.dtls->disconnect_from_peer();
	REQUIRE(run_until(server, Ref<PacketPeerDTLS>(), [&]() { return server.peers.front()->get_status() == PacketPeerDTLS::STATUS_DISCONNECTED; }));

	// Same DTLS object, same UDP socket (same source port): the old server peer let go of its
	// UDP route, so the new ClientHello is a new connection.
	REQUIRE(client.connect() == OK);
	REQUIRE(run_until(server, client.dtls, [&]() { return client.dtls->get_status() == PacketPeerDTLS::STATUS_CONNECTED && server.connected_peer().is_valid(); }));
	CHECK(server.peers.size() == 2);
	REQUIRE(client.dtls->put_packet_buffer(bytes_of("again")) == OK);
	const Ref<PacketPeerDTLS> peer = server.connected_peer();
	REQUIRE(run_until(server, client.dtls, [&]() { return peer->get_available_packet_count() == 1; }));

	// Also after an error.
	client.dtls->disconnect_from_peer();
	TestClient failing(server.port());
	REQUIRE(failing.connect("example.com") == OK);
	REQUIRE(run_until(server, failing.dtls, [&]() { return failing.dtls->get_status() == PacketPeerDTLS::STATUS_ERROR_HOSTNAME_MISMATCH; }));
	failing.dtls->disconnect_from_peer();
	CHECK(failing.dtls->get_status() == PacketPeerDTLS::STATUS_DISCONNECTED);
	REQUIRE(failing.connect("localhost") == OK);
	CHECK(run_until(server, failing.dtls, [&]() { return failing.dtls->get_status() == PacketPeerDTLS::STATUS_CONNECTED; }));
}

TEST_CASE("[PacketPeerDTLS] connect_to_peer refuses bad arguments and calls in the wrong state") {
	TestServer server;
	TestClient client(server.port());
	StderrCapture capture;
	CHECK(client.dtls->connect_to_peer(Ref<PacketPeerUDP>(), "localhost") == ERR_INVALID_PARAMETER);
	Ref<PacketPeerUDP> unconnected(memnew(PacketPeerUDP));
	CHECK(client.dtls->connect_to_peer(unconnected, "localhost") == ERR_INVALID_PARAMETER);
	CHECK(client.dtls->connect_to_peer(client.udp, "localhost", TLSOptions::server(ec_identity().key, ec_identity().certificate)) == ERR_INVALID_PARAMETER);
	CHECK(client.dtls->connect_to_peer(client.udp, "", TLSOptions::client(ec_identity().certificate)) == ERR_INVALID_PARAMETER);
	CHECK(client.dtls->get_status() == PacketPeerDTLS::STATUS_DISCONNECTED);
	CHECK(client.dtls->put_packet_buffer(bytes_of("early")) == ERR_UNCONFIGURED);

	REQUIRE(client.connect() == OK);
	CHECK(client.dtls->connect_to_peer(client.udp, "localhost") == ERR_ALREADY_IN_USE);
	// Repeated every frame, the same mistake prints once per state.
	CHECK(client.dtls->put_packet_buffer(bytes_of("early")) == ERR_UNCONFIGURED);
	CHECK(client.dtls->put_packet_buffer(bytes_of("early")) == ERR_UNCONFIGURED);
	const String printed = capture.finish();
	CHECK(count_lines(printed) == 7);
	CHECK(contains(printed, "PacketPeerDTLS.put_packet: not connected (status STATUS_DISCONNECTED) (ERR_UNCONFIGURED)"));
	CHECK(contains(printed, "PacketPeerDTLS.put_packet: not connected (status STATUS_HANDSHAKING) (ERR_UNCONFIGURED)"));
	CHECK(contains(printed, "PacketPeerDTLS.connect_to_peer: already handshaking"));

	REQUIRE(run_until(server, client.dtls, [&]() { return client.dtls->get_status() == PacketPeerDTLS::STATUS_CONNECTED; }));
	CHECK(client.dtls->connect_to_peer(client.udp, "localhost") == ERR_ALREADY_IN_USE);
}

TEST_CASE("[PacketPeerDTLS] Null options mean TLSOptions.client(): the system CA store does not trust a test certificate") {
	TestServer server;
	TestClient client(server.port());
	StderrCapture capture;
	REQUIRE(client.dtls->connect_to_peer(client.udp, "localhost") == OK);
	REQUIRE(run_until(server, client.dtls, [&]() { return client.dtls->get_status() != PacketPeerDTLS::STATUS_HANDSHAKING; }));
	CHECK(client.dtls->get_status() == PacketPeerDTLS::STATUS_ERROR);
	CHECK(contains(capture.finish(), "certificate verify failed"));
}

TEST_CASE("[PacketPeerDTLS] A closed UDP peer under a connection ends it in STATUS_ERROR") {
	TestServer server;
	TestClient client(server.port());
	REQUIRE(connect_pair(server, client));
	client.udp->close();
	StderrCapture capture;
	client.dtls->poll();
	client.dtls->poll();
	CHECK(client.dtls->get_status() == PacketPeerDTLS::STATUS_ERROR);
	CHECK(contains(capture.finish(), "the PacketPeerUDP under this connection stopped working"));
}
