#include "core/crypto/resource_format_crypto.h"

#include "core/crypto/crypto_key.h"
#include "core/crypto/x509_certificate.h"
#include "core/string/ustring.h"

namespace godot {

String ResourceFormatLoaderCrypto::get_resource_type(const String &p_extension) const {
	return p_extension == "crt" ? "X509Certificate" : "CryptoKey";
}

Ref<Resource> ResourceFormatLoaderCrypto::load(const String &p_path, Error &r_error) {
	const String extension = to_lower(get_extension(p_path)); // The loader was chosen by it, in any case.
	if (extension == "crt") {
		Ref<X509Certificate> certificate(X509Certificate::create());
		r_error = certificate.is_valid() ? certificate->load(p_path) : ERR_UNAVAILABLE;
		return r_error == OK ? Ref<Resource>(certificate) : Ref<Resource>();
	}
	Ref<CryptoKey> key(CryptoKey::create());
	r_error = key.is_valid() ? key->load(p_path, extension == "pub") : ERR_UNAVAILABLE;
	return r_error == OK ? Ref<Resource>(key) : Ref<Resource>();
}

bool ResourceFormatSaverCrypto::recognizes(const Ref<Resource> &p_resource) const {
	return Object::cast_to<X509Certificate>(p_resource.ptr()) || Object::cast_to<CryptoKey>(p_resource.ptr());
}

std::vector<String> ResourceFormatSaverCrypto::get_recognized_extensions(const Ref<Resource> &p_resource) const {
	if (Object::cast_to<X509Certificate>(p_resource.ptr())) {
		return { "crt" };
	}
	const CryptoKey *key = Object::cast_to<CryptoKey>(p_resource.ptr());
	if (!key) {
		return {};
	}
	return key->is_public_only() ? std::vector<String>{ "pub" } : std::vector<String>{ "key", "pub" };
}

Error ResourceFormatSaverCrypto::save(const Ref<Resource> &p_resource, const String &p_path) {
	if (X509Certificate *certificate = Object::cast_to<X509Certificate>(p_resource.ptr())) {
		return certificate->save(p_path);
	}
	CryptoKey *key = Object::cast_to<CryptoKey>(p_resource.ptr());
	return key ? key->save(p_path, to_lower(get_extension(p_path)) == "pub") : ERR_INVALID_PARAMETER;
}

} // namespace godot
