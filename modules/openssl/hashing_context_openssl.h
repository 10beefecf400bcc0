#pragma once
// HashingContext over an OpenSSL EVP_MD_CTX.
// A plain subclass (no GDCLASS of its own), so scripts see it as HashingContext.

#include "core/crypto/hashing_context.h"

#include <openssl/evp.h>

namespace godot {

class HashingContextOpenSSL : public HashingContext {
	EVP_MD_CTX *context = nullptr; // Non-null between start() and finish().

	static HashingContext *_create_func();

public:
	// Install / remove this class as the engine's HashingContext implementation.
	static void make_default();
	static void finalize();

	HashingContextOpenSSL() = default;
	~HashingContextOpenSSL() override;

	Error start(HashType p_type) override;
	Error update(const PackedByteArray &p_chunk) override;
	PackedByteArray finish() override;
};

} // namespace godot
