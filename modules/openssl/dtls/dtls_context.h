/**************************************************************************/
/*  dtls_context.h                                                        */
/**************************************************************************/
/*  Quickdot: OpenSSL DTLS core (engine independent).                     */
/**************************************************************************/

#ifndef QUICKDOT_DTLS_DTLS_CONTEXT_H
#define QUICKDOT_DTLS_DTLS_CONTEXT_H

#include "public_key_pin.h"

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <map>
#include <string>
#include <vector>

namespace godot::dtls {

// What Godot's TLSOptions cannot say (Quickdot extensions). Certificates and
// keys are borrowed: setup takes its own references.
struct TrustSettings {
	// The peer's chain must hold a key with one of these pins. With
	// VerifyMode::NONE the pin is the only check.
	std::vector<PublicKeyPin> pins;
	// Every certificate of the verified chain is checked against these
	// CRLs; a certificate whose issuer has none among them fails.
	bool check_revocation = false;
	std::vector<X509_CRL *> crls;
	// Client: a certificate to present when the server asks.
	EVP_PKEY *client_key = nullptr;
	std::vector<X509 *> client_chain;
	// Server: ask for a client certificate, verified against this chain
	// (required: a client without one fails the handshake).
	std::vector<X509 *> client_ca;
	bool client_certificate_required = false;
	// Pre-shared keys (then no certificate is used): the client's identity
	// and key, or the server's keys by identity.
	std::string psk_identity;
	std::vector<uint8_t> psk_key;
	std::map<std::string, std::vector<uint8_t>> psk_keys;
};

// Owns one SSL_CTX configured for Quickdot's DTLS policy: DTLS 1.2 only,
// ECDHE + AEAD suites, X25519/P-256/P-384, no renegotiation, no session
// resumption, MTU set explicitly per connection (SSL_OP_NO_QUERY_MTU); with
// pre-shared keys, (EC)DHE-PSK and PSK suites with AEAD instead. Trust adds
// what Godot lacks: key pinning, CRLs, client certificates, PSK.
// Sessions take their own reference to the SSL_CTX, so calling setup again
// (DTLSServer.setup) or destroying this object never pulls it from under a
// live connection.
class DTLSContext {
public:
	enum class VerifyMode {
		FULL, // TLSOptions.client(): chain and hostname (the session sets the name).
		CHAIN_ONLY, // TLSOptions.client_unsafe(chain): chain, not the name.
		NONE, // TLSOptions.client_unsafe(): nothing verified.
	};

	using Trust = TrustSettings;

	DTLSContext() = default;
	~DTLSContext();

	DTLSContext(const DTLSContext &) = delete;
	DTLSContext &operator=(const DTLSContext &) = delete;

	// An empty p_trusted_chain means the system CA store (nothing is loaded with
	// VerifyMode::NONE). The certificates are up-referenced; the caller keeps
	// its own references.
	// With PSK keys in p_trust, p_mode and p_trusted_chain are not used.
	bool setup_client(VerifyMode p_mode, const std::vector<X509 *> &p_trusted_chain, const Trust &p_trust = Trust());
	// p_chain[0] is the leaf and must match p_key; the rest is sent as the chain.
	// With PSK keys in p_trust there is no key nor chain. Also installs the
	// stateless-cookie callbacks (see CookieExchange).
	bool setup_server(EVP_PKEY *p_key, const std::vector<X509 *> &p_chain, const Trust &p_trust = Trust());

	// Borrowed; nullptr until a setup succeeded.
	SSL_CTX *get_ssl_ctx() const { return ctx; }
	bool is_server() const { return server; }
	VerifyMode get_verify_mode() const { return verify_mode; }
	// Why the last setup failed, in words.
	const std::string &get_last_error() const { return last_error; }

	// Why a handshake on p_ssl failed a check of this class's own (pin mismatch,
	// unknown PSK identity), or "" when it did not.
	static std::string get_trust_failure(SSL *p_ssl);

private:
	SSL_CTX *_create_base_ctx(const SSL_METHOD *p_method, bool p_psk);
	// Each returns false (p_ctx freed, last_error set) on failure.
	bool _apply_trust(SSL_CTX *p_ctx, const Trust &p_trust, bool p_verify_chain);
	bool _use_own_certificate(SSL_CTX *p_ctx, EVP_PKEY *p_key, const std::vector<X509 *> &p_chain);
	bool _trust_chain(SSL_CTX *p_ctx, const std::vector<X509 *> &p_chain);
	bool _fail(SSL_CTX *p_ctx, const std::string &p_what);

	SSL_CTX *ctx = nullptr;
	bool server = false;
	VerifyMode verify_mode = VerifyMode::FULL;
	std::string last_error;
};

} // namespace godot::dtls

#endif // QUICKDOT_DTLS_DTLS_CONTEXT_H
