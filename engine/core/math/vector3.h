#pragma once
// Godot's Vector3 and Vector3i, as plain data.

#include "core/math/math_defs.h"

#include <cstdint>

namespace godot {

struct Vector3 {
	real_t x = 0, y = 0, z = 0;
	bool operator==(const Vector3 &o) const { return x == o.x && y == o.y && z == o.z; }
	bool operator!=(const Vector3 &o) const { return !(*this == o); }
};

struct Vector3i {
	int32_t x = 0, y = 0, z = 0;
	bool operator==(const Vector3i &o) const { return x == o.x && y == o.y && z == o.z; }
	bool operator!=(const Vector3i &o) const { return !(*this == o); }
};

} // namespace godot
