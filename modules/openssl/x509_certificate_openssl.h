#pragma once
// X509Certificate over OpenSSL X509 objects: one certificate or a chain, leaf first.
// A plain subclass (no GDCLASS of its own), so scripts see it as X509Certificate.

#include "core/crypto/x509_certificate.h"

#include <openssl/x509.h>

#include <vector>

namespace godot {

class X509CertificateOpenSSL : public X509Certificate {
	std::vector<X509 *> chain;

	static X509Certificate *_create_func();
	Error _parse_append(const char *p_who, const String &p_data, const String &p_source);
	String _encode(const char *p_who);
	// The leaf, or nullptr after printing that p_method needs a certificate.
	X509 *_leaf_for(const char *p_method) const;

public:
	// Install / remove this class as the engine's X509Certificate implementation.
	static void make_default();
	static void finalize();

	// The OpenSSL certificate behind a script's X509Certificate, or nullptr (with one printed
	// line naming p_who) when it is null or holds no certificate.
	static X509CertificateOpenSSL *get_usable(const char *p_who, const Ref<X509Certificate> &p_certificate);

	X509CertificateOpenSSL() = default;
	~X509CertificateOpenSSL() override;

	Error save(const String &p_path) override;
	Error load(const String &p_path) override;
	String save_to_string() override;
	Error load_from_string(const String &p_string) override;
	String get_subject() const override;
	String get_issuer() const override;
	String get_serial() const override;
	int64_t get_not_before() const override;
	int64_t get_not_after() const override;
	String get_sha256_fingerprint() const override;
	PackedStringArray get_subject_alt_names() const override;
	String get_public_key_pin() const override;

	// For the module's DTLS and crypto code: every certificate held, in file order (the
	// first is the leaf), owned by this object. Callers that keep one longer take a
	// reference (X509_up_ref).
	const std::vector<X509 *> &get_chain() const { return chain; }
	X509 *get_leaf() const { return chain.empty() ? nullptr : chain.front(); }
	// Takes ownership of p_certificate and appends it to the chain.
	void add_certificate(X509 *p_certificate);
	// True when the leaf certificate's public key is p_key's (a server's key and certificate
	// belong together).
	bool matches_key(EVP_PKEY *p_key) const;
};

} // namespace godot
