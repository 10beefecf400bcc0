/**************************************************************************/
/*  dtls_context.h                                                        */
/**************************************************************************/
/*  Quickdot: OpenSSL DTLS core (engine independent).                     */
/**************************************************************************/

#ifndef QUICKDOT_DTLS_DTLS_CONTEXT_H
#define QUICKDOT_DTLS_DTLS_CONTEXT_H

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <string>
#include <vector>

namespace godot::dtls {

// Owns one SSL_CTX configured for Quickdot's DTLS policy: DTLS 1.2 only,
// ECDHE + AEAD suites, X25519/P-256/P-384, no renegotiation, no session
// resumption, MTU set explicitly per connection (SSL_OP_NO_QUERY_MTU).
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

	DTLSContext() = default;
	~DTLSContext();

	DTLSContext(const DTLSContext &) = delete;
	DTLSContext &operator=(const DTLSContext &) = delete;

	// An empty p_trusted_chain means the system CA store (nothing is loaded with
	// VerifyMode::NONE). The certificates are up-referenced; the caller keeps
	// its own references.
	bool setup_client(VerifyMode p_mode, const std::vector<X509 *> &p_trusted_chain);
	// p_chain[0] is the leaf and must match p_key; the rest is sent as the chain.
	// Also installs the stateless-cookie callbacks (see CookieExchange).
	bool setup_server(EVP_PKEY *p_key, const std::vector<X509 *> &p_chain);

	// Borrowed; nullptr until a setup succeeded.
	SSL_CTX *get_ssl_ctx() const { return ctx; }
	bool is_server() const { return server; }
	VerifyMode get_verify_mode() const { return verify_mode; }
	// Why the last setup failed, in words.
	const std::string &get_last_error() const { return last_error; }

private:
	SSL_CTX *_create_base_ctx(const SSL_METHOD *p_method);
	bool _fail(SSL_CTX *p_ctx, const std::string &p_what);

	SSL_CTX *ctx = nullptr;
	bool server = false;
	VerifyMode verify_mode = VerifyMode::FULL;
	std::string last_error;
};

} // namespace godot::dtls

#endif // QUICKDOT_DTLS_DTLS_CONTEXT_H
