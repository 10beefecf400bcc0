#pragma once
// Registers the engine's packet-peer and UDP classes with ClassDB (called once at startup).

namespace godot {

void register_io_types();

} // namespace godot
