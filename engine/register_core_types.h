#pragma once
// Registers every engine class with ClassDB, in dependency order, and unregisters at exit.

namespace godot {

void register_core_types();
void register_scene_types();
void unregister_core_types();

} // namespace godot
