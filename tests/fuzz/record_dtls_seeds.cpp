// Records the seed corpora of fuzz_dtls_server and fuzz_dtls_client: a ClientHarness and a
// ServerHarness (dtls_fuzz_harness.h) connect in memory, exchange a packet and close, and each
// side's incoming datagrams are written as a framed seed, with shorter prefixes for the earlier
// states. Every seed is replayed into a fresh harness first: it must get as far as it did when
// it was recorded, or nothing is written and the exit code is 1.
//
//   bin/record_dtls_seeds.fuzz tests/fuzz/corpus     # writes dtls_server/*.bin, dtls_client/*.bin

#include "dtls_fuzz_harness.h"

#include "helpers/dtls_test_helpers.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

using namespace dtls_fuzz;
using godot::dtls::DTLSSession;

namespace {

using Datagrams = std::vector<std::vector<uint8_t>>;

// Both sides, and every datagram each one received, in order.
struct Conversation {
	dtls_test::DatagramWire to_server;
	dtls_test::DatagramWire to_client;
	ClientHarness client;
	ServerHarness server;
	Datagrams server_received;
	Datagrams client_received;
	size_t server_received_when_connected = 0;
	size_t client_received_when_connected = 0;

	explicit Conversation(const DTLSSession::Settings &p_server_settings) :
			client(&to_server), server(&to_client, p_server_settings) {}

	void deliver() {
		while (!to_server.datagrams.empty()) {
			server_received.push_back(to_server.take());
			server.receive(server_received.back().data(), server_received.back().size());
			if (server.was_connected() && server_received_when_connected == 0) {
				server_received_when_connected = server_received.size();
			}
		}
		while (!to_client.datagrams.empty()) {
			client_received.push_back(to_client.take());
			client.receive(client_received.back().data(), client_received.back().size());
			if (client.was_connected() && client_received_when_connected == 0) {
				client_received_when_connected = client_received.size();
			}
		}
	}

	bool connect() {
		for (int round = 0; round < 10 && !(client.was_connected() && server.was_connected()); round++) {
			deliver();
		}
		return client.was_connected() && server.was_connected();
	}

