#include "core/io/net_socket.h"

#include "core/io/socket_waiter.h"
#include "core/string/print_string.h"

#include <arpa/inet.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace godot {

// ---------------------------------------------------------------- RecvBatch

NetSocket::RecvBatch::RecvBatch(int p_slots, int p_slot_size) :
		slot_size(p_slot_size),
		buffers(new uint8_t[size_t(p_slots) * size_t(p_slot_size)]),
		headers(size_t(p_slots)),
		vectors(size_t(p_slots)),
		sources(size_t(p_slots)) {
	for (int i = 0; i < p_slots; i++) {
		vectors[i].iov_base = buffers.get() + size_t(i) * size_t(slot_size);
		vectors[i].iov_len = size_t(slot_size);
	}
}

NetSocket::Datagram NetSocket::RecvBatch::get(int p_index) const {
	Datagram datagram;
	datagram.data = static_cast<const uint8_t *>(vectors[p_index].iov_base);
	datagram.size = int(headers[p_index].msg_len);
	datagram.address = address_from_sockaddr(sources[p_index], &datagram.port);
	return datagram;
}

// ---------------------------------------------------------------- Addresses

NetSocket::Family NetSocket::family_for_bind(const IPAddress &p_address) {
	if (p_address.is_wildcard()) {
		return FAMILY_ANY;
	}
	return p_address.is_ipv4() ? FAMILY_IPV4 : FAMILY_IPV6;
}

NetSocket::Family NetSocket::family_for_peer(const IPAddress &p_address) {
	return p_address.is_ipv4() ? FAMILY_IPV4 : FAMILY_IPV6;
}

IPAddress NetSocket::address_from_sockaddr(const sockaddr_storage &p_addr, uint16_t *r_port) {
	if (p_addr.ss_family == AF_INET) {
		const sockaddr_in &in = reinterpret_cast<const sockaddr_in &>(p_addr);
		if (r_port) {
			*r_port = ntohs(in.sin_port);
		}
		return IPAddress::from_ipv4(reinterpret_cast<const uint8_t *>(&in.sin_addr));
	}
	if (p_addr.ss_family == AF_INET6) {
		const sockaddr_in6 &in6 = reinterpret_cast<const sockaddr_in6 &>(p_addr);
		if (r_port) {
			*r_port = ntohs(in6.sin6_port);
		}
		return IPAddress::from_ipv6(reinterpret_cast<const uint8_t *>(&in6.sin6_addr));
	}
	if (r_port) {
		*r_port = 0;
	}
	return IPAddress();
}

bool NetSocket::can_reach(const IPAddress &p_address) const {
	if (!p_address.is_valid()) {
		return false;
	}
	switch (family) {
		case FAMILY_IPV4:
			return p_address.is_ipv4();
		case FAMILY_IPV6:
			return !p_address.is_ipv4();
		case FAMILY_ANY:
			return true;
		default:
			return false;
	}
}

bool NetSocket::_to_sockaddr(const IPAddress &p_address, uint16_t p_port, sockaddr_storage &r_addr, socklen_t &r_len) const {
	memset(&r_addr, 0, sizeof(r_addr));
	if (family == FAMILY_IPV4) {
		if (!p_address.is_wildcard() && !p_address.is_ipv4()) {
			return false;
		}
		sockaddr_in &in = reinterpret_cast<sockaddr_in &>(r_addr);
		in.sin_family = AF_INET;
		in.sin_port = htons(p_port);
		if (p_address.is_wildcard()) {
			in.sin_addr.s_addr = htonl(INADDR_ANY);
		} else {
			memcpy(&in.sin_addr, p_address.get_ipv4(), 4);
		}
		r_len = sizeof(sockaddr_in);
		return true;
	}
	if (family == FAMILY_IPV6 || family == FAMILY_ANY) {
		if (!p_address.is_wildcard() && !can_reach(p_address)) {
			return false;
		}
		sockaddr_in6 &in6 = reinterpret_cast<sockaddr_in6 &>(r_addr);
		in6.sin6_family = AF_INET6;
		in6.sin6_port = htons(p_port);
		if (p_address.is_wildcard()) {
			in6.sin6_addr = in6addr_any;
		} else {
			memcpy(&in6.sin6_addr, p_address.get_ipv6(), 16); // IPv4 stays v4-mapped on dual-stack sockets.
		}
		r_len = sizeof(sockaddr_in6);
		return true;
	}
	return false;
}

