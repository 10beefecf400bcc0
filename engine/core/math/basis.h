#pragma once
// Godot's Basis: a 3x3 matrix stored by rows (as Godot stores and encodes it). Identity by default.

#include "core/math/vector3.h"

namespace godot {

struct Basis {
	Vector3 rows[3] = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
	bool operator==(const Basis &o) const { return rows[0] == o.rows[0] && rows[1] == o.rows[1] && rows[2] == o.rows[2]; }
	bool operator!=(const Basis &o) const { return !(*this == o); }
};

} // namespace godot
