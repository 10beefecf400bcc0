#pragma once
// Helpers shared by the suites of PacketPeer, PacketPeerUDP, UDPServer and SocketWaiter over the
// loopback interface. Every socket binds port 0 (a free port) so suites can run in parallel on one
// machine. They assert with doctest.

#include "core/io/packet_peer_udp.h"
#include "core/io/udp_server.h"
#include "helpers/output_capture.h" // count_lines, capture_stderr

#include <chrono>
#include <thread>

namespace udp_test {

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

godot::PackedByteArray bytes_of(const godot::String &p_text);
godot::String text_of(const godot::PackedByteArray &p_bytes);

// A PacketPeerUDP bound to a free port of p_address.
godot::Ref<godot::PacketPeerUDP> bound_peer(const godot::String &p_address = "127.0.0.1");
// A PacketPeerUDP connected to p_address:p_port.
godot::Ref<godot::PacketPeerUDP> client_to(int p_port, const godot::String &p_address = "127.0.0.1");
// A UDPServer listening on a free port of 127.0.0.1.
godot::Ref<godot::UDPServer> listening_server();
// Sends p_text from p_client and polls p_server until a pending connection shows up.
godot::Ref<godot::PacketPeerUDP> accept_one(const godot::Ref<godot::UDPServer> &p_server, const godot::Ref<godot::PacketPeerUDP> &p_client, const godot::String &p_text);
// Whether ::1 can be bound here: the IPv6 cases are skipped where it cannot.
bool ipv6_loopback_available();

} // namespace udp_test
