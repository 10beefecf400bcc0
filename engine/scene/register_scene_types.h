#pragma once
// Registers the scene classes (Node, SceneTree, Timer...) with ClassDB, after the core types and
// the extensions' core and servers levels, as Godot's scene/register_scene_types does.

namespace godot {

void register_scene_types();

} // namespace godot
