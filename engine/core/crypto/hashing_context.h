#pragma once
// HashingContext: incremental MD5 / SHA-1 / SHA-256. Core in Godot; here the digests come
// from the crypto module (the engine core includes no crypto library), through _create.

#include "core/object/ref_counted.h"
#include "core/variant/type_info.h"

namespace godot {

class HashingContext : public RefCounted {
	GDCLASS(HashingContext, RefCounted)

protected:
	static void _bind_methods();
	static HashingContext *(*_create)();

public:
	enum HashType {
		HASH_MD5,
		HASH_SHA1,
		HASH_SHA256,
	};

	// A new context from the loaded crypto module, or nullptr (with a printed reason).
	static HashingContext *create();

	// ERR_ALREADY_IN_USE if started and not finished yet.
	virtual Error start(HashType p_type) = 0;
	// ERR_UNCONFIGURED before start().
	virtual Error update(const PackedByteArray &p_chunk) = 0;
	// The digest, and the context is ready to start() again; empty before start().
	virtual PackedByteArray finish() = 0;
};

} // namespace godot

VARIANT_ENUM_CAST(HashingContext::HashType)
