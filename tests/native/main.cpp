// Entry point of the native unit tests (doctest). Test cases live in the folders next to this
// file (README.md).
//
// The engine's classes are registered here, once, as the executable registers them: the core
// types and singletons, then the OpenSSL module. So every suite finds them whichever suites ran
// before it, or if it runs alone. A suite registers only its own test classes.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "core/register_core_types.h"
#include "openssl/register_types.h"

using namespace godot;

namespace {

// Suites keep engine objects in statics (a shared key and certificate), which are freed at exit.
// Made before any of them, this one is destroyed after them: the engine goes last.
struct EngineTeardown {
	~EngineTeardown() {
		uninitialize_openssl_module(MODULE_INITIALIZATION_LEVEL_CORE);
		unregister_core_types();
	}
};

} // namespace

int main(int p_argc, char **p_argv) {
	register_core_types();
	initialize_openssl_module(MODULE_INITIALIZATION_LEVEL_CORE);
	static EngineTeardown teardown;

	doctest::Context context(p_argc, p_argv);
	return context.run();
}
