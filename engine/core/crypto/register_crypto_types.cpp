#include "core/crypto/register_crypto_types.h"

#include "core/crypto/aes_context.h"
#include "core/crypto/crypto.h"
#include "core/crypto/hmac_context.h"
#include "core/crypto/resource_format_crypto.h"
#include "core/crypto/tls_options.h"
#include "core/string/print_string.h"

namespace godot {

void register_crypto_types() {
	ClassDB::register_custom_instance_class<HashingContext>();
	ClassDB::register_custom_instance_class<HMACContext>();
	ClassDB::register_custom_instance_class<AESContext>();
	ClassDB::register_custom_instance_class<CryptoKey>();
	ClassDB::register_custom_instance_class<X509Certificate>();
	ClassDB::register_custom_instance_class<Crypto>();
	ClassDB::register_abstract_class<TLSOptions>();

	// Removed again by unregister_core_types().
	ResourceLoader::add_resource_format_loader(std::make_unique<ResourceFormatLoaderCrypto>());
	ResourceSaver::add_resource_format_saver(std::make_unique<ResourceFormatSaverCrypto>());
}

void print_crypto_module_missing(const StringName &p_class) {
	print_error(vformat("%s is not available: the OpenSSL module is not loaded. Check that the project's .gdextension file for quickdot_openssl exists and its library builds.", p_class.c_str()));
}

} // namespace godot
