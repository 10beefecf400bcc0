/**************************************************************************/
/*  dtls_context.cpp                                                      */
/**************************************************************************/
/*  Quickdot: OpenSSL DTLS core (engine independent).                     */
/**************************************************************************/

#include "dtls_context.h"

#include "cookie_exchange.h"

#include <openssl/err.h>

#include <algorithm>
#include <cstring>

namespace godot::dtls {

namespace {

// Forward-secret key exchange with AEAD only: CBC suites invite Lucky13-style
// timing oracles, which DTLS amplifies because bad records do not end the
// connection.
constexpr const char *CIPHER_LIST =
		"ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
		"ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
		"ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
// Pre-shared keys: forward-secret ECDHE/DHE-PSK first, then plain PSK (which
// gnutls and small devices often have alone); AEAD only, as above.
constexpr const char *PSK_CIPHER_LIST =
		"ECDHE-PSK-CHACHA20-POLY1305:DHE-PSK-AES128-GCM-SHA256:DHE-PSK-AES256-GCM-SHA384:"
		"DHE-PSK-CHACHA20-POLY1305:PSK-AES128-GCM-SHA256:PSK-AES256-GCM-SHA384:PSK-CHACHA20-POLY1305";
// P-256 must be offered: an ECDSA P-256 certificate needs it in DTLS 1.2.
constexpr const char *GROUP_LIST = "X25519:P-256:P-384";
// Caps handshake-message reassembly (OpenSSL sizes its buffers from it).
// Large enough for a chain of several 4096-bit RSA certificates.
constexpr long CLIENT_MAX_CERT_LIST = 64 * 1024;
// Without client certificates the server receives none.
constexpr long SERVER_MAX_CERT_LIST = 16 * 1024;

// What the context's callbacks need, owned by the SSL_CTX (sessions keep the
// SSL_CTX alive after the DTLSContext is gone): freed with it.
struct TrustData {
	std::vector<PublicKeyPin> pins;
	bool verify_chain = true; // False: the pin is the only check.
	std::string psk_identity;
	std::vector<uint8_t> psk_key;
	std::map<std::string, std::vector<uint8_t>> psk_keys;
};

void free_trust_data(void *, void *p_data, CRYPTO_EX_DATA *, int, long, void *) {
	delete static_cast<TrustData *>(p_data);
}

int trust_data_index() {
	static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, free_trust_data);
	return index;
}

const TrustData *trust_data_of(SSL *p_ssl) {
	return static_cast<const TrustData *>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(p_ssl), trust_data_index()));
}

bool has_pinned_key(const TrustData &p_trust, X509 *p_certificate) {
	PublicKeyPin pin;
	return public_key_pin_of(p_certificate, pin) && std::find(p_trust.pins.begin(), p_trust.pins.end(), pin) != p_trust.pins.end();
}

// Replaces X509_verify_cert when keys are pinned. With a verified chain any
// key of it may match (each is bound to the next by a signature); without one
// only the leaf's counts, whose private key the peer proved it holds: anything
// else it sends could be made up.
int verify_with_pins(X509_STORE_CTX *p_store, void *p_trust) {
	const TrustData &trust = *static_cast<const TrustData *>(p_trust);
	if (trust.verify_chain && X509_verify_cert(p_store) != 1) {
		return 0;
	}
	bool pinned = has_pinned_key(trust, X509_STORE_CTX_get0_cert(p_store));
	STACK_OF(X509) *chain = trust.verify_chain ? X509_STORE_CTX_get0_chain(p_store) : nullptr;
	for (int i = 0; !pinned && chain != nullptr && i < sk_X509_num(chain); i++) {
		pinned = has_pinned_key(trust, sk_X509_value(chain, i));
	}
	if (!pinned) {
		X509_STORE_CTX_set_error(p_store, X509_V_ERR_APPLICATION_VERIFICATION);
		return 0;
	}
	return 1;
}

unsigned int give_client_psk(SSL *p_ssl, const char *, char *r_identity, unsigned int p_max_identity_len, unsigned char *r_psk, unsigned int p_max_psk_len) {
	const TrustData *trust = trust_data_of(p_ssl);
	if (trust == nullptr || trust->psk_identity.size() >= p_max_identity_len || trust->psk_key.size() > p_max_psk_len) {
		return 0;
	}
	std::memcpy(r_identity, trust->psk_identity.c_str(), trust->psk_identity.size() + 1);
	std::memcpy(r_psk, trust->psk_key.data(), trust->psk_key.size());
	return static_cast<unsigned int>(trust->psk_key.size());
}

