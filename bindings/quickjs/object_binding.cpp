#include "object_binding.h"

#include "class_binder.h"
#include "core/object/ref_counted.h"
#include "core/string/print_string.h"
#include "quickjs_runtime.h"
#include "value_converter.h"

#include <algorithm>
#include <vector>

namespace godot {

static void on_object_freed(void *p_binding, Object *p_object) {
	ObjectBinding *binding = static_cast<ObjectBinding *>(p_binding);
	binding->object = nullptr;
	if (binding->strong) {
		binding->strong = false;
		QuickJSRuntime::get_singleton()->defer_release(binding->wrapper);
	}
}

static void on_reference_changed(void *p_binding, Object *p_object, bool p_reference, int p_count) {
	ObjectBinding *binding = static_cast<ObjectBinding *>(p_binding);
	const bool native_holds = p_count > 1; // One reference is the wrapper's own.
	if (native_holds && !binding->strong) {
		binding->strong = true;
		JS_DupValue(QuickJSRuntime::get_singleton()->get_context(), binding->wrapper);
	} else if (!native_holds && binding->strong) {
		// Not now: dropping the wrapper could finalize it and free the object while the
		// caller is still inside RefCounted::unreference().
		binding->strong = false;
		QuickJSRuntime::get_singleton()->defer_release(binding->wrapper);
	}
}

const InstanceBindingCallbacks ObjectBindings::callbacks = { on_object_freed, on_reference_changed };

ObjectBinding *ObjectBindings::get_binding(JSValueConst p_value) {
	QuickJSRuntime *runtime = QuickJSRuntime::get_singleton();
	return static_cast<ObjectBinding *>(JS_GetOpaque(p_value, runtime->get_object_class_id()));
}

// The script class's own name ("Main"), for messages; the native class when it has none.
static String script_class_name(JSContext *p_ctx, JSValueConst p_wrapper, Object *p_object) {
	JSValue constructor = JS_GetPropertyStr(p_ctx, p_wrapper, "constructor");
	JSValue name = JS_GetPropertyStr(p_ctx, constructor, "name");
	const char *text = JS_IsString(name) ? JS_ToCString(p_ctx, name) : nullptr;
	const String result = text && *text ? String(text) : p_object->get_class();
	JS_FreeCString(p_ctx, text);
	JS_FreeValue(p_ctx, name);
	JS_FreeValue(p_ctx, constructor);
	return result;
}

void ObjectBindings::attach(JSContext *p_ctx, JSValue p_wrapper, Object *p_object, bool p_script_subclass) {
	ObjectBinding *binding = new ObjectBinding;
	binding->object = p_object;
	binding->wrapper = p_wrapper;
	binding->class_info = ClassDB::get_class_info(p_object->get_class_name());
	JS_SetOpaque(p_wrapper, binding);
	RefCounted *counted = Object::cast_to<RefCounted>(p_object);
	if (counted) {
		binding->owns_reference = true;
		counted->reference(); // Before the binding is set: the wrapper's own reference.
	}
	p_object->set_instance_binding(binding, &callbacks);
	if (p_script_subclass) {
		p_object->set_script_instance(new JSScriptInstance(p_ctx, binding, script_class_name(p_ctx, p_wrapper, p_object)));
		if (!counted) {
			// The node is the script's state: keep the wrapper until the node is freed.
			binding->strong = true;
			JS_DupValue(p_ctx, p_wrapper);
		}
	}
	if (counted && counted->get_reference_count() > 1) {
		binding->strong = true;
		JS_DupValue(p_ctx, p_wrapper);
	}
}

JSValue ObjectBindings::wrap(JSContext *p_ctx, Object *p_object) {
	if (!p_object) {
		return JS_NULL;
	}
	if (ObjectBinding *binding = static_cast<ObjectBinding *>(p_object->get_instance_binding())) {
		return JS_DupValue(p_ctx, binding->wrapper);
	}
	JSValue wrapper = JS_NewObjectProtoClass(p_ctx, ClassBinder::get_prototype(p_object->get_class_name()), QuickJSRuntime::get_singleton()->get_object_class_id());
	if (JS_IsException(wrapper)) {
		return wrapper;
	}
	attach(p_ctx, wrapper, p_object, false);
	return wrapper;
}

Object *ObjectBindings::unwrap(JSContext *p_ctx, JSValueConst p_value, const char *p_what) {
	ObjectBinding *binding = get_binding(p_value);
	if (!binding) {
		JS_ThrowTypeError(p_ctx, "%s: 'this' is not an engine object (got %s); call it on an instance", p_what, ValueConverter::describe_js_type(p_ctx, p_value).c_str());
		return nullptr;
	}
	if (!binding->object) {
		JS_ThrowReferenceError(p_ctx, "%s: this %s was already freed", p_what, binding->class_name());
		return nullptr;
	}
	return binding->object;
}

void ObjectBindings::finalizer(JSRuntime *p_rt, JSValueConst p_value) {
	ObjectBinding *binding = static_cast<ObjectBinding *>(JS_GetOpaque(p_value, QuickJSRuntime::get_singleton()->get_object_class_id()));
	if (!binding) {
		return;
	}
	if (Object *object = binding->object) {
		object->clear_instance_binding();
		if (binding->owns_reference) {
			Ref<RefCounted>::release(static_cast<RefCounted *>(object));
		}
	}
	delete binding;
}

// ---------------------------------------------------------------- JSScriptInstance

JSValue JSScriptInstance::_get_own_method(const StringName &p_method) const {
	if (!binding->object) {
		return JS_UNDEFINED;
	}
	JSValue function = JS_GetPropertyStr(context, binding->wrapper, p_method.c_str());
	if (!JS_IsFunction(context, function)) {
		JS_FreeValue(context, function);
		return JS_UNDEFINED;
	}
	// Native methods live on ClassDB prototypes; only script-defined ones count here.
	JSValue native = JS_GetPropertyStr(context, ClassBinder::get_prototype(binding->object->get_class_name()), p_method.c_str());
	const bool is_native = JS_IsStrictEqual(context, function, native);
	JS_FreeValue(context, native);
	if (is_native) {
		JS_FreeValue(context, function);
		return JS_UNDEFINED;
	}
	return function;
}

bool JSScriptInstance::has_method(const StringName &p_method) const {
	JSValue function = _get_own_method(p_method);
	const bool found = !JS_IsUndefined(function);
	JS_FreeValue(context, function);
	return found;
}

bool JSScriptInstance::has_signal(const StringName &p_signal) const {
	return false; // Script signals are declared with Object.add_user_signal().
}

Variant JSScriptInstance::callp(const StringName &p_method, const Variant **p_args, int p_argcount, CallError &r_error) {
	JSValue function = _get_own_method(p_method);
	if (JS_IsUndefined(function)) {
		r_error.error = CallError::CALL_ERROR_INVALID_METHOD;
		return Variant();
	}
	QuickJSRuntime *runtime = QuickJSRuntime::get_singleton();
	std::vector<JSValue> args(size_t(std::max(p_argcount, 0)));
	const int count = int(args.size());
	for (int i = 0; i < count; i++) {
		args[size_t(i)] = ValueConverter::to_js(context, *p_args[i]);
	}
	JSValue self = JS_DupValue(context, binding->wrapper); // The call may free the object.
	runtime->begin_call();
	JSValue result = JS_Call(context, function, self, count, args.data());
	Variant value;
	if (JS_IsException(result)) {
		runtime->report_exception(class_name + "." + p_method.str());
		r_error.error = CallError::CALL_ERROR_SCRIPT_EXCEPTION;
	} else if (!ValueConverter::to_variant(context, result, value)) {
		runtime->report_exception(class_name + "." + p_method.str() + " (return value)");
	}
	JS_FreeValue(context, result);
	for (JSValue &argument : args) {
		JS_FreeValue(context, argument);
	}
	JS_FreeValue(context, function);
	JS_FreeValue(context, self);
	runtime->end_call();
	return value;
}

bool JSScriptInstance::_has_field(const char *p_name) const {
	if (!binding->object) {
		return false;
	}
	const JSAtom atom = JS_NewAtom(context, p_name);
	JSPropertyDescriptor descriptor;
	const int own = JS_GetOwnProperty(context, &descriptor, binding->wrapper, atom);
	JS_FreeAtom(context, atom);
	if (own <= 0) {
		JS_FreeValue(context, JS_GetException(context)); // A pending exception from a proxy, if any.
		return false;
	}
	const bool is_field = !(descriptor.flags & JS_PROP_GETSET) && !JS_IsFunction(context, descriptor.value);
	JS_FreeValue(context, descriptor.value);
	JS_FreeValue(context, descriptor.getter);
	JS_FreeValue(context, descriptor.setter);
	return is_field;
}

bool JSScriptInstance::set(const StringName &p_name, const Variant &p_value) {
	if (!_has_field(p_name.c_str())) {
		return false;
	}
	if (JS_SetPropertyStr(context, binding->wrapper, p_name.c_str(), ValueConverter::to_js(context, p_value)) < 0) {
		QuickJSRuntime::get_singleton()->report_exception(class_name + ".set(\"" + p_name.str() + "\")");
	}
	return true;
}

bool JSScriptInstance::get(const StringName &p_name, Variant &r_value) const {
	if (!_has_field(p_name.c_str())) {
		return false;
	}
	JSValue value = JS_GetPropertyStr(context, binding->wrapper, p_name.c_str());
	if (!ValueConverter::to_variant(context, value, r_value)) {
		QuickJSRuntime::get_singleton()->report_exception(class_name + ".get(\"" + p_name.str() + "\")");
	}
	JS_FreeValue(context, value);
	return true;
}

void JSScriptInstance::get_property_list(std::vector<PropertyInfo> &r_properties) const {
	if (!binding->object) {
		return;
	}
	JSPropertyEnum *names = nullptr;
	uint32_t count = 0;
	if (JS_GetOwnPropertyNames(context, &names, &count, binding->wrapper, JS_GPN_STRING_MASK | JS_GPN_ENUM_ONLY) < 0) {
		JS_FreeValue(context, JS_GetException(context));
		return;
	}
	for (uint32_t i = 0; i < count; i++) {
		const char *name = JS_AtomToCString(context, names[i].atom);
		Variant value;
		if (name && get(StringName(name), value)) {
			r_properties.push_back(value.get_type() == Variant::NIL ? PropertyInfo::variant(name) : PropertyInfo(value.get_type(), name));
		}
		JS_FreeCString(context, name);
	}
	JS_FreePropertyEnum(context, names, count);
}

} // namespace godot
