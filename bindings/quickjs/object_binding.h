#pragma once
// The link between a native Object and its one JS wrapper.
//
// Lifetime rules (SCRIPTING.md): a RefCounted lives while a script or native code holds it,
// and the wrapper is the same JS object every time. So the wrapper owns one reference; while
// native code holds others, the object also holds the wrapper (a "strong" JS reference) so
// the wrapper — and any script state on it — survives. Nodes are not reference counted: a
// script-extended Node holds its wrapper until the node is freed; a freed object's wrapper
// throws on use.

#include "core/object/class_db.h"
#include "core/object/object.h"

#include <quickjs.h>

namespace godot {

struct ObjectBinding {
	Object *object = nullptr; // Null once the native object is gone.
	JSValue wrapper = JS_UNDEFINED; // Not counted unless `strong`.
	bool owns_reference = false; // The wrapper holds one RefCounted reference.
	bool strong = false; // The native side keeps the wrapper alive.
	const ClassDB::ClassInfo *class_info = nullptr; // The object's class: fast "is a" checks, messages after free.

	const char *class_name() const { return class_info ? class_info->name.c_str() : "Object"; }
};

class ObjectBindings {
public:
	static const InstanceBindingCallbacks callbacks;

	// The wrapper for p_object (created on first use), as a new JS reference. JS_NULL for null.
	static JSValue wrap(JSContext *p_ctx, Object *p_object);
	// Attaches a freshly constructed wrapper (from `new X()` or a script subclass) to p_object.
	static void attach(JSContext *p_ctx, JSValue p_wrapper, Object *p_object, bool p_script_subclass);
	// The live object behind a wrapper; throws a TypeError/ReferenceError and returns null otherwise.
	static Object *unwrap(JSContext *p_ctx, JSValueConst p_value, const char *p_what);
	static ObjectBinding *get_binding(JSValueConst p_value);

	static void finalizer(JSRuntime *p_rt, JSValueConst p_value);
};

// A script class extending a native one: the engine calls its methods by name.
class JSScriptInstance : public ScriptInstance {
	JSContext *context;
	ObjectBinding *binding;
	String class_name;

	JSValue _get_own_method(const StringName &p_method) const; // JS_UNDEFINED when absent.
	// A field the script's object holds itself (not a method, not a native property).
	bool _has_field(const char *p_name) const;

public:
	JSScriptInstance(JSContext *p_ctx, ObjectBinding *p_binding, const String &p_class_name) :
			context(p_ctx), binding(p_binding), class_name(p_class_name) {}
	bool has_method(const StringName &p_method) const override;
	Variant callp(const StringName &p_method, const Variant **p_args, int p_argcount, CallError &r_error) override;
	bool has_signal(const StringName &p_signal) const override;
	String get_class_name() const override { return class_name; }
	bool set(const StringName &p_name, const Variant &p_value) override;
	bool get(const StringName &p_name, Variant &r_value) const override;
	void get_property_list(std::vector<PropertyInfo> &r_properties) const override;
};

} // namespace godot
