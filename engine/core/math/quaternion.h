#pragma once
// Godot's Quaternion, the identity rotation by default.

#include "core/math/math_defs.h"

namespace godot {

struct Quaternion {
	real_t x = 0, y = 0, z = 0, w = 1;
	bool operator==(const Quaternion &o) const { return x == o.x && y == o.y && z == o.z && w == o.w; }
	bool operator!=(const Quaternion &o) const { return !(*this == o); }
};

} // namespace godot
