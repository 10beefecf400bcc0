#pragma once
// Godot's Vector2 and Vector2i, as plain data: the math lives in the TypeScript builtins.

#include "core/math/math_defs.h"

#include <cstdint>

namespace godot {

struct Vector2 {
	real_t x = 0, y = 0;
	bool operator==(const Vector2 &o) const { return x == o.x && y == o.y; }
	bool operator!=(const Vector2 &o) const { return !(*this == o); }
};

struct Vector2i {
	int32_t x = 0, y = 0;
	bool operator==(const Vector2i &o) const { return x == o.x && y == o.y; }
	bool operator!=(const Vector2i &o) const { return !(*this == o); }
};

} // namespace godot
