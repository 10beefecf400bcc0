#include "js_callable.h"

#include "quickjs_runtime.h"
#include "value_converter.h"

namespace godot {

JSCallable::JSCallable(JSContext *p_ctx, JSValueConst p_function, JSValueConst p_this) :
		context(p_ctx), function(JS_DupValue(p_ctx, p_function)), this_value(JS_DupValue(p_ctx, p_this)) {}

JSCallable::~JSCallable() {
	QuickJSRuntime *runtime = QuickJSRuntime::get_singleton();
	if (runtime && runtime->get_context()) {
		// A connection may die inside a JS finalizer; release at the next safe point.
		runtime->defer_release(function);
		runtime->defer_release(this_value);
	}
}

void JSCallable::call(const Variant **p_args, int p_argcount, Variant &r_return, CallError &r_error) const {
	QuickJSRuntime *runtime = QuickJSRuntime::get_singleton();
	JSValue args[16];
	const int count = p_argcount < 16 ? p_argcount : 16;
	for (int i = 0; i < count; i++) {
		args[i] = ValueConverter::to_js(context, *p_args[i]);
	}
	JSValue function_ref = JS_DupValue(context, function);
	runtime->begin_call();
	JSValue result = JS_Call(context, function_ref, this_value, count, args);
	if (JS_IsException(result)) {
		runtime->report_exception("callable " + describe());
		r_error.error = CallError::CALL_ERROR_SCRIPT_EXCEPTION;
	} else if (!ValueConverter::to_variant(context, result, r_return)) {
		runtime->report_exception("callable " + describe() + " (return value)");
	}
	JS_FreeValue(context, result);
	for (int i = 0; i < count; i++) {
		JS_FreeValue(context, args[i]);
	}
	JS_FreeValue(context, function_ref);
	runtime->end_call();
}

bool JSCallable::equals(const CallableCustom &p_other) const {
	const JSCallable *other = dynamic_cast<const JSCallable *>(&p_other);
	return other && JS_VALUE_GET_PTR(other->function) == JS_VALUE_GET_PTR(function);
}

String JSCallable::describe() const {
	JSValue name = JS_GetPropertyStr(context, function, "name");
	const char *text = JS_ToCString(context, name);
	String result = text && *text ? String(text) : String("<anonymous function>");
	JS_FreeCString(context, text);
	JS_FreeValue(context, name);
	return result;
}

} // namespace godot
