#pragma once
// What the DTLS fuzz targets (fuzz_dtls_server, fuzz_dtls_client) and their seed recorder
// (record_dtls_seeds) share: one side of a DTLS connection over the real OpenSSL core
// (modules/openssl/dtls), fed datagrams in memory, with a deterministic RNG.
//
// Determinism is what lets a seed go deep. OpenSSL draws every random byte (keys, the cookie
// secret, hello randoms, ECDHE shares, signature nonces) from DeterministicRandom, one stream per
// side, each restarted when its harness is made. So a side fed the same datagrams behaves the same
// in every run: the recorder plays client against server, and replaying the client's datagrams to
// a fresh ServerHarness (or the server's to a fresh ClientHarness) repeats the whole handshake,
// valid cookie, Finished MACs and application records included. The fuzzer starts from there.
//
// Fuzz input: a sequence of datagrams, each a 2-byte big-endian length and that many bytes (a
// last, shorter frame is cut to what remains). The harness polls after every datagram.

#include "dtls/cookie_exchange.h"
#include "dtls/datagram_bio.h"
#include "dtls/dtls_context.h"
#include "dtls/dtls_session.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace dtls_fuzz {

// OpenSSL's RNG replaced by seeded generators (never use this outside a test: nothing it makes
// is secret). install() once, before OpenSSL draws anything a run must reproduce; the fuzz targets
// do it in LLVMFuzzerInitialize (dtls_fuzz_harness.cpp).
class DeterministicRandom {
public:
	enum Stream {
		STREAM_IDENTITY, // The CA and server keys and certificates.
		STREAM_SERVER,
		STREAM_CLIENT,
		STREAM_COUNT,
	};

	static void install();
	// Restarts p_stream from its seed.
	static void restart(Stream p_stream);

	// Draws from p_stream while alive, then from the stream drawn from before.
	class Use {
	public:
		explicit Use(Stream p_stream);
		~Use();
		Use(const Use &) = delete;
		Use &operator=(const Use &) = delete;

	private:
		Stream previous;
	};
};

// Prints what broke and aborts, which libFuzzer reports as a crash.
[[noreturn]] void fuzz_failure(const char *p_what);

// Calls p_datagram for each datagram framed in p_data (see the file comment).
void for_each_datagram(const uint8_t *p_data, size_t p_size, const std::function<void(const uint8_t *, size_t)> &p_datagram);
// The framing for p_datagrams.
std::vector<uint8_t> frame_datagrams(const std::vector<std::vector<uint8_t>> &p_datagrams);

// The fake clock both sides run on: no handshake deadline passes and no cookie secret rotates
// during an input.
constexpr uint64_t FUZZ_NOW_MS = 1000;

// Session settings for fuzzing: retransmission timers (OpenSSL runs them on the wall clock) too
// long to fire during an input, so only the input decides what happens.
godot::dtls::DTLSSession::Settings fuzz_session_settings();

// Hands every datagram a side sends to an optional next sink, after checking it against the
// contract (never larger than the configured datagram size), and reports to libFuzzer how the side
// answered each datagram it was given.
//
// Why: the system libssl is not instrumented, so libFuzzer's coverage sees our code only and
// would take an input that moves OpenSSL's state machine somewhere new for an uninteresting one.
// What a side does with a datagram (its status before and after, the record and handshake type it
// got, how many datagrams it answered with and the type of the first) is OpenSSL's state seen from
// outside; each combination sets a counter in libFuzzer's extra-counters section, which it treats
// as coverage.
class CheckedSink : public godot::dtls::DatagramSink {
public:
	CheckedSink(size_t p_max_datagram_size, godot::dtls::DatagramSink *p_next) :
			max_datagram_size(p_max_datagram_size), next(p_next) {}
	void send_datagram(const uint8_t *p_data, size_t p_size) override;

	// Around the handling of one incoming datagram. p_side and the stages are small numbers the
	// caller chooses (a status, or one past the last status for "no session").
	void begin_step();
	void end_step(int p_side, const uint8_t *p_received, size_t p_received_size, int p_stage_before, int p_stage_after);

private:
	size_t max_datagram_size;
	godot::dtls::DatagramSink *next;
	size_t sent_in_step = 0;
	uint32_t first_sent_kind = 0;
};

// One side of a connection, fed datagrams one at a time. Connected, it answers every packet with
// an echo, so that sending is reached too. Everything OpenSSL draws comes from the side's own
// random stream, restarted when the harness is made.
class SideHarness {
public:
	virtual ~SideHarness();
	SideHarness(const SideHarness &) = delete;
	SideHarness &operator=(const SideHarness &) = delete;

	void receive(const uint8_t *p_data, size_t p_size);
	// Sends close_notify if connected.
	void close();

	bool has_session() const { return session != nullptr; }
	// STATUS_DISCONNECTED while there is no session.
	godot::dtls::DTLSSession::Status get_status() const;
	bool was_connected() const { return connected_once; }
	size_t get_received_packet_count() const { return received_packets; }

protected:
	SideHarness(godot::dtls::DTLSSession::Side p_side, godot::dtls::DatagramSink *p_next, const godot::dtls::DTLSSession::Settings &p_settings);

	// Handles one datagram; called with the side's random stream selected.
	virtual void _handle(const uint8_t *p_data, size_t p_size) = 0;
	void _echo_packets();

	const godot::dtls::DTLSSession::Side side;
	const godot::dtls::DTLSSession::Settings settings;
	CheckedSink sink;
	godot::dtls::DTLSContext context;
	std::unique_ptr<godot::dtls::DTLSSession> session;

private:
	// What end_step reports: the session's status, or one past the last status for no session.
	int _stage() const;

	std::vector<uint8_t> packet;
	bool connected_once = false;
	size_t received_packets = 0;
};

// The server side for one client address, driven as PacketPeerDTLSOpenSSL drives the core:
// until a session exists every datagram goes through the CookieExchange (which must never answer
// with more bytes than it got); a ClientHello it accepts starts a server session, which gets
// every later datagram. A session that ended is dropped and the next datagram starts over at the
// cookie exchange, as the engine's peer lets go of the address.
class ServerHarness : public SideHarness {
public:
	explicit ServerHarness(godot::dtls::DatagramSink *p_next = nullptr, const godot::dtls::DTLSSession::Settings &p_settings = fuzz_session_settings());

protected:
	void _handle(const uint8_t *p_data, size_t p_size) override;

private:
	std::unique_ptr<godot::dtls::CookieExchange> cookies;
	std::vector<uint8_t> hello_verify;
};

// The client side: a session verifying the fuzz identity's chain and the name "localhost", started
// at construction (its ClientHello goes out then).
class ClientHarness : public SideHarness {
public:
	explicit ClientHarness(godot::dtls::DatagramSink *p_next = nullptr, const godot::dtls::DTLSSession::Settings &p_settings = fuzz_session_settings());

	bool send(const std::vector<uint8_t> &p_payload);

protected:
	void _handle(const uint8_t *p_data, size_t p_size) override;
};

// The body of a fuzz target: a fresh p_Harness fed every datagram of the input.
template <typename p_Harness>
void fuzz_one_input(const uint8_t *p_data, size_t p_size) {
	p_Harness harness;
	for_each_datagram(p_data, p_size, [&](const uint8_t *p_datagram, size_t p_datagram_size) {
		harness.receive(p_datagram, p_datagram_size);
	});
}

// The address the server harness sees the client at (TEST-NET-1).
constexpr uint8_t CLIENT_ADDRESS[4] = { 192, 0, 2, 1 };
constexpr uint16_t CLIENT_PORT = 40000;

} // namespace dtls_fuzz
