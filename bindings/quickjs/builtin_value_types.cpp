#include "builtin_value_types.h"

#include "embedded_script_modules.h"
#include "quickjs_runtime.h"

namespace godot {

static constexpr const char *INDEX_MODULE = "quickdot/builtins/index.js";

static const char *const field_names[BuiltinValueTypes::FIELD_MAX] = {
	"x", "y", "z", "w", "position", "size", "origin", "basis", "normal", "d", "r", "g", "b", "a",
	"_id", "_object", "_method", "_function", "_bound", "_unbound", "_name", "value",
	"_type", "_class_name", "_key_type", "_key_class_name", "_value_type", "_value_class_name", "set"
};

void BuiltinValueTypes::register_sources(QuickJSRuntime &p_runtime) {
	for (size_t i = 0; i < embedded_script_module_count; i++) {
		p_runtime.add_builtin_module(embedded_script_modules[i].name, embedded_script_modules[i].source);
	}
}

static String kind_name(int p_kind) {
	switch (p_kind) {
		case BuiltinValueTypes::FLOAT_BOX:
			return "Float";
		case BuiltinValueTypes::TYPED_ARRAY:
			return "TypedArray";
		case BuiltinValueTypes::TYPED_DICTIONARY:
			return "TypedDictionary";
		default:
			return Variant::get_type_name(Variant::Type(p_kind));
	}
}

bool BuiltinValueTypes::load(JSContext *p_ctx) {
	for (int i = 0; i < FIELD_MAX; i++) {
		atoms[i] = JS_NewAtom(p_ctx, field_names[i]);
	}
	for (int i = 0; i < KIND_MAX; i++) {
		prototypes[i] = JS_UNDEFINED;
		constructors[i] = JS_UNDEFINED;
	}
	loaded = true;
	// The index module re-exports every class; importing it evaluates them all.
	const char *import_source = "import * as builtins from \"quickdot/builtins/index.js\"; globalThis.__quickdot_builtins = builtins;";
	JSValue evaluation = JS_Eval(p_ctx, import_source, strlen(import_source), "<quickdot builtins>", JS_EVAL_TYPE_MODULE);
	if (JS_IsException(evaluation)) {
		return false;
	}
	JSContext *job_context = nullptr;
	while (JS_IsJobPending(JS_GetRuntime(p_ctx))) {
		if (JS_ExecutePendingJob(JS_GetRuntime(p_ctx), &job_context) < 0) {
			JS_FreeValue(p_ctx, evaluation);
			return false;
		}
	}
	const bool rejected = JS_IsObject(evaluation) && JS_PromiseState(p_ctx, evaluation) == JS_PROMISE_REJECTED;
	if (rejected) {
		JS_Throw(p_ctx, JS_PromiseResult(p_ctx, evaluation));
	}
	JS_FreeValue(p_ctx, evaluation);
	if (rejected) {
		return false;
	}
	JSValue global = JS_GetGlobalObject(p_ctx);
	JSAtom holder = JS_NewAtom(p_ctx, "__quickdot_builtins");
	JSValue namespace_object = JS_GetProperty(p_ctx, global, holder);
	JS_DeleteProperty(p_ctx, global, holder, 0);
	JS_FreeAtom(p_ctx, holder);
	JS_FreeValue(p_ctx, global);

	JSPropertyEnum *properties = nullptr;
	uint32_t count = 0;
	if (JS_GetOwnPropertyNames(p_ctx, &properties, &count, namespace_object, JS_GPN_STRING_MASK | JS_GPN_ENUM_ONLY) < 0) {
		JS_FreeValue(p_ctx, namespace_object);
		return false;
	}
	for (uint32_t i = 0; i < count; i++) {
		const char *name = JS_AtomToCString(p_ctx, properties[i].atom);
		exports.emplace_back(name, JS_GetProperty(p_ctx, namespace_object, properties[i].atom));
		JS_FreeCString(p_ctx, name);
	}
	JS_FreePropertyEnum(p_ctx, properties, count);
	JS_FreeValue(p_ctx, namespace_object);

	for (int kind = 0; kind < KIND_MAX; kind++) {
		const String name = kind_name(kind);
		for (const auto &item : exports) {
			if (item.first == name && JS_IsConstructor(p_ctx, item.second)) {
				constructors[kind] = JS_DupValue(p_ctx, item.second);
				prototypes[kind] = JS_GetPropertyStr(p_ctx, item.second, "prototype");
			}
		}
	}
	return true;
}

void BuiltinValueTypes::free(JSContext *p_ctx) {
	if (!loaded) {
		return;
	}
	for (auto &item : exports) {
		JS_FreeValue(p_ctx, item.second);
	}
	exports.clear();
	for (int i = 0; i < KIND_MAX; i++) {
		JS_FreeValue(p_ctx, prototypes[i]);
		JS_FreeValue(p_ctx, constructors[i]);
		prototypes[i] = JS_UNDEFINED;
		constructors[i] = JS_UNDEFINED;
	}
	for (int i = 0; i < FIELD_MAX; i++) {
		JS_FreeAtom(p_ctx, atoms[i]);
	}
	loaded = false;
}

int BuiltinValueTypes::kind_of(JSContext *p_ctx, JSValueConst p_value) const {
	if (!JS_IsObject(p_value)) {
		return KIND_NONE;
	}
	// A script's subclass of a value type (rare) is found one or two levels up.
	JSValue prototype = JS_GetPrototype(p_ctx, p_value);
	for (int depth = 0; depth < 3 && JS_IsObject(prototype); depth++) {
		void *pointer = JS_VALUE_GET_PTR(prototype);
		for (int kind = 0; kind < KIND_MAX; kind++) {
			if (JS_IsObject(prototypes[kind]) && JS_VALUE_GET_PTR(prototypes[kind]) == pointer) {
				JS_FreeValue(p_ctx, prototype);
				return kind;
			}
		}
		JSValue parent = JS_GetPrototype(p_ctx, prototype);
		JS_FreeValue(p_ctx, prototype);
		prototype = parent;
	}
	JS_FreeValue(p_ctx, prototype);
	return KIND_NONE;
}

} // namespace godot
