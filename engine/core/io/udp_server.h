#pragma once
// UDPServer: one shared UDP socket, many PacketPeerUDP "connections" split out by source
// address. poll() drains the socket with recvmmsg batches and routes each datagram through a
// hash map keyed by (address, port) in O(1). Unknown sources become pending peers, up to
// max_pending_connections; take_connection() hands out the oldest.
//
// Unlike Godot, a datagram from a new source that finds every pending slot taken is not dropped
// at once: it waits in a small bounded queue (WAITING_BYTES_LIMIT) and becomes a pending peer as
// take_connection() frees slots. Godot's drop turns a burst of new clients (a thousand DTLS
// ClientHellos in one poll) into retransmission waves that meet the same full list every time,
// so a handshake storm stalls; here the script takes them all, max_pending_connections at a time.
// With max_pending_connections 0 nothing waits: new sources are refused.
//
// Ownership: pending peers are owned here. A taken peer is owned by whoever holds it (a script,
// a PacketPeerDTLS); the route keeps a plain pointer that the peer removes when it is closed or
// destroyed, so once the last holder lets go the next datagram from that source is a new pending
// connection (what the DTLS cookie exchange relies on). stop() and the destructor detach every
// peer, so neither side ever points at a dead object.

#include "core/error/error_reporter.h"
#include "core/io/ip_address.h"
#include "core/io/net_socket.h"
#include "core/io/packet_peer_udp.h"
#include "core/object/ref_counted.h"

#include <deque>
#include <memory>
#include <unordered_map>
#include <vector>

namespace godot {

class UDPServer : public RefCounted {
	GDCLASS(UDPServer, RefCounted)
	friend class PacketPeerUDP;

	struct PeerKey {
		uint8_t address[16];
		uint16_t port;

		PeerKey(const IPAddress &p_address, uint16_t p_port);
		bool operator==(const PeerKey &p_other) const { return port == p_other.port && memcmp(address, p_other.address, 16) == 0; }
	};
	struct PeerKeyHasher {
		size_t operator()(const PeerKey &p_key) const;
	};

	static constexpr int DEFAULT_MAX_PENDING_CONNECTIONS = 16;
	static constexpr int MAX_PENDING_CONNECTIONS_LIMIT = 256;
	static constexpr int BATCH_SLOTS = 32;
	// A flood must not hold one poll() forever; what is left waits for the next poll().
	static constexpr int MAX_BATCHES_PER_POLL = 128;
	static constexpr int SOCKET_RECV_BUFFER_SIZE = 1 << 20; // A burst for many peers; the kernel caps it.
	static constexpr size_t WAITING_BYTES_LIMIT = 256 * 1024; // About 1500 ClientHellos; beyond, drop.

	struct WaitingDatagram {
		IPAddress address;
		uint16_t port = 0;
		std::vector<uint8_t> data;
	};

	NetSocket socket;
	std::unique_ptr<NetSocket::RecvBatch> batch;
	std::unordered_map<PeerKey, PacketPeerUDP *, PeerKeyHasher> routes; // Pending and taken peers.
	std::deque<Ref<PacketPeerUDP>> pending; // Oldest first.
	std::deque<WaitingDatagram> waiting; // New sources that found pending full, oldest first.
	size_t waiting_bytes = 0;
	int max_pending_connections = DEFAULT_MAX_PENDING_CONNECTIONS;
	ErrorReporter reporter;

	Error _report(const char *p_method, Error p_error, const String &p_what) { return reporter.report("UDPServer", p_method, p_error, p_what); }
	void _route(const NetSocket::Datagram &p_datagram);
	void _add_pending(const NetSocket::Datagram &p_datagram);
	void _admit_waiting(); // Moves waiting datagrams into free pending slots (or their peers).
	void _clear_waiting();
	// Called by a peer that is closing; removes the route only if it still leads to p_peer.
	void _remove_route(const IPAddress &p_address, uint16_t p_port, PacketPeerUDP *p_peer);

protected:
	static void _bind_methods();

public:
	Error listen(int p_port, const String &p_bind_address = "*");
	Error poll();
	bool is_connection_available() const;
	int get_local_port() const;
	bool is_listening() const { return socket.is_open(); }
	Ref<PacketPeerUDP> take_connection();
	void stop();

	// 0 refuses new sources. Lowering it drops the newest pending peers over the new limit;
	// raising it keeps every pending peer (Godot's own trim loop has this inverted).
	void set_max_pending_connections(int p_max);
	int get_max_pending_connections() const { return max_pending_connections; }

	int get_pending_count() const { return int(pending.size()); } // C++ only, for tests and stats.
	int get_waiting_count() const { return int(waiting.size()); } // C++ only, for tests and stats.
	int get_route_count() const { return int(routes.size()); } // C++ only: pending + taken peers.

	~UDPServer() override;
};

} // namespace godot
