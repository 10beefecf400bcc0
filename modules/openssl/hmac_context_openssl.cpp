#include "hmac_context_openssl.h"

#include "crypto_openssl.h"
#include "openssl_util.h"

#include "core/string/print_string.h"

#include <openssl/core_names.h>

namespace godot {

HMACContext *HMACContextOpenSSL::_create_func() {
	return memnew(HMACContextOpenSSL);
}

void HMACContextOpenSSL::make_default() {
	HMACContext::_create = _create_func;
}

void HMACContextOpenSSL::finalize() {
	HMACContext::_create = nullptr;
}

HMACContextOpenSSL::~HMACContextOpenSSL() {
	EVP_MAC_CTX_free(context);
}

Error HMACContextOpenSSL::start(HashingContext::HashType p_hash_type, const PackedByteArray &p_key) {
	if (context) {
		print_error("HMACContext.start: already started; call finish() before starting again.");
		return ERR_FILE_ALREADY_IN_USE;
	}
	if (p_key.is_empty()) {
		print_error("HMACContext.start: the key is empty; pass at least one byte of key.");
		return ERR_INVALID_PARAMETER;
	}
	if (p_hash_type != HashingContext::HASH_SHA1 && p_hash_type != HashingContext::HASH_SHA256) {
		print_error(vformat("HMACContext.start: %s is not supported for HMAC; use HashingContext.HASH_SHA256 or HASH_SHA1.", CryptoOpenSSL::get_hash_name(p_hash_type)));
		return ERR_INVALID_PARAMETER;
	}
	EVP_MAC *mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
	context = mac ? EVP_MAC_CTX_new(mac) : nullptr;
	EVP_MAC_free(mac); // The context keeps its own reference.
	const OSSL_PARAM params[] = {
		OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char *>(p_hash_type == HashingContext::HASH_SHA1 ? "SHA1" : "SHA256"), 0),
		OSSL_PARAM_construct_end(),
	};
	if (!context || EVP_MAC_init(context, p_key.ptr(), size_t(p_key.size()), params) != 1) {
		print_error(vformat("HMACContext.start: cannot start HMAC-%s%s.", CryptoOpenSSL::get_hash_name(p_hash_type), openssl_error_suffix().c_str()));
		EVP_MAC_CTX_free(context);
		context = nullptr;
		return FAILED;
	}
	return OK;
}

Error HMACContextOpenSSL::update(const PackedByteArray &p_data) {
	if (!context) {
		print_error("HMACContext.update: not started; call start() first.");
		return ERR_INVALID_DATA;
	}
	if (p_data.is_empty()) {
		print_error("HMACContext.update: the data is empty; pass at least one byte.");
		return ERR_INVALID_PARAMETER;
	}
	if (EVP_MAC_update(context, p_data.ptr(), size_t(p_data.size())) != 1) {
		print_error(vformat("HMACContext.update: HMAC failed%s.", openssl_error_suffix().c_str()));
		return FAILED;
	}
	return OK;
}

PackedByteArray HMACContextOpenSSL::finish() {
	if (!context) {
		print_error("HMACContext.finish: not started; call start() first.");
		return PackedByteArray();
	}
	PackedByteArray digest;
	digest.resize(EVP_MAX_MD_SIZE);
	size_t size = 0;
	const bool done = EVP_MAC_final(context, digest.ptrw(), &size, size_t(digest.size())) == 1;
	EVP_MAC_CTX_free(context);
	context = nullptr;
	if (!done) {
		print_error(vformat("HMACContext.finish: HMAC failed%s.", openssl_error_suffix().c_str()));
		return PackedByteArray();
	}
	digest.resize(size);
	return digest;
}

} // namespace godot
