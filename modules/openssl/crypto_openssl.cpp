#include "crypto_openssl.h"

#include "aes_context_openssl.h"
#include "crypto_key_openssl.h"
#include "hashing_context_openssl.h"
#include "hmac_context_openssl.h"
#include "openssl_util.h"
#include "x509_certificate_openssl.h"

#include "core/string/print_string.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

namespace godot {

namespace {

using X509NamePtr = std::unique_ptr<X509_NAME, OpenSSLDeleter<X509_NAME, X509_NAME_free>>;
using EVPMacPtr = std::unique_ptr<EVP_MAC, OpenSSLDeleter<EVP_MAC, EVP_MAC_free>>;
using EVPMacCtxPtr = std::unique_ptr<EVP_MAC_CTX, OpenSSLDeleter<EVP_MAC_CTX, EVP_MAC_CTX_free>>;

// "CN=myserver,O=myorganisation,C=IT" as mbedTLS reads it: comma-separated KEY=VALUE
// pairs, in order, a backslash escaping the next character. Keys are OpenSSL's short or
// long attribute names (CN, O, OU, C, ST, L, emailAddress, ...).
X509_NAME *parse_distinguished_name(const String &p_text, String &r_error) {
	std::vector<String> components(1);
	for (size_t i = 0; i < p_text.size(); i++) {
		if (p_text[i] == '\\' && i + 1 < p_text.size()) {
			components.back() += p_text[++i];
		} else if (p_text[i] == ',') {
			components.emplace_back();
		} else {
			components.back() += p_text[i];
		}
	}
	X509NamePtr name(X509_NAME_new());
	for (const String &component : components) {
		const size_t equals = component.find('=');
		if (equals == String::npos) {
			r_error = vformat("\"%s\" has no '='", component.c_str());
			return nullptr;
		}
		const String key = strip_edges(component.substr(0, equals));
		const String value = component.substr(equals + 1);
		if (key.empty() || value.empty()) {
			r_error = vformat("\"%s\" needs both a key and a value", component.c_str());
			return nullptr;
		}
		if (OBJ_txt2nid(key.c_str()) == NID_undef) {
			r_error = vformat("\"%s\" is not an attribute name (use CN, O, OU, C, ST, L...)", key.c_str());
			return nullptr;
		}
		if (!X509_NAME_add_entry_by_txt(name.get(), key.c_str(), MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(value.c_str()), int(value.size()), -1, 0)) {
			r_error = vformat("\"%s\" is not a valid value for %s%s", value.c_str(), key.c_str(), key == "C" ? " (a two-letter country code)" : "");
			openssl_take_error();
			return nullptr;
		}
	}
	return name.release();
}

// Godot's "YYYYMMDDhhmmss" (UTC) into a certificate time.
bool set_certificate_time(ASN1_TIME *r_time, const String &p_text) {
	if (p_text.size() != 14 || p_text.find_first_not_of("0123456789") != String::npos) {
		return false;
	}
	const bool valid = ASN1_TIME_set_string_X509(r_time, (p_text + "Z").c_str()) == 1;
	openssl_take_error();
	return valid;
}

bool add_extension(X509 *p_certificate, X509V3_CTX *p_context, int p_nid, const char *p_value) {
	X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, p_context, p_nid, p_value);
	const bool added = extension && X509_add_ext(p_certificate, extension, -1) == 1;
	X509_EXTENSION_free(extension);
	return added;
}

// An EVP_PKEY_CTX set up for sign/verify of a precomputed hash: PKCS#1 v1.5 with the hash's
// DigestInfo for RSA (as mbedTLS's pk_sign), plain ECDSA over the hash bytes for EC.
EVP_PKEY_CTX *new_signature_context(EVP_PKEY *p_key, const EVP_MD *p_md, bool p_sign) {
	EVPPKeyCtxPtr context(EVP_PKEY_CTX_new_from_pkey(nullptr, p_key, nullptr));
	if (!context || (p_sign ? EVP_PKEY_sign_init(context.get()) : EVP_PKEY_verify_init(context.get())) != 1) {
		return nullptr;
	}
	if (EVP_PKEY_is_a(p_key, "RSA")) {
		if (EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) != 1 || EVP_PKEY_CTX_set_signature_md(context.get(), p_md) != 1) {
			return nullptr;
		}
	}
	return context.release();
}

