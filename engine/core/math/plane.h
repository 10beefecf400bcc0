#pragma once
// Godot's Plane: a normal and the distance from the origin along it.

#include "core/math/vector3.h"

namespace godot {

struct Plane {
	Vector3 normal;
	real_t d = 0;
	bool operator==(const Plane &o) const { return normal == o.normal && d == o.d; }
	bool operator!=(const Plane &o) const { return !(*this == o); }
};

} // namespace godot
