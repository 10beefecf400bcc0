#pragma once
// Small helpers shared by the module's crypto classes: owning pointers for OpenSSL objects,
// OpenSSL's error queue as words, and whole-file reads and writes for res://, user:// and
// plain paths.

#include "core/error/error_list.h"
#include "core/string/string_name.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

namespace godot {

template <typename T, void (*Free)(T *)>
struct OpenSSLDeleter {
	void operator()(T *p_object) const { Free(p_object); }
};
using BIOPtr = std::unique_ptr<BIO, OpenSSLDeleter<BIO, BIO_free_all>>;
using EVPPKeyPtr = std::unique_ptr<EVP_PKEY, OpenSSLDeleter<EVP_PKEY, EVP_PKEY_free>>;
using EVPPKeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSSLDeleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSSLDeleter<X509, X509_free>>;

// The reason for the most recent OpenSSL failure ("bad decrypt"), or "" when the queue is
// empty. Always empties the thread's queue, so a stale entry never confuses a later SSL call
// (SSL_get_error reads the same queue).
String openssl_take_error();
// " (OpenSSL: <reason>)" when OpenSSL queued a reason, else "". Empties the queue.
String openssl_error_suffix();

// Everything written to a memory BIO, as text.
String openssl_bio_to_string(BIO *p_bio);

// res:// and user:// through ProjectSettings; without a project (native tests) they are
// taken relative to the working directory. Plain paths are left alone.
String openssl_globalize_path(const String &p_path);

// Whole-file I/O. On failure they print one line naming p_who ("CryptoKey.load") and the
// path, and return ERR_INVALID_PARAMETER, as Godot does for a file it cannot open.
Error openssl_read_file(const char *p_who, const String &p_path, String &r_data);
Error openssl_write_file(const char *p_who, const String &p_path, const String &p_data);

} // namespace godot
