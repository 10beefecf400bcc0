#include "crypto_key_openssl.h"

#include "openssl_util.h"

#include "core/string/print_string.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/pem.h>

namespace godot {

namespace {

// Wipes a buffer that held private key text when it goes out of scope, as Godot does
// (best effort: the whole allocation, including what a shorter reassignment left behind).
struct WipeOnExit {
	String &text;
	~WipeOnExit() {
		text.resize(text.capacity());
		OPENSSL_cleanse(text.data(), text.size());
	}
};

// Encrypted keys would make OpenSSL ask for a passphrase; the engine has none to give.
int refuse_passphrase(char *, int, int, void *) {
	return 0;
}

EVP_PKEY *decode_key(const String &p_data, int p_selection) {
	EVP_PKEY *key = nullptr;
	OSSL_DECODER_CTX *context = OSSL_DECODER_CTX_new_for_pkey(&key, nullptr, nullptr, nullptr, p_selection, nullptr, nullptr);
	if (!context) {
		return nullptr;
	}
	OSSL_DECODER_CTX_set_pem_password_cb(context, refuse_passphrase, nullptr);
	const unsigned char *cursor = reinterpret_cast<const unsigned char *>(p_data.data());
	size_t left = p_data.size();
	OSSL_DECODER_from_data(context, &cursor, &left);
	OSSL_DECODER_CTX_free(context);
	return key;
}

// A file may hold several PEM blocks (EC PARAMETERS before EC PRIVATE KEY, a certificate
// and its key together). Godot's mbedTLS finds the key block wherever it is; so does this:
// it returns the first private key block (with p_want_private) or else the first key block,
// "" when there is none.
String find_key_block(const String &p_data, bool p_want_private, String &r_label, bool &r_has_certificate) {
	static const String begin = "-----BEGIN ";
	String found;
	for (size_t at = p_data.find(begin); at != String::npos; at = p_data.find(begin, at + 1)) {
		const size_t label_end = p_data.find("-----", at + begin.size());
		if (label_end == String::npos) {
			break;
		}
		const String label = p_data.substr(at + begin.size(), label_end - at - begin.size());
		if (label == "CERTIFICATE" || label == "TRUSTED CERTIFICATE") {
			r_has_certificate = true;
		}
		const bool is_key = ends_with(label, "KEY");
		if (!is_key || (!found.empty() && label.find("PRIVATE") == String::npos)) {
			continue;
		}
		const String end = "-----END " + label + "-----";
		const size_t end_at = p_data.find(end, label_end);
		// A block without its END line is kept whole, for the decoder to report.
		found = end_at == String::npos ? p_data.substr(at) : p_data.substr(at, end_at + end.size() - at);
		r_label = label;
		if (!p_want_private || label.find("PRIVATE") != String::npos) {
			break;
		}
	}
	return found;
}

bool has_private_part(EVP_PKEY *p_key) {
	BIGNUM *secret = nullptr;
	const char *name = EVP_PKEY_is_a(p_key, "RSA") ? OSSL_PKEY_PARAM_RSA_D : OSSL_PKEY_PARAM_PRIV_KEY;
	const bool found = EVP_PKEY_get_bn_param(p_key, name, &secret) == 1;
	BN_clear_free(secret);
	openssl_take_error();
	return found;
}

// A copy of p_key's public half only, so a public-only CryptoKey can never sign or decrypt.
EVP_PKEY *public_half(EVP_PKEY *p_key) {
	unsigned char *der = nullptr;
	const int size = i2d_PUBKEY(p_key, &der);
	if (size <= 0) {
		return nullptr;
	}
	const unsigned char *cursor = der;
	EVP_PKEY *result = d2i_PUBKEY(nullptr, &cursor, size);
	OPENSSL_free(der);
	return result;
}

} // namespace

CryptoKey *CryptoKeyOpenSSL::_create_func() {
	return memnew(CryptoKeyOpenSSL);
}

void CryptoKeyOpenSSL::make_default() {
	CryptoKey::_create = _create_func;
}

void CryptoKeyOpenSSL::finalize() {
	CryptoKey::_create = nullptr;
}

CryptoKeyOpenSSL::~CryptoKeyOpenSSL() {
	EVP_PKEY_free(pkey);
}

void CryptoKeyOpenSSL::set_pkey(EVP_PKEY *p_pkey, bool p_public_only) {
	EVP_PKEY_free(pkey);
	pkey = p_pkey;
	public_only = p_public_only;
}

String CryptoKeyOpenSSL::describe() const {
	if (!pkey) {
		return "empty key";
	}
	if (EVP_PKEY_is_a(pkey, "EC")) {
		char group[64] = {};
		size_t length = 0;
		if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof(group), &length) != 1) {
			openssl_take_error();
			return "EC";
		}
		const char *nist = EC_curve_nid2nist(OBJ_sn2nid(group));
		return String("EC ") + (nist ? nist : group);
	}
	return vformat("%s-%d", EVP_PKEY_get0_type_name(pkey), EVP_PKEY_get_bits(pkey));
}

