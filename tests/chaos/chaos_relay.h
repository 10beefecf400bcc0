#pragma once
// A hostile-network relay for native tests: a UDP relay on loopback between one client and one
// server, in the spirit of mbedTLS's udp_proxy and OpenSSL's mempacket test BIO.
//
// The client sends to listen_port(); the relay forwards from its own upstream socket to the
// server, so the server sees the relay's upstream address as "the client". Replies from the
// server go to the client address seen last (a restarted client is followed).
//
// No threads: the test loop calls pump(now_ms), which reads everything both sockets hold, applies
// each direction's faults and sends what is due. Every random choice comes from one std::mt19937
// seeded at construction, so a run is reproducible for a given seed and sequence of datagrams.
// Every fault delays by a bounded amount: a held-back (reordered) datagram is released after the
// next one or after hold_max_ms, whichever comes first.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <random>
#include <set>
#include <vector>

#include <netinet/in.h>

namespace chaos {

struct Faults {
	double drop = 0.0; // Probability a datagram is dropped.
	double duplicate = 0.0; // Probability a forwarded datagram is sent twice.
	double reorder = 0.0; // Probability a datagram is held back and sent after the next one.
	uint32_t delay_ms = 0; // Added to every datagram.
	size_t mtu = 0; // Datagrams larger than this are dropped (0: no cap).
	double bit_flip = 0.0; // Probability one random bit of a datagram is flipped.
	double garbage = 0.0; // Probability a random datagram (1..200 bytes) is injected before one.
	// Probability a forged application-data record (content type 23, the live epoch seen in this
	// direction, a random sequence number, a 4- or 17-byte body) is injected before a datagram.
	double forge = 0.0;
	uint32_t hold_max_ms = 100; // Longest a reordered datagram is held back.
	// Drops the first copy of every handshake datagram (one whose first record is a handshake or
	// ChangeCipherSpec record), so that every flight is lost once and must be retransmitted.
	// Copies are told apart by that record's type, epoch and length and, in epoch 0, by its
	// handshake message type, sequence and fragment offset (a retransmission keeps those).
	bool drop_first_flights = false;
};

struct Stats {
	uint64_t received = 0; // Datagrams read from the sender.
	uint64_t forwarded = 0; // Datagrams sent on, duplicates and injections included.
	uint64_t dropped = 0;
	uint64_t mtu_dropped = 0;
	uint64_t duplicated = 0;
	uint64_t reordered = 0;
	uint64_t flipped = 0;
	uint64_t garbage = 0;
	uint64_t forged = 0;
	uint64_t flights_dropped = 0; // Datagrams dropped by drop_first_flights.
	size_t largest = 0; // Largest datagram received from the sender.
};

class ChaosRelay {
public:
	enum Direction {
		TO_SERVER = 0,
		TO_CLIENT = 1,
	};

	ChaosRelay(uint16_t p_server_port, uint32_t p_seed);
	~ChaosRelay();
	ChaosRelay(const ChaosRelay &) = delete;
	ChaosRelay &operator=(const ChaosRelay &) = delete;

	bool is_open() const { return client_socket >= 0 && server_socket >= 0; }
	// The port clients send to (127.0.0.1).
	uint16_t listen_port() const { return port; }
	// The port the server sees the relayed traffic come from.
	uint16_t upstream_port() const { return upstream; }

	// Faults may change at any time (e.g. only once a session is established).
	Faults &faults(Direction p_direction) { return lanes[p_direction].faults; }
	const Stats &stats(Direction p_direction) const { return lanes[p_direction].stats; }

	// Reads both sockets, applies the faults, sends every datagram that is due.
	void pump(uint64_t p_now_ms);

	static uint64_t now_ms();

private:
	struct Pending {
		uint64_t due_ms;
		std::vector<uint8_t> data;
	};
	struct Lane {
		Faults faults;
		Stats stats;
		std::deque<Pending> queue; // Ordered by due time (delay is the same for all).
		bool holding = false;
		Pending held;
		int live_epoch = -1; // Epoch of the last application-data record seen, -1 before.
		std::set<std::vector<uint8_t>> flights_seen; // For drop_first_flights.
	};

	int client_socket = -1;
	int server_socket = -1;
	uint16_t port = 0;
	uint16_t upstream = 0;
	sockaddr_in client_address = {};
	bool has_client = false;
	std::mt19937 rng;
	Lane lanes[2];
	std::vector<uint8_t> buffer;

	bool _chance(double p_probability);
	void _observe(Lane &p_lane, const std::vector<uint8_t> &p_data);
	bool _is_first_flight_copy(Lane &p_lane, const std::vector<uint8_t> &p_data);
	void _inject(Lane &p_lane, uint64_t p_now_ms);
	void _enqueue(Lane &p_lane, std::vector<uint8_t> &&p_data, uint64_t p_now_ms);
	void _arrive(Direction p_direction, const uint8_t *p_data, size_t p_size, uint64_t p_now_ms);
	void _flush(Direction p_direction, uint64_t p_now_ms);
	void _send(Direction p_direction, const std::vector<uint8_t> &p_data);
};

} // namespace chaos
