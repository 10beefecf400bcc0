#pragma once
// DTLSServer over OpenSSL. A plain subclass (no GDCLASS of its own), so scripts see it as
// DTLSServer. setup() builds one server SSL_CTX; every peer taken afterwards shares it and the
// server's CookieExchange (one cookie secret for all sources, kept across setup() calls so
// cookies already handed out stay valid). Peers keep what they share alive, so a peer outlives
// the server that made it, and a later setup() only changes the peers taken after it.

#include "core/error/error_reporter.h"
#include "core/io/dtls_server.h"

#include "cookie_wait_log.h"
#include "dtls/cookie_exchange.h"
#include "dtls/dtls_context.h"
#include "dtls/dtls_session.h"

#include <memory>

namespace godot {

class DTLSServerOpenSSL : public DTLSServer {
	std::shared_ptr<dtls::DTLSContext> context;
	std::shared_ptr<dtls::CookieExchange> cookies = std::make_shared<dtls::CookieExchange>();
	std::shared_ptr<CookieWaitLog> cookie_wait_log = std::make_shared<CookieWaitLog>();
	dtls::DTLSSession::Settings settings;
	ErrorReporter reporter;

	static DTLSServer *_create_func();
	// "DTLSServer.method: what (ERR_CODE)" once per condition (see ErrorReporter); returns p_error.
	Error _report(const char *p_method, Error p_error, const String &p_what) { return reporter.report("DTLSServer", p_method, p_error, p_what); }

public:
	// Install / remove this class as the engine's DTLSServer implementation.
	static void initialize();
	static void finalize();

	// A failed call keeps the previous, working setup (a bad reload does not stop a server).
	Error setup(const Ref<TLSOptions> &p_options) override;
	Ref<PacketPeerDTLS> take_connection(const Ref<PacketPeerUDP> &p_peer) override;

	// Quickdot extension.
	void set_handshake_retransmit_timeout(double p_seconds) override;
	double get_handshake_retransmit_timeout() const override { return settings.retransmit_initial_ms / 1000.0; }

	// C++ only: datagram size, retransmission and handshake timeout of the peers taken next.
	void set_session_settings(const dtls::DTLSSession::Settings &p_settings) { settings = p_settings; }
};

} // namespace godot
