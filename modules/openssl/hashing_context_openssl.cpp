#include "hashing_context_openssl.h"

#include "crypto_openssl.h"
#include "openssl_util.h"

#include "core/string/print_string.h"

namespace godot {

HashingContext *HashingContextOpenSSL::_create_func() {
	return memnew(HashingContextOpenSSL);
}

void HashingContextOpenSSL::make_default() {
	HashingContext::_create = _create_func;
}

void HashingContextOpenSSL::finalize() {
	HashingContext::_create = nullptr;
}

HashingContextOpenSSL::~HashingContextOpenSSL() {
	EVP_MD_CTX_free(context);
}

Error HashingContextOpenSSL::start(HashType p_type) {
	if (context) {
		print_error("HashingContext.start: already started; call finish() before starting again.");
		return ERR_ALREADY_IN_USE;
	}
	const EVP_MD *md = CryptoOpenSSL::get_md(p_type);
	if (!md) {
		print_error(vformat("HashingContext.start: %d is not a HashType (use HASH_MD5, HASH_SHA1 or HASH_SHA256).", int(p_type)));
		return ERR_INVALID_PARAMETER;
	}
	context = EVP_MD_CTX_new();
	if (!context || EVP_DigestInit_ex(context, md, nullptr) != 1) {
		print_error(vformat("HashingContext.start: cannot start %s%s.", CryptoOpenSSL::get_hash_name(p_type), openssl_error_suffix().c_str()));
		EVP_MD_CTX_free(context);
		context = nullptr;
		return FAILED;
	}
	return OK;
}

Error HashingContextOpenSSL::update(const PackedByteArray &p_chunk) {
	if (!context) {
		print_error("HashingContext.update: not started; call start() first.");
		return ERR_UNCONFIGURED;
	}
	if (p_chunk.is_empty()) {
		return OK;
	}
	if (EVP_DigestUpdate(context, p_chunk.ptr(), size_t(p_chunk.size())) != 1) {
		print_error(vformat("HashingContext.update: hashing failed%s.", openssl_error_suffix().c_str()));
		return FAILED;
	}
	return OK;
}

PackedByteArray HashingContextOpenSSL::finish() {
	if (!context) {
		print_error("HashingContext.finish: not started; call start() first.");
		return PackedByteArray();
	}
	PackedByteArray digest;
	digest.resize(EVP_MAX_MD_SIZE);
	unsigned int size = 0;
	const bool done = EVP_DigestFinal_ex(context, digest.ptrw(), &size) == 1;
	EVP_MD_CTX_free(context);
	context = nullptr;
	if (!done) {
		print_error(vformat("HashingContext.finish: hashing failed%s.", openssl_error_suffix().c_str()));
		return PackedByteArray();
	}
	digest.resize(size);
	return digest;
}

} // namespace godot
