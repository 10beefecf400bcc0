/**************************************************************************/
/*  dtls_session.cpp                                                      */
/**************************************************************************/
/*  Quickdot: OpenSSL DTLS core (engine independent).                     */
/**************************************************************************/

#include "dtls_session.h"

#include "cookie_exchange.h"
#include "dtls_context.h"

#include <openssl/err.h>
#include <openssl/x509v3.h>

#ifdef _WIN32
#include <winsock2.h>
#else
#include <sys/time.h>
#endif

#include <algorithm>
#include <climits>

namespace godot::dtls {

namespace {

// Largest plaintext a DTLS record can carry. Shared per thread: it only holds
// a record between SSL_read and the packet queue.
thread_local uint8_t record_buffer[DTLSSession::MAX_PACKET_SIZE];

// Before each SSL call on the packet path. ERR_clear_error resets every slot of
// the thread's error queue (about 260 ns on OpenSSL 3.0, more than the AEAD of a
// small record), while the queue is almost always empty already; SSL_get_error
// only looks at what ERR_peek_error sees, so clearing only then is equivalent.
void clear_stale_errors() {
	if (ERR_peek_error() != 0) {
		ERR_clear_error();
	}
}

bool is_ip_literal(const std::string &p_name) {
	ASN1_OCTET_STRING *address = a2i_IPADDRESS(p_name.c_str());
	const bool parsed = address != nullptr;
	ASN1_OCTET_STRING_free(address);
	ERR_clear_error();
	return parsed;
}

} // namespace

DTLSSession::DTLSSession(SSL_CTX *p_ctx, Side p_side, DatagramSink *p_sink) :
		side(p_side), bio(p_sink), packets(settings.max_queued_packets) {
	if (p_ctx != nullptr && SSL_CTX_up_ref(p_ctx) == 1) {
		ctx = p_ctx;
	}
}

DTLSSession::~DTLSSession() {
	close();
	X509_free(peer_certificate);
	SSL_CTX_free(ctx);
}

bool DTLSSession::set_settings(const Settings &p_settings) {
	if (status == STATUS_HANDSHAKING || status == STATUS_CONNECTED) {
		return false;
	}
	settings = p_settings;
	settings.retransmit_initial_ms = std::max(settings.retransmit_initial_ms, MIN_RETRANSMIT_MS);
	settings.retransmit_max_ms = std::max(settings.retransmit_max_ms, settings.retransmit_initial_ms);
	return true;
}

unsigned int DTLSSession::_next_retransmit_us(SSL *p_ssl, unsigned int p_previous_us) {
	// OpenSSL asks with 0 when a flight starts its timer, and with the last
	// interval each time the timer expires.
	const DTLSSession *self = static_cast<const DTLSSession *>(SSL_get_app_data(p_ssl));
	const Settings defaults;
	const Settings &active = self != nullptr ? self->settings : defaults;
	const uint64_t initial_us = uint64_t(active.retransmit_initial_ms) * 1000;
	const uint64_t max_us = uint64_t(active.retransmit_max_ms) * 1000;
	const uint64_t next_us = p_previous_us == 0 ? initial_us : std::min(uint64_t(p_previous_us) * 2, max_us);
	return static_cast<unsigned int>(std::min<uint64_t>(next_us, UINT_MAX));
}

bool DTLSSession::_begin(uint64_t p_now_ms) {
	if (status == STATUS_HANDSHAKING || status == STATUS_CONNECTED || ctx == nullptr || bio.get_bio() == nullptr) {
		return false;
	}
	_release_ssl();
	ERR_clear_error();
	SSL *created = SSL_new(ctx);
	if (created == nullptr) {
		ERR_clear_error();
		return false;
	}
	// SSL_set_bio with the same BIO twice consumes exactly one reference.
	BIO_up_ref(bio.get_bio());
	SSL_set_bio(created, bio.get_bio(), bio.get_bio());
	// SSL_OP_NO_QUERY_MTU is set on the context, so this is the only MTU source.
	// The BIO reports no per-datagram overhead, so the record MTU is the UDP
	// payload: every datagram, including packed handshake flights, fits in it.
	if (SSL_set_mtu(created, static_cast<long>(settings.max_datagram_size)) <= 0) {
		SSL_free(created);
		ERR_clear_error();
		return false;
	}
	bio.set_mtu(settings.max_datagram_size);
	// OpenSSL's default max_send_fragment stays: a full record (MAX_PACKET_SIZE),
	// which an application-data write sends as one datagram whatever the MTU,
	// as Godot does. Handshake messages are still fragmented to the MTU. The
	// write buffer this needs is about 15 KiB more per connection than one
	// sized for 1200-byte records; OpenSSL cannot enlarge it after the
	// handshake (SSL_set_max_send_fragment does not reallocate it).
	SSL_set_app_data(created, this);
	DTLS_set_timer_cb(created, _next_retransmit_us);

	ssl = created;
	X509_free(peer_certificate);
	peer_certificate = nullptr;
	psk_identity.clear();
	packets = DatagramBio::Queue(settings.max_queued_packets);
	dropped_packets = 0;
	error_text.clear();
	handshake_started_ms = p_now_ms;
	return true;
}

bool DTLSSession::start_client(const std::string &p_server_name, const std::string &p_verify_name, uint64_t p_now_ms) {
	if (side != SIDE_CLIENT || !_begin(p_now_ms)) {
		return false;
	}
	SSL_set_connect_state(ssl);
	// RFC 6066: SNI carries host names only, never address literals.
	if (!p_server_name.empty() && !is_ip_literal(p_server_name) && SSL_set_tlsext_host_name(ssl, p_server_name.c_str()) != 1) {
		_release_ssl();
		return false;
	}
	if (!p_verify_name.empty()) {
		X509_VERIFY_PARAM *verify_param = SSL_get0_param(ssl);
		X509_VERIFY_PARAM_set_hostflags(verify_param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
		const bool name_set = is_ip_literal(p_verify_name)
				? X509_VERIFY_PARAM_set1_ip_asc(verify_param, p_verify_name.c_str()) == 1
				: SSL_set1_host(ssl, p_verify_name.c_str()) == 1;
		if (!name_set) {
			_release_ssl();
			return false;
		}
	}
	status = STATUS_HANDSHAKING;
	_advance_handshake(); // Sends the ClientHello now.
	return true;
}

bool DTLSSession::start_server(const CookieExchange &p_cookies, const uint8_t *p_address, size_t p_address_len, uint16_t p_port, uint64_t p_now_ms) {
	if (side != SIDE_SERVER || !_begin(p_now_ms)) {
		return false;
	}
	if (!p_cookies.bind_ssl(ssl, p_address, p_address_len, p_port)) {
		_release_ssl();
		return false;
	}
	awaiting_client_hello = true;
	status = STATUS_HANDSHAKING;
	return true;
}

void DTLSSession::receive_datagram(const uint8_t *p_data, size_t p_size) {
	if (ssl == nullptr) {
		return;
	}
	bio.push_incoming(p_data, p_size);
}

void DTLSSession::poll(uint64_t p_now_ms) {
	if (peer_closed) {
		// The poll after the close_notify: the script could read, while
		// CONNECTED, the packets that arrived before it (they stay readable).
		_finish(STATUS_DISCONNECTED, "peer sent close_notify");
		return;
	}
	const bool was_handshaking = status == STATUS_HANDSHAKING;
	if (status == STATUS_HANDSHAKING) {
		if (!awaiting_client_hello || _accept_verified_client_hello()) {
			_advance_handshake();
		}
		if (status == STATUS_HANDSHAKING) {
			_handle_retransmit_timer();
		}
		if (status == STATUS_HANDSHAKING && p_now_ms >= handshake_started_ms && p_now_ms - handshake_started_ms >= settings.handshake_timeout_ms) {
			const uint64_t elapsed_s = (p_now_ms - handshake_started_ms) / 1000;
			_finish(STATUS_ERROR, "handshake timed out after " + std::to_string(elapsed_s) + " s");
			return;
		}
	}
	if (status != STATUS_CONNECTED) {
		return;
	}
	if (was_handshaking) {
		last_packet_ms = p_now_ms; // The idle time counts from the connection.
	}
	// No timer runs once connected: if the peer missed our last flight, it
	// retransmits its own, and SSL_read answers that. OpenSSL is asked to read
	// only when a datagram arrived, it holds unread data, or the handshake just
	// ended (records may have come with its last flight): an SSL_read on an
	// empty BIO is most of what polling an idle peer costs.
	if (was_handshaking || bio.get_incoming_count() > 0 || SSL_has_pending(ssl)) {
		_read_records(p_now_ms);
	}
	_check_idle(p_now_ms);
}

bool DTLSSession::_accept_verified_client_hello() {
	// OpenSSL 3.0's server state machine cannot start from a ClientHello that
	// already carries a cookie: a fresh SSL expects handshake message_seq 0 and
	// buffers the cookie-bearing ClientHello (message_seq 1) as a future
	// message, so the handshake stalls. DTLSv1_listen is the one public API that
	// primes the sequence numbers for it (read/write seq 1, record sequence,
	// "hello verify done"). It re-checks the cookie through CookieExchange's
	// callbacks, so this SSL never runs a second cookie exchange. It only
	// continues ClientHellos with message_seq 0 or 1, which CookieExchange
	// enforces before ACCEPT.
	while (bio.get_incoming_count() > 0) {
		const size_t queued_before = bio.get_incoming_count();
		BIO_ADDR *unused_peer = BIO_ADDR_new();
		if (unused_peer == nullptr) {
			return false;
		}
		ERR_clear_error();
		const int result = DTLSv1_listen(ssl, unused_peer);
		BIO_ADDR_free(unused_peer);
		if (result > 0) {
			awaiting_client_hello = false;
			return true;
		}
		if (result < 0) {
			_handle_ssl_failure(SSL_ERROR_SSL, "handshake failed");
			return false;
		}
		// 0: that datagram was dropped, or a cookie-less ClientHello got a
		// HelloVerifyRequest no larger than itself. Try the next one.
		ERR_clear_error();
		if (bio.get_incoming_count() >= queued_before) {
			return false;
		}
	}
	return false;
}

void DTLSSession::_advance_handshake() {
	while (true) {
		const size_t queued_before = bio.get_incoming_count();
		clear_stale_errors();
		const int result = SSL_do_handshake(ssl);
		if (result == 1) {
			status = STATUS_CONNECTED;
			peer_certificate = SSL_get1_peer_certificate(ssl);
			const char *identity = side == SIDE_SERVER ? SSL_get_psk_identity(ssl) : nullptr;
			psk_identity = identity != nullptr ? identity : "";
			return;
		}
		const int error = SSL_get_error(ssl, result);
		if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE) {
			_handle_ssl_failure(error, "handshake failed");
			return;
		}
		// OpenSSL may pause after discarding a record; continue while it still
		// consumes datagrams so none waits for the next poll.
		const size_t queued_after = bio.get_incoming_count();
		if (queued_after == 0 || queued_after >= queued_before) {
			return;
		}
	}
}

void DTLSSession::_read_records(uint64_t p_now_ms) {
	while (true) {
		const size_t queued_before = bio.get_incoming_count();
		clear_stale_errors();
		const int result = SSL_read(ssl, record_buffer, sizeof(record_buffer));
		if (result > 0) {
			last_packet_ms = p_now_ms; // Authenticated: forged records never get here.
			if (!packets.push(record_buffer, static_cast<size_t>(result))) {
				dropped_packets++;
			}
			continue;
		}
		const int error = SSL_get_error(ssl, result);
		if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE) {
			_handle_ssl_failure(error, "connection failed");
			return;
		}
		// A forged, replayed or stale record is dropped silently (RFC 6347
		// 4.1.2.7) and OpenSSL may return after it; read on while datagrams go.
		const size_t queued_after = bio.get_incoming_count();
		if (queued_after == 0 || queued_after >= queued_before) {
			return;
		}
	}
}