	// One packet from the client, echoed by the server, echoed back by the client once more.
	bool exchange() {
		const std::string ping = "ping from the seed recorder";
		if (!client.send(std::vector<uint8_t>(ping.begin(), ping.end()))) {
			return false;
		}
		deliver();
		deliver();
		return server.get_received_packet_count() >= 1 && client.get_received_packet_count() >= 1;
	}
};

// What a fresh harness fed a seed must reach: it sees the harness and what the harness sent.
using Expectation = std::function<bool(const SideHarness &, const dtls_test::DatagramWire &)>;

struct Seed {
	std::string target; // "dtls_server" or "dtls_client"
	std::string name;
	Datagrams datagrams;
	std::function<bool()> replays;
};

template <typename p_Harness>
Seed make_seed(const char *p_name, const Datagrams &p_datagrams, const Expectation &p_expectation) {
	Seed seed;
	seed.target = std::is_same<p_Harness, ServerHarness>::value ? "dtls_server" : "dtls_client";
	seed.name = p_name;
	seed.datagrams = p_datagrams;
	seed.replays = [p_datagrams, p_expectation]() {
		dtls_test::DatagramWire sent;
		p_Harness harness(&sent);
		for (const std::vector<uint8_t> &datagram : p_datagrams) {
			harness.receive(datagram.data(), datagram.size());
		}
		return p_expectation(harness, sent);
	};
	return seed;
}

Datagrams prefix(const Datagrams &p_datagrams, size_t p_count) {
	return Datagrams(p_datagrams.begin(), p_datagrams.begin() + std::min(p_count, p_datagrams.size()));
}

bool has_status(const SideHarness &p_side, DTLSSession::Status p_status) {
	return p_side.get_status() == p_status;
}

bool record(std::vector<Seed> &r_seeds) {
	// The client closes: the server's corpus, and the client's up to the echo.
	Conversation closing(fuzz_session_settings());
	if (!closing.connect() || !closing.exchange()) {
		fprintf(stderr, "record_dtls_seeds: the recorded connection did not complete\n");
		return false;
	}
	closing.client.close();
	closing.deliver();

	const Datagrams &to_server = closing.server_received;
	r_seeds.push_back(make_seed<ServerHarness>("client_hello", prefix(to_server, 1), [](const SideHarness &p_server, const dtls_test::DatagramWire &p_sent) {
		return !p_server.has_session() && p_sent.sent == 1; // The HelloVerifyRequest.
	}));
	r_seeds.push_back(make_seed<ServerHarness>("client_hello_with_cookie", prefix(to_server, 2), [](const SideHarness &p_server, const dtls_test::DatagramWire &p_sent) {
		return has_status(p_server, DTLSSession::STATUS_HANDSHAKING) && p_sent.sent > 1;
	}));
	r_seeds.push_back(make_seed<ServerHarness>("handshake", prefix(to_server, closing.server_received_when_connected), [](const SideHarness &p_server, const dtls_test::DatagramWire &) {
		return has_status(p_server, DTLSSession::STATUS_CONNECTED);
	}));
	r_seeds.push_back(make_seed<ServerHarness>("session_client_closes", to_server, [](const SideHarness &p_server, const dtls_test::DatagramWire &) {
		return p_server.was_connected() && p_server.get_received_packet_count() >= 2 && !p_server.has_session();
	}));

	const Datagrams &to_client = closing.client_received;
	r_seeds.push_back(make_seed<ClientHarness>("hello_verify_request", prefix(to_client, 1), [](const SideHarness &p_client, const dtls_test::DatagramWire &p_sent) {
		return has_status(p_client, DTLSSession::STATUS_HANDSHAKING) && p_sent.sent == 2; // Both ClientHellos.
	}));
	r_seeds.push_back(make_seed<ClientHarness>("handshake", prefix(to_client, closing.client_received_when_connected), [](const SideHarness &p_client, const dtls_test::DatagramWire &) {
		return has_status(p_client, DTLSSession::STATUS_CONNECTED);
	}));

	// The server closes after the exchange: the client's corpus ends with its close_notify.
	Conversation server_closing(fuzz_session_settings());
	if (!server_closing.connect() || !server_closing.exchange()) {
		fprintf(stderr, "record_dtls_seeds: the recorded connection did not complete\n");
		return false;
	}
	server_closing.server.close();
	server_closing.deliver();
	r_seeds.push_back(make_seed<ClientHarness>("session_server_closes", server_closing.client_received, [](const SideHarness &p_client, const dtls_test::DatagramWire &) {
		return p_client.was_connected() && p_client.get_received_packet_count() >= 1 && has_status(p_client, DTLSSession::STATUS_DISCONNECTED);
	}));

	// A server limited to small datagrams fragments its certificate flight: the client's
	// reassembly gets a seed of its own.
	DTLSSession::Settings small = fuzz_session_settings();
	small.max_datagram_size = 300;
	Conversation fragmented(small);
	if (!fragmented.connect()) {
		fprintf(stderr, "record_dtls_seeds: the fragmented handshake did not complete\n");
		return false;
	}
	r_seeds.push_back(make_seed<ClientHarness>("handshake_fragmented", fragmented.client_received, [](const SideHarness &p_client, const dtls_test::DatagramWire &) {
		return has_status(p_client, DTLSSession::STATUS_CONNECTED);
	}));
	return true;
}

} // namespace

int main(int p_argc, char **p_argv) {
	if (p_argc != 2) {
		fprintf(stderr, "usage: %s CORPUS_DIR   (writes CORPUS_DIR/dtls_server/*.bin and CORPUS_DIR/dtls_client/*.bin)\n", p_argv[0]);
		return 2;
	}
	DeterministicRandom::install();
	std::vector<Seed> seeds;
	if (!record(seeds)) {
		return 1;
	}
	bool replayed = true;
	for (const Seed &seed : seeds) {
		if (!seed.replays()) {
			fprintf(stderr, "record_dtls_seeds: %s/%s does not replay to the state it was recorded in\n", seed.target.c_str(), seed.name.c_str());
			replayed = false;
		}
	}
	if (!replayed) {
		return 1;
	}
	const std::filesystem::path root(p_argv[1]);
	for (const Seed &seed : seeds) {
		std::filesystem::create_directories(root / seed.target);
		const std::filesystem::path path = root / seed.target / (seed.name + ".bin");
		const std::vector<uint8_t> framed = frame_datagrams(seed.datagrams);
		std::ofstream file(path, std::ios::binary | std::ios::trunc);
		file.write(reinterpret_cast<const char *>(framed.data()), std::streamsize(framed.size()));
		if (!file) {
			fprintf(stderr, "record_dtls_seeds: cannot write %s\n", path.c_str());
			return 1;
		}
		printf("%s: %zu datagrams, %zu bytes\n", path.c_str(), seed.datagrams.size(), framed.size());
	}
	return 0;
}
