#pragma once
// Godot's Transform3D: a basis and an origin. Identity by default.

#include "core/math/basis.h"

namespace godot {

struct Transform3D {
	Basis basis;
	Vector3 origin;
	bool operator==(const Transform3D &o) const { return basis == o.basis && origin == o.origin; }
	bool operator!=(const Transform3D &o) const { return !(*this == o); }
};

} // namespace godot