bool check_hash(const char *p_who, HashingContext::HashType p_hash_type, const PackedByteArray &p_hash) {
	const EVP_MD *md = CryptoOpenSSL::get_md(p_hash_type);
	if (!md) {
		print_error(vformat("%s: %d is not a HashingContext.HashType.", p_who, int(p_hash_type)));
		return false;
	}
	if (p_hash.size() != EVP_MD_get_size(md)) {
		print_error(vformat("%s: the hash is %d bytes, but a %s hash is %d bytes; pass the digest (HashingContext.finish()), not the message.",
				p_who, int(p_hash.size()), CryptoOpenSSL::get_hash_name(p_hash_type), EVP_MD_get_size(md)));
		return false;
	}
	return true;
}

bool check_rsa(const char *p_who, const CryptoKeyOpenSSL *p_key) {
	if (!EVP_PKEY_is_a(p_key->get_pkey(), "RSA")) {
		print_error(vformat("%s: %s keys cannot encrypt or decrypt; use an RSA key (Crypto.generate_rsa()).", p_who, p_key->describe().c_str()));
		return false;
	}
	return true;
}

} // namespace

Crypto *CryptoOpenSSL::_create_func() {
	return memnew(CryptoOpenSSL);
}

void CryptoOpenSSL::initialize_crypto() {
	Crypto::_create = _create_func;
	CryptoKeyOpenSSL::make_default();
	X509CertificateOpenSSL::make_default();
	HashingContextOpenSSL::make_default();
	HMACContextOpenSSL::make_default();
	AESContextOpenSSL::make_default();
}

void CryptoOpenSSL::finalize_crypto() {
	Crypto::_create = nullptr;
	CryptoKeyOpenSSL::finalize();
	X509CertificateOpenSSL::finalize();
	HashingContextOpenSSL::finalize();
	HMACContextOpenSSL::finalize();
	AESContextOpenSSL::finalize();
}

const EVP_MD *CryptoOpenSSL::get_md(HashingContext::HashType p_hash_type) {
	switch (p_hash_type) {
		case HashingContext::HASH_MD5:
			return EVP_md5();
		case HashingContext::HASH_SHA1:
			return EVP_sha1();
		case HashingContext::HASH_SHA256:
			return EVP_sha256();
	}
	return nullptr;
}

const char *CryptoOpenSSL::get_hash_name(HashingContext::HashType p_hash_type) {
	switch (p_hash_type) {
		case HashingContext::HASH_MD5:
			return "MD5";
		case HashingContext::HASH_SHA1:
			return "SHA-1";
		case HashingContext::HASH_SHA256:
			return "SHA-256";
	}
	return "unknown";
}

PackedByteArray CryptoOpenSSL::generate_random_bytes(int p_bytes) {
	if (p_bytes < 0) {
		print_error(vformat("Crypto.generate_random_bytes: size %d is negative.", p_bytes));
		return PackedByteArray();
	}
	PackedByteArray bytes;
	if (p_bytes == 0) {
		return bytes;
	}
	bytes.resize(size_t(p_bytes));
	if (RAND_bytes(bytes.ptrw(), p_bytes) != 1) {
		print_error(vformat("Crypto.generate_random_bytes: the random generator failed%s.", openssl_error_suffix().c_str()));
		return PackedByteArray();
	}
	return bytes;
}

Ref<CryptoKey> CryptoOpenSSL::generate_rsa(int p_bits) {
	// mbedTLS 3 (Godot) refuses fewer than 1024 bits; OpenSSL's upper limit is 16384.
	if (p_bits < 1024 || p_bits > 16384) {
		print_error(vformat("Crypto.generate_rsa: size %d is out of range; RSA keys are 1024 to 16384 bits (2048 or more recommended).", p_bits));
		return Ref<CryptoKey>();
	}
	EVPPKeyCtxPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
	unsigned int bits = unsigned(p_bits);
	unsigned int exponent = 65537;
	OSSL_PARAM params[] = {
		OSSL_PARAM_construct_uint(OSSL_PKEY_PARAM_RSA_BITS, &bits),
		OSSL_PARAM_construct_uint(OSSL_PKEY_PARAM_RSA_E, &exponent),
		OSSL_PARAM_construct_end(),
	};
	EVP_PKEY *pkey = nullptr;
	if (!context || EVP_PKEY_keygen_init(context.get()) != 1 || EVP_PKEY_CTX_set_params(context.get(), params) != 1 || EVP_PKEY_generate(context.get(), &pkey) != 1) {
		print_error(vformat("Crypto.generate_rsa: key generation failed%s.", openssl_error_suffix().c_str()));
		return Ref<CryptoKey>();
	}
	Ref<CryptoKeyOpenSSL> key(memnew(CryptoKeyOpenSSL));
	key->set_pkey(pkey, false);
	return key;
}

