#pragma once
// Registers the core classes and singletons with ClassDB, in dependency order, and unregisters
// every class at exit. Scene classes: scene/register_scene_types.h; Performance: main.

namespace godot {

void register_core_types();
void unregister_core_types();

} // namespace godot
