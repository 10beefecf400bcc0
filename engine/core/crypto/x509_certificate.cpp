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
	ClassDB::bind_method(D_METHOD("get_subject"), &X509Certificate::get_subject)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("get_issuer"), &X509Certificate::get_issuer)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("get_serial"), &X509Certificate::get_serial)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("get_not_before"), &X509Certificate::get_not_before)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("get_not_after"), &X509Certificate::get_not_after)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("get_sha256_fingerprint"), &X509Certificate::get_sha256_fingerprint)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("get_subject_alt_names"), &X509Certificate::get_subject_alt_names)->set_quickdot_extension();
	ClassDB::bind_method(D_METHOD("get_public_key_pin"), &X509Certificate::get_public_key_pin)->set_quickdot_extension();
}

} // namespace godot
