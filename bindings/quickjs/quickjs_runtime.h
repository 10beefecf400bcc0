#pragma once
// QuickJSRuntime: the one quickjs-ng VM of the process. It loads ES modules from the project
// (tsc output under res://.quickdot/js, mapped back to .ts for messages), exposes ClassDB as
// the "godot" module, runs microtasks after every call from the engine into JS, reports
// uncaught exceptions with TypeScript positions, and enforces the watchdog and memory limit.

#include "builtin_value_types.h"
#include "core/variant/variant.h"
#include "repeated_errors.h"
#include "source_map.h"

#include <quickjs.h>

#include <unordered_map>

namespace godot {

class MethodBind;
class Node;
class Object;

class QuickJSRuntime {
	static QuickJSRuntime *singleton;

	JSRuntime *runtime = nullptr;
	JSContext *context = nullptr;
	JSClassID object_class_id = 0;
	SourceMapCache source_maps;
	RepeatedErrors repeated_errors; // Exceptions thrown from the same place every frame.
	BuiltinValueTypes value_types;
	std::vector<JSValue> deferred_releases; // Wrapper references to drop at the next safe point.
	std::vector<std::pair<JSValue, JSValue>> unhandled_rejections; // (promise, reason), reported if still unhandled.
	// Modules that ship with the engine, by name ("gut/index.js", "quickdot/builtins/vector2.js")
	// → their JavaScript source. A folder's index.js is also importable by the folder's name.
	std::unordered_map<String, String> builtin_modules;
	uint64_t watchdog_usec = 0; // 0 = off.
	uint64_t call_deadline_usec = 0;
	int call_depth = 0;
	bool interrupted = false;

	static JSModuleDef *_load_module(JSContext *p_ctx, const char *p_name, void *p_opaque);
	static char *_normalize_module(JSContext *p_ctx, const char *p_base, const char *p_name, void *p_opaque);
	static int _interrupt_handler(JSRuntime *p_rt, void *p_opaque);
	static void _promise_rejection_tracker(JSContext *p_ctx, JSValueConst p_promise, JSValueConst p_reason, bool p_is_handled, void *p_opaque);

public:
	static QuickJSRuntime *get_singleton() { return singleton; }

	QuickJSRuntime();
	~QuickJSRuntime();

	// Creates the VM and the "godot" module. p_memory_limit_bytes 0 = unlimited.
	Error initialize(size_t p_memory_limit_bytes, uint64_t p_watchdog_usec);
	void finalize();
	void add_builtin_module(const String &p_name, const String &p_source);

	JSContext *get_context() const { return context; }
	JSClassID get_object_class_id() const { return object_class_id; }
	const BuiltinValueTypes &get_value_types() const { return value_types; }
	// The runtime that owns a context (its per-runtime state, for code that only has the context).
	static QuickJSRuntime *from_context(JSContext *p_ctx) { return static_cast<QuickJSRuntime *>(JS_GetRuntimeOpaque(JS_GetRuntime(p_ctx))); }

	// res://main.ts → the absolute path of its compiled .js (tsc's outDir .quickdot/js).
	String resolve_script_path(const String &p_path) const;
	// Imports a module and returns its default export (a class), or JS_EXCEPTION after reporting.
	JSValue import_default_export(const String &p_path);
	// Instantiates a script class extending Node (the main scene). Null after reporting an error.
	Node *instantiate_scene_script(const String &p_path);

	// Call boundary: every engine → JS call goes through here (watchdog, microtasks, reporting).
	void begin_call();
	void end_call();
	void run_microtasks();
	void report_unhandled_rejections();
	// Prints the pending exception with TypeScript positions; p_where names the callback.
	void report_exception(const String &p_where);
	void defer_release(JSValue p_value) { deferred_releases.push_back(p_value); }
	void flush_deferred_releases();
	String map_stack(const String &p_stack) { return source_maps.rewrite(p_stack); }
};

} // namespace godot
