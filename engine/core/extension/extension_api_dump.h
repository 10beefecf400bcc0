#pragma once
// --dump-extension-api: ClassDB, the global Error enum, the singletons and the utility functions
// as Godot's extension_api.json, so tools written for Godot's dump (the TypeScript typings
// generator) read Quickdot's unchanged. Members Godot does not have carry "quickdot_extension".

#include "core/error/error_list.h"
#include "core/string/string_name.h"

namespace godot {

// The JSON text, deterministic for a given registration. Needs the utility functions registered.
String get_extension_api_json();
// Writes get_extension_api_json() to p_path (res:// and user:// are resolved when a project is loaded).
Error generate_extension_api(const String &p_path);

} // namespace godot
