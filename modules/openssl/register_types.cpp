#include "register_types.h"

#include "crypto_openssl.h"
#include "dtls_server_openssl.h"
#include "dtls_trust_openssl.h"
#include "packet_peer_dtls_openssl.h"

#include "core/string/print_string.h"

namespace godot {

void initialize_openssl_module(ModuleInitializationLevel p_level) {
	if (p_level != MODULE_INITIALIZATION_LEVEL_CORE) {
		return;
	}
	// Crypto, CryptoKey, X509Certificate, HashingContext, HMACContext and AESContext: the
	// engine's classes now instantiate the OpenSSL implementations.
	CryptoOpenSSL::initialize_crypto();

	// DTLS: PacketPeerDTLS and DTLSServer now instantiate the OpenSSL implementations.
	PacketPeerDTLSOpenSSL::initialize();
	DTLSServerOpenSSL::initialize();
	TLSOptions::_validate_crl_pem = DTLSTrustOpenSSL::validate_crl_pem;
}

void uninitialize_openssl_module(ModuleInitializationLevel p_level) {
	if (p_level != MODULE_INITIALIZATION_LEVEL_CORE) {
		return;
	}
	// DTLS: removed here, before crypto.
	TLSOptions::_validate_crl_pem = nullptr;
	DTLSServerOpenSSL::finalize();
	PacketPeerDTLSOpenSSL::finalize();

	CryptoOpenSSL::finalize_crypto();
}

} // namespace godot

using namespace godot;

static void initialize_level(void *, GDExtensionInitializationLevel p_level) {
	initialize_openssl_module(ModuleInitializationLevel(p_level));
}

static void deinitialize_level(void *, GDExtensionInitializationLevel p_level) {
	uninitialize_openssl_module(ModuleInitializationLevel(p_level));
}

extern "C" GDExtensionBool quickdot_openssl_library_init(GDExtensionInterfaceGetProcAddress p_get_proc_address, GDExtensionClassLibraryPtr p_library, GDExtensionInitialization *r_initialization) {
	(void)p_library;
	// The engine's C++ API is linked directly (the executable exports it), so the version
	// check is what keeps a mismatched library out.
	const GDExtensionInterfaceGetGodotVersion get_godot_version = reinterpret_cast<GDExtensionInterfaceGetGodotVersion>(p_get_proc_address("get_godot_version"));
	if (!get_godot_version) {
		print_error("quickdot_openssl: the engine offers no get_godot_version; this library needs a Godot 4.x compatible engine.");
		return false;
	}
	GDExtensionGodotVersion version = {};
	get_godot_version(&version);
	if (version.major != 4 || version.minor < 1) {
		print_error(vformat("quickdot_openssl: the engine is version %u.%u.%u; this library needs 4.1 or newer in the 4.x series.", version.major, version.minor, version.patch));
		return false;
	}
	r_initialization->minimum_initialization_level = GDEXTENSION_INITIALIZATION_CORE;
	r_initialization->userdata = nullptr;
	r_initialization->initialize = initialize_level;
	r_initialization->deinitialize = deinitialize_level;
	return true;
}
