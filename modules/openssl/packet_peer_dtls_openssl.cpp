#include "packet_peer_dtls_openssl.h"

#include "dtls_trust_openssl.h"
#include "x509_certificate_openssl.h"

#include "core/string/print_string.h"

#include <chrono>
#include <cstring>

namespace godot {

namespace {

// An unfragmented ClientHello record: record header (13 bytes), handshake header (12),
// client_version (2), then the client random.
constexpr int CLIENT_RANDOM_OFFSET = 13 + 12 + 2;
constexpr uint8_t CONTENT_TYPE_HANDSHAKE = 22;
constexpr uint8_t HANDSHAKE_CLIENT_HELLO = 1;
// Record header plus the largest AEAD expansion DTLSContext allows (AES-GCM: explicit nonce
// and tag), for the packet size estimate before the cipher is known.
constexpr int MAX_RECORD_OVERHEAD = 13 + 8 + 16;
// A day: any longer and the peer is not idle but forgotten.
constexpr double MAX_IDLE_TIMEOUT_SECONDS = 86400.0;

// A cheap pre-check before the cookie code parses the datagram in full: an epoch-0 handshake
// record holding a ClientHello, long enough to reach the client random.
bool looks_like_client_hello(const uint8_t *p_data, int p_size) {
	return p_size >= CLIENT_RANDOM_OFFSET + 32 && p_data[0] == CONTENT_TYPE_HANDSHAKE && p_data[3] == 0 && p_data[4] == 0 &&
			p_data[13] == HANDSHAKE_CLIENT_HELLO;
}

String address_text(const IPAddress &p_address, int p_port) {
	const String ip = p_address.to_string();
	return p_address.is_ipv4() ? vformat("%s:%d", ip.c_str(), p_port) : vformat("[%s]:%d", ip.c_str(), p_port);
}

} // namespace

PacketPeerDTLS *PacketPeerDTLSOpenSSL::_create_func() {
	return memnew(PacketPeerDTLSOpenSSL);
}

void PacketPeerDTLSOpenSSL::initialize() {
	_create = _create_func;
}

void PacketPeerDTLSOpenSSL::finalize() {
	_create = nullptr;
}

uint64_t PacketPeerDTLSOpenSSL::_now_ms() {
	return uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count());
}

PacketPeerDTLSOpenSSL::~PacketPeerDTLSOpenSSL() {
	// A connected session says goodbye (close_notify) through base, so it goes first.
	session.reset();
}

void PacketPeerDTLSOpenSSL::send_datagram(const uint8_t *p_data, size_t p_size) {
	if (muted || base.is_null()) {
		return;
	}
	// A datagram that cannot go out is lost, as UDP allows; the UDP peer reports real failures.
	base->put_packet(p_data, int(p_size));
}

String PacketPeerDTLSOpenSSL::_describe() const {
	if (server_side) {
		return peer_text.empty() ? String("server side") : "server side, peer " + peer_text;
	}
	// The server's address is known once it has answered.
	if (base.is_valid() && base->get_packet_address().is_valid()) {
		const String where = address_text(base->get_packet_address(), base->get_packet_port());
		return hostname.empty() || hostname == base->get_packet_ip() ? "client of " + where : "client of " + hostname + " at " + where;
	}
	return "client of " + hostname;
}

void PacketPeerDTLSOpenSSL::_end(Status p_status, const String &p_reason) {
	const String line = "PacketPeerDTLS (" + _describe() + "): " + p_reason;
	if (p_status == STATUS_DISCONNECTED) {
		print_warning(line);
	} else {
		print_error(line);
	}
	_finish(p_status, p_reason);
}

void PacketPeerDTLSOpenSSL::_finish(Status p_status, const String &p_reason) {
	status = p_status;
	last_error = p_reason;
	_clear_reports();
	// As in Godot: a UDPServer route held only by this peer goes, so the address can connect anew.
	base.unref();
}