Ref<CryptoKey> CryptoOpenSSL::generate_ec(const String &p_curve) {
	// The curves DTLS 1.2 in OpenSSL signs with (RFC 8422): smaller certificates and faster
	// handshakes than RSA-2048.
	EVP_PKEY *pkey = nullptr;
	if (p_curve == "P-256" || p_curve == "P-384") {
		pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", p_curve.c_str());
	} else if (p_curve == "Ed25519") {
		print_error("Crypto.generate_ec: Ed25519 is not offered: OpenSSL 3.0's DTLS 1.2 finds no cipher suite for an Ed25519 "
					"certificate (`openssl s_server -dtls1_2` with one answers \"no shared cipher\"); use \"P-256\" or \"P-384\".");
		return Ref<CryptoKey>();
	} else {
		print_error(vformat("Crypto.generate_ec: '%s' is not a curve Quickdot offers; use \"P-256\" (the default) or \"P-384\".", p_curve.c_str()));
		return Ref<CryptoKey>();
	}
	if (pkey == nullptr) {
		print_error(vformat("Crypto.generate_ec: key generation failed%s.", openssl_error_suffix().c_str()));
		return Ref<CryptoKey>();
	}
	Ref<CryptoKeyOpenSSL> key(memnew(CryptoKeyOpenSSL));
	key->set_pkey(pkey, false);
	return key;
}

Ref<X509Certificate> CryptoOpenSSL::generate_self_signed_certificate(const Ref<CryptoKey> &p_key, const String &p_issuer_name, const String &p_not_before, const String &p_not_after) {
	const char *const who = "Crypto.generate_self_signed_certificate";
	CryptoKeyOpenSSL *key = CryptoKeyOpenSSL::get_usable(who, p_key, true);
	if (!key) {
		return Ref<X509Certificate>();
	}
	String name_error;
	X509NamePtr name(parse_distinguished_name(p_issuer_name, name_error));
	if (!name) {
		print_error(vformat("%s: issuer_name \"%s\" is malformed: %s. Expected comma-separated KEY=VALUE pairs such as \"CN=myserver,O=myorganisation,C=IT\".", who, p_issuer_name.c_str(), name_error.c_str()));
		return Ref<X509Certificate>();
	}
	X509Ptr certificate(X509_new());
	if (!certificate) {
		print_error(vformat("%s: out of memory%s.", who, openssl_error_suffix().c_str()));
		return Ref<X509Certificate>();
	}
	if (!set_certificate_time(X509_getm_notBefore(certificate.get()), p_not_before) || !set_certificate_time(X509_getm_notAfter(certificate.get()), p_not_after)) {
		print_error(vformat("%s: not_before \"%s\" / not_after \"%s\" must be UTC dates written YYYYMMDDhhmmss, such as \"20140101000000\".", who, p_not_before.c_str(), p_not_after.c_str()));
		return Ref<X509Certificate>();
	}
	if (ASN1_TIME_compare(X509_get0_notBefore(certificate.get()), X509_get0_notAfter(certificate.get())) > 0) {
		print_error(vformat("%s: not_after \"%s\" is before not_before \"%s\".", who, p_not_after.c_str(), p_not_before.c_str()));
		return Ref<X509Certificate>();
	}

	// A random, positive 20-byte serial number, as Godot makes.
	unsigned char serial_bytes[20];
	if (RAND_bytes(serial_bytes, sizeof(serial_bytes)) != 1) {
		print_error(vformat("%s: the random generator failed%s.", who, openssl_error_suffix().c_str()));
		return Ref<X509Certificate>();
	}
	serial_bytes[0] = (serial_bytes[0] & 0x7F) | 0x01;
	BIGNUM *serial = BN_bin2bn(serial_bytes, sizeof(serial_bytes), nullptr);
	const bool serial_set = serial && BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(certificate.get()));
	BN_free(serial);

	// X.509 v3, subject = issuer, a CA that can sign nothing below itself (Godot's
	// basicConstraints CA:TRUE, pathlen:0), SHA-256.
	X509V3_CTX extensions;
	X509V3_set_ctx(&extensions, certificate.get(), certificate.get(), nullptr, nullptr, 0);
	const bool built = serial_set && X509_set_version(certificate.get(), X509_VERSION_3) == 1 &&
			X509_set_subject_name(certificate.get(), name.get()) == 1 && X509_set_issuer_name(certificate.get(), name.get()) == 1 &&
			X509_set_pubkey(certificate.get(), key->get_pkey()) == 1 &&
			add_extension(certificate.get(), &extensions, NID_basic_constraints, "critical,CA:TRUE,pathlen:0") &&
			add_extension(certificate.get(), &extensions, NID_subject_key_identifier, "hash") &&
			X509_sign(certificate.get(), key->get_pkey(), EVP_sha256()) > 0;
	if (!built) {
		print_error(vformat("%s: could not build the certificate with the %s key%s.", who, key->describe().c_str(), openssl_error_suffix().c_str()));
		return Ref<X509Certificate>();
	}
	Ref<X509CertificateOpenSSL> result(memnew(X509CertificateOpenSSL));
	result->add_certificate(certificate.release());
	return result;
}

