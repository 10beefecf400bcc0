#include "core/crypto/tls_options.h"

#include "core/io/base64.h"
#include "core/string/print_string.h"

namespace godot {

bool (*TLSOptions::_validate_crl_pem)(const String &p_pem, String &r_why) = nullptr;

namespace {

constexpr const char *PIN_PREFIX = "sha256/";
constexpr int64_t PIN_DIGEST_SIZE = 32;

Ref<TLSOptions> refuse(const char *p_method, const String &p_why) {
	print_error(String("TLSOptions.") + p_method + ": " + p_why + "; no options were made.");
	return Ref<TLSOptions>();
}

} // namespace

Ref<TLSOptions> TLSOptions::client(const Ref<X509Certificate> &p_trusted_chain, const String &p_common_name_override) {
	Ref<TLSOptions> options;
	options.instantiate();
	options->mode = MODE_CLIENT;
	options->trusted_ca_chain = p_trusted_chain;
	options->common_name = p_common_name_override;
	return options;
}

Ref<TLSOptions> TLSOptions::client_unsafe(const Ref<X509Certificate> &p_trusted_chain) {
	Ref<TLSOptions> options;
	options.instantiate();
	options->mode = MODE_CLIENT_UNSAFE;
	options->trusted_ca_chain = p_trusted_chain;
	return options;
}

Ref<TLSOptions> TLSOptions::server(const Ref<CryptoKey> &p_own_key, const Ref<X509Certificate> &p_own_certificate) {
	Ref<TLSOptions> options;
	options.instantiate();
	options->mode = MODE_SERVER;
	options->private_key = p_own_key;
	options->own_certificate = p_own_certificate;
	return options;
}

Ref<TLSOptions> TLSOptions::_copy() const {
	Ref<TLSOptions> copy;
	copy.instantiate();
	copy->mode = mode;
	copy->common_name = common_name;
	copy->trusted_ca_chain = trusted_ca_chain;
	copy->own_certificate = own_certificate;
	copy->private_key = private_key;
	copy->public_key_pins = public_key_pins;
	copy->revocation_checked = revocation_checked;
	copy->crl_pem = crl_pem;
	copy->client_ca_chain = client_ca_chain;
	copy->client_certificate_required = client_certificate_required;
	copy->psk_identity = psk_identity;
	copy->psk_key = psk_key;
	copy->psk_keys = psk_keys;
	return copy;
}

Ref<TLSOptions> TLSOptions::pin_public_keys(const PackedStringArray &p_pins) const {
	if (p_pins.is_empty()) {
		return refuse("pin_public_keys", "pins is empty; pass at least one \"sha256/<base64>\" pin (X509Certificate.get_public_key_pin() gives one)");
	}
	if (uses_psk()) {
		return refuse("pin_public_keys", "these are PSK options, where no certificate is sent; pin keys on certificate options");
	}
	std::vector<PackedByteArray> digests;
	for (const String &pin : p_pins) {
		PackedByteArray digest;
		const bool prefixed = begins_with(pin, PIN_PREFIX);
		if (!prefixed || !base64_decode(pin.substr(std::char_traits<char>::length(PIN_PREFIX)), digest) || digest.size() != PIN_DIGEST_SIZE) {
			return refuse("pin_public_keys", vformat("'%s' is not a pin; a pin is \"sha256/\" and the base64 of a 32-byte SHA-256, as "
													 "X509Certificate.get_public_key_pin() and curl's --pinnedpubkey write it",
													 pin.c_str()));
		}
		digests.push_back(digest);
	}
	Ref<TLSOptions> copy = _copy();
	copy->public_key_pins.insert(copy->public_key_pins.end(), digests.begin(), digests.end());
	return copy;
}

Ref<TLSOptions> TLSOptions::check_revocation(const String &p_crl_pem) const {
	if (uses_psk()) {
		return refuse("check_revocation", "these are PSK options, where no certificate is sent");
	}
	if (mode == MODE_CLIENT_UNSAFE && trusted_ca_chain.is_null()) {
		return refuse("check_revocation", "client_unsafe() without a trusted_chain verifies no chain to check; pass the CA to client() or client_unsafe()");
	}
	String why;
	if (!_validate_crl_pem) {
		return refuse("check_revocation", "no crypto module is loaded to read CRLs");
	}
	if (!_validate_crl_pem(p_crl_pem, why)) {
		return refuse("check_revocation", why);
	}
	Ref<TLSOptions> copy = _copy();
	copy->revocation_checked = true;
	copy->crl_pem += p_crl_pem;
	return copy;
}

Ref<TLSOptions> TLSOptions::with_certificate(const Ref<CryptoKey> &p_key, const Ref<X509Certificate> &p_certificate) const {
	if (mode == MODE_SERVER) {
		return refuse("with_certificate", "these are server options, which present a certificate already; with_certificate() is for client options");
	}
	if (uses_psk()) {
		return refuse("with_certificate", "these are PSK options, where no certificate is sent");
	}
	if (p_key.is_null() || p_certificate.is_null()) {
		return refuse("with_certificate", "key and certificate must both be given (Crypto.generate_rsa/generate_ec and a certificate issued for that key)");
	}
	Ref<TLSOptions> copy = _copy();
	copy->private_key = p_key;
	copy->own_certificate = p_certificate;
	return copy;
}

Ref<TLSOptions> TLSOptions::require_client_certificate(const Ref<X509Certificate> &p_trusted_chain, bool p_required) const {
	if (mode != MODE_SERVER) {
		return refuse("require_client_certificate", "these are client options; call it on TLSOptions.server(key, certificate)");
	}
	if (uses_psk()) {
		return refuse("require_client_certificate", "these are PSK options, where no certificate is sent");
	}
	if (p_trusted_chain.is_null()) {
		return refuse("require_client_certificate", "trusted_chain is null; pass the CA that issues your clients' certificates");
	}
	Ref<TLSOptions> copy = _copy();
	copy->client_ca_chain = p_trusted_chain;
	copy->client_certificate_required = p_required;
	return copy;
}

Ref<TLSOptions> TLSOptions::client_psk(const String &p_identity, const PackedByteArray &p_key) {
	if (p_identity.empty() || p_identity.size() > 128) {
		return refuse("client_psk", vformat("the identity is %d bytes; it must be 1 to 128 bytes of UTF-8", int(p_identity.size())));
	}
	if (p_key.is_empty() || p_key.size() > 256) {
		return refuse("client_psk", vformat("the key is %d bytes; a pre-shared key is 1 to 256 bytes (16 or more random bytes, e.g. Crypto.generate_random_bytes(32))", int(p_key.size())));
	}
	Ref<TLSOptions> options;
	options.instantiate();
	options->mode = MODE_CLIENT;
	options->psk_identity = p_identity;
	options->psk_key = p_key;
	return options;
}

Ref<TLSOptions> TLSOptions::server_psk(const Dictionary &p_keys) {
	if (p_keys.is_empty()) {
		return refuse("server_psk", "keys is empty; pass a Dictionary from each client identity (String) to its key (PackedByteArray)");
	}
	std::map<String, PackedByteArray> keys;
	for (const auto &entry : p_keys.entries()) {
		const Variant::Type key_type = entry.first.get_type();
		if (key_type != Variant::STRING && key_type != Variant::STRING_NAME) {
			return refuse("server_psk", vformat("keys has a key of type %s; identities are Strings", Variant::get_type_name(key_type)));
		}
		const String identity = entry.first.to_string_value();
		if (entry.second.get_type() != Variant::PACKED_BYTE_ARRAY) {
			return refuse("server_psk", vformat("the key of identity '%s' is a %s; keys are PackedByteArray (Uint8Array)", identity.c_str(), Variant::get_type_name(entry.second.get_type())));
		}
		const PackedByteArray key = entry.second.to_packed_byte_array();
		if (identity.empty() || identity.size() > 128) {
			return refuse("server_psk", vformat("an identity is %d bytes; identities are 1 to 128 bytes of UTF-8", int(identity.size())));
		}
		if (key.is_empty() || key.size() > 256) {
			return refuse("server_psk", vformat("the key of identity '%s' is %d bytes; a pre-shared key is 1 to 256 bytes", identity.c_str(), int(key.size())));
		}
		keys[identity] = key;
	}
	Ref<TLSOptions> options;
	options.instantiate();
	options->mode = MODE_SERVER;
	options->psk_keys = std::move(keys);
	return options;
}

void TLSOptions::_bind_methods() {
	ClassDB::bind_static_method("TLSOptions", D_METHOD("client", "trusted_chain", "common_name_override"), &TLSOptions::client, DEFVAL(Variant()), DEFVAL(""))->set_return_required();
	ClassDB::bind_static_method("TLSOptions", D_METHOD("client_unsafe", "trusted_chain"), &TLSOptions::client_unsafe, DEFVAL(Variant()))->set_return_required();
	ClassDB::bind_static_method("TLSOptions", D_METHOD("server", "key", "certificate"), &TLSOptions::server)->set_return_required();
	ClassDB::bind_method(D_METHOD("is_server"), &TLSOptions::is_server);
	ClassDB::bind_method(D_METHOD("is_unsafe_client"), &TLSOptions::is_unsafe_client);
	ClassDB::bind_method(D_METHOD("get_common_name_override"), &TLSOptions::get_common_name_override);
	ClassDB::bind_method(D_METHOD("get_trusted_ca_chain"), &TLSOptions::get_trusted_ca_chain);
	ClassDB::bind_method(D_METHOD("get_private_key"), &TLSOptions::get_private_key);
	ClassDB::bind_method(D_METHOD("get_own_certificate"), &TLSOptions::get_own_certificate);

	ClassDB::bind_method(D_METHOD("pin_public_keys", "pins"), &TLSOptions::pin_public_keys)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("check_revocation", "crl_pem"), &TLSOptions::check_revocation)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("with_certificate", "key", "certificate"), &TLSOptions::with_certificate)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("require_client_certificate", "trusted_chain", "required"), &TLSOptions::require_client_certificate, DEFVAL(true))->set_quickdot_extension();
	ClassDB::bind_static_method("TLSOptions", D_METHOD("client_psk", "identity", "key"), &TLSOptions::client_psk)->set_quickdot_extension();
	ClassDB::bind_static_method("TLSOptions", D_METHOD("server_psk", "keys"), &TLSOptions::server_psk)->set_quickdot_extension();
}

} // namespace godot