void PacketPeerDTLSOpenSSL::_sync_status() {
	if (!session) {
		return;
	}
	const Status current = Status(session->get_status());
	if (current == status) {
		return;
	}
	if (current == STATUS_HANDSHAKING || current == STATUS_CONNECTED) {
		status = current;
		_clear_reports();
		return;
	}
	if (current == STATUS_DISCONNECTED) {
		// The peer closing is a normal event: said only with --verbose.
		const String reason = "peer closed the connection (close_notify)";
		print_verbose("PacketPeerDTLS (" + _describe() + "): " + reason);
		_finish(current, reason);
		return;
	}
	String reason = session->last_error();
	if (begins_with(reason, "idle timeout")) {
		reason = vformat("no packet from the peer for %.1f s, the idle timeout set with set_idle_timeout(); the peer is gone or "
						 "the path to it is broken (a close_notify was sent in case it is only quiet)",
				idle_timeout_ms / 1000.0);
	} else if (current == STATUS_ERROR_HOSTNAME_MISMATCH) {
		reason = vformat("certificate hostname mismatch: expected '%s', a name the server's certificate does not hold "
						 "(connect with a name it was issued for, or pass that name as TLSOptions.client()'s common_name_override)",
				verify_name.c_str());
	} else {
		reason = _explain_failure(reason);
	}
	_end(current, reason);
}

String PacketPeerDTLSOpenSSL::_explain_failure(const String &p_reason) const {
	const auto has = [&p_reason](const char *p_part) { return p_reason.find(p_part) != String::npos; };
	if (has("issuer certificate") || has("self-signed") || has("self signed")) {
		return p_reason + (server_side ? " (the client's certificate was not issued by require_client_certificate()'s trusted_chain)" : " (pass the CA that issued the server's certificate as TLSOptions.client()'s trusted_chain, or use TLSOptions.client_unsafe() in tests)");
	}
	if (has("unable to get certificate CRL")) {
		return p_reason + " (check_revocation() needs a CRL from every issuer of the chain)";
	}
	if (has("pin mismatch")) {
		return p_reason + " (a pin is X509Certificate.get_public_key_pin() of the expected certificate, or of its CA)";
	}
	if (has("peer did not return a certificate")) {
		return "the client sent no certificate, and require_client_certificate() requires one";
	}
	const size_t alert = p_reason.find(" alert ");
	if (alert != String::npos) {
		return vformat("the peer ended the handshake with the alert '%s'; its own log says why", p_reason.substr(alert + 7).c_str());
	}
	return p_reason;
}

String PacketPeerDTLSOpenSSL::get_error_reason() const {
	return status == STATUS_ERROR || status == STATUS_ERROR_HOSTNAME_MISMATCH ? last_error : String();
}

Ref<X509Certificate> PacketPeerDTLSOpenSSL::get_peer_certificate() const {
	X509 *peer = session ? session->get_peer_certificate() : nullptr;
	if (peer == nullptr || X509_up_ref(peer) != 1) {
		return Ref<X509Certificate>();
	}
	Ref<X509CertificateOpenSSL> certificate(memnew(X509CertificateOpenSSL));
	certificate->add_certificate(peer);
	return certificate;
}

String PacketPeerDTLSOpenSSL::get_psk_identity() const {
	return session ? String(session->get_psk_identity()) : String();
}

void PacketPeerDTLSOpenSSL::_drop_session() {
	// A replaced session must not send its close_notify to whoever now uses the address.
	muted = true;
	session.reset();
	muted = false;
}

// ---------------------------------------------------------------- Receiving

