#include "helpers/udp_test_helpers.h"

#include "helpers/output_capture.h"

#include <doctest/doctest.h>

using namespace godot;

namespace udp_test {

PackedByteArray bytes_of(const String &p_text) {
	return PackedByteArray(reinterpret_cast<const uint8_t *>(p_text.data()), p_text.size());
}

String text_of(const PackedByteArray &p_bytes) {
	return String(reinterpret_cast<const char *>(p_bytes.ptr()), size_t(p_bytes.size()));
}

Ref<PacketPeerUDP> bound_peer(const String &p_address) {
	Ref<PacketPeerUDP> peer(memnew(PacketPeerUDP));
	REQUIRE(peer->bind(0, p_address) == OK);
	return peer;
}

Ref<PacketPeerUDP> client_to(int p_port, const String &p_address) {
	Ref<PacketPeerUDP> peer(memnew(PacketPeerUDP));
	REQUIRE(peer->connect_to_host(p_address, p_port) == OK);
	return peer;
}

Ref<UDPServer> listening_server() {
	Ref<UDPServer> server(memnew(UDPServer));
	REQUIRE(server->listen(0, "127.0.0.1") == OK);
	return server;
}

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

} // namespace udp_test
