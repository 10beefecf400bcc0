#pragma once
// The scene tree's root. Headless Quickdot has no display, so a Window is only a named Node
// ("root") that other nodes hang from, as in a headless Godot.

#include "scene/main/node.h"

namespace godot {

class Viewport : public Node {
	GDCLASS(Viewport, Node)

protected:
	static void _bind_methods() {}
};

class Window : public Viewport {
	GDCLASS(Window, Viewport)

protected:
	static void _bind_methods() {}
};

} // namespace godot
