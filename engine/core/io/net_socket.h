#pragma once
// NetSocket: the engine's non-blocking POSIX UDP socket, under PacketPeerUDP and UDPServer.
// Engine-internal: not a ClassDB class, never seen by scripts. Failing calls return an Error
// and keep errno in get_last_errno() so the script-facing caller can word one clear message.
//
// Families: FAMILY_IPV4 is AF_INET; FAMILY_IPV6 is an IPv6-only AF_INET6 socket; FAMILY_ANY is a
// dual-stack AF_INET6 socket (IPV6_V6ONLY=0) that also carries IPv4 as ::ffff:a.b.c.d, which is
// what a "*" bind opens (falling back to AF_INET on hosts without IPv6).

#include "core/error/error_list.h"
#include "core/io/ip_address.h"

#include <sys/socket.h>
#include <memory>
#include <vector>

namespace godot {

class NetSocket {
public:
	enum Family {
		FAMILY_NONE,
		FAMILY_IPV4,
		FAMILY_IPV6,
		FAMILY_ANY,
	};

	// Receive room that never truncates: UDP payloads stop at 65507 (IPv4) and 65527 (IPv6).
	static constexpr int MAX_DATAGRAM_SIZE = 65536;

	struct Datagram {
		const uint8_t *data = nullptr;
		int size = 0;
		IPAddress address;
		uint16_t port = 0;
	};

	// Slots for recvmmsg, allocated once per owner and reused for every batch. Slot memory is
	// left uninitialised so untouched pages cost nothing.
	class RecvBatch {
		friend class NetSocket;

		int slot_size = 0;
		int received = 0;
		std::unique_ptr<uint8_t[]> buffers;
		std::vector<mmsghdr> headers;
		std::vector<iovec> vectors;
		std::vector<sockaddr_storage> sources;

	public:
		RecvBatch(int p_slots, int p_slot_size);
		int get_slot_count() const { return int(headers.size()); }
		int get_received() const { return received; }
		Datagram get(int p_index) const; // p_index < get_received().
	};

private:
	int fd = -1;
	Family family = FAMILY_NONE;
	int last_errno = 0;

	Error _fail(Error p_error);
	// sendto() with no address is send() on a connected socket.
	Error _send_datagram(const uint8_t *p_buffer, int p_size, const sockaddr *p_to, socklen_t p_to_length);
	bool _to_sockaddr(const IPAddress &p_address, uint16_t p_port, sockaddr_storage &r_addr, socklen_t &r_len) const;
	// A peer's address as _to_sockaddr makes it; false (errno EAFNOSUPPORT) for a wildcard or
	// an address this socket's family cannot reach.
	bool _peer_sockaddr(const IPAddress &p_address, uint16_t p_port, sockaddr_storage &r_addr, socklen_t &r_len);

public:
	NetSocket() = default;
	~NetSocket() { close(); }
	NetSocket(const NetSocket &) = delete;
	NetSocket &operator=(const NetSocket &) = delete;

	// The family a bind to p_address needs ("*" → dual-stack), and the one a socket opened to
	// talk to p_address needs (connect_to_host, put_packet and join_multicast_group open lazily).
	static Family family_for_bind(const IPAddress &p_address);
	static Family family_for_peer(const IPAddress &p_address);
	// getaddrinfo, first usable result for the family (FAMILY_ANY/NONE: any). ERR_CANT_RESOLVE on failure.
	static Error resolve_hostname(const String &p_host, Family p_family, IPAddress &r_address);
	static IPAddress address_from_sockaddr(const sockaddr_storage &p_addr, uint16_t *r_port);

	// Opens a non-blocking, close-on-exec UDP socket and registers it with SocketWaiter.
	Error open(Family p_family); // ERR_ALREADY_IN_USE if open, ERR_CANT_CREATE if the OS refuses.
	void close();
	bool is_open() const { return fd >= 0; }
	int get_fd() const { return fd; }
	Family get_family() const { return family; }
	int get_last_errno() const { return last_errno; }
	// Whether this socket can exchange datagrams with p_address (IPv4 needs IPv4 or dual-stack).
	bool can_reach(const IPAddress &p_address) const;

	Error bind(const IPAddress &p_address, uint16_t p_port); // ERR_UNAVAILABLE when the OS refuses.
	// strerror()'s text, "unknown error" for 0.
	static String error_text(int p_errno);
	// Why bind() failed, for a game developer: "port 4433 on * is already in use", ...
	static String describe_bind_error(int p_errno, int p_port, const String &p_bind_address);
	Error connect(const IPAddress &p_address, uint16_t p_port); // FAILED when the OS refuses.
	uint16_t get_local_port() const; // 0 when unbound.

	// One datagram each. ERR_BUSY: the send buffer is full (nothing sent). FAILED: see errno.
	Error sendto(const uint8_t *p_buffer, int p_size, const IPAddress &p_address, uint16_t p_port);
	Error send(const uint8_t *p_buffer, int p_size); // Connected sockets.
	// ERR_BUSY when nothing is waiting. ICMP errors left by earlier sends are skipped.
	Error recvfrom(uint8_t *p_buffer, int p_size, int &r_read, IPAddress &r_address, uint16_t &r_port);
	// Fills r_batch with up to get_slot_count() datagrams in one recvmmsg. ERR_BUSY when none.
	Error recv_batch(RecvBatch &r_batch);
	// OK when ready, ERR_BUSY on timeout. A negative timeout waits forever.
	Error poll(bool p_for_write, int p_timeout_msec) const;

	Error set_broadcasting_enabled(bool p_enabled);
	Error set_recv_buffer_size(int p_size);
	// p_interface_name "" lets the kernel choose; an unknown name gives ERR_INVALID_PARAMETER.
	Error join_multicast_group(const IPAddress &p_group, const String &p_interface_name);
	Error leave_multicast_group(const IPAddress &p_group, const String &p_interface_name);

private:
	Error _change_membership(bool p_join, const IPAddress &p_group, const String &p_interface_name);
};

} // namespace godot
