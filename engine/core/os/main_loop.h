#pragma once
// MainLoop: what the engine drives every frame. SceneTree is the one Quickdot uses.

#include "core/object/object.h"

namespace godot {

class MainLoop : public Object {
	GDCLASS(MainLoop, Object)

protected:
	static void _bind_methods();

public:
	virtual void initialize() {}
	// Each returns true when the loop wants to quit.
	virtual bool physics_process(double p_delta) { return false; }
	virtual bool process(double p_delta) { return false; }
	virtual void finalize() {}
};

} // namespace godot