PackedByteArray CryptoOpenSSL::sign(HashingContext::HashType p_hash_type, const PackedByteArray &p_hash, const Ref<CryptoKey> &p_key) {
	if (!check_hash("Crypto.sign", p_hash_type, p_hash)) {
		return PackedByteArray();
	}
	CryptoKeyOpenSSL *key = CryptoKeyOpenSSL::get_usable("Crypto.sign", p_key, true);
	if (!key) {
		return PackedByteArray();
	}
	EVPPKeyCtxPtr context(new_signature_context(key->get_pkey(), get_md(p_hash_type), true));
	size_t size = 0;
	PackedByteArray signature;
	bool signed_ok = context && EVP_PKEY_sign(context.get(), nullptr, &size, p_hash.ptr(), size_t(p_hash.size())) == 1;
	if (signed_ok) {
		signature.resize(size);
		signed_ok = EVP_PKEY_sign(context.get(), signature.ptrw(), &size, p_hash.ptr(), size_t(p_hash.size())) == 1;
	}
	if (!signed_ok) {
		print_error(vformat("Crypto.sign: signing a %s hash with the %s key failed%s.", get_hash_name(p_hash_type), key->describe().c_str(), openssl_error_suffix().c_str()));
		return PackedByteArray();
	}
	signature.resize(size);
	return signature;
}

bool CryptoOpenSSL::verify(HashingContext::HashType p_hash_type, const PackedByteArray &p_hash, const PackedByteArray &p_signature, const Ref<CryptoKey> &p_key) {
	if (!check_hash("Crypto.verify", p_hash_type, p_hash)) {
		return false;
	}
	CryptoKeyOpenSSL *key = CryptoKeyOpenSSL::get_usable("Crypto.verify", p_key, false);
	if (!key) {
		return false;
	}
	// A mismatch is an answer, not an error; a signature that cannot be one is worth a line.
	if (EVP_PKEY_is_a(key->get_pkey(), "RSA") && p_signature.size() != EVP_PKEY_get_size(key->get_pkey())) {
		print_error(vformat("Crypto.verify: the signature is %d bytes, but %s signatures are %d bytes (truncated?).", int(p_signature.size()), key->describe().c_str(), EVP_PKEY_get_size(key->get_pkey())));
		return false;
	}
	EVPPKeyCtxPtr context(new_signature_context(key->get_pkey(), get_md(p_hash_type), false));
	if (!context) {
		print_error(vformat("Crypto.verify: cannot verify with the %s key%s.", key->describe().c_str(), openssl_error_suffix().c_str()));
		return false;
	}
	const int result = EVP_PKEY_verify(context.get(), p_signature.ptr(), size_t(p_signature.size()), p_hash.ptr(), size_t(p_hash.size()));
	if (result < 0) {
		print_error(vformat("Crypto.verify: the signature is malformed for the %s key (truncated?)%s.", key->describe().c_str(), openssl_error_suffix().c_str()));
		return false;
	}
	openssl_take_error();
	return result == 1;
}

PackedByteArray CryptoOpenSSL::encrypt(const Ref<CryptoKey> &p_key, const PackedByteArray &p_plaintext) {
	CryptoKeyOpenSSL *key = CryptoKeyOpenSSL::get_usable("Crypto.encrypt", p_key, false);
	if (!key || !check_rsa("Crypto.encrypt", key)) {
		return PackedByteArray();
	}
	const int limit = EVP_PKEY_get_size(key->get_pkey()) - RSA_PKCS1_PADDING_SIZE;
	if (p_plaintext.size() > limit) {
		print_error(vformat("Crypto.encrypt: the plaintext is %d bytes, but an %s key encrypts at most %d bytes (PKCS#1 v1.5).", int(p_plaintext.size()), key->describe().c_str(), limit));
		return PackedByteArray();
	}
	EVPPKeyCtxPtr context(EVP_PKEY_CTX_new_from_pkey(nullptr, key->get_pkey(), nullptr));
	size_t size = 0;
	PackedByteArray ciphertext;
	bool done = context && EVP_PKEY_encrypt_init(context.get()) == 1 && EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) == 1 &&
			EVP_PKEY_encrypt(context.get(), nullptr, &size, p_plaintext.ptr(), size_t(p_plaintext.size())) == 1;
	if (done) {
		ciphertext.resize(size);
		done = EVP_PKEY_encrypt(context.get(), ciphertext.ptrw(), &size, p_plaintext.ptr(), size_t(p_plaintext.size())) == 1;
	}
	if (!done) {
		print_error(vformat("Crypto.encrypt: encryption with the %s key failed%s.", key->describe().c_str(), openssl_error_suffix().c_str()));
		return PackedByteArray();
	}
	ciphertext.resize(size);
	return ciphertext;
}

