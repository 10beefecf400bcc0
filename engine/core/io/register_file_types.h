#pragma once
// Registers FileAccess and DirAccess with ClassDB (called once at startup).

namespace godot {

void register_file_types();

} // namespace godot
