#pragma once
// The OpenSSL module's registration, GDExtension style: the engine loads the library named
// in the project's .gdextension file, calls quickdot_openssl_library_init, then
// initialize_openssl_module once per level.

#include "core/extension/gdextension_interface.h"

namespace godot {

void initialize_openssl_module(ModuleInitializationLevel p_level);
void uninitialize_openssl_module(ModuleInitializationLevel p_level);

} // namespace godot

extern "C" GDE_EXPORT GDExtensionBool quickdot_openssl_library_init(GDExtensionInterfaceGetProcAddress p_get_proc_address, GDExtensionClassLibraryPtr p_library, GDExtensionInitialization *r_initialization);
