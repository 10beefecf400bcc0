#pragma once
// Crypto: key and certificate generation, signatures, RSA encryption, HMAC, random bytes.
// Every operation needs a crypto library, so all of it lives in the module (see _create).

#include "core/crypto/crypto_key.h"
#include "core/crypto/hashing_context.h"
#include "core/crypto/x509_certificate.h"

namespace godot {

class Crypto : public RefCounted {
	GDCLASS(Crypto, RefCounted)

protected:
	static void _bind_methods();
	static Crypto *(*_create)();

public:
	// A new Crypto from the loaded crypto module, or nullptr (with a printed reason).
	static Crypto *create();

	virtual PackedByteArray generate_random_bytes(int p_bytes) = 0;
	virtual Ref<CryptoKey> generate_rsa(int p_bits) = 0;
	// Quickdot extension: an elliptic-curve key, "P-256" or "P-384"; null (with a printed reason)
	// for another name (Ed25519 too: DTLS 1.2 in OpenSSL 3.0 cannot use it).
	virtual Ref<CryptoKey> generate_ec(const String &p_curve) = 0;
	virtual Ref<X509Certificate> generate_self_signed_certificate(const Ref<CryptoKey> &p_key, const String &p_issuer_name = "CN=myserver,O=myorganisation,C=IT", const String &p_not_before = "20140101000000", const String &p_not_after = "20340101000000") = 0;
	virtual PackedByteArray sign(HashingContext::HashType p_hash_type, const PackedByteArray &p_hash, const Ref<CryptoKey> &p_key) = 0;
	virtual bool verify(HashingContext::HashType p_hash_type, const PackedByteArray &p_hash, const PackedByteArray &p_signature, const Ref<CryptoKey> &p_key) = 0;
	virtual PackedByteArray encrypt(const Ref<CryptoKey> &p_key, const PackedByteArray &p_plaintext) = 0;
	virtual PackedByteArray decrypt(const Ref<CryptoKey> &p_key, const PackedByteArray &p_ciphertext) = 0;
	virtual PackedByteArray hmac_digest(HashingContext::HashType p_hash_type, const PackedByteArray &p_key, const PackedByteArray &p_msg) = 0;
	// Compares in time that depends only on the lengths; false when the lengths differ.
	virtual bool constant_time_compare(const PackedByteArray &p_trusted, const PackedByteArray &p_received) = 0;
};

} // namespace godot