Error NetSocket::resolve_hostname(const String &p_host, Family p_family, IPAddress &r_address) {
	addrinfo hints{};
	hints.ai_family = p_family == FAMILY_IPV4 ? AF_INET : (p_family == FAMILY_IPV6 ? AF_INET6 : AF_UNSPEC);
	hints.ai_socktype = SOCK_DGRAM;
	hints.ai_flags = AI_ADDRCONFIG;
	addrinfo *results = nullptr;
	if (getaddrinfo(p_host.c_str(), nullptr, &hints, &results) != 0 || !results) {
		return ERR_CANT_RESOLVE;
	}
	Error error = ERR_CANT_RESOLVE;
	for (addrinfo *entry = results; entry; entry = entry->ai_next) {
		if (entry->ai_family != AF_INET && entry->ai_family != AF_INET6) {
			continue;
		}
		sockaddr_storage storage{};
		memcpy(&storage, entry->ai_addr, entry->ai_addrlen);
		r_address = address_from_sockaddr(storage, nullptr);
		error = OK;
		break;
	}
	freeaddrinfo(results);
	return error;
}

// ---------------------------------------------------------------- Lifetime

Error NetSocket::_fail(Error p_error) {
	last_errno = errno;
	return p_error;
}

Error NetSocket::open(Family p_family) {
	if (fd >= 0) {
		return ERR_ALREADY_IN_USE;
	}
	if (p_family == FAMILY_NONE) {
		return ERR_INVALID_PARAMETER;
	}
	const int type = SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC;
	Family opened = p_family;
	int socket_fd = ::socket(p_family == FAMILY_IPV4 ? AF_INET : AF_INET6, type, IPPROTO_UDP);
	if (socket_fd < 0 && p_family == FAMILY_ANY && errno == EAFNOSUPPORT) {
		// A host without IPv6 still serves "*" binds, over IPv4 only.
		socket_fd = ::socket(AF_INET, type, IPPROTO_UDP);
		opened = FAMILY_IPV4;
	}
	if (socket_fd < 0) {
		return _fail(ERR_CANT_CREATE);
	}
	if (opened != FAMILY_IPV4) {
		const int v6_only = opened == FAMILY_IPV6 ? 1 : 0;
		if (setsockopt(socket_fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6_only, sizeof(v6_only)) != 0) {
			last_errno = errno;
			::close(socket_fd);
			return ERR_CANT_CREATE;
		}
	}
	fd = socket_fd;
	family = opened;
	SocketWaiter::register_fd(fd);
	return OK;
}

void NetSocket::close() {
	if (fd < 0) {
		return;
	}
	SocketWaiter::unregister_fd(fd);
	::close(fd);
	fd = -1;
	family = FAMILY_NONE;
}

// ---------------------------------------------------------------- Addressing

Error NetSocket::bind(const IPAddress &p_address, uint16_t p_port) {
	if (fd < 0) {
		return ERR_UNCONFIGURED;
	}
	sockaddr_storage addr;
	socklen_t length;
	if (!_to_sockaddr(p_address, p_port, addr, length)) {
		last_errno = EAFNOSUPPORT;
		return ERR_INVALID_PARAMETER;
	}
	if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), length) != 0) {
		return _fail(ERR_UNAVAILABLE);
	}
	return OK;
}

bool NetSocket::_peer_sockaddr(const IPAddress &p_address, uint16_t p_port, sockaddr_storage &r_addr, socklen_t &r_len) {
	if (_to_sockaddr(p_address, p_port, r_addr, r_len) && !p_address.is_wildcard()) {
		return true;
	}
	last_errno = EAFNOSUPPORT;
	return false;
}

Error NetSocket::connect(const IPAddress &p_address, uint16_t p_port) {
	if (fd < 0) {
		return ERR_UNCONFIGURED;
	}
	sockaddr_storage addr;
	socklen_t length;
	if (!_peer_sockaddr(p_address, p_port, addr, length)) {
		return FAILED;
	}
	if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), length) != 0) {
		return _fail(FAILED);
	}
	return OK;
}