void DTLSSession::_check_idle(uint64_t p_now_ms) {
	if (status != STATUS_CONNECTED || peer_closed || idle_timeout_ms == 0 || p_now_ms < last_packet_ms) {
		return;
	}
	const uint64_t idle_ms = p_now_ms - last_packet_ms;
	if (idle_ms < idle_timeout_ms) {
		return;
	}
	// The peer may be alive but silent (or only its packets lost): the
	// close_notify tells it the connection is over.
	ERR_clear_error();
	SSL_shutdown(ssl);
	ERR_clear_error();
	_finish(STATUS_ERROR, "idle timeout: no packet from the peer for " + std::to_string(idle_ms) + " ms");
}

void DTLSSession::_handle_retransmit_timer() {
	struct timeval remaining = {};
	if (DTLSv1_get_timeout(ssl, &remaining) != 1 || remaining.tv_sec > 0 || remaining.tv_usec > 0) {
		return;
	}
	ERR_clear_error();
	if (DTLSv1_handle_timeout(ssl) < 0) {
		_handle_ssl_failure(SSL_ERROR_SSL, "handshake failed");
	}
}

void DTLSSession::_handle_ssl_failure(int p_ssl_error, const char *p_stage) {
	if (p_ssl_error == SSL_ERROR_ZERO_RETURN) {
		// Answer with our own close_notify (one datagram, never retransmitted).
		ERR_clear_error();
		SSL_shutdown(ssl);
		ERR_clear_error();
		if (status == STATUS_CONNECTED && !packets.is_empty()) {
			// Godot reads one record per poll, so its scripts see the packets
			// sent before a close_notify while still CONNECTED, and the usual
			// loop (`if status == CONNECTED: while get_available_packet_count()`)
			// relies on that. The session ends at the next poll().
			peer_closed = true;
			return;
		}
		_finish(STATUS_DISCONNECTED, "peer sent close_notify");
		return;
	}
	const std::string trust_failure = DTLSContext::get_trust_failure(ssl);
	if (!trust_failure.empty()) {
		ERR_clear_error();
		_finish(STATUS_ERROR, trust_failure);
		return;
	}
	const long verify_result = SSL_get_verify_mode(ssl) != SSL_VERIFY_NONE ? SSL_get_verify_result(ssl) : X509_V_OK;
	if (verify_result != X509_V_OK) {
		ERR_clear_error();
		const bool name_mismatch = verify_result == X509_V_ERR_HOSTNAME_MISMATCH || verify_result == X509_V_ERR_IP_ADDRESS_MISMATCH;
		const Status failed_status = name_mismatch ? STATUS_ERROR_HOSTNAME_MISMATCH : STATUS_ERROR;
		_finish(failed_status, std::string("certificate verify failed: ") + X509_verify_cert_error_string(verify_result));
		return;
	}
	const unsigned long code = ERR_peek_error();
	const char *reason = code != 0 ? ERR_reason_error_string(code) : nullptr;
	std::string text = p_stage;
	if (reason != nullptr) {
		text += std::string(": ") + reason;
	} else if (p_ssl_error == SSL_ERROR_SYSCALL) {
		text += ": transport error";
	} else {
		text += ": OpenSSL error " + std::to_string(p_ssl_error);
	}
	ERR_clear_error();
	_finish(STATUS_ERROR, text);
}

