#pragma once
// HMACContext over an OpenSSL EVP_MAC_CTX ("HMAC").
// A plain subclass (no GDCLASS of its own), so scripts see it as HMACContext.

#include "core/crypto/hmac_context.h"

#include <openssl/evp.h>

namespace godot {

class HMACContextOpenSSL : public HMACContext {
	EVP_MAC_CTX *context = nullptr; // Non-null between start() and finish().

	static HMACContext *_create_func();

public:
	// Install / remove this class as the engine's HMACContext implementation.
	static void make_default();
	static void finalize();

	HMACContextOpenSSL() = default;
	~HMACContextOpenSSL() override;

	Error start(HashingContext::HashType p_hash_type, const PackedByteArray &p_key) override;
	Error update(const PackedByteArray &p_data) override;
	PackedByteArray finish() override;
};

} // namespace godot
