/**************************************************************************/
/*  dtls_session.h                                                        */
/**************************************************************************/
/*  Quickdot: OpenSSL DTLS core (engine independent).                     */
/**************************************************************************/

#ifndef QUICKDOT_DTLS_DTLS_SESSION_H
#define QUICKDOT_DTLS_DTLS_SESSION_H

#include "datagram_bio.h"

#include <openssl/ssl.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace godot::dtls {

class CookieExchange;

// One DTLS 1.2 connection, client or server side, over a DatagramBio.
// Nothing happens between calls: poll() reads every queued datagram, drives the
// handshake, retransmits and surfaces alerts. Datagrams come in through
// receive_datagram() and go out through the DatagramSink, which must not call
// back into this session.
//
// Clocks: p_now_ms (any monotonic millisecond clock) drives the handshake
// deadline. Retransmission instants are decided by OpenSSL 3.0 on its own wall
// clock (DTLSv1_get_timeout/handle_timeout, up to 15 ms early); this class only
// chooses the intervals, through DTLS_set_timer_cb.
//
// Records that fail authentication, replays and garbage are dropped silently
// (RFC 6347 4.1.2.7) and never end a connection; only alerts, verification
// failures and timeouts do.
//
// Packets: one send_packet() is one record in one datagram, up to a full record
// (MAX_PACKET_SIZE, as Godot sends), which IP fragments where the path needs
// it; handshake datagrams never exceed Settings::max_datagram_size.
// max_unfragmented_packet_size() tells the largest packet that fits one such
// datagram.
//
// Endings as Godot shows them: a close_notify that arrives behind packets still
// waiting leaves the session CONNECTED until the next poll(), so the packets
// that came before it are read while connected. An optional idle timeout ends
// a connection whose peer has sent nothing for that long.
//
// Not thread-safe; OpenSSL's error queue is per thread and is cleared before
// every call made here.
class DTLSSession {
public:
	enum Side {
		SIDE_CLIENT,
		SIDE_SERVER,
	};

	// Same values as Godot's PacketPeerDTLS::Status.
	enum Status {
		STATUS_DISCONNECTED = 0,
		STATUS_HANDSHAKING = 1,
		STATUS_CONNECTED = 2,
		STATUS_ERROR = 3,
		STATUS_ERROR_HOSTNAME_MISMATCH = 4,
	};

	enum SendResult {
		SEND_OK,
		SEND_NOT_CONNECTED,
		SEND_TOO_LARGE, // Larger than MAX_PACKET_SIZE; the connection stays up.
		// The peer's close_notify came in this poll (see the class comment):
		// nothing is sent, and the session ends at the next poll().
		SEND_PEER_CLOSED,
		SEND_FAILED, // OpenSSL failed; the session is now in an error status.
	};

	// A full DTLS record's plaintext (RFC 6347 4.1: 2^14 bytes).
	static constexpr size_t MAX_PACKET_SIZE = SSL3_RT_MAX_PLAIN_LENGTH;

	// OpenSSL treats a timer with less than 15 ms left as expired; anything
	// shorter would retransmit on every poll.
	static constexpr uint32_t MIN_RETRANSMIT_MS = 20;
	// The largest first interval worth configuring: RFC 6298's maximum.
	static constexpr uint32_t MAX_RETRANSMIT_MS = 60000;
	// RFC 6347 4.2.4.1 leaves the timer to the implementation (suggesting 1 s,
	// OpenSSL's and mbedTLS's default); NSS (Firefox) starts at 50 ms, calling
	// 1 s too slow. Measured on loopback (2 vCPU VM, OpenSSL 3.0.22, debug
	// build; the "[Measure]" cases of tests/native/modules/openssl/test_dtls_hostile_join.cpp): a
	// whole handshake, three round trips, takes 0.8 ms with a P-256 certificate
	// and 1.0 ms with RSA-2048 (the slowest of 200: 1.5 ms), and 50 clients
	// joining one server at once (bench/project, `handshake 50`) all connect
	// within 0.07 s. So 250 ms is over
	// 100 times what a flight needs to be answered there, and above the round
	// trip of most game paths (same continent, mobile): a healthy handshake
	// does not retransmit, while each lost datagram costs a quarter of what it
	// did. Through 20% loss each way the median join takes 0.48 s instead of
	// 2.0 s, the 90th percentile 3.9 s instead of 15 s, and no join runs out of
	// the 30 s handshake timeout. On a slower path a spurious retransmission
	// costs bandwidth, not CPU: a flight is resent as buffered, with no new
	// signature or key exchange.
	static constexpr uint32_t DEFAULT_RETRANSMIT_INITIAL_MS = 250;

	struct Settings {
		// Largest UDP payload any datagram of this connection may have (IP and
		// UDP headers not included). OpenSSL refuses less than 256.
		size_t max_datagram_size = 1200;
		// Retransmission: first interval, doubled after each timeout up to the
		// cap. Values under MIN_RETRANSMIT_MS are raised to it.
		uint32_t retransmit_initial_ms = DEFAULT_RETRANSMIT_INITIAL_MS;
		uint32_t retransmit_max_ms = 8000;
		// A handshake not finished this long after start_*() fails. For a
		// server session this is also the half-open limit.
		uint32_t handshake_timeout_ms = 30000;
		// Decrypted packets waiting for pop_packet(); more are dropped.
		size_t max_queued_packets = 128;
	};

