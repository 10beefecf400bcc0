#pragma once
// Script modules that ship with the engine rather than with a project ("gut").

namespace godot {

class QuickJSRuntime;

void register_builtin_script_modules(QuickJSRuntime &p_runtime);

} // namespace godot
