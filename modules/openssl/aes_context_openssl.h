#pragma once
// AESContext's block cipher over an OpenSSL EVP_CIPHER_CTX (AES-128/256, ECB or CBC, padding
// off). A plain subclass (no GDCLASS of its own), so scripts see it as AESContext.

#include "core/crypto/aes_context.h"

#include <openssl/evp.h>

namespace godot {

class AESContextOpenSSL : public AESContext {
	EVP_CIPHER_CTX *context = nullptr; // Non-null between _cipher_start() and _cipher_finish().

	static AESContext *_create_func();

protected:
	bool _cipher_start(Mode p_mode, const PackedByteArray &p_key, const PackedByteArray &p_iv) override;
	bool _cipher_update(const uint8_t *p_src, uint8_t *r_dst, int p_length) override;
	void _cipher_finish() override;

public:
	// Install / remove this class as the engine's AESContext implementation.
	static void make_default();
	static void finalize();

	AESContextOpenSSL() = default;
	~AESContextOpenSSL() override;
};

} // namespace godot