void PacketPeerDTLSOpenSSL::poll() {
	if (!_is_active()) {
		return;
	}
	const uint64_t now = _now_ms();
	if (_is_peer_closing()) {
		// The poll after the peer's close_notify ends the connection; what arrived since waits
		// in the UDP peer (nothing more can be read from this session).
		session->poll(now);
		_sync_status();
		return;
	}
	_drain(now);
	if (!_is_active()) {
		return;
	}
	if (session) {
		// A close_notify read while draining must stay CONNECTED until the next poll().
		if (!_is_peer_closing()) {
			session->poll(now);
		}
		_sync_status();
		return;
	}
	// Cookie wait: no session (and so no OpenSSL timer) yet, so the deadline is checked here.
	if (now - taken_ms >= settings.handshake_timeout_ms) {
		cookie_wait_log->note_timeout(peer_text, now - taken_ms, now);
		_finish(STATUS_ERROR, vformat("handshake timed out after %d s: no ClientHello with a valid cookie arrived", int((now - taken_ms) / 1000)));
		return;
	}
	// Most sources never come back with a cookie (spoofed ones cannot): hold no receive buffer for them.
	base->release_receive_memory();
}

void PacketPeerDTLSOpenSSL::_drain(uint64_t p_now_ms) {
	// One read of the socket (for a standalone UDP peer) tells how many datagrams to take now.
	int waiting = base->get_available_packet_count();
	int fed = 0;
	for (; waiting > 0 && _is_active() && !_is_peer_closing(); waiting--) {
		// The datagram stays in the UDP peer's ring until the next get_packet(): no copy here.
		const uint8_t *data = nullptr;
		int size = 0;
		if (base->get_packet(&data, size) != OK) {
			waiting = -1;
			break;
		}
		_route_datagram(data, size, p_now_ms);
		// The session's datagram queue is bounded: let it work through a batch before the next.
		if (session && ++fed >= FEED_BATCH && !_is_peer_closing()) {
			fed = 0;
			session->poll(p_now_ms);
			_sync_status();
		}
	}
	if (waiting < 0 && _is_active()) {
		_end(STATUS_ERROR, "the PacketPeerUDP under this connection stopped working (it was closed, or its UDPServer stopped)");
	}
}

void PacketPeerDTLSOpenSSL::_route_datagram(const uint8_t *p_data, int p_size, uint64_t p_now_ms) {
	if (server_side) {
		if (!session) {
			_cookie_wait_datagram(p_data, p_size, p_now_ms);
			return;
		}
		if (looks_like_client_hello(p_data, p_size)) {
			_session_client_hello(p_data, p_size, p_now_ms);
			return;
		}
	}
	session->receive_datagram(p_data, size_t(p_size));
}

void PacketPeerDTLSOpenSSL::_cookie_wait_datagram(const uint8_t *p_data, int p_size, uint64_t p_now_ms) {
	const IPAddress source = base->get_packet_address();
	const int port = base->get_packet_port();
	if (peer_text.empty()) {
		peer_text = address_text(source, port);
	}
	switch (cookies->check_client_hello(p_data, size_t(p_size), source.get_ipv6(), 16, uint16_t(port), p_now_ms, hello_verify)) {
		case dtls::CookieExchange::Verdict::DROP:
			return; // Not a ClientHello; a peer that never sends one ends at the timeout.
		case dtls::CookieExchange::Verdict::SEND_HELLO_VERIFY:
			send_datagram(hello_verify.data(), hello_verify.size());
			return;
		case dtls::CookieExchange::Verdict::ACCEPT:
			_start_server_session(p_data, p_size, taken_ms);
			return;
	}
}

