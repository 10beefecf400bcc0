#pragma once
// Godot's Rect2 and Rect2i (a position and a size), as plain data.

#include "core/math/vector2.h"

namespace godot {

struct Rect2 {
	Vector2 position;
	Vector2 size;
	bool operator==(const Rect2 &o) const { return position == o.position && size == o.size; }
	bool operator!=(const Rect2 &o) const { return !(*this == o); }
};

struct Rect2i {
	Vector2i position;
	Vector2i size;
	bool operator==(const Rect2i &o) const { return position == o.position && size == o.size; }
	bool operator!=(const Rect2i &o) const { return !(*this == o); }
};

} // namespace godot
