// SocketWaiter, the wait of the idle main loop: it wakes on new data only, for a PacketPeerUDP and
// for a UDPServer's socket once poll() has read it empty.

#include "core/io/packet_peer_udp.h"
#include "core/io/socket_waiter.h"
#include "core/io/udp_server.h"

#include "helpers/udp_test_helpers.h"

#include <doctest/doctest.h>

using namespace godot;
using namespace udp_test;

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