void PacketPeerDTLSOpenSSL::_session_client_hello(const uint8_t *p_data, int p_size, uint64_t p_now_ms) {
	const IPAddress source = base->get_packet_address();
	const int port = base->get_packet_port();
	const dtls::CookieExchange::Verdict verdict = cookies->check_client_hello(p_data, size_t(p_size), source.get_ipv6(), 16, uint16_t(port), p_now_ms, hello_verify);
	if (has_client_random && memcmp(p_data + CLIENT_RANDOM_OFFSET, client_random, CLIENT_RANDOM_SIZE) == 0) {
		// This client's own ClientHellos again (retransmitted, duplicated or replayed). The one
		// with the cookie makes a handshaking session resend its flight; anything else is ignored
		// (a second HelloVerifyRequest would restart the client's handshake).
		if (verdict == dtls::CookieExchange::Verdict::ACCEPT && status == STATUS_HANDSHAKING) {
			session->receive_datagram(p_data, size_t(p_size));
		}
		return;
	}
	// A new client random from the same address and port: the client restarted.
	if (verdict == dtls::CookieExchange::Verdict::SEND_HELLO_VERIFY) {
		send_datagram(hello_verify.data(), hello_verify.size());
		return;
	}
	if (verdict != dtls::CookieExchange::Verdict::ACCEPT) {
		return;
	}
	if (status == STATUS_HANDSHAKING) {
		taken_ms = p_now_ms;
		_start_server_session(p_data, p_size, p_now_ms);
		return;
	}
	// Connected: the old association cannot continue, and a new client must not inherit it.
	_drop_session();
	_end(STATUS_DISCONNECTED, "the client restarted (a new handshake came from the same address and port); this connection is closed, "
							  "and the client's next datagram reaches the UDPServer as a new connection");
}

void PacketPeerDTLSOpenSSL::_start_server_session(const uint8_t *p_data, int p_size, uint64_t p_started_ms) {
	_drop_session();
	const IPAddress source = base->get_packet_address();
	const int port = base->get_packet_port();
	session = std::make_unique<dtls::DTLSSession>(server_context->get_ssl_ctx(), dtls::DTLSSession::SIDE_SERVER, static_cast<dtls::DatagramSink *>(this));
	// The deadline counts from take_connection, so the whole handshake is bounded by one timeout.
	if (!session->set_settings(settings) || !session->start_server(*cookies, source.get_ipv6(), 16, uint16_t(port), p_started_ms)) {
		session.reset();
		_end(STATUS_ERROR, "OpenSSL could not start the server handshake (out of memory?)");
		return;
	}
	session->set_idle_timeout(idle_timeout_ms);
	memcpy(client_random, p_data + CLIENT_RANDOM_OFFSET, CLIENT_RANDOM_SIZE);
	has_client_random = true;
	session->receive_datagram(p_data, size_t(p_size));
}

// ---------------------------------------------------------------- Connection

