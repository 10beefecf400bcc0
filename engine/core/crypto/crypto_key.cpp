#include "core/crypto/crypto_key.h"

#include "core/crypto/register_crypto_types.h"

namespace godot {

CryptoKey *(*CryptoKey::_create)() = nullptr;

CryptoKey *CryptoKey::create() {
	if (!_create) {
		print_crypto_module_missing(get_class_static());
		return nullptr;
	}
	return _create();
}

void CryptoKey::_bind_methods() {
	ClassDB::bind_method(D_METHOD("save", "path", "public_only"), &CryptoKey::save, DEFVAL(false));
	ClassDB::bind_method(D_METHOD("load", "path", "public_only"), &CryptoKey::load, DEFVAL(false));
	ClassDB::bind_method(D_METHOD("is_public_only"), &CryptoKey::is_public_only);
	ClassDB::bind_method(D_METHOD("save_to_string", "public_only"), &CryptoKey::save_to_string, DEFVAL(false));
	ClassDB::bind_method(D_METHOD("load_from_string", "string_key", "public_only"), &CryptoKey::load_from_string, DEFVAL(false));
}

} // namespace godot
