#pragma once
// Godot's Color: four floats (always single precision, even where real_t is double), opaque black
// by default.

namespace godot {

struct Color {
	float r = 0, g = 0, b = 0, a = 1;
	bool operator==(const Color &o) const { return r == o.r && g == o.g && b == o.b && a == o.a; }
	bool operator!=(const Color &o) const { return !(*this == o); }
};

} // namespace godot
