#include "aes_context_openssl.h"

#include "openssl_util.h"

#include "core/string/print_string.h"

namespace godot {

AESContext *AESContextOpenSSL::_create_func() {
	return memnew(AESContextOpenSSL);
}

void AESContextOpenSSL::make_default() {
	AESContext::_create = _create_func;
}

void AESContextOpenSSL::finalize() {
	AESContext::_create = nullptr;
}

AESContextOpenSSL::~AESContextOpenSSL() {
	EVP_CIPHER_CTX_free(context);
}

bool AESContextOpenSSL::_cipher_start(Mode p_mode, const PackedByteArray &p_key, const PackedByteArray &p_iv) {
	const bool cbc = p_mode == MODE_CBC_ENCRYPT || p_mode == MODE_CBC_DECRYPT;
	const bool encrypt = p_mode == MODE_ECB_ENCRYPT || p_mode == MODE_CBC_ENCRYPT;
	const bool aes256 = p_key.size() == 32;
	const EVP_CIPHER *cipher = cbc ? (aes256 ? EVP_aes_256_cbc() : EVP_aes_128_cbc()) : (aes256 ? EVP_aes_256_ecb() : EVP_aes_128_ecb());
	context = EVP_CIPHER_CTX_new();
	// Godot's AESContext works on whole blocks and leaves padding to the caller.
	const bool started = context && EVP_CipherInit_ex(context, cipher, nullptr, p_key.ptr(), cbc ? p_iv.ptr() : nullptr, encrypt ? 1 : 0) == 1 &&
			EVP_CIPHER_CTX_set_padding(context, 0) == 1;
	if (!started) {
		print_error(vformat("AESContext.start: cannot start AES-%d%s.", aes256 ? 256 : 128, openssl_error_suffix().c_str()));
		EVP_CIPHER_CTX_free(context);
		context = nullptr;
	}
	return started;
}

bool AESContextOpenSSL::_cipher_update(const uint8_t *p_src, uint8_t *r_dst, int p_length) {
	int written = 0;
	if (EVP_CipherUpdate(context, r_dst, &written, p_src, p_length) != 1 || written != p_length) {
		print_error(vformat("AESContext.update: AES failed%s.", openssl_error_suffix().c_str()));
		return false;
	}
	return true;
}

void AESContextOpenSSL::_cipher_finish() {
	EVP_CIPHER_CTX_free(context);
	context = nullptr;
}

} // namespace godot
