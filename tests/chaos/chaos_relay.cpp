#include "chaos_relay.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace chaos {

namespace {

// A non-blocking UDP socket bound to 127.0.0.1 on a free port, or -1.
int open_loopback_socket(uint16_t &r_port) {
	const int fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0) {
		return -1;
	}
	sockaddr_in address = {};
	address.sin_family = AF_INET;
	address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t length = sizeof(address);
	if (bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0 || getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
		close(fd);
		return -1;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	// Room for a burst (a flight of several full datagrams, duplicated).
	const int size = 1 << 20;
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	r_port = ntohs(address.sin_port);
	return fd;
}

constexpr size_t RECORD_HEADER_SIZE = 13;
constexpr uint8_t CONTENT_CHANGE_CIPHER_SPEC = 20;
constexpr uint8_t CONTENT_HANDSHAKE = 22;
constexpr uint8_t CONTENT_APPLICATION_DATA = 23;
// Handshake message header: type, length (3), message sequence (2), fragment offset (3), ...
constexpr size_t HANDSHAKE_IDENTITY_SIZE = 9;

} // namespace

ChaosRelay::ChaosRelay(uint16_t p_server_port, uint32_t p_seed) :
		rng(p_seed), buffer(65536) {
	client_socket = open_loopback_socket(port);
	server_socket = open_loopback_socket(upstream);
	if (server_socket >= 0) {
		sockaddr_in server = {};
		server.sin_family = AF_INET;
		server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		server.sin_port = htons(p_server_port);
		connect(server_socket, reinterpret_cast<sockaddr *>(&server), sizeof(server));
	}
}

ChaosRelay::~ChaosRelay() {
	if (client_socket >= 0) {
		close(client_socket);
	}
	if (server_socket >= 0) {
		close(server_socket);
	}
}

uint64_t ChaosRelay::now_ms() {
	return uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count());
}

bool ChaosRelay::_chance(double p_probability) {
	// Always draw, so the random sequence does not depend on which faults are enabled.
	const double draw = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
	return draw < p_probability;
}

void ChaosRelay::_observe(Lane &p_lane, const std::vector<uint8_t> &p_data) {
	// Walk the DTLS records of the datagram; remember the epoch application data uses.
	size_t offset = 0;
	while (offset + RECORD_HEADER_SIZE <= p_data.size()) {
		const uint8_t *record = p_data.data() + offset;
		const size_t length = (size_t(record[11]) << 8) | record[12];
		if (record[0] == CONTENT_APPLICATION_DATA) {
			p_lane.live_epoch = (int(record[3]) << 8) | record[4];
		}
		offset += RECORD_HEADER_SIZE + length;
	}
}

bool ChaosRelay::_is_first_flight_copy(Lane &p_lane, const std::vector<uint8_t> &p_data) {
	if (p_data.size() < RECORD_HEADER_SIZE || (p_data[0] != CONTENT_HANDSHAKE && p_data[0] != CONTENT_CHANGE_CIPHER_SPEC)) {
		return false;
	}
	// Type, version, epoch; then the length.
	std::vector<uint8_t> key(p_data.begin(), p_data.begin() + 5);
	key.insert(key.end(), p_data.begin() + 11, p_data.begin() + RECORD_HEADER_SIZE);
	const bool plaintext_handshake = p_data[0] == CONTENT_HANDSHAKE && p_data[3] == 0 && p_data[4] == 0;
	if (plaintext_handshake && p_data.size() >= RECORD_HEADER_SIZE + HANDSHAKE_IDENTITY_SIZE) {
		key.insert(key.end(), p_data.begin() + RECORD_HEADER_SIZE, p_data.begin() + RECORD_HEADER_SIZE + HANDSHAKE_IDENTITY_SIZE);
	}
	return p_lane.flights_seen.insert(std::move(key)).second;
}

void ChaosRelay::_inject(Lane &p_lane, uint64_t p_now_ms) {
	if (_chance(p_lane.faults.garbage)) {
		std::vector<uint8_t> garbage(std::uniform_int_distribution<size_t>(1, 200)(rng));
		for (uint8_t &byte : garbage) {
			byte = uint8_t(rng());
		}
		p_lane.stats.garbage++;
		_enqueue(p_lane, std::move(garbage), p_now_ms);
	}
	if (_chance(p_lane.faults.forge) && p_lane.live_epoch >= 0) {
		// Header: type, version 1.2 (DTLS: 0xfefd), epoch, 48-bit sequence, length; then the body.
		const size_t body = (rng() & 1) ? 4 : 17;
		std::vector<uint8_t> record(RECORD_HEADER_SIZE + body);
		record[0] = CONTENT_APPLICATION_DATA;
		record[1] = 0xfe;
		record[2] = 0xfd;
		record[3] = uint8_t(p_lane.live_epoch >> 8);
		record[4] = uint8_t(p_lane.live_epoch);
		for (int i = 5; i < 11; i++) {
			record[i] = uint8_t(rng());
		}
		record[11] = uint8_t(body >> 8);
		record[12] = uint8_t(body);
		for (size_t i = RECORD_HEADER_SIZE; i < record.size(); i++) {
			record[i] = uint8_t(rng());
		}
		p_lane.stats.forged++;
		_enqueue(p_lane, std::move(record), p_now_ms);
	}
}

