#pragma once
// CryptoKey over an OpenSSL EVP_PKEY: RSA or EC, private or public only.
// A plain subclass (no GDCLASS of its own), so scripts see it as CryptoKey, as in Godot.

#include "core/crypto/crypto_key.h"

#include <openssl/evp.h>

namespace godot {

class CryptoKeyOpenSSL : public CryptoKey {
	EVP_PKEY *pkey = nullptr;
	bool public_only = false;

	static CryptoKey *_create_func();
	Error _parse(const char *p_who, const String &p_data, bool p_public_only, const String &p_source);
	String _encode(const char *p_who, bool p_public_only);

public:
	// Install / remove this class as the engine's CryptoKey implementation.
	static void make_default();
	static void finalize();

	// The OpenSSL key behind a script's CryptoKey, or nullptr (with one printed line naming
	// p_who) when it is null, empty, or - with p_need_private - public only.
	static CryptoKeyOpenSSL *get_usable(const char *p_who, const Ref<CryptoKey> &p_key, bool p_need_private);

	CryptoKeyOpenSSL() = default;
	~CryptoKeyOpenSSL() override;

	Error save(const String &p_path, bool p_public_only = false) override;
	Error load(const String &p_path, bool p_public_only = false) override;
	bool is_public_only() const override { return public_only; }
	String save_to_string(bool p_public_only = false) override;
	Error load_from_string(const String &p_string_key, bool p_public_only = false) override;

	// For the module's DTLS and crypto code: the key, owned by this object (nullptr while
	// empty). Callers that keep it longer than this object take a reference (EVP_PKEY_up_ref).
	EVP_PKEY *get_pkey() const { return pkey; }
	// Takes ownership of p_pkey (an RSA or EC key), replacing any key held.
	void set_pkey(EVP_PKEY *p_pkey, bool p_public_only);
	bool is_empty() const { return pkey == nullptr; }
	// "RSA-2048", "EC P-256": for messages.
	String describe() const;
};

} // namespace godot