	// Takes its own reference to p_ctx. p_sink is borrowed and must outlive
	// the session (or be replaced by a sink that drops).
	DTLSSession(SSL_CTX *p_ctx, Side p_side, DatagramSink *p_sink);
	// Sends close_notify if still connected.
	~DTLSSession();

	DTLSSession(const DTLSSession &) = delete;
	DTLSSession &operator=(const DTLSSession &) = delete;

	// Refused (false) while handshaking or connected: settings hold for a whole
	// connection.
	bool set_settings(const Settings &p_settings);
	const Settings &get_settings() const { return settings; }

	// Client side. p_server_name goes in SNI (skipped when empty or an IP
	// literal). p_verify_name is checked against the certificate (DNS name or IP)
	// unless empty; the caller passes it only with DTLSContext::VerifyMode::FULL.
	// Sends the ClientHello at once. False (status untouched) when the session is
	// already handshaking or connected, or when OpenSSL refuses the setup.
	bool start_client(const std::string &p_server_name, const std::string &p_verify_name, uint64_t p_now_ms);

	// Server side, for a peer whose ClientHello p_cookies answered ACCEPT; feed
	// that same datagram next with receive_datagram(). The peer address is the
	// one the cookie was computed for.
	bool start_server(const CookieExchange &p_cookies, const uint8_t *p_address, size_t p_address_len, uint16_t p_port, uint64_t p_now_ms);

	// Queues one datagram from the peer; processed at the next poll().
	void receive_datagram(const uint8_t *p_data, size_t p_size);
	void poll(uint64_t p_now_ms);

	// One packet = one record = one datagram, up to MAX_PACKET_SIZE bytes.
	SendResult send_packet(const uint8_t *p_data, size_t p_size);
	// Largest send_packet() payload whose datagram fits max_datagram_size, so
	// that IP never fragments it on a path that carries the handshake; it
	// depends on the negotiated cipher. 0 unless connected.
	size_t max_unfragmented_packet_size() const;

	// A connection that receives no packet for p_timeout_ms ends in
	// STATUS_ERROR, after a close_notify in case the peer is only quiet. 0 (the
	// default, as in Godot) never ends it. May change at any time; the idle time
	// counts from the last packet (or the end of the handshake).
	void set_idle_timeout(uint32_t p_timeout_ms) { idle_timeout_ms = p_timeout_ms; }
	uint32_t get_idle_timeout() const { return idle_timeout_ms; }

	size_t available_packet_count() const { return packets.size(); }
	// Moves the oldest packet into r_packet (swapping buffers, no copy).
	bool pop_packet(std::vector<uint8_t> &r_packet);
	// The oldest packet without removing it, or nullptr.
	const std::vector<uint8_t> *peek_packet() const { return packets.front(); }

	// Sends close_notify when connected, then DISCONNECTED from any status.
	// Queued packets are discarded. The session may be started again.
	void close();

	Side get_side() const { return side; }
	Status get_status() const { return status; }
	// The peer's close_notify arrived behind unread packets: still CONNECTED, and
	// the next poll() ends the session (see the class comment).
	bool is_peer_closing() const { return peer_closed; }
	// Why the session last failed or ended ("peer sent close_notify", ...).
	const std::string &last_error() const { return error_text; }
	uint64_t get_dropped_packet_count() const { return dropped_packets; }
	// From the end of the handshake until the next start: the certificate the
	// peer sent (borrowed; nullptr when it sent none) and, server side, the PSK
	// identity the client used ("" without PSK).
	X509 *get_peer_certificate() const { return peer_certificate; }
	const std::string &get_psk_identity() const { return psk_identity; }

private:
	static unsigned int _next_retransmit_us(SSL *p_ssl, unsigned int p_previous_us);

	bool _begin(uint64_t p_now_ms);
	void _release_ssl();
	void _finish(Status p_status, const std::string &p_reason);
	void _handle_ssl_failure(int p_ssl_error, const char *p_stage);
	bool _accept_verified_client_hello();
	void _advance_handshake();
	void _read_records(uint64_t p_now_ms);
	void _check_idle(uint64_t p_now_ms);
	void _handle_retransmit_timer();

	SSL_CTX *ctx = nullptr;
	Side side;
	DatagramBio bio;
	SSL *ssl = nullptr;
	Settings settings;
	Status status = STATUS_DISCONNECTED;
	std::string error_text;
	// Server side: DTLSv1_listen has not yet taken the verified ClientHello.
	bool awaiting_client_hello = false;
	uint64_t handshake_started_ms = 0;
	uint32_t idle_timeout_ms = 0;
	uint64_t last_packet_ms = 0; // When a packet last arrived (or the handshake ended).
	// The peer's close_notify came behind packets still waiting; the session
	// ends at the next poll().
	bool peer_closed = false;
	DatagramBio::Queue packets;
	uint64_t dropped_packets = 0;
	X509 *peer_certificate = nullptr;
	std::string psk_identity;
};

} // namespace godot::dtls

#endif // QUICKDOT_DTLS_DTLS_SESSION_H
