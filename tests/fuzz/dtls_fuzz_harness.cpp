// RAND_set_rand_method is deprecated in OpenSSL 3.0 in favour of providers, but it is still the
// one small, public way to make every draw of the system libssl deterministic. Defined before any
// OpenSSL header is read.
#define OPENSSL_SUPPRESS_DEPRECATED

#include "dtls_fuzz_harness.h"

#include "helpers/dtls_test_helpers.h"

#include <openssl/rand.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace dtls_fuzz {

namespace {

using godot::dtls::CookieExchange;
using godot::dtls::DTLSContext;
using godot::dtls::DTLSSession;

// splitmix64, one state per stream.
constexpr uint64_t STREAM_SEEDS[DeterministicRandom::STREAM_COUNT] = { 0x5eed0001, 0x5eed0002, 0x5eed0003 };
uint64_t stream_states[DeterministicRandom::STREAM_COUNT] = {};
DeterministicRandom::Stream current_stream = DeterministicRandom::STREAM_IDENTITY;

uint64_t next_random() {
	uint64_t z = (stream_states[current_stream] += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

int random_bytes(unsigned char *r_buffer, int p_count) {
	for (int i = 0; i < p_count; i += 8) {
		const uint64_t value = next_random();
		for (int j = 0; j < 8 && i + j < p_count; j++) {
			r_buffer[i + j] = static_cast<unsigned char>(value >> (8 * j));
		}
	}
	return 1;
}

int random_seed(const void *, int) {
	return 1; // Seeding would break determinism; ignored.
}

int random_add(const void *, int, double) {
	return 1;
}

int random_status() {
	return 1;
}

const RAND_METHOD deterministic_method = { random_seed, random_bytes, nullptr, random_add, random_bytes, random_status };

// libFuzzer's extra counters (see CheckedSink); unused outside a fuzzer.
constexpr int PROTOCOL_STATE_BITS = 12;
__attribute__((used, section("__libfuzzer_extra_counters"))) uint8_t protocol_state_counters[1 << PROTOCOL_STATE_BITS];

// A datagram's first record as 10 bits: a content type from 20 (change_cipher_spec) to 25, or 7
// for anything else, then for an epoch-0 handshake record its handshake message type.
uint32_t datagram_kind(const uint8_t *p_data, size_t p_size) {
	constexpr size_t RECORD_HEADER_SIZE = 13;
	constexpr uint8_t CONTENT_TYPE_HANDSHAKE = 22;
	if (p_size < RECORD_HEADER_SIZE) {
		return 7 << 8;
	}
	const uint8_t content_type = p_data[0];
	const uint32_t type = content_type >= 20 && content_type <= 25 ? uint32_t(content_type - 20) : 7;
	const bool plaintext_handshake = content_type == CONTENT_TYPE_HANDSHAKE && p_data[3] == 0 && p_data[4] == 0 && p_size > RECORD_HEADER_SIZE;
	return (type << 8) | (plaintext_handshake ? p_data[RECORD_HEADER_SIZE] : 0);
}

// The CA the client trusts and the leaf for "localhost" the server presents, made once from the
// identity stream so that they are the same bytes in every run.
const dtls_test::Pki &fuzz_identity() {
	static const dtls_test::Pki pki = []() {
		DeterministicRandom::restart(DeterministicRandom::STREAM_IDENTITY);
		DeterministicRandom::Use use(DeterministicRandom::STREAM_IDENTITY);
		return dtls_test::Pki("Quickdot Fuzz CA");
	}();
	if (!pki.is_valid()) {
		fuzz_failure("cannot make the fuzz identity");
	}
	return pki;
}

} // namespace

// libFuzzer calls this once at start in every DTLS fuzz target (the recorder calls install()).
extern "C" int LLVMFuzzerInitialize(int *, char ***) {
	DeterministicRandom::install();
	return 0;
}

void DeterministicRandom::install() {
	if (RAND_set_rand_method(&deterministic_method) != 1) {
		fuzz_failure("cannot install the deterministic RNG");
	}
	for (int stream = 0; stream < STREAM_COUNT; stream++) {
		restart(Stream(stream));
	}
}

void DeterministicRandom::restart(Stream p_stream) {
	stream_states[p_stream] = STREAM_SEEDS[p_stream];
}

DeterministicRandom::Use::Use(Stream p_stream) :
		previous(current_stream) {
	current_stream = p_stream;
}

DeterministicRandom::Use::~Use() {
	current_stream = previous;
}

void fuzz_failure(const char *p_what) {
	fprintf(stderr, "DTLS fuzz harness: %s\n", p_what);
	abort();
}

void for_each_datagram(const uint8_t *p_data, size_t p_size, const std::function<void(const uint8_t *, size_t)> &p_datagram) {
	size_t offset = 0;
	while (p_size - offset >= 2) {
		const size_t declared = (size_t(p_data[offset]) << 8) | p_data[offset + 1];
		offset += 2;
		const size_t size = std::min(declared, p_size - offset);
		p_datagram(p_data + offset, size);
		offset += size;
	}
}

std::vector<uint8_t> frame_datagrams(const std::vector<std::vector<uint8_t>> &p_datagrams) {
	std::vector<uint8_t> framed;
	for (const std::vector<uint8_t> &datagram : p_datagrams) {
		framed.push_back(static_cast<uint8_t>(datagram.size() >> 8));
		framed.push_back(static_cast<uint8_t>(datagram.size() & 0xff));
		framed.insert(framed.end(), datagram.begin(), datagram.end());
	}
	return framed;
}

DTLSSession::Settings fuzz_session_settings() {
	DTLSSession::Settings settings;
	settings.retransmit_initial_ms = 600000;
	settings.retransmit_max_ms = 600000;
	return settings;
}

void CheckedSink::send_datagram(const uint8_t *p_data, size_t p_size) {
	if (p_size > max_datagram_size) {
		fuzz_failure("a datagram larger than the configured datagram size was sent");
	}
	if (sent_in_step++ == 0) {
		first_sent_kind = datagram_kind(p_data, p_size);
	}
	if (next != nullptr) {
		next->send_datagram(p_data, p_size);
	}
}

void CheckedSink::begin_step() {
	sent_in_step = 0;
	first_sent_kind = 0;
}

void CheckedSink::end_step(int p_side, const uint8_t *p_received, size_t p_received_size, int p_stage_before, int p_stage_after) {
	const uint32_t answers = uint32_t(std::min<size_t>(sent_in_step, 3));
	const uint32_t feature = (uint32_t(p_side) << 30) ^ (uint32_t(p_stage_before) << 27) ^ (uint32_t(p_stage_after) << 24) ^
			(datagram_kind(p_received, p_received_size) << 12) ^ (answers << 10) ^ first_sent_kind;
	// Fibonacci hashing spreads the feature over the counters.
	protocol_state_counters[(feature * 2654435769u) >> (32 - PROTOCOL_STATE_BITS)]++;
}

// SideHarness

namespace {

DeterministicRandom::Stream stream_of(DTLSSession::Side p_side) {
	return p_side == DTLSSession::SIDE_SERVER ? DeterministicRandom::STREAM_SERVER : DeterministicRandom::STREAM_CLIENT;
}

} // namespace

SideHarness::SideHarness(DTLSSession::Side p_side, godot::dtls::DatagramSink *p_next, const DTLSSession::Settings &p_settings) :
		side(p_side), settings(p_settings), sink(p_settings.max_datagram_size, p_next) {
	fuzz_identity(); // Made first, from its own stream.
	DeterministicRandom::restart(stream_of(side));
}

SideHarness::~SideHarness() {
	DeterministicRandom::Use use(stream_of(side));
	session.reset();
}

void SideHarness::receive(const uint8_t *p_data, size_t p_size) {
	DeterministicRandom::Use use(stream_of(side));
	const int stage_before = _stage();
	sink.begin_step();
	_handle(p_data, p_size);
	sink.end_step(side, p_data, p_size, stage_before, _stage());
}

void SideHarness::close() {
	DeterministicRandom::Use use(stream_of(side));
	if (session) {
		session->close();
	}
}

DTLSSession::Status SideHarness::get_status() const {
	return session ? session->get_status() : DTLSSession::STATUS_DISCONNECTED;
}

int SideHarness::_stage() const {
	return session ? int(session->get_status()) : int(DTLSSession::STATUS_ERROR_HOSTNAME_MISMATCH) + 1;
}

void SideHarness::_echo_packets() {
	if (!session || session->get_status() != DTLSSession::STATUS_CONNECTED) {
		return;
	}
	connected_once = true;
	// Sending can end the connection (an OpenSSL failure); what is left is then discarded.
	while (session->get_status() == DTLSSession::STATUS_CONNECTED && session->pop_packet(packet)) {
		received_packets++;
		session->send_packet(packet.data(), packet.size());
	}
}

// ServerHarness

ServerHarness::ServerHarness(godot::dtls::DatagramSink *p_next, const DTLSSession::Settings &p_settings) :
		SideHarness(DTLSSession::SIDE_SERVER, p_next, p_settings) {
	DeterministicRandom::Use use(DeterministicRandom::STREAM_SERVER);
	const dtls_test::Pki &identity = fuzz_identity();
	if (!context.setup_server(identity.leaf_key.get(), { identity.leaf.get() })) {
		fuzz_failure("cannot set up the server context");
	}
	cookies = std::make_unique<CookieExchange>();
}

void ServerHarness::_handle(const uint8_t *p_data, size_t p_size) {
	if (!session) {
		const CookieExchange::Verdict verdict = cookies->check_client_hello(p_data, p_size, CLIENT_ADDRESS, sizeof(CLIENT_ADDRESS), CLIENT_PORT, FUZZ_NOW_MS, hello_verify);
		if (verdict == CookieExchange::Verdict::SEND_HELLO_VERIFY) {
			if (hello_verify.size() > p_size) {
				fuzz_failure("the cookie exchange answered with more bytes than it received");
			}
			sink.send_datagram(hello_verify.data(), hello_verify.size());
			return;
		}
		if (verdict != CookieExchange::Verdict::ACCEPT) {
			return;
		}
		session = std::make_unique<DTLSSession>(context.get_ssl_ctx(), DTLSSession::SIDE_SERVER, &sink);
		if (!session->set_settings(settings) || !session->start_server(*cookies, CLIENT_ADDRESS, sizeof(CLIENT_ADDRESS), CLIENT_PORT, FUZZ_NOW_MS)) {
			fuzz_failure("a server session refused to start");
		}
	}
	session->receive_datagram(p_data, p_size);
	session->poll(FUZZ_NOW_MS);
	_echo_packets();
	const DTLSSession::Status status = session->get_status();
	if (status != DTLSSession::STATUS_HANDSHAKING && status != DTLSSession::STATUS_CONNECTED) {
		session.reset();
	}
}

// ClientHarness

ClientHarness::ClientHarness(godot::dtls::DatagramSink *p_next, const DTLSSession::Settings &p_settings) :
		SideHarness(DTLSSession::SIDE_CLIENT, p_next, p_settings) {
	DeterministicRandom::Use use(DeterministicRandom::STREAM_CLIENT);
	if (!context.setup_client(DTLSContext::VerifyMode::FULL, { fuzz_identity().ca.get() })) {
		fuzz_failure("cannot set up the client context");
	}
	session = std::make_unique<DTLSSession>(context.get_ssl_ctx(), DTLSSession::SIDE_CLIENT, &sink);
	if (!session->set_settings(settings) || !session->start_client("localhost", "localhost", FUZZ_NOW_MS)) {
		fuzz_failure("the client session refused to start");
	}
}

void ClientHarness::_handle(const uint8_t *p_data, size_t p_size) {
	session->receive_datagram(p_data, p_size);
	session->poll(FUZZ_NOW_MS);
	_echo_packets();
}

bool ClientHarness::send(const std::vector<uint8_t> &p_payload) {
	DeterministicRandom::Use use(DeterministicRandom::STREAM_CLIENT);
	return session->send_packet(p_payload.data(), p_payload.size()) == DTLSSession::SEND_OK;
}

} // namespace dtls_fuzz
