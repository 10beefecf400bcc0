#pragma once
// Godot's Vector4 and Vector4i, as plain data.

#include "core/math/math_defs.h"

#include <cstdint>

namespace godot {

struct Vector4 {
	real_t x = 0, y = 0, z = 0, w = 0;
	bool operator==(const Vector4 &o) const { return x == o.x && y == o.y && z == o.z && w == o.w; }
	bool operator!=(const Vector4 &o) const { return !(*this == o); }
};

struct Vector4i {
	int32_t x = 0, y = 0, z = 0, w = 0;
	bool operator==(const Vector4i &o) const { return x == o.x && y == o.y && z == o.z && w == o.w; }
	bool operator!=(const Vector4i &o) const { return !(*this == o); }
};

} // namespace godot
