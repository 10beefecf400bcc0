#pragma once
// The script classes of Godot's built-in value types: Vector2 ... Projection, Color, StringName,
// NodePath, RID, Callable, Signal, the packed arrays of values, and Quickdot's Float, TypedArray
// and TypedDictionary. They are TypeScript (bindings/quickjs/builtins), embedded at build time;
// this loads them into a context, lists their exports for the "godot" module, and tells the value
// converter which class a JS object belongs to and how its fields are named.

#include "core/variant/variant.h"

#include <quickjs.h>

#include <vector>

namespace godot {

class BuiltinValueTypes {
public:
	// A class's slot: a Variant::Type for the classes that are a Variant type, then the
	// script-only wrappers.
	enum Kind {
		FLOAT_BOX = Variant::VARIANT_MAX, // A whole-valued float (3.0) that must stay a float.
		TYPED_ARRAY,
		TYPED_DICTIONARY,
		KIND_MAX,
		KIND_NONE = -1,
	};

	// Field names the converter reads and writes, as atoms (interned once per context).
	enum Field {
		FIELD_X,
		FIELD_Y,
		FIELD_Z,
		FIELD_W,
		FIELD_POSITION,
		FIELD_SIZE,
		FIELD_ORIGIN,
		FIELD_BASIS,
		FIELD_NORMAL,
		FIELD_D,
		FIELD_R,
		FIELD_G,
		FIELD_B,
		FIELD_A,
		FIELD_ID,
		FIELD_OBJECT,
		FIELD_METHOD,
		FIELD_FUNCTION,
		FIELD_BOUND,
		FIELD_UNBOUND,
		FIELD_NAME,
		FIELD_VALUE,
		FIELD_TYPE,
		FIELD_CLASS_NAME,
		FIELD_KEY_TYPE,
		FIELD_KEY_CLASS_NAME,
		FIELD_VALUE_TYPE,
		FIELD_VALUE_CLASS_NAME,
		FIELD_SET,
		FIELD_MAX,
	};

	// Evaluates the embedded modules (through the runtime's module loader, which must know them:
	// see register_sources). False with the exception reported when a module fails.
	static void register_sources(class QuickJSRuntime &p_runtime);
	bool load(JSContext *p_ctx);
	void free(JSContext *p_ctx);

	// (name, value) for every export of the built-in modules; borrowed values.
	const std::vector<std::pair<String, JSValue>> &get_exports() const { return exports; }

	JSValueConst get_prototype(int p_kind) const { return prototypes[p_kind]; }
	JSValueConst get_constructor(int p_kind) const { return constructors[p_kind]; }
	JSAtom atom(Field p_field) const { return atoms[p_field]; }
	// The slot of the class p_value is an instance of (its own or an ancestor's prototype), or
	// KIND_NONE. Cheap: a pointer comparison per known class.
	int kind_of(JSContext *p_ctx, JSValueConst p_value) const;

private:
	JSValue prototypes[KIND_MAX] = {};
	JSValue constructors[KIND_MAX] = {};
	JSAtom atoms[FIELD_MAX] = {};
	std::vector<std::pair<String, JSValue>> exports;
	bool loaded = false;
};

} // namespace godot