// 0 for an unknown identity: OpenSSL then ends the handshake with an
// unknown_psk_identity alert.
unsigned int find_server_psk(SSL *p_ssl, const char *p_identity, unsigned char *r_psk, unsigned int p_max_psk_len) {
	const TrustData *trust = trust_data_of(p_ssl);
	if (trust == nullptr || p_identity == nullptr) {
		return 0;
	}
	const auto found = trust->psk_keys.find(p_identity);
	if (found == trust->psk_keys.end() || found->second.size() > p_max_psk_len) {
		return 0;
	}
	std::memcpy(r_psk, found->second.data(), found->second.size());
	return static_cast<unsigned int>(found->second.size());
}

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

SSL_CTX *DTLSContext::_create_base_ctx(const SSL_METHOD *p_method, bool p_psk) {
	SSL_CTX *created = SSL_CTX_new(p_method);
	if (created == nullptr) {
		return nullptr;
	}
	const bool configured = SSL_CTX_set_min_proto_version(created, DTLS1_2_VERSION) == 1 &&
			SSL_CTX_set_max_proto_version(created, DTLS1_2_VERSION) == 1 &&
			SSL_CTX_set_cipher_list(created, p_psk ? PSK_CIPHER_LIST : CIPHER_LIST) == 1 &&
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
	// DHE-PSK: the built-in RFC 7919 group matching the security level.
	SSL_CTX_set_dh_auto(created, 1);
	return created;
}

bool DTLSContext::_apply_trust(SSL_CTX *p_ctx, const Trust &p_trust, bool p_verify_chain) {
	TrustData *data = new TrustData();
	data->pins = p_trust.pins;
	data->verify_chain = p_verify_chain;
	data->psk_identity = p_trust.psk_identity;
	data->psk_key = p_trust.psk_key;
	data->psk_keys = p_trust.psk_keys;
	if (SSL_CTX_set_ex_data(p_ctx, trust_data_index(), data) != 1) {
		delete data;
		return _fail(p_ctx, "cannot attach the trust settings");
	}
	if (!p_trust.pins.empty()) {
		SSL_CTX_set_cert_verify_callback(p_ctx, verify_with_pins, data);
	}
	if (p_trust.check_revocation && !p_trust.crls.empty()) {
		X509_STORE *store = SSL_CTX_get_cert_store(p_ctx);
		for (X509_CRL *crl : p_trust.crls) {
			if (crl == nullptr || X509_STORE_add_crl(store, crl) != 1) { // Takes its own reference.
				return _fail(p_ctx, "cannot add a CRL");
			}
		}
		X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
	}
	return true;
}

bool DTLSContext::_use_own_certificate(SSL_CTX *p_ctx, EVP_PKEY *p_key, const std::vector<X509 *> &p_chain) {
	// use_certificate/use_PrivateKey/add1_chain_cert all take their own references.
	if (SSL_CTX_use_certificate(p_ctx, p_chain[0]) != 1 || SSL_CTX_use_PrivateKey(p_ctx, p_key) != 1) {
		return _fail(p_ctx, "cannot use the certificate and key");
	}
	for (size_t i = 1; i < p_chain.size(); i++) {
		if (p_chain[i] == nullptr || SSL_CTX_add1_chain_cert(p_ctx, p_chain[i]) != 1) {
			return _fail(p_ctx, "cannot add a chain certificate");
		}
	}
	if (SSL_CTX_check_private_key(p_ctx) != 1) {
		return _fail(p_ctx, "the private key does not match the certificate");
	}
	return true;
}

bool DTLSContext::_trust_chain(SSL_CTX *p_ctx, const std::vector<X509 *> &p_chain) {
	X509_STORE *store = SSL_CTX_get_cert_store(p_ctx);
	for (X509 *certificate : p_chain) {
		// X509_STORE_add_cert takes its own reference.
		if (certificate == nullptr || X509_STORE_add_cert(store, certificate) != 1) {
			return _fail(p_ctx, "cannot add a trusted certificate");
		}
	}
	return true;
}

