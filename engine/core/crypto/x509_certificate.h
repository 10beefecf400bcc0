#pragma once
// X509Certificate: one certificate or a chain of them (leaf first), loaded from and saved to
// PEM. Implemented by the OpenSSL module through the _create hook.

#include "core/io/resource.h"

namespace godot {

class X509Certificate : public Resource {
	GDCLASS(X509Certificate, Resource)

protected:
	static void _bind_methods();
	static X509Certificate *(*_create)();

public:
	// A new, empty certificate from the loaded crypto module, or nullptr (with a printed reason).
	static X509Certificate *create();

	virtual Error save(const String &p_path) = 0;
	// As in Godot, loading appends to the certificates already held, so several files can
	// build one trust chain.
	virtual Error load(const String &p_path) = 0;
	virtual String save_to_string() = 0;
	virtual Error load_from_string(const String &p_string) = 0;

	// Quickdot extensions: what the first (leaf) certificate says. On an empty certificate each
	// prints why and returns an empty value.
	virtual String get_subject() const = 0; // RFC 2253: "CN=player1,O=Studio", most specific first.
	virtual String get_issuer() const = 0;
	virtual String get_serial() const = 0; // Uppercase hex, as `openssl x509 -serial` prints it.
	virtual int64_t get_not_before() const = 0; // Unix seconds.
	virtual int64_t get_not_after() const = 0;
	virtual String get_sha256_fingerprint() const = 0; // Lowercase hex of the DER's SHA-256.
	virtual PackedStringArray get_subject_alt_names() const = 0; // DNS names, addresses, e-mails, URIs.
	virtual String get_public_key_pin() const = 0; // "sha256/<base64>", for TLSOptions.pin_public_keys.
};

} // namespace godot