uint16_t NetSocket::get_local_port() const {
	if (fd < 0) {
		return 0;
	}
	sockaddr_storage addr{};
	socklen_t length = sizeof(addr);
	if (getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &length) != 0) {
		return 0;
	}
	uint16_t port = 0;
	address_from_sockaddr(addr, &port);
	return port;
}

String NetSocket::error_text(int p_errno) {
	return p_errno ? String(strerror(p_errno)) : String("unknown error");
}

String NetSocket::describe_bind_error(int p_errno, int p_port, const String &p_bind_address) {
	const String where = vformat("port %d on %s", p_port, p_bind_address.c_str());
	switch (p_errno) {
		case EADDRINUSE:
			return where + " is already in use";
		case EACCES:
			return where + ": permission denied (ports below 1024 need privileges)";
		case EADDRNOTAVAIL:
			return p_bind_address + " is not an address of this machine";
		default:
			return "cannot bind " + where + ": " + error_text(p_errno);
	}
}

// ---------------------------------------------------------------- Data

// Errors an earlier datagram's ICMP reply leaves on the socket. Linux reports them once, on the
// next call; they say nothing about the current datagram.
static bool is_stale_icmp_error(int p_errno) {
	return p_errno == ECONNREFUSED || p_errno == EHOSTUNREACH || p_errno == ENETUNREACH || p_errno == ECONNRESET;
}

Error NetSocket::sendto(const uint8_t *p_buffer, int p_size, const IPAddress &p_address, uint16_t p_port) {
	if (fd < 0) {
		return ERR_UNCONFIGURED;
	}
	sockaddr_storage addr;
	socklen_t length;
	if (!_peer_sockaddr(p_address, p_port, addr, length)) {
		return FAILED;
	}
	return _send_datagram(p_buffer, p_size, reinterpret_cast<sockaddr *>(&addr), length);
}

Error NetSocket::send(const uint8_t *p_buffer, int p_size) {
	if (fd < 0) {
		return ERR_UNCONFIGURED;
	}
	return _send_datagram(p_buffer, p_size, nullptr, 0);
}

Error NetSocket::_send_datagram(const uint8_t *p_buffer, int p_size, const sockaddr *p_to, socklen_t p_to_length) {
	// One retry: after EINTR, or after an earlier datagram's ICMP error that the OS reports now.
	for (int attempt = 0; attempt < 2; attempt++) {
		if (::sendto(fd, p_buffer, size_t(p_size), 0, p_to, p_to_length) >= 0) {
			return OK;
		}
		if (errno == EAGAIN || errno == EWOULDBLOCK || errno == ENOBUFS) {
			return _fail(ERR_BUSY);
		}
		if (errno != EINTR && !is_stale_icmp_error(errno)) {
			break;
		}
	}
	return _fail(FAILED);
}

Error NetSocket::recvfrom(uint8_t *p_buffer, int p_size, int &r_read, IPAddress &r_address, uint16_t &r_port) {
	if (fd < 0) {
		return ERR_UNCONFIGURED;
	}
	for (;;) {
		sockaddr_storage source{};
		socklen_t length = sizeof(source);
		const ssize_t read = ::recvfrom(fd, p_buffer, size_t(p_size), 0, reinterpret_cast<sockaddr *>(&source), &length);
		if (read >= 0) {
			r_read = int(read);
			r_address = address_from_sockaddr(source, &r_port);
			return OK;
		}
		if (errno == EAGAIN || errno == EWOULDBLOCK) {
			SocketWaiter::watch(fd); // Read empty: the next datagram is news for the main loop.
			return ERR_BUSY;
		}
		if (errno != EINTR && !is_stale_icmp_error(errno)) {
			return _fail(FAILED);
		}
	}
}

