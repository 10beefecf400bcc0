#pragma once
// The small math value types scripts exchange with the engine. Godot's "real_t" is float here
// (a single-precision build, as the reference API dump says).

#include <cstdint>

namespace godot {

using real_t = float;

struct Vector2 {
	real_t x = 0, y = 0;
	bool operator==(const Vector2 &o) const { return x == o.x && y == o.y; }
};

struct Vector2i {
	int32_t x = 0, y = 0;
	bool operator==(const Vector2i &o) const { return x == o.x && y == o.y; }
};

struct Vector3 {
	real_t x = 0, y = 0, z = 0;
	bool operator==(const Vector3 &o) const { return x == o.x && y == o.y && z == o.z; }
};

struct Vector3i {
	int32_t x = 0, y = 0, z = 0;
	bool operator==(const Vector3i &o) const { return x == o.x && y == o.y && z == o.z; }
};

struct Color {
	float r = 0, g = 0, b = 0, a = 1;
	bool operator==(const Color &o) const { return r == o.r && g == o.g && b == o.b && a == o.a; }
};

} // namespace godot
