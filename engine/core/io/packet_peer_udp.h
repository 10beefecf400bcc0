#pragma once
// PacketPeerUDP: Godot's UDP packet peer. Standalone, it owns a non-blocking socket
// (bind / connect_to_host / set_dest_address). Taken from a UDPServer, it shares the server's
// socket: the server's poll() routes this source's datagrams into the peer's queue and the peer
// sends with sendto on the server socket. Such a peer holds no reference to the server, and the
// server holds only a plain pointer to it, cleared from either side: the peer's destructor or
// close() removes the server's route, and the server's stop() or destructor detaches the peer.
//
// Received datagrams wait in one contiguous byte ring per peer (records never wrap, so
// get_packet() hands out a pointer into the ring: no copy between the ring and the caller).
// Sockets are drained with recvmmsg batches, one copy per datagram into the ring; a short batch
// tells the socket is empty without another system call.
// The ring is bounded (bind's recv_buf_size, rounded up to a power of two, at least 256 KiB:
// room for 15 full DTLS records of 16 KiB, more than the kernel's default socket buffer holds);
// when it is full, newly arriving datagrams are dropped (drop-newest, as Godot does), which keeps
// already-queued data valid and the memory bounded under a flood.

#include "core/io/ip_address.h"
#include "core/io/net_socket.h"
#include "core/io/packet_peer.h"

#include <memory>

namespace godot {

class UDPServer;

class PacketPeerUDP : public PacketPeer {
	GDCLASS(PacketPeerUDP, PacketPeer)
	friend class UDPServer;

	class RecvQueue {
		// Record: this header, then the payload, padded to 8 bytes.
		struct Header {
			uint32_t size;
			uint16_t port;
			uint16_t reserved;
			uint8_t address[16];
		};
		static constexpr int HEADER_SIZE = int(sizeof(Header));

		std::unique_ptr<uint8_t[]> ring; // Allocated at the first datagram.
		std::unique_ptr<uint8_t[]> retired; // The ring before a growth, kept while the record handed out lives in it.
		int capacity = 0;
		int max_capacity = 0;
		int read_pos = 0; // First record (the held one, if any).
		int write_pos = 0; // Where the next record goes.
		int data_end = 0; // While wrapped: the end of the records before the wrap.
		int count = 0; // Records in the ring, the held one included.
		int reserved_pos = -1;
		bool wrapped = false; // Records run [read_pos, data_end) then [0, write_pos).
		bool held = false; // The front record was returned by pop() and is released by the next pop().

		static int _record_size(int p_payload) { return (HEADER_SIZE + p_payload + 7) & ~7; }
		int _find_space(int p_record_size) const;
		void _grow(int p_record_size);
		void _release_held();
		// Room for a payload of up to p_max_size; nullptr when it does not fit. _commit() after.
		uint8_t *_reserve(int p_max_size);
		void _commit(int p_size, const IPAddress &p_address, uint16_t p_port);

	public:
		// Drops queued records and frees the ring; it starts at p_initial bytes (when given) and
		// doubles on demand up to p_capacity, so an idle or spoofed source costs little.
		void set_capacity(int p_capacity, int p_initial = 0);
		void clear();
		void release_memory(); // Frees the ring if nothing is queued (the held record included).
		int get_count() const { return count - (held ? 1 : 0); }
		bool store(const uint8_t *p_data, int p_size, const IPAddress &p_address, uint16_t p_port);
		bool pop(const uint8_t **r_data, int &r_size, IPAddress &r_address, uint16_t &r_port);
	};

	static constexpr int DEFAULT_QUEUE_CAPACITY = 1 << 18; // See the file comment.
	// A server-side peer starts with room for a ClientHello or two: most sources never send more.
	static constexpr int SERVER_PEER_INITIAL_QUEUE = 512;
	static constexpr int MAX_RECV_BUF_SIZE = 1 << 28;
	// A flood must not keep one call draining forever; what is left waits for the next call.
	static constexpr int MAX_DATAGRAMS_PER_POLL = 4096;
	static constexpr int POPS_BETWEEN_DRAINS = 8; // See get_packet().

	NetSocket socket; // Unused while owned by a server.
	UDPServer *server = nullptr; // Non-owning; see the file comment.
	RecvQueue queue;
	int queue_capacity = DEFAULT_QUEUE_CAPACITY;
	IPAddress peer_address; // The destination (set_dest_address / connect_to_host / the server source).
	uint16_t peer_port = 0;
	IPAddress packet_address; // Source of the last packet returned by get_packet.
	uint16_t packet_port = 0;
	int pops_since_drain = 0;
	bool connected = false;
	bool broadcast = false;
	bool blocking = true;

	Error _poll(const char *p_method);
	Error _open_for_peer(const char *p_method, const IPAddress &p_address);
	Error _send(const char *p_method, const uint8_t *p_buffer, int p_size);

	// UDPServer side.
	void _attach_to_server(UDPServer *p_server, const IPAddress &p_address, uint16_t p_port);
	void _detach_from_server();
	void _receive(const NetSocket::Datagram &p_datagram) { queue.store(p_datagram.data, p_datagram.size, p_datagram.address, p_datagram.port); }

protected:
	static void _bind_methods();

public:
	// PacketPeer.
	int get_available_packet_count() const override; // -1 when the socket is not open.
	Error get_packet(const uint8_t **r_buffer, int &r_buffer_size) override;
	Error put_packet(const uint8_t *p_buffer, int p_buffer_size) override;
	int get_max_packet_size() const override;

	Error bind(int p_port, const String &p_bind_address = "*", int p_recv_buf_size = 65536);
	void close();
	Error wait();
	bool is_bound() const;
	Error connect_to_host(const String &p_host, int p_port);
	bool is_socket_connected() const { return connected; }
	Error set_dest_address(const String &p_host, int p_port);
	String get_packet_ip() const { return packet_address.to_string(); }
	int get_packet_port() const { return packet_port; }
	int get_local_port() const;
	void set_broadcast_enabled(bool p_enabled);
	Error join_multicast_group(const String &p_multicast_address, const String &p_interface_name);
	Error leave_multicast_group(const String &p_multicast_address, const String &p_interface_name);

	// C++ only, as in Godot.
	IPAddress get_packet_address() const { return packet_address; }
	// Blocking (the default for standalone peers): put_packet waits up to a second for send
	// buffer room. Non-blocking (server-side peers): it returns ERR_BUSY at once.
	void set_blocking_mode(bool p_enabled) { blocking = p_enabled; }
	bool is_server_owned() const { return server != nullptr; }
	// Frees the receive ring while nothing is queued (the next datagram allocates it again), and
	// with it the packet last returned by get_packet: for peers that wait long between datagrams,
	// like a DTLS server peer waiting for its cookie.
	void release_receive_memory() { queue.release_memory(); }

	~PacketPeerUDP() override;
};

} // namespace godot
