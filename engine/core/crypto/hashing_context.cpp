#include "core/crypto/hashing_context.h"

#include "core/crypto/register_crypto_types.h"

namespace godot {

HashingContext *(*HashingContext::_create)() = nullptr;

HashingContext *HashingContext::create() {
	if (!_create) {
		print_crypto_module_missing(get_class_static());
		return nullptr;
	}
	return _create();
}

void HashingContext::_bind_methods() {
	ClassDB::bind_method(D_METHOD("start", "type"), &HashingContext::start);
	ClassDB::bind_method(D_METHOD("update", "chunk"), &HashingContext::update);
	ClassDB::bind_method(D_METHOD("finish"), &HashingContext::finish);
	BIND_ENUM_CONSTANT(HASH_MD5);
	BIND_ENUM_CONSTANT(HASH_SHA1);
	BIND_ENUM_CONSTANT(HASH_SHA256);
}

} // namespace godot
