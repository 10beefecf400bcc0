/**************************************************************************/
/*  dtls_context.cpp                                                      */
/**************************************************************************/
/*  Quickdot: OpenSSL DTLS core (engine independent).                     */
/**************************************************************************/

#include "dtls_context.h"

#include "cookie_exchange.h"

#include <openssl/err.h>

namespace godot::dtls {

namespace {

// Forward-secret key exchange with AEAD only: CBC suites invite Lucky13-style
// timing oracles, which DTLS amplifies because bad records do not end the
// connection.
constexpr const char *CIPHER_LIST =
		"ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
		"ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
		"ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
// P-256 must be offered: an ECDSA P-256 certificate needs it in DTLS 1.2.
constexpr const char *GROUP_LIST = "X25519:P-256:P-384";
// Caps handshake-message reassembly (OpenSSL sizes its buffers from it).
// Large enough for a chain of several 4096-bit RSA certificates.
constexpr long CLIENT_MAX_CERT_LIST = 64 * 1024;
// The server never receives certificates (no client authentication).
constexpr long SERVER_MAX_CERT_LIST = 16 * 1024;

std::string describe_error_queue(const std::string &p_what) {
	const unsigned long code = ERR_peek_error();
	ERR_clear_error();
	const char *reason = code != 0 ? ERR_reason_error_string(code) : nullptr;
	return reason != nullptr ? p_what + ": " + reason : p_what;
}

} // namespace

DTLSContext::~DTLSContext() {
	SSL_CTX_free(ctx);
}

SSL_CTX *DTLSContext::_create_base_ctx(const SSL_METHOD *p_method) {
	SSL_CTX *created = SSL_CTX_new(p_method);
	if (created == nullptr) {
		return nullptr;
	}
	const bool configured = SSL_CTX_set_min_proto_version(created, DTLS1_2_VERSION) == 1 &&
			SSL_CTX_set_max_proto_version(created, DTLS1_2_VERSION) == 1 &&
			SSL_CTX_set_cipher_list(created, CIPHER_LIST) == 1 &&
			SSL_CTX_set1_groups_list(created, GROUP_LIST) == 1;
	if (!configured) {
		SSL_CTX_free(created);
		return nullptr;
	}
	// NO_QUERY_MTU: the BIO cannot know the path MTU; each session sets it.
	// NO_TICKET + cache off: connections are one-shot, and a server cache would
	// keep every finished session in memory.
	SSL_CTX_set_options(created, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_QUERY_MTU | SSL_OP_NO_TICKET);
	SSL_CTX_set_session_cache_mode(created, SSL_SESS_CACHE_OFF);
	// The datagram BIO already hands over whole datagrams.
	SSL_CTX_set_read_ahead(created, 0);
	return created;
}

bool DTLSContext::_fail(SSL_CTX *p_ctx, const std::string &p_what) {
	SSL_CTX_free(p_ctx);
	last_error = describe_error_queue(p_what);
	return false;
}

bool DTLSContext::setup_client(VerifyMode p_mode, const std::vector<X509 *> &p_trusted_chain) {
	ERR_clear_error();
	SSL_CTX *created = _create_base_ctx(DTLS_client_method());
	if (created == nullptr) {
		return _fail(nullptr, "cannot create the DTLS client context");
	}
	SSL_CTX_set_max_cert_list(created, CLIENT_MAX_CERT_LIST);

	if (p_mode == VerifyMode::NONE) {
		SSL_CTX_set_verify(created, SSL_VERIFY_NONE, nullptr);
	} else {
		SSL_CTX_set_verify(created, SSL_VERIFY_PEER, nullptr);
		if (p_trusted_chain.empty()) {
			if (SSL_CTX_set_default_verify_paths(created) != 1) {
				return _fail(created, "cannot load the system CA store");
			}
		} else {
			X509_STORE *store = SSL_CTX_get_cert_store(created);
			for (X509 *certificate : p_trusted_chain) {
				// X509_STORE_add_cert takes its own reference.
				if (certificate == nullptr || X509_STORE_add_cert(store, certificate) != 1) {
					return _fail(created, "cannot add a trusted certificate");
				}
			}
		}
	}

	SSL_CTX_free(ctx);
	ctx = created;
	server = false;
	verify_mode = p_mode;
	last_error.clear();
	return true;
}

bool DTLSContext::setup_server(EVP_PKEY *p_key, const std::vector<X509 *> &p_chain) {
	ERR_clear_error();
	if (p_key == nullptr || p_chain.empty() || p_chain[0] == nullptr) {
		last_error = "a server needs a private key and a certificate";
		return false;
	}
	if (X509_check_private_key(p_chain[0], p_key) != 1) {
		ERR_clear_error();
		last_error = "the private key does not match the certificate";
		return false;
	}
	SSL_CTX *created = _create_base_ctx(DTLS_server_method());
	if (created == nullptr) {
		return _fail(nullptr, "cannot create the DTLS server context");
	}
	SSL_CTX_set_max_cert_list(created, SERVER_MAX_CERT_LIST);
	// Client certificates are not supported (as in Godot).
	SSL_CTX_set_verify(created, SSL_VERIFY_NONE, nullptr);

	// use_certificate/use_PrivateKey/add1_chain_cert all take their own references.
	if (SSL_CTX_use_certificate(created, p_chain[0]) != 1 || SSL_CTX_use_PrivateKey(created, p_key) != 1) {
		return _fail(created, "cannot use the certificate and key");
	}
	for (size_t i = 1; i < p_chain.size(); i++) {
		if (p_chain[i] == nullptr || SSL_CTX_add1_chain_cert(created, p_chain[i]) != 1) {
			return _fail(created, "cannot add a chain certificate");
		}
	}
	if (SSL_CTX_check_private_key(created) != 1) {
		return _fail(created, "the private key does not match the certificate");
	}
	if (!CookieExchange::install_callbacks(created)) {
		return _fail(created, "cannot install the cookie callbacks");
	}

	SSL_CTX_free(ctx);
	ctx = created;
	server = true;
	verify_mode = VerifyMode::NONE;
	last_error.clear();
	return true;
}

} // namespace godot::dtls
