#pragma once
// Godot's AABB (an axis-aligned box: a position and a size), as plain data.

#include "core/math/vector3.h"

namespace godot {

struct AABB {
	Vector3 position;
	Vector3 size;
	bool operator==(const AABB &o) const { return position == o.position && size == o.size; }
	bool operator!=(const AABB &o) const { return !(*this == o); }
};

} // namespace godot