std::string DTLSContext::get_trust_failure(SSL *p_ssl) {
	if (SSL_get_verify_result(p_ssl) == X509_V_ERR_APPLICATION_VERIFICATION) {
		return "public key pin mismatch: no key of the peer's certificate chain has one of the pinned SHA-256 digests";
	}
	const unsigned long code = ERR_peek_error();
	if (ERR_GET_LIB(code) == ERR_LIB_SSL && ERR_GET_REASON(code) == SSL_R_PSK_IDENTITY_NOT_FOUND) {
		const char *identity = SSL_get_psk_identity(p_ssl);
		return std::string("unknown PSK identity '") + (identity != nullptr ? identity : "") + "': TLSOptions.server_psk() has no key for it";
	}
	return std::string();
}

bool DTLSContext::_fail(SSL_CTX *p_ctx, const std::string &p_what) {
	SSL_CTX_free(p_ctx);
	last_error = describe_error_queue(p_what);
	return false;
}

bool DTLSContext::setup_client(VerifyMode p_mode, const std::vector<X509 *> &p_trusted_chain, const Trust &p_trust) {
	ERR_clear_error();
	const bool psk = !p_trust.psk_key.empty();
	SSL_CTX *created = _create_base_ctx(DTLS_client_method(), psk);
	if (created == nullptr) {
		return _fail(nullptr, "cannot create the DTLS client context");
	}
	SSL_CTX_set_max_cert_list(created, CLIENT_MAX_CERT_LIST);

	if (psk) {
		SSL_CTX_set_verify(created, SSL_VERIFY_NONE, nullptr);
		SSL_CTX_set_psk_client_callback(created, give_client_psk);
	} else if (p_mode == VerifyMode::NONE && p_trust.pins.empty()) {
		SSL_CTX_set_verify(created, SSL_VERIFY_NONE, nullptr);
	} else {
		SSL_CTX_set_verify(created, SSL_VERIFY_PEER, nullptr);
		if (p_mode != VerifyMode::NONE && p_trusted_chain.empty() && SSL_CTX_set_default_verify_paths(created) != 1) {
			return _fail(created, "cannot load the system CA store");
		}
		if (p_mode != VerifyMode::NONE && !_trust_chain(created, p_trusted_chain)) {
			return false;
		}
	}
	if (!psk && p_trust.client_key != nullptr) {
		if (p_trust.client_chain.empty()) {
			return _fail(created, "a client certificate needs its certificate");
		}
		if (!_use_own_certificate(created, p_trust.client_key, p_trust.client_chain)) {
			return false;
		}
	}
	if (!_apply_trust(created, p_trust, p_mode != VerifyMode::NONE)) {
		return false;
	}

	SSL_CTX_free(ctx);
	ctx = created;
	server = false;
	verify_mode = psk ? VerifyMode::NONE : p_mode;
	last_error.clear();
	return true;
}

bool DTLSContext::setup_server(EVP_PKEY *p_key, const std::vector<X509 *> &p_chain, const Trust &p_trust) {
	ERR_clear_error();
	const bool psk = !p_trust.psk_keys.empty();
	if (!psk && (p_key == nullptr || p_chain.empty() || p_chain[0] == nullptr)) {
		last_error = "a server needs a private key and a certificate";
		return false;
	}
	if (!psk && X509_check_private_key(p_chain[0], p_key) != 1) {
		ERR_clear_error();
		last_error = "the private key does not match the certificate";
		return false;
	}
	SSL_CTX *created = _create_base_ctx(DTLS_server_method(), psk);
	if (created == nullptr) {
		return _fail(nullptr, "cannot create the DTLS server context");
	}
	const bool asks_certificate = !psk && !p_trust.client_ca.empty();
	SSL_CTX_set_max_cert_list(created, asks_certificate ? CLIENT_MAX_CERT_LIST : SERVER_MAX_CERT_LIST);
	if (asks_certificate) {
		const int required = p_trust.client_certificate_required ? SSL_VERIFY_FAIL_IF_NO_PEER_CERT : 0;
		SSL_CTX_set_verify(created, SSL_VERIFY_PEER | required, nullptr);
		if (!_trust_chain(created, p_trust.client_ca)) {
			return false;
		}
		// The CertificateRequest names the accepted issuers, so a client holding
		// several certificates can pick the right one.
		for (X509 *certificate : p_trust.client_ca) {
			SSL_CTX_add_client_CA(created, certificate);
		}
	} else {
		SSL_CTX_set_verify(created, SSL_VERIFY_NONE, nullptr);
	}
	if (psk) {
		SSL_CTX_set_psk_server_callback(created, find_server_psk);
	} else if (!_use_own_certificate(created, p_key, p_chain)) {
		return false;
	}
	if (!_apply_trust(created, p_trust, asks_certificate)) {
		return false;
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
