/**************************************************************************/
/*  cookie_exchange.h                                                     */
/**************************************************************************/
/*  Quickdot: OpenSSL DTLS core (engine independent).                     */
/**************************************************************************/

#ifndef QUICKDOT_DTLS_COOKIE_EXCHANGE_H
#define QUICKDOT_DTLS_COOKIE_EXCHANGE_H

#include <openssl/ssl.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace godot::dtls {

// Stateless DTLS 1.2 return-routability check (RFC 6347 4.2.1) done before any
// per-peer SSL exists: the raw first datagram from an unknown source is parsed
// here, answered with a HelloVerifyRequest built here, and only a ClientHello
// carrying a valid cookie is let through to a real server SSL.
//
// Cookie = HMAC-SHA256(secret, address length ‖ address ‖ port). The client
// random is deliberately not an input: the server SSL re-checks the cookie from
// DTLSv1_listen (see DTLSSession), whose verify callback runs before the
// ClientHello's random is available to it.
// The secret rotates every rotation interval; cookies made with the current or
// the previous secret are accepted, so a cookie lives one to two intervals.
// Only ClientHellos with message_seq 0 or 1 pass: OpenSSL 3.0 cannot continue a
// later one, so a client that needed two HelloVerifyRequests (its cookie
// outlived two rotations) has to reconnect.
//
// Not thread-safe: one server polls it from one thread.
class CookieExchange {
public:
	enum class Verdict {
		DROP, // Not a well-formed, unfragmented DTLS ClientHello: ignore.
		SEND_HELLO_VERIFY, // r_hello_verify_request holds the datagram to send back.
		ACCEPT, // Valid cookie for this address: start a server session with it.
	};

	static constexpr uint64_t DEFAULT_ROTATION_INTERVAL_MS = 30000;
	static constexpr size_t COOKIE_SIZE = 32;
	static constexpr size_t MAX_ADDRESS_SIZE = 16;

	explicit CookieExchange(uint64_t p_rotation_interval_ms = DEFAULT_ROTATION_INTERVAL_MS);
	~CookieExchange();

	CookieExchange(const CookieExchange &) = delete;
	CookieExchange &operator=(const CookieExchange &) = delete;

	// p_address is the raw peer address (4 or 16 bytes, at most MAX_ADDRESS_SIZE),
	// p_port in host order. The HelloVerifyRequest is never larger than p_size.
	Verdict check_client_hello(const uint8_t *p_data, size_t p_size, const uint8_t *p_address, size_t p_address_len,
			uint16_t p_port, uint64_t p_now_ms, std::vector<uint8_t> &r_hello_verify_request);

	// OpenSSL side. A server SSL_CTX gets the cookie callbacks once; each
	// per-peer SSL is then bound to its peer address and this exchange's
	// secrets (shared, so the SSL stays valid if this object goes first).
	static bool install_callbacks(SSL_CTX *p_ctx);
	bool bind_ssl(SSL *p_ssl, const uint8_t *p_address, size_t p_address_len, uint16_t p_port) const;

private:
	struct Secrets;
	struct PeerBinding;

	static int _ssl_generate_cookie(SSL *p_ssl, unsigned char *r_cookie, unsigned int *r_cookie_len);
	static int _ssl_verify_cookie(SSL *p_ssl, const unsigned char *p_cookie, unsigned int p_cookie_len);
	static int _get_binding_index();

	std::shared_ptr<Secrets> secrets;
};

} // namespace godot::dtls

#endif // QUICKDOT_DTLS_COOKIE_EXCHANGE_H
