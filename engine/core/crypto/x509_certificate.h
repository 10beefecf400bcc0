#pragma once
// X509Certificate: one certificate or a chain of them (leaf first), loaded from and saved to
// PEM. Implemented by the OpenSSL module through the _create hook.

#include "core/io/resource.h"

namespace godot {

class X509Certificate : public Resource {
	GDCLASS(X509Certificate, Resource)

protected:
	static void _bind_methods();
	static X509Certificate *(*_create)();

public:
	// A new, empty certificate from the loaded crypto module, or nullptr (with a printed reason).
	static X509Certificate *create();

	virtual Error save(const String &p_path) = 0;
	// As in Godot, loading appends to the certificates already held, so several files can
	// build one trust chain.
	virtual Error load(const String &p_path) = 0;
	virtual String save_to_string() = 0;
	virtual Error load_from_string(const String &p_string) = 0;
};

} // namespace godot
