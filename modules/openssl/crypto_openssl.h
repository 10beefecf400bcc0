#pragma once
// Crypto over OpenSSL 3 (EVP APIs only). Also installs the module's CryptoKey,
// X509Certificate, HashingContext, HMACContext and AESContext implementations
// (initialize_crypto).
// A plain subclass (no GDCLASS of its own), so scripts see it as Crypto.

#include "core/crypto/crypto.h"

#include <openssl/evp.h>

namespace godot {

class CryptoOpenSSL : public Crypto {
	static Crypto *_create_func();

public:
	// Install / remove every crypto implementation of this module in the engine.
	static void initialize_crypto();
	static void finalize_crypto();

	// The digest for a HashType, or nullptr for a value outside the enum.
	static const EVP_MD *get_md(HashingContext::HashType p_hash_type);
	// "MD5", "SHA-1", "SHA-256": for messages.
	static const char *get_hash_name(HashingContext::HashType p_hash_type);

	PackedByteArray generate_random_bytes(int p_bytes) override;
	Ref<CryptoKey> generate_rsa(int p_bits) override;
	Ref<CryptoKey> generate_ec(const String &p_curve) override;
	Ref<X509Certificate> generate_self_signed_certificate(const Ref<CryptoKey> &p_key, const String &p_issuer_name, const String &p_not_before, const String &p_not_after) override;
	PackedByteArray sign(HashingContext::HashType p_hash_type, const PackedByteArray &p_hash, const Ref<CryptoKey> &p_key) override;
	bool verify(HashingContext::HashType p_hash_type, const PackedByteArray &p_hash, const PackedByteArray &p_signature, const Ref<CryptoKey> &p_key) override;
	PackedByteArray encrypt(const Ref<CryptoKey> &p_key, const PackedByteArray &p_plaintext) override;
	PackedByteArray decrypt(const Ref<CryptoKey> &p_key, const PackedByteArray &p_ciphertext) override;
	PackedByteArray hmac_digest(HashingContext::HashType p_hash_type, const PackedByteArray &p_key, const PackedByteArray &p_msg) override;
	bool constant_time_compare(const PackedByteArray &p_trusted, const PackedByteArray &p_received) override;
};

} // namespace godot