Error NetSocket::recv_batch(RecvBatch &r_batch) {
	r_batch.received = 0;
	if (fd < 0) {
		return ERR_UNCONFIGURED;
	}
	const unsigned int slots = unsigned(r_batch.headers.size());
	for (unsigned int i = 0; i < slots; i++) {
		msghdr &header = r_batch.headers[i].msg_hdr;
		header = msghdr{};
		header.msg_name = &r_batch.sources[i];
		header.msg_namelen = sizeof(sockaddr_storage);
		header.msg_iov = &r_batch.vectors[i];
		header.msg_iovlen = 1;
		r_batch.headers[i].msg_len = 0;
	}
	for (;;) {
		const int received = recvmmsg(fd, r_batch.headers.data(), slots, MSG_DONTWAIT, nullptr);
		if (received > 0) {
			r_batch.received = received;
			if (unsigned(received) < slots) {
				SocketWaiter::watch(fd); // A short batch: read empty.
			}
			return OK;
		}
		if (received == 0 || errno == EAGAIN || errno == EWOULDBLOCK) {
			SocketWaiter::watch(fd);
			return ERR_BUSY;
		}
		if (errno != EINTR && !is_stale_icmp_error(errno)) {
			return _fail(FAILED);
		}
	}
}

Error NetSocket::poll(bool p_for_write, int p_timeout_msec) const {
	if (fd < 0) {
		return ERR_UNCONFIGURED;
	}
	pollfd entry{};
	entry.fd = fd;
	entry.events = p_for_write ? POLLOUT : POLLIN;
	for (;;) {
		const int ready = ::poll(&entry, 1, p_timeout_msec);
		if (ready > 0) {
			return OK;
		}
		if (ready == 0) {
			return ERR_BUSY;
		}
		if (errno != EINTR) {
			return FAILED;
		}
	}
}

// ---------------------------------------------------------------- Options

Error NetSocket::set_broadcasting_enabled(bool p_enabled) {
	if (fd < 0) {
		return ERR_UNCONFIGURED;
	}
	const int value = p_enabled ? 1 : 0;
	if (setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &value, sizeof(value)) != 0) {
		return _fail(FAILED);
	}
	return OK;
}

Error NetSocket::set_recv_buffer_size(int p_size) {
	if (fd < 0) {
		return ERR_UNCONFIGURED;
	}
	// The kernel doubles the value and caps it at net.core.rmem_max; neither is an error.
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &p_size, sizeof(p_size)) != 0) {
		return _fail(FAILED);
	}
	return OK;
}

Error NetSocket::join_multicast_group(const IPAddress &p_group, const String &p_interface_name) {
	return _change_membership(true, p_group, p_interface_name);
}

Error NetSocket::leave_multicast_group(const IPAddress &p_group, const String &p_interface_name) {
	return _change_membership(false, p_group, p_interface_name);
}

Error NetSocket::_change_membership(bool p_join, const IPAddress &p_group, const String &p_interface_name) {
	if (fd < 0) {
		return ERR_UNCONFIGURED;
	}
	if (!p_group.is_multicast() || !can_reach(p_group)) {
		last_errno = EINVAL;
		return ERR_INVALID_PARAMETER;
	}
	group_req request{};
	if (!p_interface_name.empty()) {
		request.gr_interface = if_nametoindex(p_interface_name.c_str());
		if (request.gr_interface == 0) {
			return _fail(ERR_INVALID_PARAMETER);
		}
	}
	// MCAST_JOIN_GROUP takes the interface by index for both families. An IPv4 group on a
	// dual-stack socket is joined at the IPv4 level, which Linux supports for v4-mapped traffic.
	int level;
	if (p_group.is_ipv4()) {
		sockaddr_in &in = reinterpret_cast<sockaddr_in &>(request.gr_group);
		in.sin_family = AF_INET;
		memcpy(&in.sin_addr, p_group.get_ipv4(), 4);
		level = IPPROTO_IP;
	} else {
		sockaddr_in6 &in6 = reinterpret_cast<sockaddr_in6 &>(request.gr_group);
		in6.sin6_family = AF_INET6;
		memcpy(&in6.sin6_addr, p_group.get_ipv6(), 16);
		level = IPPROTO_IPV6;
	}
	if (setsockopt(fd, level, p_join ? MCAST_JOIN_GROUP : MCAST_LEAVE_GROUP, &request, sizeof(request)) != 0) {
		return _fail(FAILED);
	}
	return OK;
}

} // namespace godot
