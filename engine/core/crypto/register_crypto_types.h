#pragma once
// Registers the crypto classes scripts see. Their implementations come from the OpenSSL
// module, loaded later through its .gdextension file.

#include "core/string/string_name.h"

namespace godot {

void register_crypto_types();

// The one line printed when a crypto class is instantiated while no module provides it.
void print_crypto_module_missing(const StringName &p_class);

} // namespace godot
