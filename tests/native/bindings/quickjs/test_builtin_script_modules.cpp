// Built-in script modules served as a folder (as bin/gut is): the folder's name imports its
// index.js, its files import each other relatively, and nothing outside the folder is reachable
// from them.
#include "quickjs/quickjs_runtime.h"

#include <doctest/doctest.h>

using namespace godot;

namespace {

// Evaluates p_source as a module: "" when it ran, else the text of what it threw.
String run_module(QuickJSRuntime &p_runtime, const String &p_source) {
	JSContext *ctx = p_runtime.get_context();
	JSValue result = JS_Eval(ctx, p_source.c_str(), p_source.size(), "<test>", JS_EVAL_TYPE_MODULE);
	p_runtime.run_microtasks();
	JSValue error = JS_UNDEFINED;
	if (JS_IsException(result)) {
		error = JS_GetException(ctx);
	} else if (JS_IsObject(result) && JS_PromiseState(ctx, result) == JS_PROMISE_REJECTED) {
		error = JS_PromiseResult(ctx, result);
	}
	JS_FreeValue(ctx, result);
	if (JS_IsUndefined(error)) {
		return "";
	}
	const char *text = JS_ToCString(ctx, error);
	const String message = text ? text : "(unprintable)";
	JS_FreeCString(ctx, text);
	JS_FreeValue(ctx, error);
	return message;
}

String global_text(QuickJSRuntime &p_runtime, const char *p_name) {
	JSContext *ctx = p_runtime.get_context();
	JSValue global = JS_GetGlobalObject(ctx);
	JSValue value = JS_GetPropertyStr(ctx, global, p_name);
	const char *text = JS_ToCString(ctx, value);
	const String result = text ? text : "";
	JS_FreeCString(ctx, text);
	JS_FreeValue(ctx, value);
	JS_FreeValue(ctx, global);
	return result;
}

} // namespace

TEST_CASE("[BuiltinScriptModules] A folder is imported by its name; its files import each other relatively") {
	QuickJSRuntime runtime;
	REQUIRE(runtime.initialize(0, 0) == OK);
	runtime.add_builtin_module("kit/index.js", "export { answer } from './answer.js';");
	// tsc keeps extensionless specifiers: "./parts/base" is kit/parts/base.js.
	runtime.add_builtin_module("kit/answer.js", "import { base } from './parts/base'; export const answer = base + 1;");
	runtime.add_builtin_module("kit/parts/base.js", "export const base = 41;");
	runtime.add_builtin_module("kit/escape.js", "import '../outside.js';");
	runtime.add_builtin_module("kit/missing.js", "import './nothing.js';");

	CHECK(run_module(runtime, "import { answer } from 'kit'; globalThis.answer = answer;") == "");
	CHECK(global_text(runtime, "answer") == "42");
	CHECK(run_module(runtime, "import * as a from 'kit'; import * as b from 'kit/index.js'; globalThis.same = a === b;") == "");
	CHECK_MESSAGE(global_text(runtime, "same") == "true", "the folder's name and its index.js are one module");

	const String escaped = run_module(runtime, "import 'kit/escape.js';");
	CHECK_MESSAGE(escaped.find("can't import '../outside.js' from the built-in module 'kit/escape.js'") != String::npos, escaped);
	const String missing = run_module(runtime, "import 'kit/missing.js';");
	CHECK_MESSAGE(missing.find("it has no file kit/nothing.js") != String::npos, missing);
	runtime.finalize();
}