PackedByteArray CryptoOpenSSL::decrypt(const Ref<CryptoKey> &p_key, const PackedByteArray &p_ciphertext) {
	CryptoKeyOpenSSL *key = CryptoKeyOpenSSL::get_usable("Crypto.decrypt", p_key, true);
	if (!key || !check_rsa("Crypto.decrypt", key)) {
		return PackedByteArray();
	}
	if (p_ciphertext.size() != EVP_PKEY_get_size(key->get_pkey())) {
		print_error(vformat("Crypto.decrypt: the ciphertext is %d bytes, but %s ciphertexts are %d bytes.", int(p_ciphertext.size()), key->describe().c_str(), EVP_PKEY_get_size(key->get_pkey())));
		return PackedByteArray();
	}
	EVPPKeyCtxPtr context(EVP_PKEY_CTX_new_from_pkey(nullptr, key->get_pkey(), nullptr));
	size_t size = 0;
	PackedByteArray plaintext;
	bool done = context && EVP_PKEY_decrypt_init(context.get()) == 1 && EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) == 1 &&
			EVP_PKEY_decrypt(context.get(), nullptr, &size, p_ciphertext.ptr(), size_t(p_ciphertext.size())) == 1;
	if (done) {
		plaintext.resize(size);
		done = EVP_PKEY_decrypt(context.get(), plaintext.ptrw(), &size, p_ciphertext.ptr(), size_t(p_ciphertext.size())) == 1;
	}
	if (!done) {
		openssl_take_error();
		print_error(vformat("Crypto.decrypt: decryption failed: the ciphertext was not encrypted for this %s key, or it is corrupt.", key->describe().c_str()));
		return PackedByteArray();
	}
	plaintext.resize(size);
	return plaintext;
}

PackedByteArray CryptoOpenSSL::hmac_digest(HashingContext::HashType p_hash_type, const PackedByteArray &p_key, const PackedByteArray &p_msg) {
	// As Godot's HMACContext: SHA-1 and SHA-256 only.
	if (p_hash_type != HashingContext::HASH_SHA1 && p_hash_type != HashingContext::HASH_SHA256) {
		print_error(vformat("Crypto.hmac_digest: %s is not supported for HMAC; use HASH_SHA256 or HASH_SHA1.", get_hash_name(p_hash_type)));
		return PackedByteArray();
	}
	EVPMacPtr mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
	EVPMacCtxPtr context(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr);
	const OSSL_PARAM params[] = {
		OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char *>(p_hash_type == HashingContext::HASH_SHA1 ? "SHA1" : "SHA256"), 0),
		OSSL_PARAM_construct_end(),
	};
	// An empty key is a valid HMAC key; OpenSSL only needs a non-null pointer for it.
	static const unsigned char no_key = 0;
	const unsigned char *key = p_key.is_empty() ? &no_key : p_key.ptr();
	PackedByteArray digest;
	digest.resize(EVP_MAX_MD_SIZE);
	size_t size = 0;
	const bool done = context && EVP_MAC_init(context.get(), key, size_t(p_key.size()), params) == 1 &&
			(p_msg.is_empty() || EVP_MAC_update(context.get(), p_msg.ptr(), size_t(p_msg.size())) == 1) &&
			EVP_MAC_final(context.get(), digest.ptrw(), &size, size_t(digest.size())) == 1;
	if (!done) {
		print_error(vformat("Crypto.hmac_digest: HMAC-%s failed%s.", get_hash_name(p_hash_type), openssl_error_suffix().c_str()));
		return PackedByteArray();
	}
	digest.resize(size);
	return digest;
}

bool CryptoOpenSSL::constant_time_compare(const PackedByteArray &p_trusted, const PackedByteArray &p_received) {
	if (p_trusted.size() != p_received.size()) {
		return false;
	}
	return p_trusted.is_empty() || CRYPTO_memcmp(p_trusted.ptr(), p_received.ptr(), size_t(p_trusted.size())) == 0;
}

} // namespace godot