Error PacketPeerDTLSOpenSSL::connect_to_peer(const Ref<PacketPeerUDP> &p_base, const String &p_hostname, const Ref<TLSOptions> &p_options) {
	if (p_base.is_null()) {
		return _report("connect_to_peer", ERR_INVALID_PARAMETER, "packet_peer is null; pass a PacketPeerUDP connected to the server with connect_to_host()");
	}
	if (!p_base->is_socket_connected()) {
		return _report("connect_to_peer", ERR_INVALID_PARAMETER, "packet_peer is not connected; call its connect_to_host(address, port) first");
	}
	if (_is_active()) {
		return _report("connect_to_peer", ERR_ALREADY_IN_USE, vformat("already %s; call disconnect_from_peer() first", status == STATUS_CONNECTED ? "connected" : "handshaking"));
	}
	const Ref<TLSOptions> options = p_options.is_valid() ? p_options : TLSOptions::client();
	if (options->is_server()) {
		return _report("connect_to_peer", ERR_INVALID_PARAMETER, "client_options are server options; pass TLSOptions.client() or TLSOptions.client_unsafe()");
	}
	DTLSTrustOpenSSL trust;
	if (!trust.read("PacketPeerDTLS.connect_to_peer", options)) {
		return ERR_INVALID_PARAMETER; // read() said why.
	}
	std::vector<X509 *> trusted;
	if (options->get_trusted_ca_chain().is_valid()) {
		const X509CertificateOpenSSL *chain = X509CertificateOpenSSL::get_usable("PacketPeerDTLS.connect_to_peer", options->get_trusted_ca_chain());
		if (!chain) {
			return ERR_INVALID_PARAMETER; // get_usable said why.
		}
		trusted = chain->get_chain();
	}
	dtls::DTLSContext::VerifyMode mode = dtls::DTLSContext::VerifyMode::FULL;
	if (options->uses_psk()) {
		mode = dtls::DTLSContext::VerifyMode::NONE; // The key authenticates both sides; no certificate is sent.
	} else if (options->is_unsafe_client()) {
		mode = trusted.empty() ? dtls::DTLSContext::VerifyMode::NONE : dtls::DTLSContext::VerifyMode::CHAIN_ONLY;
	}
	String name;
	if (mode == dtls::DTLSContext::VerifyMode::FULL) {
		name = options->get_common_name_override().empty() ? p_hostname : options->get_common_name_override();
		if (name.empty()) {
			return _report("connect_to_peer", ERR_INVALID_PARAMETER, "hostname is empty, so the server's certificate name cannot be checked; pass the server's name (or a common_name_override, or TLSOptions.client_unsafe() in tests)");
		}
	}
	dtls::DTLSContext context;
	if (!context.setup_client(mode, trusted, trust.get_settings())) {
		return _report("connect_to_peer", FAILED, "cannot set up DTLS: " + context.get_last_error());
	}

	_drop_session();
	server_side = false;
	server_context.reset();
	cookies.reset();
	has_client_random = false;
	peer_text.clear();
	base = p_base;
	hostname = p_hostname;
	verify_name = name;
	last_error.clear();
	_clear_reports();
	// The session keeps its own reference to the context's SSL_CTX.
	session = std::make_unique<dtls::DTLSSession>(context.get_ssl_ctx(), dtls::DTLSSession::SIDE_CLIENT, static_cast<dtls::DatagramSink *>(this));
	if (!session->set_settings(settings) || !session->start_client(p_hostname, name, _now_ms())) {
		session.reset();
		base.unref();
		return _report("connect_to_peer", FAILED, "OpenSSL refused to start the handshake (is the hostname longer than 255 bytes?)");
	}
	session->set_idle_timeout(idle_timeout_ms);
	status = STATUS_HANDSHAKING;
	_sync_status();
	return OK;
}

void PacketPeerDTLSOpenSSL::accept_peer(const Ref<PacketPeerUDP> &p_base, const std::shared_ptr<dtls::DTLSContext> &p_context,
		const std::shared_ptr<dtls::CookieExchange> &p_cookies, const std::shared_ptr<CookieWaitLog> &p_cookie_wait_log,
		const dtls::DTLSSession::Settings &p_settings) {
	_drop_session();
	base = p_base;
	server_side = true;
	server_context = p_context;
	cookies = p_cookies;
	cookie_wait_log = p_cookie_wait_log;
	settings = p_settings;
	hostname.clear();
	verify_name.clear();
	has_client_random = false;
	peer_text = base->get_packet_address().is_valid() ? address_text(base->get_packet_address(), base->get_packet_port()) : String();
	taken_ms = _now_ms();
	last_error.clear();
	_clear_reports();
	status = STATUS_HANDSHAKING;
	poll(); // Answers the ClientHello that made the UDPServer create this connection.
}

void PacketPeerDTLSOpenSSL::disconnect_from_peer() {
	if (session) {
		session->close(); // close_notify when connected.
		session.reset();
	}
	base.unref();
	has_client_random = false;
	status = STATUS_DISCONNECTED;
	_clear_reports();
}

// ---------------------------------------------------------------- Packets

int PacketPeerDTLSOpenSSL::get_available_packet_count() const {
	// Packets that arrived before a close_notify stay readable.
	return session ? int(session->available_packet_count()) : 0;
}

Error PacketPeerDTLSOpenSSL::get_packet(const uint8_t **r_buffer, int &r_buffer_size) {
	if (session && session->pop_packet(current_packet)) {
		*r_buffer = current_packet.data();
		r_buffer_size = int(current_packet.size());
		return OK;
	}
	r_buffer_size = 0;
	if (status == STATUS_CONNECTED) {
		return ERR_UNAVAILABLE; // Nothing waiting: normal, no message.
	}
	return _report("get_packet", ERR_UNCONFIGURED, vformat("not connected (status %s) and no packet waiting", get_status_name(status)));
}

