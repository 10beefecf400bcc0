#pragma once
// Godot's Transform2D: the x and y axes, then the origin, as columns. Identity by default.

#include "core/math/vector2.h"

namespace godot {

struct Transform2D {
	Vector2 columns[3] = { { 1, 0 }, { 0, 1 }, { 0, 0 } };
	bool operator==(const Transform2D &o) const { return columns[0] == o.columns[0] && columns[1] == o.columns[1] && columns[2] == o.columns[2]; }
	bool operator!=(const Transform2D &o) const { return !(*this == o); }
};

} // namespace godot
