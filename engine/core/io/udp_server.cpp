#include "core/io/udp_server.h"

#include "core/io/socket_waiter.h"
#include "core/string/print_string.h"

#include <cstring>

namespace godot {

UDPServer::PeerKey::PeerKey(const IPAddress &p_address, uint16_t p_port) :
		port(p_port) {
	memcpy(address, p_address.get_ipv6(), 16);
}

size_t UDPServer::PeerKeyHasher::operator()(const PeerKey &p_key) const {
	uint64_t high;
	uint64_t low;
	memcpy(&high, p_key.address, 8);
	memcpy(&low, p_key.address + 8, 8);
	// splitmix64 finaliser over the folded words: cheap, and spreads ports that differ by one.
	uint64_t hash = high ^ (low * 0x9e3779b97f4a7c15ull) ^ (uint64_t(p_key.port) << 32);
	hash ^= hash >> 30;
	hash *= 0xbf58476d1ce4e5b9ull;
	hash ^= hash >> 27;
	hash *= 0x94d049bb133111ebull;
	hash ^= hash >> 31;
	return size_t(hash);
}

Error UDPServer::listen(int p_port, const String &p_bind_address) {
	if (socket.is_open()) {
		return _report("listen", ERR_ALREADY_IN_USE, vformat("already listening on port %d; call stop() first", get_local_port()));
	}
	const IPAddress address(p_bind_address);
	if (!address.is_valid() && !address.is_wildcard()) {
		return _report("listen", ERR_INVALID_PARAMETER, "\"" + p_bind_address + "\" is not an IP address or \"*\" (host names are not resolved here)");
	}
	if (p_port < 0 || p_port > 65535) {
		return _report("listen", ERR_INVALID_PARAMETER, vformat("port %d is outside 0..65535 (0 picks a free port)", p_port));
	}
	if (socket.open(NetSocket::family_for_bind(address)) != OK) {
		return _report("listen", ERR_CANT_CREATE, "the OS refused to create a UDP socket: " + NetSocket::error_text(socket.get_last_errno()));
	}
	// Godot also sets SO_REUSEADDR here. For UDP that buys nothing (there is no TIME_WAIT) and
	// lets a second server silently share the port, so Quickdot reports the conflict instead.
	socket.set_recv_buffer_size(SOCKET_RECV_BUFFER_SIZE);
	const Error error = socket.bind(address, uint16_t(p_port));
	if (error != OK) {
		const int code = socket.get_last_errno();
		socket.close();
		return _report("listen", error, NetSocket::describe_bind_error(code, p_port, p_bind_address));
	}
	if (!batch) {
		batch = std::make_unique<NetSocket::RecvBatch>(BATCH_SLOTS, NetSocket::MAX_DATAGRAM_SIZE);
	}
	reporter.clear();
	return OK;
}

void UDPServer::_route(const NetSocket::Datagram &p_datagram) {
	const auto found = routes.find(PeerKey(p_datagram.address, p_datagram.port));
	if (found != routes.end()) {
		found->second->_receive(p_datagram);
		return;
	}
	if (int(pending.size()) < max_pending_connections && waiting.empty()) {
		_add_pending(p_datagram);
		return;
	}
	// Behind the others (first come, first served), or dropped when the queue is full.
	if (max_pending_connections == 0 || waiting_bytes + size_t(p_datagram.size) > WAITING_BYTES_LIMIT) {
		return;
	}
	waiting.push_back(WaitingDatagram{ p_datagram.address, p_datagram.port, std::vector<uint8_t>(p_datagram.data, p_datagram.data + p_datagram.size) });
	waiting_bytes += size_t(p_datagram.size);
}

void UDPServer::_add_pending(const NetSocket::Datagram &p_datagram) {
	Ref<PacketPeerUDP> peer(memnew(PacketPeerUDP));
	peer->_attach_to_server(this, p_datagram.address, p_datagram.port);
	peer->_receive(p_datagram);
	routes.emplace(PeerKey(p_datagram.address, p_datagram.port), peer.ptr());
	pending.push_back(std::move(peer));
}

void UDPServer::_admit_waiting() {
	while (!waiting.empty()) {
		const WaitingDatagram &front = waiting.front();
		NetSocket::Datagram datagram;
		datagram.data = front.data.data();
		datagram.size = int(front.data.size());
		datagram.address = front.address;
		datagram.port = front.port;
		const auto found = routes.find(PeerKey(front.address, front.port));
		if (found != routes.end()) {
			found->second->_receive(datagram); // An earlier datagram of this source got in.
		} else if (int(pending.size()) < max_pending_connections) {
			_add_pending(datagram);
		} else {
			return;
		}
		waiting_bytes -= front.data.size();
		waiting.pop_front();
	}
}

void UDPServer::_clear_waiting() {
	waiting.clear();
	waiting_bytes = 0;
}

Error UDPServer::poll() {
	if (!socket.is_open()) {
		return _report("poll", ERR_UNCONFIGURED, "the server is not listening; call listen() first");
	}
	_admit_waiting();
	for (int round = 0; round < MAX_BATCHES_PER_POLL; round++) {
		const Error error = socket.recv_batch(*batch);
		if (error == ERR_BUSY) {
			return OK;
		}
		if (error != OK) {
			return _report("poll", FAILED, "receiving failed: " + NetSocket::error_text(socket.get_last_errno()));
		}
		const int received = batch->get_received();
		for (int i = 0; i < received; i++) {
			_route(batch->get(i));
		}
		if (received < batch->get_slot_count()) {
			return OK; // A short batch: the socket is drained.
		}
	}
	SocketWaiter::watch(socket.get_fd()); // Data left behind must still wake the main loop.
	return OK;
}

bool UDPServer::is_connection_available() const {
	return socket.is_open() && !pending.empty();
}

int UDPServer::get_local_port() const {
	return socket.get_local_port();
}

Ref<PacketPeerUDP> UDPServer::take_connection() {
	if (!is_connection_available()) {
		return Ref<PacketPeerUDP>();
	}
	// The route stays, as a plain pointer: the caller's references now keep the peer alive.
	Ref<PacketPeerUDP> peer = std::move(pending.front());
	pending.pop_front();
	_admit_waiting();
	return peer;
}

void UDPServer::_remove_route(const IPAddress &p_address, uint16_t p_port, PacketPeerUDP *p_peer) {
	const auto found = routes.find(PeerKey(p_address, p_port));
	if (found != routes.end() && found->second == p_peer) {
		routes.erase(found);
	}
}

void UDPServer::stop() {
	for (const auto &route : routes) {
		route.second->_detach_from_server();
	}
	routes.clear();
	// Released after every route is gone: detached peers do not call back while being freed.
	std::deque<Ref<PacketPeerUDP>> released;
	released.swap(pending);
	released.clear();
	_clear_waiting();
	socket.close();
	batch.reset();
}

void UDPServer::set_max_pending_connections(int p_max) {
	if (p_max < 0) {
		_report("set_max_pending_connections", OK, vformat("%d is negative (0 refuses new connections); max_pending_connections stays %d", p_max, max_pending_connections));
		return;
	}
	if (p_max > MAX_PENDING_CONNECTIONS_LIMIT) {
		_report("set_max_pending_connections", OK, vformat("%d is above %d; using %d", p_max, MAX_PENDING_CONNECTIONS_LIMIT, MAX_PENDING_CONNECTIONS_LIMIT));
		p_max = MAX_PENDING_CONNECTIONS_LIMIT;
	}
	max_pending_connections = p_max;
	if (max_pending_connections == 0) {
		_clear_waiting(); // 0 refuses new sources, those already waiting included.
	}
	while (int(pending.size()) > max_pending_connections) {
		Ref<PacketPeerUDP> newest = std::move(pending.back());
		pending.pop_back();
		routes.erase(PeerKey(newest->peer_address, newest->peer_port));
		newest->_detach_from_server();
	}
}

UDPServer::~UDPServer() {
	stop();
}

void UDPServer::_bind_methods() {
	ClassDB::bind_method(D_METHOD("listen", "port", "bind_address"), &UDPServer::listen, DEFVAL("*"));
	ClassDB::bind_method(D_METHOD("poll"), &UDPServer::poll);
	ClassDB::bind_method(D_METHOD("is_connection_available"), &UDPServer::is_connection_available);
	ClassDB::bind_method(D_METHOD("get_local_port"), &UDPServer::get_local_port);
	ClassDB::bind_method(D_METHOD("is_listening"), &UDPServer::is_listening);
	ClassDB::bind_method(D_METHOD("take_connection"), &UDPServer::take_connection);
	ClassDB::bind_method(D_METHOD("stop"), &UDPServer::stop);
	ClassDB::bind_method(D_METHOD("set_max_pending_connections", "max_pending_connections"), &UDPServer::set_max_pending_connections);
	ClassDB::bind_method(D_METHOD("get_max_pending_connections"), &UDPServer::get_max_pending_connections);
	ADD_PROPERTY(PropertyInfo(Variant::INT, "max_pending_connections"), "set_max_pending_connections", "get_max_pending_connections");
}

} // namespace godot
