/**************************************************************************/
/*  public_key_pin.cpp                                                    */
/**************************************************************************/
/*  Quickdot: OpenSSL DTLS core (engine independent).                     */
/**************************************************************************/

#include "public_key_pin.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace godot::dtls {

namespace {

constexpr const char *PIN_PREFIX = "sha256/";
constexpr size_t PIN_BASE64_LENGTH = 44; // 32 bytes: 43 characters and one '='.

} // namespace

bool public_key_pin_of(X509 *p_certificate, PublicKeyPin &r_pin) {
	if (p_certificate == nullptr) {
		return false;
	}
	unsigned char *der = nullptr;
	const int der_size = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(p_certificate), &der);
	if (der_size <= 0) {
		return false;
	}
	unsigned int digest_size = 0;
	const bool hashed = EVP_Digest(der, size_t(der_size), r_pin.data(), &digest_size, EVP_sha256(), nullptr) == 1 && digest_size == r_pin.size();
	OPENSSL_free(der);
	return hashed;
}

std::string public_key_pin_text(X509 *p_certificate) {
	PublicKeyPin pin;
	if (!public_key_pin_of(p_certificate, pin)) {
		return std::string();
	}
	unsigned char encoded[PIN_BASE64_LENGTH + 1];
	const int length = EVP_EncodeBlock(encoded, pin.data(), int(pin.size()));
	return PIN_PREFIX + std::string(reinterpret_cast<const char *>(encoded), size_t(length));
}

} // namespace godot::dtls
