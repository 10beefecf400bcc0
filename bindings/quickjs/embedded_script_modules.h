#pragma once
// JavaScript modules compiled into the executable at build time (SCsub runs tsc on
// bindings/quickjs/builtins and tools/embed_script_modules.py on its output).

#include <cstddef>

namespace godot {

struct EmbeddedScriptModule {
	const char *name; // "quickdot/builtins/vector2.js"
	const char *source;
};

extern const EmbeddedScriptModule embedded_script_modules[];
extern const size_t embedded_script_module_count;

} // namespace godot
