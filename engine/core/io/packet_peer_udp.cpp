#include "core/io/packet_peer_udp.h"

#include "core/io/socket_waiter.h"
#include "core/io/udp_server.h"
#include "core/string/print_string.h"

#include <cerrno>
#include <cstring>

namespace godot {

// ---------------------------------------------------------------- RecvQueue

void PacketPeerUDP::RecvQueue::set_capacity(int p_capacity, int p_initial) {
	ring.reset();
	retired.reset();
	max_capacity = p_capacity;
	capacity = p_initial > 0 && p_initial < p_capacity ? p_initial : p_capacity;
	clear();
}

void PacketPeerUDP::RecvQueue::_grow(int p_record_size) {
	const int used = count == 0 ? 0 : (wrapped ? (data_end - read_pos) + write_pos : write_pos - read_pos);
	int new_capacity = capacity * 2;
	while (new_capacity < used + p_record_size && new_capacity < max_capacity) {
		new_capacity *= 2;
	}
	if (new_capacity > max_capacity) {
		new_capacity = max_capacity;
	}
	if (!ring) {
		capacity = new_capacity;
		return;
	}
	std::unique_ptr<uint8_t[]> grown(new uint8_t[size_t(new_capacity)]);
	if (count > 0) {
		const int first_end = wrapped ? data_end : write_pos;
		memcpy(grown.get(), ring.get() + read_pos, size_t(first_end - read_pos));
		if (wrapped) {
			memcpy(grown.get() + (first_end - read_pos), ring.get(), size_t(write_pos));
		}
	}
	if (held && !retired) {
		// The record handed out by the last pop() lives in this ring: keep it until the next pop().
		// (After an earlier growth it lives in `retired` already, and this ring can go.)
		retired = std::move(ring);
	}
	ring = std::move(grown);
	read_pos = 0;
	write_pos = used;
	data_end = 0;
	wrapped = false;
	capacity = new_capacity;
}

void PacketPeerUDP::RecvQueue::clear() {
	read_pos = 0;
	write_pos = 0;
	data_end = 0;
	count = 0;
	reserved_pos = -1;
	wrapped = false;
	held = false;
}

void PacketPeerUDP::RecvQueue::release_memory() {
	if (get_count() == 0) { // The held record goes too: its reader is done with it.
		ring.reset();
		retired.reset();
		clear();
	}
}

int PacketPeerUDP::RecvQueue::_find_space(int p_record_size) const {
	if (count == 0) {
		return p_record_size <= capacity ? 0 : -1;
	}
	if (wrapped) {
		return read_pos - write_pos >= p_record_size ? write_pos : -1;
	}
	if (capacity - write_pos >= p_record_size) {
		return write_pos;
	}
	return read_pos >= p_record_size ? 0 : -1; // Wrap to the start, before the oldest record.
}

uint8_t *PacketPeerUDP::RecvQueue::_reserve(int p_max_size) {
	reserved_pos = _find_space(_record_size(p_max_size));
	if (reserved_pos < 0 && capacity < max_capacity) {
		_grow(_record_size(p_max_size));
		reserved_pos = _find_space(_record_size(p_max_size));
	}
	if (reserved_pos < 0) {
		return nullptr;
	}
	if (!ring) {
		// Uninitialised on purpose: pages are only touched as datagrams arrive.
		ring.reset(new uint8_t[size_t(capacity)]);
	}
	return ring.get() + reserved_pos + HEADER_SIZE;
}

void PacketPeerUDP::RecvQueue::_commit(int p_size, const IPAddress &p_address, uint16_t p_port) {
	const int position = reserved_pos;
	reserved_pos = -1;
	if (position < 0) {
		return;
	}
	Header header;
	header.size = uint32_t(p_size);
	header.port = p_port;
	header.reserved = 0;
	memcpy(header.address, p_address.get_ipv6(), 16);
	memcpy(ring.get() + position, &header, HEADER_SIZE);
	if (count == 0) {
		read_pos = 0;
		wrapped = false;
	} else if (!wrapped && position != write_pos) {
		data_end = write_pos;
		wrapped = true;
	}
	write_pos = position + _record_size(p_size);
	count++;
}

bool PacketPeerUDP::RecvQueue::store(const uint8_t *p_data, int p_size, const IPAddress &p_address, uint16_t p_port) {
	uint8_t *payload = _reserve(p_size);
	if (!payload) {
		return false; // Full: the newest datagram is the one dropped.
	}
	if (p_size > 0) {
		memcpy(payload, p_data, size_t(p_size));
	}
	_commit(p_size, p_address, p_port);
	return true;
}

void PacketPeerUDP::RecvQueue::_release_held() {
	if (!held) {
		return;
	}
	held = false;
	retired.reset();
	Header header;
	memcpy(&header, ring.get() + read_pos, HEADER_SIZE);
	read_pos += _record_size(int(header.size));
	count--;
	if (count == 0) {
		read_pos = 0;
		write_pos = 0;
		wrapped = false;
	} else if (wrapped && read_pos == data_end) {
		read_pos = 0;
		wrapped = false;
	}
}

bool PacketPeerUDP::RecvQueue::pop(const uint8_t **r_data, int &r_size, IPAddress &r_address, uint16_t &r_port) {
	_release_held();
	if (count == 0) {
		return false;
	}
	Header header;
	memcpy(&header, ring.get() + read_pos, HEADER_SIZE);
	*r_data = ring.get() + read_pos + HEADER_SIZE;
	r_size = int(header.size);
	r_address = IPAddress::from_ipv6(header.address);
	r_port = header.port;
	held = true; // Stays in the ring (and valid for the caller) until the next pop().
	return true;
}

// ---------------------------------------------------------------- Helpers

static int queue_capacity_for(int p_recv_buf_size, int p_minimum) {
	// Like Godot's nearest_shift: the power of two above the size, and never less than
	// p_minimum (the default: what a burst of full DTLS records needs).
	int capacity = 1;
	while (capacity <= p_recv_buf_size) {
		capacity <<= 1;
	}
	return capacity < p_minimum ? p_minimum : capacity;
}

// ---------------------------------------------------------------- Server attachment

void PacketPeerUDP::_attach_to_server(UDPServer *p_server, const IPAddress &p_address, uint16_t p_port) {
	server = p_server;
	peer_address = p_address;
	peer_port = p_port;
	packet_address = p_address;
	packet_port = p_port;
	connected = true;
	blocking = false; // The server socket is shared: never stall every peer for one.
	queue.set_capacity(DEFAULT_QUEUE_CAPACITY, SERVER_PEER_INITIAL_QUEUE); // Grows as traffic needs it.
}

void PacketPeerUDP::_detach_from_server() {
	server = nullptr;
	peer_address = IPAddress();
	peer_port = 0;
	connected = false;
	queue.set_capacity(queue_capacity);
}

// ---------------------------------------------------------------- Receiving

// Standalone sockets drain through one recvmmsg batch per thread: they are drained one at a time,
// and slots per socket would cost every client its own megabyte of address space.
static NetSocket::RecvBatch &standalone_batch() {
	thread_local NetSocket::RecvBatch batch(16, NetSocket::MAX_DATAGRAM_SIZE);
	return batch;
}

Error PacketPeerUDP::_poll(const char *p_method) {
	if (server) {
		return OK; // UDPServer::poll() feeds the queue.
	}
	if (!socket.is_open()) {
		return _report(p_method, FAILED, "the socket is not open; call bind(), connect_to_host() or put_packet() first");
	}
	NetSocket::RecvBatch &batch = standalone_batch();
	pops_since_drain = 0;
	for (int drained = 0; drained < MAX_DATAGRAMS_PER_POLL; drained += batch.get_slot_count()) {
		const Error error = socket.recv_batch(batch);
		if (error == ERR_BUSY) {
			return OK;
		}
		if (error != OK) {
			return _report(p_method, FAILED, "receiving failed: " + NetSocket::error_text(socket.get_last_errno()));
		}
		for (int i = 0; i < batch.get_received(); i++) {
			const NetSocket::Datagram datagram = batch.get(i);
			if (connected && (datagram.address != peer_address || datagram.port != peer_port)) {
				continue; // Queued by the OS before connect_to_host filtered the socket.
			}
			queue.store(datagram.data, datagram.size, datagram.address, datagram.port); // Dropped when full.
		}
		if (batch.get_received() < batch.get_slot_count()) {
			return OK; // A short batch: the socket is drained, no need to ask again.
		}
	}
	SocketWaiter::watch(socket.get_fd()); // Data left behind must still wake the main loop.
	return OK;
}

int PacketPeerUDP::get_available_packet_count() const {
	// Godot drains the socket here too; scripts rely on it instead of an explicit poll().
	if (const_cast<PacketPeerUDP *>(this)->_poll("get_available_packet_count") != OK) {
		return -1;
	}
	return queue.get_count();
}

Error PacketPeerUDP::get_packet(const uint8_t **r_buffer, int &r_buffer_size) {
	// Godot drains the socket on every get_packet, so that a backlog waits in the ring rather than
	// in the kernel's buffer (which charges ~1 KiB per small datagram and drops sooner). Draining
	// when nothing is queued and at least every POPS_BETWEEN_DRAINS packets keeps that within a
	// few packets, returns the same packets in the same order, and spares a system call per
	// packet in the usual loop over get_available_packet_count() (which drains every time).
	if (queue.get_count() == 0 || pops_since_drain >= POPS_BETWEEN_DRAINS) {
		const Error error = _poll("get_packet");
		if (error != OK) {
			return error;
		}
	}
	if (!queue.pop(r_buffer, r_buffer_size, packet_address, packet_port)) {
		return ERR_UNAVAILABLE;
	}
	pops_since_drain++;
	return OK;
}

Error PacketPeerUDP::wait() {
	if (queue.get_count() > 0) {
		return OK;
	}
	if (server) {
		return server->socket.poll(false, -1) == OK ? OK : FAILED;
	}
	if (!socket.is_open()) {
		return _report("wait", ERR_UNCONFIGURED, "the socket is not open; call bind() or connect_to_host() first");
	}
	if (socket.poll(false, -1) != OK) {
		return _report("wait", FAILED, "waiting for data failed: " + NetSocket::error_text(errno));
	}
	return OK;
}

// ---------------------------------------------------------------- Sending

int PacketPeerUDP::get_max_packet_size() const {
	// Godot answers 512 ("uhm maybe not"), which is not a limit of anything. Callers that size
	// buffers from this value need the real one: the largest IPv4 UDP payload.
	return 65507;
}

Error PacketPeerUDP::_open_for_peer(const char *p_method, const IPAddress &p_address) {
	if (socket.is_open()) {
		return OK;
	}
	if (socket.open(NetSocket::family_for_peer(p_address)) != OK) {
		return _report(p_method, ERR_CANT_CREATE, "the OS refused to create a UDP socket: " + NetSocket::error_text(socket.get_last_errno()));
	}
	if (broadcast) {
		socket.set_broadcasting_enabled(true);
	}
	queue.set_capacity(queue_capacity);
	return OK;
}

Error PacketPeerUDP::_send(const char *p_method, const uint8_t *p_buffer, int p_size) {
	NetSocket &target = server ? server->socket : socket;
	Error error = connected && !server ? target.send(p_buffer, p_size) : target.sendto(p_buffer, p_size, peer_address, peer_port);
	if (error == ERR_BUSY && blocking && target.poll(true, 1000) == OK) {
		error = connected && !server ? target.send(p_buffer, p_size) : target.sendto(p_buffer, p_size, peer_address, peer_port);
	}
	if (error == ERR_BUSY) {
		return ERR_BUSY; // Flow control, not a mistake: no message.
	}
	if (error != OK) {
		const int code = target.get_last_errno();
		String reason = NetSocket::error_text(code);
		if (code == EMSGSIZE) {
			reason = vformat("a %d-byte datagram is larger than UDP allows (65507 bytes over IPv4)", p_size);
		} else if (code == EAFNOSUPPORT) {
			reason = "the socket's address family cannot reach " + peer_address.to_string();
		}
		return _report(p_method, FAILED, vformat("sending to %s:%d failed: ", peer_address.to_string().c_str(), peer_port) + reason);
	}
	return OK;
}

Error PacketPeerUDP::put_packet(const uint8_t *p_buffer, int p_buffer_size) {
	if (!peer_address.is_valid()) {
		return _report("put_packet", ERR_UNCONFIGURED, "no destination; call set_dest_address() or connect_to_host() first");
	}
	if (p_buffer_size < 0 || (p_buffer_size > 0 && !p_buffer)) {
		return _report("put_packet", ERR_INVALID_PARAMETER, "invalid buffer");
	}
	if (!server) {
		const Error error = _open_for_peer("put_packet", peer_address);
		if (error != OK) {
			return error;
		}
	}
	return _send("put_packet", p_buffer, p_buffer_size);
}

// ---------------------------------------------------------------- Configuration

Error PacketPeerUDP::bind(int p_port, const String &p_bind_address, int p_recv_buf_size) {
	if (server) {
		return _report("bind", ERR_LOCKED, "this peer was taken from a UDPServer and shares its socket; it cannot be bound");
	}
	if (socket.is_open()) {
		return _report("bind", ERR_ALREADY_IN_USE, vformat("the socket is already open (local port %d); call close() first", int(socket.get_local_port())));
	}
	const IPAddress address(p_bind_address);
	if (!address.is_valid() && !address.is_wildcard()) {
		return _report("bind", ERR_INVALID_PARAMETER, "\"" + p_bind_address + "\" is not an IP address or \"*\" (host names are not resolved here)");
	}
	if (p_port < 0 || p_port > 65535) {
		return _report("bind", ERR_INVALID_PARAMETER, vformat("port %d is outside 0..65535 (0 picks a free port)", p_port));
	}
	if (p_recv_buf_size < 1 || p_recv_buf_size > MAX_RECV_BUF_SIZE) {
		return _report("bind", ERR_INVALID_PARAMETER, vformat("recv_buf_size %d is outside 1..%d", p_recv_buf_size, MAX_RECV_BUF_SIZE));
	}
	if (socket.open(NetSocket::family_for_bind(address)) != OK) {
		return _report("bind", ERR_CANT_CREATE, "the OS refused to create a UDP socket: " + NetSocket::error_text(socket.get_last_errno()));
	}
	if (broadcast) {
		socket.set_broadcasting_enabled(true);
	}
	socket.set_recv_buffer_size(p_recv_buf_size);
	const Error error = socket.bind(address, uint16_t(p_port));
	if (error != OK) {
		const int code = socket.get_last_errno();
		socket.close();
		return _report("bind", error, NetSocket::describe_bind_error(code, p_port, p_bind_address));
	}
	queue_capacity = queue_capacity_for(p_recv_buf_size, DEFAULT_QUEUE_CAPACITY);
	queue.set_capacity(queue_capacity);
	_clear_reports();
	return OK;
}

void PacketPeerUDP::close() {
	if (server) {
		UDPServer *owner = server;
		const IPAddress address = peer_address;
		const uint16_t port = peer_port;
		_detach_from_server();
		owner->_remove_route(address, port, this); // The next datagram from there is a new connection.
	} else {
		socket.close();
	}
	queue.set_capacity(queue_capacity);
	connected = false;
	_clear_reports();
}

PacketPeerUDP::~PacketPeerUDP() {
	close();
}

bool PacketPeerUDP::is_bound() const {
	return server != nullptr || socket.is_open();
}

int PacketPeerUDP::get_local_port() const {
	return server ? server->get_local_port() : int(socket.get_local_port());
}

Error PacketPeerUDP::connect_to_host(const String &p_host, int p_port) {
	if (server) {
		return _report("connect_to_host", ERR_LOCKED, "this peer was taken from a UDPServer and is already connected to its source");
	}
	const IPAddress address(p_host);
	if (!address.is_valid()) {
		return _report("connect_to_host", ERR_INVALID_PARAMETER, "\"" + p_host + "\" is not an IP address; connect_to_host does not resolve host names (set_dest_address does)");
	}
	if (p_port < 1 || p_port > 65535) {
		return _report("connect_to_host", ERR_INVALID_PARAMETER, vformat("port %d is outside 1..65535", p_port));
	}
	if (!socket.is_open() && socket.open(NetSocket::family_for_peer(address)) != OK) {
		return _report("connect_to_host", ERR_CANT_OPEN, "the OS refused to create a UDP socket: " + NetSocket::error_text(socket.get_last_errno()));
	}
	if (broadcast) {
		socket.set_broadcasting_enabled(true);
	}
	if (socket.connect(address, uint16_t(p_port)) != OK) {
		const int code = socket.get_last_errno();
		socket.close();
		connected = false;
		const String reason = code == EAFNOSUPPORT ? String("the socket's address family cannot reach it") : NetSocket::error_text(code);
		return _report("connect_to_host", FAILED, vformat("cannot connect to %s:%d: ", p_host.c_str(), p_port) + reason);
	}
	connected = true;
	peer_address = address;
	peer_port = uint16_t(p_port);
	// As in Godot, datagrams queued before the connection are flushed.
	queue.set_capacity(queue_capacity);
	_clear_reports();
	return OK;
}

Error PacketPeerUDP::set_dest_address(const String &p_host, int p_port) {
	if (server) {
		return _report("set_dest_address", ERR_LOCKED, "this peer was taken from a UDPServer; its destination is its source");
	}
	if (connected) {
		return _report("set_dest_address", ERR_LOCKED, "the destination of a socket connected with connect_to_host cannot change; call close() first");
	}
	if (p_port < 1 || p_port > 65535) {
		return _report("set_dest_address", ERR_INVALID_PARAMETER, vformat("port %d is outside 1..65535", p_port));
	}
	IPAddress address(p_host);
	if (address.is_wildcard()) {
		return _report("set_dest_address", ERR_INVALID_PARAMETER, "\"*\" is not a destination");
	}
	const NetSocket::Family family = socket.is_open() ? socket.get_family() : NetSocket::FAMILY_ANY;
	if (!address.is_valid() && NetSocket::resolve_hostname(p_host, family, address) != OK) {
		return _report("set_dest_address", ERR_CANT_RESOLVE, "cannot resolve \"" + p_host + "\"");
	}
	if (socket.is_open() && !socket.can_reach(address)) {
		return _report("set_dest_address", ERR_INVALID_PARAMETER, "the socket's address family cannot reach " + address.to_string());
	}
	peer_address = address;
	peer_port = uint16_t(p_port);
	_clear_reports();
	return OK;
}

void PacketPeerUDP::set_broadcast_enabled(bool p_enabled) {
	if (server) {
		_report("set_broadcast_enabled", OK, "this peer was taken from a UDPServer and shares its socket; broadcast cannot change");
		return;
	}
	broadcast = p_enabled;
	if (socket.is_open()) {
		socket.set_broadcasting_enabled(p_enabled);
	}
}

Error PacketPeerUDP::join_multicast_group(const String &p_multicast_address, const String &p_interface_name) {
	if (server) {
		return _report("join_multicast_group", ERR_LOCKED, "this peer was taken from a UDPServer and shares its socket");
	}
	const IPAddress group(p_multicast_address);
	if (!group.is_valid() || !group.is_multicast()) {
		return _report("join_multicast_group", ERR_INVALID_PARAMETER, "\"" + p_multicast_address + "\" is not a multicast IP address");
	}
	const Error opened = _open_for_peer("join_multicast_group", group);
	if (opened != OK) {
		return opened;
	}
	const Error error = socket.join_multicast_group(group, p_interface_name);
	if (error == ERR_INVALID_PARAMETER) {
		if (socket.get_last_errno() == ENODEV || socket.get_last_errno() == ENXIO) {
			return _report("join_multicast_group", error, "no network interface is named \"" + p_interface_name + "\"");
		}
		return _report("join_multicast_group", error, "the socket's address family cannot join " + p_multicast_address);
	}
	if (error != OK) {
		return _report("join_multicast_group", error, "cannot join " + p_multicast_address + ": " + NetSocket::error_text(socket.get_last_errno()));
	}
	return OK;
}

Error PacketPeerUDP::leave_multicast_group(const String &p_multicast_address, const String &p_interface_name) {
	if (server) {
		return _report("leave_multicast_group", ERR_LOCKED, "this peer was taken from a UDPServer and shares its socket");
	}
	const IPAddress group(p_multicast_address);
	if (!group.is_valid() || !group.is_multicast()) {
		return _report("leave_multicast_group", ERR_INVALID_PARAMETER, "\"" + p_multicast_address + "\" is not a multicast IP address");
	}
	if (!socket.is_open()) {
		return _report("leave_multicast_group", ERR_UNCONFIGURED, "the socket is not open, so it is in no group");
	}
	const Error error = socket.leave_multicast_group(group, p_interface_name);
	if (error == ERR_INVALID_PARAMETER) {
		if (socket.get_last_errno() == ENODEV || socket.get_last_errno() == ENXIO) {
			return _report("leave_multicast_group", error, "no network interface is named \"" + p_interface_name + "\"");
		}
		return _report("leave_multicast_group", error, "the socket's address family cannot leave " + p_multicast_address);
	}
	if (error != OK) {
		return _report("leave_multicast_group", error, "cannot leave " + p_multicast_address + ": " + NetSocket::error_text(socket.get_last_errno()));
	}
	return OK;
}

void PacketPeerUDP::_bind_methods() {
	ClassDB::bind_method(D_METHOD("bind", "port", "bind_address", "recv_buf_size"), &PacketPeerUDP::bind, DEFVAL("*"), DEFVAL(65536));
	ClassDB::bind_method(D_METHOD("close"), &PacketPeerUDP::close);
	ClassDB::bind_method(D_METHOD("wait"), &PacketPeerUDP::wait);
	ClassDB::bind_method(D_METHOD("is_bound"), &PacketPeerUDP::is_bound);
	ClassDB::bind_method(D_METHOD("connect_to_host", "host", "port"), &PacketPeerUDP::connect_to_host);
	ClassDB::bind_method(D_METHOD("is_socket_connected"), &PacketPeerUDP::is_socket_connected);
	ClassDB::bind_method(D_METHOD("get_packet_ip"), &PacketPeerUDP::get_packet_ip);
	ClassDB::bind_method(D_METHOD("get_packet_port"), &PacketPeerUDP::get_packet_port);
	ClassDB::bind_method(D_METHOD("get_local_port"), &PacketPeerUDP::get_local_port);
	ClassDB::bind_method(D_METHOD("set_dest_address", "host", "port"), &PacketPeerUDP::set_dest_address);
	ClassDB::bind_method(D_METHOD("set_broadcast_enabled", "enabled"), &PacketPeerUDP::set_broadcast_enabled);
	ClassDB::bind_method(D_METHOD("join_multicast_group", "multicast_address", "interface_name"), &PacketPeerUDP::join_multicast_group);
	ClassDB::bind_method(D_METHOD("leave_multicast_group", "multicast_address", "interface_name"), &PacketPeerUDP::leave_multicast_group);
}

} // namespace godot