void ChaosRelay::_enqueue(Lane &p_lane, std::vector<uint8_t> &&p_data, uint64_t p_now_ms) {
	p_lane.queue.push_back(Pending{ p_now_ms + p_lane.faults.delay_ms, std::move(p_data) });
}

void ChaosRelay::_arrive(Direction p_direction, const uint8_t *p_data, size_t p_size, uint64_t p_now_ms) {
	Lane &lane = lanes[p_direction];
	lane.stats.received++;
	lane.stats.largest = std::max(lane.stats.largest, p_size);
	std::vector<uint8_t> data(p_data, p_data + p_size);
	_observe(lane, data);
	// Draw every decision up front so one datagram always consumes the same randomness.
	const bool drop = _chance(lane.faults.drop);
	const bool flip = _chance(lane.faults.bit_flip);
	const bool hold = _chance(lane.faults.reorder);
	const bool duplicate = _chance(lane.faults.duplicate);
	const size_t bit = std::uniform_int_distribution<size_t>(0, p_size * 8 - 1)(rng);
	_inject(lane, p_now_ms);
	if (lane.faults.drop_first_flights && _is_first_flight_copy(lane, data)) {
		lane.stats.flights_dropped++;
		return;
	}
	if (lane.faults.mtu != 0 && p_size > lane.faults.mtu) {
		lane.stats.mtu_dropped++;
		return;
	}
	if (drop) {
		lane.stats.dropped++;
		return;
	}
	if (flip) {
		data[bit / 8] ^= uint8_t(1u << (bit % 8));
		lane.stats.flipped++;
	}
	if (duplicate) {
		lane.stats.duplicated++;
		_enqueue(lane, std::vector<uint8_t>(data), p_now_ms);
	}
	if (hold && !lane.holding) {
		lane.stats.reordered++;
		lane.holding = true;
		lane.held = Pending{ p_now_ms, std::move(data) };
		return;
	}
	_enqueue(lane, std::move(data), p_now_ms);
	if (lane.holding) {
		lane.holding = false;
		_enqueue(lane, std::move(lane.held.data), p_now_ms);
	}
}

void ChaosRelay::_send(Direction p_direction, const std::vector<uint8_t> &p_data) {
	lanes[p_direction].stats.forwarded++;
	if (p_direction == TO_SERVER) {
		send(server_socket, p_data.data(), p_data.size(), 0);
	} else if (has_client) {
		sendto(client_socket, p_data.data(), p_data.size(), 0, reinterpret_cast<const sockaddr *>(&client_address), sizeof(client_address));
	}
}

void ChaosRelay::_flush(Direction p_direction, uint64_t p_now_ms) {
	Lane &lane = lanes[p_direction];
	if (lane.holding && p_now_ms >= lane.held.due_ms + lane.faults.hold_max_ms) {
		lane.holding = false;
		_enqueue(lane, std::move(lane.held.data), p_now_ms);
	}
	while (!lane.queue.empty() && lane.queue.front().due_ms <= p_now_ms) {
		_send(p_direction, lane.queue.front().data);
		lane.queue.pop_front();
	}
}

void ChaosRelay::pump(uint64_t p_now_ms) {
	if (!is_open()) {
		return;
	}
	for (;;) {
		sockaddr_in from = {};
		socklen_t length = sizeof(from);
		const ssize_t size = recvfrom(client_socket, buffer.data(), buffer.size(), 0, reinterpret_cast<sockaddr *>(&from), &length);
		if (size <= 0) {
			break;
		}
		client_address = from;
		has_client = true;
		_arrive(TO_SERVER, buffer.data(), size_t(size), p_now_ms);
	}
	for (;;) {
		const ssize_t size = recv(server_socket, buffer.data(), buffer.size(), 0);
		if (size < 0 && errno == ECONNREFUSED) {
			continue; // An ICMP error from an earlier send; keep reading.
		}
		if (size <= 0) {
			break;
		}
		_arrive(TO_CLIENT, buffer.data(), size_t(size), p_now_ms);
	}
	_flush(TO_SERVER, p_now_ms);
	_flush(TO_CLIENT, p_now_ms);
}

} // namespace chaos
