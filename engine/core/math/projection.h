#pragma once
// Godot's Projection: a 4x4 matrix stored by columns. Identity by default.

#include "core/math/vector4.h"

namespace godot {

struct Projection {
	Vector4 columns[4] = { { 1, 0, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, 1, 0 }, { 0, 0, 0, 1 } };
	bool operator==(const Projection &o) const {
		return columns[0] == o.columns[0] && columns[1] == o.columns[1] && columns[2] == o.columns[2] && columns[3] == o.columns[3];
	}
	bool operator!=(const Projection &o) const { return !(*this == o); }
};

} // namespace godot
