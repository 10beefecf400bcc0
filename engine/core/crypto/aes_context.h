#pragma once
// AESContext: raw AES-128/256 in ECB or CBC mode, no padding. Godot's checks (mode, key and IV
// sizes, whole blocks) and the CBC IV state live here; the block cipher comes from the crypto
// module (the engine core includes no crypto library), through _create.

#include "core/object/ref_counted.h"
#include "core/variant/type_info.h"

namespace godot {

class AESContext : public RefCounted {
	GDCLASS(AESContext, RefCounted)

public:
	enum Mode {
		MODE_ECB_ENCRYPT,
		MODE_ECB_DECRYPT,
		MODE_CBC_ENCRYPT,
		MODE_CBC_DECRYPT,
		MODE_MAX,
	};

	static constexpr int BLOCK_SIZE = 16;

private:
	Mode mode = MODE_MAX; // MODE_MAX while not started.
	PackedByteArray iv; // CBC only: the block the next update() chains from.

protected:
	static void _bind_methods();
	static AESContext *(*_create)();

	// The module's cipher. _cipher_start gets a checked mode, a 16- or 32-byte key and, for
	// CBC, a 16-byte IV; _cipher_update whole blocks, writing as many bytes as it reads.
	virtual bool _cipher_start(Mode p_mode, const PackedByteArray &p_key, const PackedByteArray &p_iv) = 0;
	virtual bool _cipher_update(const uint8_t *p_src, uint8_t *r_dst, int p_length) = 0;
	virtual void _cipher_finish() = 0;

public:
	// A new context from the loaded crypto module, or nullptr (with a printed reason).
	static AESContext *create();

	Error start(Mode p_mode, const PackedByteArray &p_key, const PackedByteArray &p_iv = PackedByteArray());
	PackedByteArray update(const PackedByteArray &p_src);
	PackedByteArray get_iv_state();
	void finish();
};

} // namespace godot

VARIANT_ENUM_CAST(AESContext::Mode)
