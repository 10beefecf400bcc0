#pragma once
// Godot's real_t: float, as in the single-precision build the reference API dump describes.
// The binary encoding follows it (math types travel as 32-bit floats).

namespace godot {

using real_t = float;

} // namespace godot
