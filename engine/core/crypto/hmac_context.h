#pragma once
// HMACContext: an HMAC (SHA-1 or SHA-256) computed over data fed in pieces. As HashingContext,
// the digest comes from the crypto module (the engine core includes no crypto library).

#include "core/crypto/hashing_context.h"

namespace godot {

class HMACContext : public RefCounted {
	GDCLASS(HMACContext, RefCounted)

protected:
	static void _bind_methods();
	static HMACContext *(*_create)();

public:
	// A new context from the loaded crypto module, or nullptr (with a printed reason).
	static HMACContext *create();

	// ERR_FILE_ALREADY_IN_USE if started and not finished yet; ERR_INVALID_PARAMETER for an
	// empty key or a hash other than SHA-1 / SHA-256 (Godot's rules).
	virtual Error start(HashingContext::HashType p_hash_type, const PackedByteArray &p_key) = 0;
	// ERR_INVALID_DATA before start(); ERR_INVALID_PARAMETER for empty data.
	virtual Error update(const PackedByteArray &p_data) = 0;
	// The HMAC, and the context is ready to start() again; empty before start().
	virtual PackedByteArray finish() = 0;
};

} // namespace godot
