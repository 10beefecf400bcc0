#pragma once
// A JS function used as a Callable (signal connections, deferred calls).

#include "core/variant/variant.h"

#include <quickjs.h>

namespace godot {

class JSCallable : public CallableCustom {
	JSContext *context;
	JSValue function;
	JSValue this_value;

public:
	JSCallable(JSContext *p_ctx, JSValueConst p_function, JSValueConst p_this);
	~JSCallable() override;
	void call(const Variant **p_args, int p_argcount, Variant &r_return, CallError &r_error) const override;
	bool equals(const CallableCustom &p_other) const override;
	String describe() const override;
	JSValueConst get_function() const { return function; }
	JSValueConst get_this() const { return this_value; }
};

} // namespace godot
