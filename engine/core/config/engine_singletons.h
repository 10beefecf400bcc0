#pragma once
// Registers the OS, Time, Engine, Marshalls and IP classes and singletons, and
// Godot's utility functions.

namespace godot {

void register_engine_singletons();
void unregister_engine_singletons(); // Frees the singletons; call before ClassDB::cleanup().

} // namespace godot
