#include "core/crypto/aes_context.h"

#include "core/crypto/register_crypto_types.h"
#include "core/string/print_string.h"

namespace godot {

AESContext *(*AESContext::_create)() = nullptr;

AESContext *AESContext::create() {
	if (!_create) {
		print_crypto_module_missing(get_class_static());
		return nullptr;
	}
	return _create();
}

Error AESContext::start(Mode p_mode, const PackedByteArray &p_key, const PackedByteArray &p_iv) {
	if (mode != MODE_MAX) {
		print_error("AESContext.start: already started; call finish() before starting again.");
		return ERR_ALREADY_IN_USE;
	}
	if (p_mode < 0 || p_mode >= MODE_MAX) {
		print_error(vformat("AESContext.start: %d is not a mode; use AESContext.MODE_ECB_ENCRYPT, MODE_ECB_DECRYPT, MODE_CBC_ENCRYPT or MODE_CBC_DECRYPT.", int(p_mode)));
		return ERR_INVALID_PARAMETER;
	}
	if (p_key.size() != 16 && p_key.size() != 32) {
		print_error(vformat("AESContext.start: the key is %d bytes; AES needs a key of 16 bytes (AES-128) or 32 bytes (AES-256).", int(p_key.size())));
		return ERR_INVALID_PARAMETER;
	}
	const bool cbc = p_mode == MODE_CBC_ENCRYPT || p_mode == MODE_CBC_DECRYPT;
	if (cbc && p_iv.size() != BLOCK_SIZE) {
		print_error(vformat("AESContext.start: the IV is %d bytes; CBC modes need an IV of exactly 16 bytes.", int(p_iv.size())));
		return ERR_INVALID_PARAMETER;
	}
	if (!_cipher_start(p_mode, p_key, cbc ? p_iv : PackedByteArray())) {
		return FAILED;
	}
	mode = p_mode;
	iv = cbc ? p_iv : PackedByteArray();
	return OK;
}

PackedByteArray AESContext::update(const PackedByteArray &p_src) {
	if (mode == MODE_MAX) {
		print_error("AESContext.update: not started; call start() first.");
		return PackedByteArray();
	}
	const int length = int(p_src.size());
	if (length % BLOCK_SIZE != 0) {
		print_error(vformat("AESContext.update: %d bytes is not a whole number of 16-byte blocks; pad the data to a multiple of 16 bytes.", length));
		return PackedByteArray();
	}
	PackedByteArray out;
	out.resize(length);
	if (length == 0) {
		return out;
	}
	if (!_cipher_update(p_src.ptr(), out.ptrw(), length)) {
		return PackedByteArray();
	}
	// CBC chains from the last ciphertext block: the output when encrypting, the input when decrypting.
	if (mode == MODE_CBC_ENCRYPT || mode == MODE_CBC_DECRYPT) {
		const PackedByteArray &ciphertext = mode == MODE_CBC_ENCRYPT ? out : p_src;
		iv = PackedByteArray(ciphertext.ptr() + length - BLOCK_SIZE, BLOCK_SIZE);
	}
	return out;
}

PackedByteArray AESContext::get_iv_state() {
	if (mode != MODE_CBC_ENCRYPT && mode != MODE_CBC_DECRYPT) {
		print_error("AESContext.get_iv_state: only a context started in MODE_CBC_ENCRYPT or MODE_CBC_DECRYPT has an IV state.");
		return PackedByteArray();
	}
	return iv;
}

void AESContext::finish() {
	if (mode != MODE_MAX) {
		_cipher_finish();
	}
	mode = MODE_MAX;
	iv = PackedByteArray();
}

void AESContext::_bind_methods() {
	ClassDB::bind_method(D_METHOD("start", "mode", "key", "iv"), &AESContext::start, DEFVAL(PackedByteArray()));
	ClassDB::bind_method(D_METHOD("update", "src"), &AESContext::update);
	ClassDB::bind_method(D_METHOD("get_iv_state"), &AESContext::get_iv_state);
	ClassDB::bind_method(D_METHOD("finish"), &AESContext::finish);
	BIND_ENUM_CONSTANT(MODE_ECB_ENCRYPT);
	BIND_ENUM_CONSTANT(MODE_ECB_DECRYPT);
	BIND_ENUM_CONSTANT(MODE_CBC_ENCRYPT);
	BIND_ENUM_CONSTANT(MODE_CBC_DECRYPT);
	BIND_ENUM_CONSTANT(MODE_MAX);
}

} // namespace godot
