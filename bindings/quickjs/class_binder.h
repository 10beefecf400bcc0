#pragma once
// Builds the "godot" ES module from ClassDB: one constructor and prototype per class with the
// real inheritance chain, methods, properties, enums and constants on constructors, the
// singletons, the utility functions, the global Error enum and Quickdot's script helpers.

#include <quickjs.h>

namespace godot {

class StringName;

class ClassBinder {
public:
	static JSModuleDef *create_godot_module(JSContext *p_ctx);
	// The prototype for p_class or its nearest exposed ancestor (a borrowed reference).
	static JSValueConst get_prototype(const StringName &p_class);
	static void cleanup(JSContext *p_ctx);
};

} // namespace godot
