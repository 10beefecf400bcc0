#pragma once
// The C boundary between the engine and a GDExtension-style library, in the shape of
// Godot's gdextension_interface.h (only what Quickdot's loader offers). A library exports
// one entry function (named by entry_symbol in its .gdextension file); the engine calls it
// with a function that returns interface functions by name, and the library fills in its
// initialization callbacks, which the engine then calls once per level.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint8_t GDExtensionBool;

// Any interface function; cast to its real type (GDExtensionInterfaceGetGodotVersion...).
typedef void (*GDExtensionInterfaceFunctionPtr)(void);
// Returns the named interface function, or NULL when the engine has none by that name.
typedef GDExtensionInterfaceFunctionPtr (*GDExtensionInterfaceGetProcAddress)(const char *p_function_name);

// Identifies the library to the engine in later calls.
typedef void *GDExtensionClassLibraryPtr;

typedef enum {
	GDEXTENSION_INITIALIZATION_CORE,
	GDEXTENSION_INITIALIZATION_SERVERS,
	GDEXTENSION_INITIALIZATION_SCENE,
	GDEXTENSION_INITIALIZATION_EDITOR,
	GDEXTENSION_MAX_INITIALIZATION_LEVEL,
} GDExtensionInitializationLevel;

typedef struct {
	// The lowest level the library needs (the engine still calls every level).
	GDExtensionInitializationLevel minimum_initialization_level;
	void *userdata;
	void (*initialize)(void *userdata, GDExtensionInitializationLevel p_level);
	void (*deinitialize)(void *userdata, GDExtensionInitializationLevel p_level);
} GDExtensionInitialization;

typedef GDExtensionBool (*GDExtensionInitializationFunction)(GDExtensionInterfaceGetProcAddress p_get_proc_address, GDExtensionClassLibraryPtr p_library, GDExtensionInitialization *r_initialization);

// Interface function "get_godot_version".
typedef struct {
	uint32_t major;
	uint32_t minor;
	uint32_t patch;
	const char *string;
} GDExtensionGodotVersion;
typedef void (*GDExtensionInterfaceGetGodotVersion)(GDExtensionGodotVersion *r_godot_version);

#ifdef __cplusplus
}
#endif

#ifndef GDE_EXPORT
#define GDE_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
namespace godot {

// The levels in godot-cpp's spelling, for a library's initialize_<module>_module().
enum ModuleInitializationLevel {
	MODULE_INITIALIZATION_LEVEL_CORE = GDEXTENSION_INITIALIZATION_CORE,
	MODULE_INITIALIZATION_LEVEL_SERVERS = GDEXTENSION_INITIALIZATION_SERVERS,
	MODULE_INITIALIZATION_LEVEL_SCENE = GDEXTENSION_INITIALIZATION_SCENE,
	MODULE_INITIALIZATION_LEVEL_EDITOR = GDEXTENSION_INITIALIZATION_EDITOR,
	MODULE_INITIALIZATION_LEVEL_MAX,
};

} // namespace godot
#endif
