#pragma once
// TLSOptions: what a (D)TLS client trusts and checks, or what a server presents. Plain data:
// the module's DTLS classes read it. Scripts get one only from the static factories.

#include "core/crypto/crypto_key.h"
#include "core/crypto/x509_certificate.h"

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
	Ref<X509Certificate> own_certificate;
	Ref<CryptoKey> private_key;

protected:
	static void _bind_methods();

public:
	// Verify the peer against p_trusted_chain (the system CA store when null) and its name
	// against p_common_name_override (the connect hostname when empty).
	static Ref<TLSOptions> client(const Ref<X509Certificate> &p_trusted_chain = Ref<X509Certificate>(), const String &p_common_name_override = String());
	// No verification without a chain; with one, the chain is verified but not the name.
	static Ref<TLSOptions> client_unsafe(const Ref<X509Certificate> &p_trusted_chain = Ref<X509Certificate>());
	static Ref<TLSOptions> server(const Ref<CryptoKey> &p_own_key, const Ref<X509Certificate> &p_own_certificate);

	bool is_server() const { return mode == MODE_SERVER; }
	bool is_unsafe_client() const { return mode == MODE_CLIENT_UNSAFE; }
	String get_common_name_override() const { return common_name; }
	Ref<X509Certificate> get_trusted_ca_chain() const { return trusted_ca_chain; }
	Ref<X509Certificate> get_own_certificate() const { return own_certificate; }
	Ref<CryptoKey> get_private_key() const { return private_key; }
};

} // namespace godot