CryptoKeyOpenSSL *CryptoKeyOpenSSL::get_usable(const char *p_who, const Ref<CryptoKey> &p_key, bool p_need_private) {
	CryptoKeyOpenSSL *key = Object::cast_to<CryptoKeyOpenSSL>(p_key.ptr());
	if (!key) {
		print_error(vformat("%s: the key is null; pass a CryptoKey from Crypto.generate_rsa() or CryptoKey.load().", p_who));
		return nullptr;
	}
	if (key->is_empty()) {
		print_error(vformat("%s: the key is empty; generate or load it first.", p_who));
		return nullptr;
	}
	if (p_need_private && key->public_only) {
		print_error(vformat("%s: the key is public only; this needs a private key (loaded with public_only = false).", p_who));
		return nullptr;
	}
	return key;
}

Error CryptoKeyOpenSSL::_parse(const char *p_who, const String &p_data, bool p_public_only, const String &p_source) {
	String block = p_data;
	WipeOnExit wipe_block{ block };
	String label;
	bool has_certificate = false;
	if (p_data.find("-----BEGIN ") != String::npos) {
		block = find_key_block(p_data, !p_public_only, label, has_certificate);
		if (block.empty()) {
			print_error(vformat("%s: %s has no PEM key block%s.", p_who, p_source.c_str(), has_certificate ? " (it holds a certificate: load it with X509Certificate)" : ""));
			return FAILED;
		}
	}
	if (label == "ENCRYPTED PRIVATE KEY" || block.find("Proc-Type: 4,ENCRYPTED") != String::npos) {
		print_error(vformat("%s: %s is an encrypted private key, which is not supported; decrypt it first (openssl pkey -in in.key -out out.key).", p_who, p_source.c_str()));
		return FAILED;
	}

	EVP_PKEY *key = decode_key(block, p_public_only ? EVP_PKEY_PUBLIC_KEY : EVP_PKEY_KEYPAIR);
	if (!key && p_public_only) {
		// A private key file also yields its public half, keeping only that.
		EVP_PKEY *full = decode_key(block, EVP_PKEY_KEYPAIR);
		if (full) {
			key = public_half(full);
			EVP_PKEY_free(full);
		}
	}
	if (!key) {
		const String reason = openssl_error_suffix();
		if (!p_public_only) {
			EVP_PKEY *public_key = decode_key(block, EVP_PKEY_PUBLIC_KEY);
			openssl_take_error();
			if (public_key) {
				EVP_PKEY_free(public_key);
				print_error(vformat("%s: %s holds a public key only; load it with public_only = true.", p_who, p_source.c_str()));
				return FAILED;
			}
		}
		print_error(vformat("%s: %s is not a valid PEM or DER %s key%s.", p_who, p_source.c_str(), p_public_only ? "public" : "private", reason.c_str()));
		return FAILED;
	}
	if (!EVP_PKEY_is_a(key, "RSA") && !EVP_PKEY_is_a(key, "EC")) {
		print_error(vformat("%s: %s holds a key of type %s; only RSA and EC keys are supported.", p_who, p_source.c_str(), EVP_PKEY_get0_type_name(key)));
		EVP_PKEY_free(key);
		return FAILED;
	}
	if (!p_public_only && !has_private_part(key)) {
		print_error(vformat("%s: %s holds a public key only; load it with public_only = true.", p_who, p_source.c_str()));
		EVP_PKEY_free(key);
		return FAILED;
	}
	set_pkey(key, p_public_only);
	return OK;
}

String CryptoKeyOpenSSL::_encode(const char *p_who, bool p_public_only) {
	if (!pkey) {
		print_error(vformat("%s: the key is empty; generate or load it first.", p_who));
		return String();
	}
	if (!p_public_only && public_only) {
		print_error(vformat("%s: the key is public only, so only its public part can be saved; pass public_only = true.", p_who));
		return String();
	}
	// Private keys in the traditional PEM form (RSA PRIVATE KEY / EC PRIVATE KEY), byte for
	// byte what Godot's mbedTLS writes; public keys as SubjectPublicKeyInfo (PUBLIC KEY).
	BIOPtr bio(BIO_new(BIO_s_mem()));
	int written = 0;
	if (bio) {
		written = p_public_only ? PEM_write_bio_PUBKEY(bio.get(), pkey)
								: PEM_write_bio_PrivateKey_traditional(bio.get(), pkey, nullptr, nullptr, 0, nullptr, nullptr);
	}
	if (written != 1) {
		print_error(vformat("%s: could not encode the %s key%s.", p_who, describe().c_str(), openssl_error_suffix().c_str()));
		return String();
	}
	return openssl_bio_to_string(bio.get());
}

Error CryptoKeyOpenSSL::save(const String &p_path, bool p_public_only) {
	String pem = _encode("CryptoKey.save", p_public_only);
	WipeOnExit wipe_pem{ pem };
	if (pem.empty()) {
		return FAILED;
	}
	return openssl_write_file("CryptoKey.save", p_path, pem);
}

Error CryptoKeyOpenSSL::load(const String &p_path, bool p_public_only) {
	String data;
	WipeOnExit wipe_data{ data };
	const Error error = openssl_read_file("CryptoKey.load", p_path, data);
	if (error != OK) {
		return error;
	}
	return _parse("CryptoKey.load", data, p_public_only, "'" + p_path + "'");
}

String CryptoKeyOpenSSL::save_to_string(bool p_public_only) {
	return _encode("CryptoKey.save_to_string", p_public_only);
}

Error CryptoKeyOpenSSL::load_from_string(const String &p_string_key, bool p_public_only) {
	return _parse("CryptoKey.load_from_string", p_string_key, p_public_only, "the string");
}

} // namespace godot