void DTLSSession::_finish(Status p_status, const std::string &p_reason) {
	_release_ssl();
	status = p_status;
	error_text = p_reason;
}

void DTLSSession::_release_ssl() {
	if (ssl != nullptr) {
		SSL_free(ssl); // Also drops the SSL's reference to the BIO.
		ssl = nullptr;
	}
	bio.clear_incoming();
	awaiting_client_hello = false;
	peer_closed = false;
}

DTLSSession::SendResult DTLSSession::send_packet(const uint8_t *p_data, size_t p_size) {
	if (status != STATUS_CONNECTED || ssl == nullptr) {
		return SEND_NOT_CONNECTED;
	}
	// Refused before OpenSSL sees it: OpenSSL fails the whole connection on a
	// write larger than a record (Godot's mbedTLS closes it too).
	if (p_size > MAX_PACKET_SIZE) {
		return SEND_TOO_LARGE;
	}
	if (peer_closed) {
		return SEND_PEER_CLOSED;
	}
	if (p_size == 0) {
		return SEND_OK; // Nothing to send, as in Godot.
	}
	clear_stale_errors();
	const int written = SSL_write(ssl, p_data, static_cast<int>(p_size));
	if (written > 0 && static_cast<size_t>(written) == p_size) {
		return SEND_OK;
	}
	_handle_ssl_failure(SSL_get_error(ssl, written), "send failed");
	return SEND_FAILED;
}

size_t DTLSSession::max_unfragmented_packet_size() const {
	if (status != STATUS_CONNECTED || ssl == nullptr) {
		return 0;
	}
	// The MTU given to SSL_set_mtu less this cipher's record overhead.
	return DTLS_get_data_mtu(ssl);
}

bool DTLSSession::pop_packet(std::vector<uint8_t> &r_packet) {
	return packets.pop(r_packet);
}

void DTLSSession::close() {
	if (status == STATUS_CONNECTED && ssl != nullptr && !peer_closed) {
		ERR_clear_error();
		SSL_shutdown(ssl); // One close_notify; DTLS does not wait for the reply.
		ERR_clear_error();
	}
	_release_ssl();
	status = STATUS_DISCONNECTED;
	packets.clear();
}

} // namespace godot::dtls
