#include "core/crypto/tls_options.h"

namespace godot {

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

void TLSOptions::_bind_methods() {
	ClassDB::bind_static_method("TLSOptions", D_METHOD("client", "trusted_chain", "common_name_override"), &TLSOptions::client, DEFVAL(Variant()), DEFVAL(""));
	ClassDB::bind_static_method("TLSOptions", D_METHOD("client_unsafe", "trusted_chain"), &TLSOptions::client_unsafe, DEFVAL(Variant()));
	ClassDB::bind_static_method("TLSOptions", D_METHOD("server", "key", "certificate"), &TLSOptions::server);
	ClassDB::bind_method(D_METHOD("is_server"), &TLSOptions::is_server);
	ClassDB::bind_method(D_METHOD("is_unsafe_client"), &TLSOptions::is_unsafe_client);
	ClassDB::bind_method(D_METHOD("get_common_name_override"), &TLSOptions::get_common_name_override);
	ClassDB::bind_method(D_METHOD("get_trusted_ca_chain"), &TLSOptions::get_trusted_ca_chain);
	ClassDB::bind_method(D_METHOD("get_private_key"), &TLSOptions::get_private_key);
	ClassDB::bind_method(D_METHOD("get_own_certificate"), &TLSOptions::get_own_certificate);
}

} // namespace godot