Error PacketPeerDTLSOpenSSL::put_packet(const uint8_t *p_buffer, int p_buffer_size) {
	if (status != STATUS_CONNECTED) {
		return _report("put_packet", ERR_UNCONFIGURED, vformat("not connected (status %s)", get_status_name(status)));
	}
	if (p_buffer_size < 0 || (p_buffer_size > 0 && !p_buffer)) {
		return _report("put_packet", ERR_INVALID_PARAMETER, "invalid buffer");
	}
	switch (session->send_packet(p_buffer, size_t(p_buffer_size))) {
		case dtls::DTLSSession::SEND_OK:
		case dtls::DTLSSession::SEND_PEER_CLOSED: // See the file comment.
			return OK;
		case dtls::DTLSSession::SEND_TOO_LARGE:
			return _report("put_packet", ERR_INVALID_PARAMETER,
					vformat("a %d-byte packet is larger than the %d bytes a DTLS record carries; nothing was sent and the connection stays up. "
							"Split it (get_max_unfragmented_packet_size() tells the largest part that also avoids IP fragmentation)",
							p_buffer_size, int(dtls::DTLSSession::MAX_PACKET_SIZE)));
		case dtls::DTLSSession::SEND_NOT_CONNECTED:
		case dtls::DTLSSession::SEND_FAILED:
			break;
	}
	_sync_status(); // Prints why the connection failed.
	return ERR_CONNECTION_ERROR;
}

int PacketPeerDTLSOpenSSL::get_max_packet_size() const {
	return int(dtls::DTLSSession::MAX_PACKET_SIZE);
}

// ---------------------------------------------------------------- Quickdot extensions

int PacketPeerDTLSOpenSSL::get_max_unfragmented_packet_size() const {
	if (status == STATUS_CONNECTED && session) {
		return int(session->max_unfragmented_packet_size());
	}
	return int(settings.max_datagram_size) - MAX_RECORD_OVERHEAD;
}

void PacketPeerDTLSOpenSSL::set_idle_timeout(double p_seconds) {
	// NaN fails both comparisons, so it is refused too.
	if (!(p_seconds >= 0.0 && p_seconds <= MAX_IDLE_TIMEOUT_SECONDS)) {
		_report("set_idle_timeout", OK, vformat("%g s is outside 0..%d s (0 turns the idle timeout off); it stays %g s", p_seconds, int(MAX_IDLE_TIMEOUT_SECONDS), get_idle_timeout()));
		return;
	}
	idle_timeout_ms = uint32_t(p_seconds * 1000.0 + 0.5);
	if (session) {
		session->set_idle_timeout(idle_timeout_ms);
	}
}

String PacketPeerDTLSOpenSSL::parse_retransmit_timeout(double p_seconds, uint32_t &r_ms) {
	const double milliseconds = p_seconds * 1000.0;
	if (!(milliseconds >= dtls::DTLSSession::MIN_RETRANSMIT_MS && milliseconds <= dtls::DTLSSession::MAX_RETRANSMIT_MS)) {
		return vformat("%g s is outside %g..%g s", p_seconds, dtls::DTLSSession::MIN_RETRANSMIT_MS / 1000.0, dtls::DTLSSession::MAX_RETRANSMIT_MS / 1000.0);
	}
	r_ms = uint32_t(milliseconds + 0.5);
	return String();
}

void PacketPeerDTLSOpenSSL::set_handshake_retransmit_timeout(double p_seconds) {
	const String refused = parse_retransmit_timeout(p_seconds, settings.retransmit_initial_ms);
	if (!refused.empty()) {
		_report("set_handshake_retransmit_timeout", OK, refused + vformat("; it stays %g s", get_handshake_retransmit_timeout()));
	}
}

} // namespace godot
