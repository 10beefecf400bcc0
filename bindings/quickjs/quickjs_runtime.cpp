#include "quickjs_runtime.h"

#include "class_binder.h"
#include "core/config/project_settings.h"
#include "core/string/print_string.h"
#include "object_binding.h"
#include "scene/main/node.h"
#include "text_codec.h"
#include "value_converter.h"

#include <sys/stat.h>
#include <chrono>
#include <fstream>
#include <sstream>

namespace godot {

QuickJSRuntime *QuickJSRuntime::singleton = nullptr;

static uint64_t now_usec() {
	return uint64_t(std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch()).count());
}

static bool file_exists(const String &p_path) {
	struct stat info;
	return stat(p_path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

static bool read_file(const String &p_path, String &r_text) {
	std::ifstream file(p_path, std::ios::binary);
	if (!file) {
		return false;
	}
	std::stringstream buffer;
	buffer << file.rdbuf();
	r_text = buffer.str();
	return true;
}

// "/p/.quickdot/js/a.js" (or "/p/.quickdot/js/a" for an extensionless import) is what tsc wrote
// for /p/a.ts: r_source is "res://a.ts", the file a developer edits. False for any other path.
static bool get_compiled_source(const String &p_path, String &r_source) {
	const ProjectSettings *settings = ProjectSettings::get_singleton();
	const String compiled = settings ? settings->get_resource_path() + "/.quickdot/js/" : String();
	if (!settings || !begins_with(p_path, compiled)) {
		return false;
	}
	const String name = p_path.substr(compiled.size());
	r_source = "res://" + (ends_with(name, ".js") ? name.substr(0, name.size() - 3) : name) + ".ts";
	return true;
}

static String describe_source(const String &p_path) {
	String source;
	if (get_compiled_source(p_path, source)) {
		return source;
	}
	const ProjectSettings *settings = ProjectSettings::get_singleton();
	return settings ? settings->localize_path(p_path) : p_path;
}

// Why the module at p_path can't be loaded, speaking of its .ts source.
static String describe_missing_module(const String &p_path) {
	String source;
	if (get_compiled_source(p_path, source) && file_exists(ProjectSettings::get_singleton()->globalize_path(source))) {
		return source + " was not compiled (is it in tsconfig.json's \"include\"?)";
	}
	return describe_source(p_path) + " does not exist";
}

// "res://a.ts:3", the line of the compiled module p_importer's source that names p_specifier in
// quotes: quickjs-ng reports a failed import without a position. Just the file when none does.
static String describe_import_site(const String &p_importer, const String &p_specifier) {
	String source;
	String text;
	if (!get_compiled_source(p_importer, source) || !read_file(ProjectSettings::get_singleton()->globalize_path(source), text)) {
		return describe_source(p_importer);
	}
	const std::vector<String> lines = split(text, '\n');
	for (size_t i = 0; i < lines.size(); i++) {
		const String &line = lines[i];
		if (line.find("\"" + p_specifier + "\"") != String::npos || line.find("'" + p_specifier + "'") != String::npos) {
			return source + ":" + std::to_string(i + 1);
		}
	}
	return source;
}

// console.log / warn / error: arguments joined by spaces, as in browsers and Node, each as
// print() shows it (Godot's str(); an Error with its stack).
static JSValue console_write(JSContext *p_ctx, JSValueConst, int p_argc, JSValueConst *p_argv, int p_magic) {
	String line;
	for (int i = 0; i < p_argc; i++) {
		line += (i ? " " : "") + ValueConverter::print_text(p_ctx, p_argv[i]);
	}
	if (p_magic == 0) {
		print_line(line);
	} else if (p_magic == 1) {
		print_warning(line);
	} else {
		print_error(line);
	}
	return JS_UNDEFINED;
}

static void install_console(JSContext *p_ctx) {
	JSValue console = JS_NewObject(p_ctx);
	static const char *const names[] = { "log", "warn", "error", "info", "debug" };
	static const int kinds[] = { 0, 1, 2, 0, 0 };
	for (int i = 0; i < 5; i++) {
		JS_SetPropertyStr(p_ctx, console, names[i], JS_NewCFunctionMagic(p_ctx, console_write, names[i], 1, JS_CFUNC_generic_magic, kinds[i]));
	}
	JSValue global = JS_GetGlobalObject(p_ctx);
	JS_SetPropertyStr(p_ctx, global, "console", console);
	JS_FreeValue(p_ctx, global);
}

QuickJSRuntime::QuickJSRuntime() {
	singleton = this;
}

QuickJSRuntime::~QuickJSRuntime() {
	finalize();
	if (singleton == this) {
		singleton = nullptr;
	}
}

Error QuickJSRuntime::initialize(size_t p_memory_limit_bytes, uint64_t p_watchdog_usec) {
	runtime = JS_NewRuntime();
	if (!runtime) {
		print_error("QuickJS: could not create the script runtime (out of memory?).");
		return ERR_CANT_CREATE;
	}
	if (p_memory_limit_bytes) {
		JS_SetMemoryLimit(runtime, p_memory_limit_bytes);
	}
	watchdog_usec = p_watchdog_usec;
	JS_SetInterruptHandler(runtime, _interrupt_handler, this);
	JS_SetHostPromiseRejectionTracker(runtime, _promise_rejection_tracker, this);
	JS_SetModuleLoaderFunc(runtime, _normalize_module, _load_module, this);

	JS_NewClassID(runtime, &object_class_id);
	JSClassDef object_class = {};
	object_class.class_name = "GodotObject";
	object_class.finalizer = ObjectBindings::finalizer;
	JS_NewClass(runtime, object_class_id, &object_class);

	context = JS_NewContext(runtime);
	if (!context) {
		print_error("QuickJS: could not create the script context.");
		return ERR_CANT_CREATE;
	}
	JS_SetRuntimeOpaque(runtime, this);
	install_console(context);
	if (!install_text_codec(context)) {
		report_exception("defining TextEncoder and TextDecoder");
		return ERR_BUG;
	}
	BuiltinValueTypes::register_sources(*this);
	if (!value_types.load(context)) {
		report_exception("loading the built-in value types (Vector2, Color...)");
		return ERR_BUG;
	}
	return OK;
}

void QuickJSRuntime::finalize() {
	if (!runtime) {
		return;
	}
	for (auto &rejection : unhandled_rejections) {
		JS_FreeValue(context, rejection.first);
		JS_FreeValue(context, rejection.second);
	}
	unhandled_rejections.clear();
	for (const String &summary : repeated_errors.take_summaries()) {
		fprintf(stderr, "%s\n", summary.c_str());
	}
	flush_deferred_releases();
	value_types.free(context);
	ClassBinder::cleanup(context);
	flush_deferred_releases();
	JS_FreeContext(context);
	JS_RunGC(runtime);
	flush_deferred_releases();
	JS_FreeRuntime(runtime);
	context = nullptr;
	runtime = nullptr;
}

void QuickJSRuntime::add_builtin_module(const String &p_name, const String &p_source) {
	builtin_modules[p_name] = p_source;
}

String QuickJSRuntime::resolve_script_path(const String &p_path) const {
	const ProjectSettings *settings = ProjectSettings::get_singleton();
	String absolute = settings ? settings->globalize_path(p_path) : p_path;
	const size_t extension = absolute.rfind('.');
	const String suffix = extension == String::npos ? String() : absolute.substr(extension);
	if (suffix == ".ts" && settings) {
		// tsc mirrors the project tree under .quickdot/js (see ts-types/tsconfig.base.json).
		const String root = settings->get_resource_path() + "/";
		if (begins_with(absolute, root)) {
			return root + ".quickdot/js/" + absolute.substr(root.size(), absolute.size() - root.size() - 3) + ".js";
		}
	}
	return absolute;
}

char *QuickJSRuntime::_normalize_module(JSContext *p_ctx, const char *p_base, const char *p_name, void *p_opaque) {
	QuickJSRuntime *self = static_cast<QuickJSRuntime *>(p_opaque);
	const String name = p_name;
	String resolved;
	if (name == "godot" || self->builtin_modules.count(name)) {
		resolved = name;
	} else if (self->builtin_modules.count(name + "/index.js")) {
		resolved = name + "/index.js"; // A built-in folder ("gut") is imported by its name.
	} else if (begins_with(name, "res://") || begins_with(name, "user://") || (!name.empty() && name[0] == '/')) {
		resolved = self->resolve_script_path(name);
	} else if (begins_with(name, "./") || begins_with(name, "../")) {
		const String base = p_base;
		String directory = base.substr(0, base.rfind('/'));
		String rest = name;
		while (true) {
			if (begins_with(rest, "./")) {
				rest = rest.substr(2);
			} else if (begins_with(rest, "../")) {
				rest = rest.substr(3);
				directory = directory.substr(0, directory.rfind('/'));
			} else {
				break;
			}
		}
		resolved = directory + "/" + rest;
		// A built-in module's relative imports are files of its own folder ("gut/test.js").
		if (self->builtin_modules.count(base)) {
			if (!self->builtin_modules.count(resolved) && self->builtin_modules.count(resolved + ".js")) {
				resolved += ".js";
			}
			if (!self->builtin_modules.count(resolved)) {
				JS_ThrowReferenceError(p_ctx, "can't import '%s' from the built-in module '%s': it has no file %s", p_name, p_base, resolved.c_str());
				return nullptr;
			}
		}
	} else {
		JS_ThrowReferenceError(p_ctx, "can't import '%s': only \"godot\", \"gut\", relative paths and res:// paths are available", p_name);
		return nullptr;
	}
	if (!self->builtin_modules.count(resolved)) {
		if (ends_with(resolved, ".ts")) {
			resolved = self->resolve_script_path(resolved);
		} else if (resolved != "godot" && !file_exists(resolved) && file_exists(resolved + ".js")) {
			resolved += ".js"; // tsc keeps extensionless specifiers.
		}
	}
	if (resolved != "godot" && !self->builtin_modules.count(resolved) && !file_exists(resolved)) {
		// Said here, where the importing module is known: the loader only learns the missing name.
		JS_ThrowReferenceError(p_ctx, "can't import \"%s\" from %s: %s", p_name, describe_import_site(p_base, name).c_str(), describe_missing_module(resolved).c_str());
		return nullptr;
	}
	return js_strdup(p_ctx, resolved.c_str());
}

JSModuleDef *QuickJSRuntime::_load_module(JSContext *p_ctx, const char *p_name, void *p_opaque) {
	QuickJSRuntime *self = static_cast<QuickJSRuntime *>(p_opaque);
	const String name = p_name;
	if (name == "godot") {
		return ClassBinder::create_godot_module(p_ctx);
	}
	String source;
	const auto builtin = self->builtin_modules.find(name);
	if (builtin != self->builtin_modules.end()) {
		source = builtin->second;
	} else if (!read_file(name, source)) {
		JS_ThrowReferenceError(p_ctx, "can't read the module %s (%s)", describe_source(name).c_str(), p_name);
		return nullptr;
	}
	JSValue compiled = JS_Eval(p_ctx, source.c_str(), source.size(), p_name, JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
	if (JS_IsException(compiled)) {
		return nullptr;
	}
	JSModuleDef *module = static_cast<JSModuleDef *>(JS_VALUE_GET_PTR(compiled));
	JS_FreeValue(p_ctx, compiled);
	return module;
}

JSValue QuickJSRuntime::import_default_export(const String &p_path) {
	const String resolved = resolve_script_path(p_path);
	if (!file_exists(resolved)) {
		print_error(vformat("Can't load script %s: %s.", p_path.c_str(), describe_missing_module(resolved).c_str()));
		return JS_EXCEPTION;
	}
	String source;
	read_file(resolved, source);
	begin_call();
	JSValue compiled = JS_Eval(context, source.c_str(), source.size(), resolved.c_str(), JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
	if (JS_IsException(compiled)) {
		report_exception("loading " + p_path);
		end_call();
		return JS_EXCEPTION;
	}
	JSModuleDef *module = static_cast<JSModuleDef *>(JS_VALUE_GET_PTR(compiled));
	JSValue evaluation = JS_EvalFunction(context, compiled);
	if (JS_IsException(evaluation)) {
		report_exception("loading " + p_path);
		end_call();
		return JS_EXCEPTION;
	}
	// Its rejection is reported below, naming the script: not also as one nobody handled.
	if (JS_IsPromise(evaluation)) {
		JS_PromiseMarkAsHandled(context, evaluation);
	}
	run_microtasks();
	// A module whose top-level code rejected reports through its evaluation promise.
	if (JS_IsObject(evaluation) && JS_PromiseState(context, evaluation) == JS_PROMISE_REJECTED) {
		JS_Throw(context, JS_PromiseResult(context, evaluation));
		JS_FreeValue(context, evaluation);
		report_exception("loading " + p_path);
		end_call();
		return JS_EXCEPTION;
	}
	JS_FreeValue(context, evaluation);
	JSValue namespace_object = JS_GetModuleNamespace(context, module);
	JSValue default_export = JS_GetPropertyStr(context, namespace_object, "default");
	JS_FreeValue(context, namespace_object);
	end_call();
	return default_export;
}

Node *QuickJSRuntime::instantiate_scene_script(const String &p_path) {
	JSValue script_class = import_default_export(p_path);
	if (JS_IsException(script_class)) {
		return nullptr;
	}
	if (!JS_IsConstructor(context, script_class)) {
		JS_FreeValue(context, script_class);
		print_error(vformat("%s: the script must `export default class ... extends Node`.", p_path.c_str()));
		return nullptr;
	}
	begin_call();
	JSValue instance = JS_CallConstructor(context, script_class, 0, nullptr);
	JS_FreeValue(context, script_class);
	if (JS_IsException(instance)) {
		report_exception("constructing " + p_path);
		end_call();
		return nullptr;
	}
	ObjectBinding *binding = ObjectBindings::get_binding(instance);
	Node *node = binding ? Object::cast_to<Node>(binding->object) : nullptr;
	JS_FreeValue(context, instance); // A script Node keeps its own wrapper alive.
	end_call();
	if (!node) {
		print_error(vformat("%s: the default export must extend Node to be a scene.", p_path.c_str()));
	}
	return node;
}

void QuickJSRuntime::begin_call() {
	if (call_depth++ == 0) {
		call_deadline_usec = watchdog_usec ? now_usec() + watchdog_usec : 0;
		interrupted = false;
	}
}

void QuickJSRuntime::end_call() {
	if (--call_depth == 0) {
		run_microtasks();
		flush_deferred_releases();
	}
}

void QuickJSRuntime::run_microtasks() {
	JSContext *job_context = nullptr;
	while (JS_IsJobPending(runtime)) {
		if (JS_ExecutePendingJob(runtime, &job_context) < 0) {
			report_exception("a promise callback");
		}
	}
	if (!unhandled_rejections.empty()) {
		report_unhandled_rejections();
	}
}

void QuickJSRuntime::flush_deferred_releases() {
	while (!deferred_releases.empty()) {
		std::vector<JSValue> releasing;
		releasing.swap(deferred_releases);
		for (JSValue value : releasing) {
			JS_FreeValue(context, value);
		}
	}
}

int QuickJSRuntime::_interrupt_handler(JSRuntime *, void *p_opaque) {
	QuickJSRuntime *self = static_cast<QuickJSRuntime *>(p_opaque);
	if (self->call_deadline_usec && now_usec() > self->call_deadline_usec) {
		self->interrupted = true;
		return 1;
	}
	return 0;
}

void QuickJSRuntime::_promise_rejection_tracker(JSContext *p_ctx, JSValueConst p_promise, JSValueConst p_reason, bool p_is_handled, void *p_opaque) {
	QuickJSRuntime *self = static_cast<QuickJSRuntime *>(p_opaque);
	auto &pending = self->unhandled_rejections;
	if (p_is_handled) {
		// A handler was attached later (an awaited import, say): not an error after all.
		for (auto it = pending.begin(); it != pending.end(); ++it) {
			if (JS_VALUE_GET_PTR(it->first) == JS_VALUE_GET_PTR(p_promise)) {
				JS_FreeValue(p_ctx, it->first);
				JS_FreeValue(p_ctx, it->second);
				pending.erase(it);
				break;
			}
		}
		return;
	}
	pending.emplace_back(JS_DupValue(p_ctx, p_promise), JS_DupValue(p_ctx, p_reason));
}

void QuickJSRuntime::report_unhandled_rejections() {
	std::vector<std::pair<JSValue, JSValue>> still_unhandled;
	still_unhandled.swap(unhandled_rejections);
	for (auto &rejection : still_unhandled) {
		JS_Throw(context, rejection.second); // Takes the reason's reference.
		report_exception("a promise rejection nobody handled");
		JS_FreeValue(context, rejection.first);
	}
}

void QuickJSRuntime::report_exception(const String &p_where) {
	JSValue exception = JS_GetException(context);
	String message;
	String stack;
	if (JS_IsError(exception)) {
		JSValue text = JS_ToString(context, exception);
		const char *c_text = JS_ToCString(context, text);
		message = c_text ? c_text : "<error>";
		JS_FreeCString(context, c_text);
		JS_FreeValue(context, text);
		JSValue stack_value = JS_GetPropertyStr(context, exception, "stack");
		if (JS_IsString(stack_value)) {
			const char *c_stack = JS_ToCString(context, stack_value);
			stack = c_stack ? c_stack : "";
			JS_FreeCString(context, c_stack);
		}
		JS_FreeValue(context, stack_value);
	} else {
		const char *c_text = JS_ToCString(context, exception);
		message = String("uncaught value: ") + (c_text ? c_text : "<unprintable>");
		JS_FreeCString(context, c_text);
	}
	JS_FreeValue(context, exception);
	if (interrupted) {
		message = vformat("the script ran longer than the watchdog limit (%.1f s) and was stopped", double(watchdog_usec) / 1e6);
	}
	stack = source_maps.rewrite(stack);
	// The first mapped frame is where the exception was thrown.
	String location;
	const size_t at = stack.find("at ");
	if (at != String::npos) {
		location = stack.substr(at + 3, stack.find('\n', at) - at - 3);
	}
	const String report = vformat("%s\n   in %s%s%s", message.c_str(), p_where.c_str(), location.empty() ? "" : ", at ", location.c_str());
	String summary;
	if (!repeated_errors.should_print(report, now_usec(), summary)) {
		if (!summary.empty()) {
			fprintf(stderr, "%s\n", summary.c_str());
		}
		return;
	}
	fprintf(stderr, "SCRIPT ERROR: %s\n", report.c_str());
	if (!stack.empty() && is_verbose()) {
		fprintf(stderr, "%s\n", stack.c_str());
	}
}

} // namespace godot
