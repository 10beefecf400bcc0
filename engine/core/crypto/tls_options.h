#pragma once
// TLSOptions: what a (D)TLS client trusts and checks, or what a server presents. Plain data:
// the module's DTLS classes read it. Scripts get one only from the static factories, and the
// Quickdot extensions (pinning, revocation, client certificates, PSK) return a changed copy, so
// an options object never changes once made, as in Godot.

#include "core/crypto/crypto_key.h"
#include "core/crypto/x509_certificate.h"

#include <map>

namespace godot {

class TLSOptions : public RefCounted {
	GDCLASS(TLSOptions, RefCounted)

	enum Mode {
		MODE_CLIENT,
		MODE_CLIENT_UNSAFE,
		MODE_SERVER,
	};

	Mode mode = MODE_CLIENT;
	String common_name;
	Ref<X509Certificate> trusted_ca_chain;
	// A server's certificate, or the one a client presents (with_certificate).
	Ref<X509Certificate> own_certificate;
	Ref<CryptoKey> private_key;

	std::vector<PackedByteArray> public_key_pins; // SHA-256 digests of SubjectPublicKeyInfo.
	bool revocation_checked = false;
	String crl_pem;
	Ref<X509Certificate> client_ca_chain; // Server: verifies client certificates.
	bool client_certificate_required = false;
	String psk_identity; // Client.
	PackedByteArray psk_key; // Client.
	std::map<String, PackedByteArray> psk_keys; // Server: identity -> key.

	Ref<TLSOptions> _copy() const;

protected:
	static void _bind_methods();

public:
	// Installed by the crypto module: false, with the reason, when p_pem is not a set of CRLs.
	static bool (*_validate_crl_pem)(const String &p_pem, String &r_why);

	// Verify the peer against p_trusted_chain (the system CA store when null) and its name
	// against p_common_name_override (the connect hostname when empty).
	static Ref<TLSOptions> client(const Ref<X509Certificate> &p_trusted_chain = Ref<X509Certificate>(), const String &p_common_name_override = String());
	// No verification without a chain; with one, the chain is verified but not the name.
	static Ref<TLSOptions> client_unsafe(const Ref<X509Certificate> &p_trusted_chain = Ref<X509Certificate>());
	static Ref<TLSOptions> server(const Ref<CryptoKey> &p_own_key, const Ref<X509Certificate> &p_own_certificate);

	// Quickdot extensions. Each returns a copy with the change, or null (with a printed reason)
	// when the arguments cannot work.
	// The peer's chain must hold a key whose pin ("sha256/<base64>") is one of p_pins; on
	// client_unsafe() options the pin replaces CA verification.
	Ref<TLSOptions> pin_public_keys(const PackedStringArray &p_pins) const;
	// Every certificate of the peer's chain is checked against these CRLs (PEM, concatenated).
	Ref<TLSOptions> check_revocation(const String &p_crl_pem) const;
	// Client: present this certificate to servers that ask for one.
	Ref<TLSOptions> with_certificate(const Ref<CryptoKey> &p_key, const Ref<X509Certificate> &p_certificate) const;
	// Server: ask clients for a certificate and verify it against p_trusted_chain.
	Ref<TLSOptions> require_client_certificate(const Ref<X509Certificate> &p_trusted_chain, bool p_required = true) const;
	// Pre-shared keys instead of certificates.
	static Ref<TLSOptions> client_psk(const String &p_identity, const PackedByteArray &p_key);
	static Ref<TLSOptions> server_psk(const Dictionary &p_keys);

	bool is_server() const { return mode == MODE_SERVER; }
	bool is_unsafe_client() const { return mode == MODE_CLIENT_UNSAFE; }
	String get_common_name_override() const { return common_name; }
	Ref<X509Certificate> get_trusted_ca_chain() const { return trusted_ca_chain; }
	Ref<X509Certificate> get_own_certificate() const { return own_certificate; }
	Ref<CryptoKey> get_private_key() const { return private_key; }

	const std::vector<PackedByteArray> &get_public_key_pins() const { return public_key_pins; }
	bool is_revocation_checked() const { return revocation_checked; }
	const String &get_crl_pem() const { return crl_pem; }
	Ref<X509Certificate> get_client_ca_chain() const { return client_ca_chain; }
	bool is_client_certificate_required() const { return client_certificate_required; }
	bool uses_psk() const { return !psk_key.is_empty() || !psk_keys.empty(); }
	const String &get_psk_identity() const { return psk_identity; }
	const PackedByteArray &get_psk_key() const { return psk_key; }
	const std::map<String, PackedByteArray> &get_psk_keys() const { return psk_keys; }
};

} // namespace godot
