#pragma once
// CryptoKey: an RSA or EC key, private or public only, loaded from and saved to PEM.
// The engine core knows no crypto library: the OpenSSL module provides the implementation
// and installs it through the _create hook, as Godot's mbedtls module does.

#include "core/io/resource.h"

namespace godot {

class CryptoKey : public Resource {
	GDCLASS(CryptoKey, Resource)

protected:
	static void _bind_methods();
	static CryptoKey *(*_create)();

public:
	// A new key from the loaded crypto module, or nullptr (with a printed reason) without one.
	static CryptoKey *create();

	virtual Error save(const String &p_path, bool p_public_only = false) = 0;
	virtual Error load(const String &p_path, bool p_public_only = false) = 0;
	virtual bool is_public_only() const = 0;
	virtual String save_to_string(bool p_public_only = false) = 0;
	virtual Error load_from_string(const String &p_string_key, bool p_public_only = false) = 0;
};

} // namespace godot
