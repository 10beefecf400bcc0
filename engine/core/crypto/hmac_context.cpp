#include "core/crypto/hmac_context.h"

#include "core/crypto/register_crypto_types.h"

namespace godot {

HMACContext *(*HMACContext::_create)() = nullptr;

HMACContext *HMACContext::create() {
	if (!_create) {
		print_crypto_module_missing(get_class_static());
		return nullptr;
	}
	return _create();
}

void HMACContext::_bind_methods() {
	ClassDB::bind_method(D_METHOD("start", "hash_type", "key"), &HMACContext::start);
	ClassDB::bind_method(D_METHOD("update", "data"), &HMACContext::update);
	ClassDB::bind_method(D_METHOD("finish"), &HMACContext::finish);
}

} // namespace godot
