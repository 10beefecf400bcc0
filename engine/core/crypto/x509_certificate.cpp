#include "core/crypto/x509_certificate.h"

#include "core/crypto/register_crypto_types.h"

namespace godot {

X509Certificate *(*X509Certificate::_create)() = nullptr;

X509Certificate *X509Certificate::create() {
	if (!_create) {
		print_crypto_module_missing(get_class_static());
		return nullptr;
	}
	return _create();
}

void X509Certificate::_bind_methods() {
	ClassDB::bind_method(D_METHOD("save", "path"), &X509Certificate::save);
	ClassDB::bind_method(D_METHOD("load", "path"), &X509Certificate::load);
	ClassDB::bind_method(D_METHOD("save_to_string"), &X509Certificate::save_to_string);
	ClassDB::bind_method(D_METHOD("load_from_string", "string"), &X509Certificate::load_from_string);
}

} // namespace godot
