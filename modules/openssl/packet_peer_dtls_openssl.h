#pragma once
// PacketPeerDTLS over OpenSSL: a dtls::DTLSSession driven by a PacketPeerUDP. A plain
// subclass (no GDCLASS of its own), so scripts see it as PacketPeerDTLS, as in Godot.
//
// Nothing happens between poll() calls: poll() moves every datagram the UDP peer holds into the
// session, then lets the session run the handshake, timers and records.
//
// Server side (made by DTLSServerOpenSSL::take_connection) the peer starts in a cookie wait:
// it answers ClientHellos statelessly through the server's CookieExchange and allocates no
// SSL until one carries a valid cookie; that datagram starts the server session. A peer whose
// handshake is not done within the handshake timeout (counted from take_connection) fails.
// A ClientHello with a new client random from the same address and port later (the client
// restarted) is answered statelessly too; once its cookie verifies, a handshaking session
// restarts for it, and a connected one ends (STATUS_DISCONNECTED, the UDP peer released, so
// the client's next datagram reaches the UDPServer as a new connection). Duplicates of the
// ClientHellos that started the session never disturb it.
//
// When the connection ends, the peer lets go of its UDP peer (as Godot does), so a UDPServer
// route held only by this peer disappears.
//
// Packets of up to 16384 bytes go as one record in one datagram, as in Godot; larger ones are
// refused and the connection stays up. A close_notify that arrives behind unread packets shows
// as STATUS_DISCONNECTED one poll() later (dtls_session.h); a put_packet() in between returns OK
// and sends nothing, as the peer has already gone (Godot sends it to a peer that discards it).

#include "core/io/packet_peer_dtls.h"

#include "cookie_wait_log.h"
#include "dtls/cookie_exchange.h"
#include "dtls/dtls_context.h"
#include "dtls/dtls_session.h"

#include <memory>
#include <vector>

namespace godot {

class PacketPeerDTLSOpenSSL : public PacketPeerDTLS, private dtls::DatagramSink {
	static constexpr size_t CLIENT_RANDOM_SIZE = 32;
	// Datagrams handed to the session between two of its polls; below the BIO queue's capacity.
	static constexpr int FEED_BATCH = 32;

	Ref<PacketPeerUDP> base;
	std::unique_ptr<dtls::DTLSSession> session;
	dtls::DTLSSession::Settings settings;
	uint32_t idle_timeout_ms = 0;
	Status status = STATUS_DISCONNECTED;

	// Client side.
	String hostname;
	String verify_name;

	// Server side: shared with the DTLSServer that made this peer (and its other peers).
	bool server_side = false;
	std::shared_ptr<dtls::DTLSContext> server_context;
	std::shared_ptr<dtls::CookieExchange> cookies;
	std::shared_ptr<CookieWaitLog> cookie_wait_log;
	String peer_text; // "127.0.0.1:50123"
	uint64_t taken_ms = 0;
	uint8_t client_random[CLIENT_RANDOM_SIZE] = {};
	bool has_client_random = false;

	String last_error;
	bool muted = false; // Drops outgoing datagrams while a replaced session is torn down.
	std::vector<uint8_t> hello_verify; // Scratch for HelloVerifyRequests.
	std::vector<uint8_t> current_packet; // The packet last returned by get_packet().

	static PacketPeerDTLS *_create_func();
	static uint64_t _now_ms();

	void send_datagram(const uint8_t *p_data, size_t p_size) override;

	String _describe() const;
	bool _is_active() const { return status == STATUS_HANDSHAKING || status == STATUS_CONNECTED; }
	bool _is_peer_closing() const { return session && session->is_peer_closing(); }
	void _end(Status p_status, const String &p_reason); // Prints p_reason.
	void _finish(Status p_status, const String &p_reason); // The same, silently.
	void _sync_status();
	void _drain(uint64_t p_now_ms);
	void _route_datagram(const uint8_t *p_data, int p_size, uint64_t p_now_ms);
	void _cookie_wait_datagram(const uint8_t *p_data, int p_size, uint64_t p_now_ms);
	void _session_client_hello(const uint8_t *p_data, int p_size, uint64_t p_now_ms);
	void _start_server_session(const uint8_t *p_data, int p_size, uint64_t p_now_ms);
	void _drop_session();
	String _explain_failure(const String &p_reason) const; // p_reason with what to do about it.

public:
	// Install / remove this class as the engine's PacketPeerDTLS implementation.
	static void initialize();
	static void finalize();

	~PacketPeerDTLSOpenSSL() override;

	// PacketPeerDTLS.
	void poll() override;
	Error connect_to_peer(const Ref<PacketPeerUDP> &p_base, const String &p_hostname, const Ref<TLSOptions> &p_options = Ref<TLSOptions>()) override;
	Status get_status() const override { return status; }
	void disconnect_from_peer() override;

	// PacketPeer.
	int get_available_packet_count() const override;
	Error get_packet(const uint8_t **r_buffer, int &r_buffer_size) override;
	Error put_packet(const uint8_t *p_buffer, int p_buffer_size) override;
	// The largest put_packet() payload, a full DTLS record (as in Godot).
	int get_max_packet_size() const override;

	// PacketPeerDTLS, Quickdot extensions.
	int get_max_unfragmented_packet_size() const override;
	String get_error_reason() const override;
	Ref<X509Certificate> get_peer_certificate() const override;
	String get_psk_identity() const override;
	void set_idle_timeout(double p_seconds) override;
	double get_idle_timeout() const override { return idle_timeout_ms / 1000.0; }
	void set_handshake_retransmit_timeout(double p_seconds) override;
	double get_handshake_retransmit_timeout() const override { return settings.retransmit_initial_ms / 1000.0; }

	// set_handshake_retransmit_timeout's argument in r_ms; outside what DTLS allows
	// (DTLSSession::MIN_RETRANSMIT_MS to MAX_RETRANSMIT_MS) r_ms is left alone and the result
	// says why. Shared with DTLSServerOpenSSL.
	static String parse_retransmit_timeout(double p_seconds, uint32_t &r_ms);

	// C++ only. Server side, for DTLSServerOpenSSL: wait for p_base's ClientHello. Processes
	// what p_base already holds (answering a cookie-less ClientHello at once).
	// A source that never returns its cookie is reported through p_cookie_wait_log, not one line each.
	void accept_peer(const Ref<PacketPeerUDP> &p_base, const std::shared_ptr<dtls::DTLSContext> &p_context,
			const std::shared_ptr<dtls::CookieExchange> &p_cookies, const std::shared_ptr<CookieWaitLog> &p_cookie_wait_log,
			const dtls::DTLSSession::Settings &p_settings);
	// Datagram size, retransmission and handshake timeout for the next connection (tests, tuning).
	void set_session_settings(const dtls::DTLSSession::Settings &p_settings) { settings = p_settings; }
	// True while a server peer waits for a valid cookie: no SSL exists for it yet.
	bool is_waiting_for_cookie() const { return server_side && status == STATUS_HANDSHAKING && !session; }
	// Why the last connection failed or ended, in words ("" while none has).
	const String &get_last_error() const { return last_error; }
};

} // namespace godot
