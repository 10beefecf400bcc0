#include "class_binder.h"

#include "core/error/error_list.h"
#include "core/io/packet_peer.h"
#include "core/io/resource_loader.h"
#include "core/object/class_db.h"
#include "core/string/print_string.h"
#include "core/variant/variant_utility.h"
#include "object_binding.h"
#include "quickjs_runtime.h"
#include "value_converter.h"

#include <unordered_map>

namespace godot {

namespace {

struct ClassEntry {
	const ClassDB::ClassInfo *info = nullptr;
	JSValue prototype = JS_UNDEFINED;
	JSValue constructor = JS_UNDEFINED;
};

struct MethodEntry {
	MethodBind *bind = nullptr;
	const ClassDB::ClassInfo *owner = nullptr;
	String context; // "PacketPeerUDP.bind", for messages.
};

std::vector<ClassEntry> class_entries;
std::unordered_map<StringName, int, StringNameHasher> class_index;
std::vector<MethodEntry> method_entries;
JSValue fallback_prototype = JS_UNDEFINED;

bool is_a(const ClassDB::ClassInfo *p_class, const ClassDB::ClassInfo *p_ancestor) {
	for (; p_class; p_class = p_class->parent) {
		if (p_class == p_ancestor) {
			return true;
		}
	}
	return false;
}

const char *call_error_text(const CallError &p_error) {
	switch (p_error.error) {
		case CallError::CALL_ERROR_INVALID_METHOD:
			return "no such method";
		case CallError::CALL_ERROR_INVALID_ARGUMENT:
			return "invalid argument";
		case CallError::CALL_ERROR_TOO_MANY_ARGUMENTS:
			return "too many arguments";
		case CallError::CALL_ERROR_TOO_FEW_ARGUMENTS:
			return "too few arguments";
		case CallError::CALL_ERROR_INSTANCE_IS_NULL:
			return "the object is null";
		default:
			return "call failed";
	}
}

// Converts JS arguments for a bound signature; throws a TypeError naming the method on mismatch.
bool convert_arguments(JSContext *p_ctx, const MethodInfo &p_info, int p_default_count, const String &p_context, int p_argc, JSValueConst *p_argv, std::vector<Variant> &r_values, int &r_count) {
	const int declared = int(p_info.arguments.size());
	const int required = declared - p_default_count;
	int given = p_argc;
	while (given > required && given <= declared && JS_IsUndefined(p_argv[given - 1])) {
		given--; // Trailing undefined means "use the default".
	}
	if (!p_info.is_vararg && given > declared) {
		JS_ThrowTypeError(p_ctx, "%s: takes %s%d argument%s, got %d", p_context.c_str(), p_default_count ? "at most " : "", declared, declared == 1 ? "" : "s", p_argc);
		return false;
	}
	if (given < required) {
		JS_ThrowTypeError(p_ctx, "%s: missing argument %d ('%s'); it needs %d", p_context.c_str(), given + 1, p_info.arguments[size_t(given)].name.c_str(), required);
		return false;
	}
	r_values.resize(size_t(given));
	for (int i = 0; i < given; i++) {
		const bool ok = i < declared
				? ValueConverter::to_typed_variant(p_ctx, p_argv[i], p_info.arguments[size_t(i)], p_context.c_str(), i, r_values[size_t(i)])
				: ValueConverter::to_variant(p_ctx, p_argv[i], r_values[size_t(i)], p_context.c_str());
		if (!ok) {
			return false;
		}
	}
	r_count = given;
	return true;
}

JSValue call_method(JSContext *p_ctx, JSValueConst p_this, int p_argc, JSValueConst *p_argv, int p_magic) {
	const MethodEntry &entry = method_entries[size_t(p_magic)];
	Object *object = nullptr;
	if (!entry.bind->is_static()) {
		object = ObjectBindings::unwrap(p_ctx, p_this, entry.context.c_str());
		if (!object) {
			return JS_EXCEPTION;
		}
		if (!is_a(ObjectBindings::get_binding(p_this)->class_info, entry.owner)) {
			return JS_ThrowTypeError(p_ctx, "%s: called on a %s, which is not a %s", entry.context.c_str(), object->get_class().c_str(), entry.owner->name.c_str());
		}
	}
	thread_local std::vector<Variant> values;
	std::vector<Variant> arguments;
	arguments.swap(values); // Reuse the buffer; re-entrant calls get their own.
	int count = 0;
	if (!convert_arguments(p_ctx, entry.bind->get_info(), entry.bind->get_default_argument_count(), entry.context, p_argc, p_argv, arguments, count)) {
		arguments.clear();
		values.swap(arguments);
		return JS_EXCEPTION;
	}
	const Variant *pointers[32];
	const int pointer_count = count < 32 ? count : 32;
	for (int i = 0; i < pointer_count; i++) {
		pointers[i] = &arguments[size_t(i)];
	}
	CallError error;
	const Variant result = entry.bind->call(object, pointers, pointer_count, error);
	arguments.clear();
	values.swap(arguments);
	if (error.error != CallError::CALL_OK) {
		return JS_ThrowTypeError(p_ctx, "%s: %s", entry.context.c_str(), call_error_text(error));
	}
	return ValueConverter::to_js_typed(p_ctx, result, entry.bind->get_info().return_value);
}

// PacketPeer.get_packet and put_packet run once per packet. Through call_method each builds a
// PackedByteArray (an allocation and a copy) only to copy it again into or out of the script;
// these two go between the script's bytes and the peer directly, with the bound methods' results.
// Anything unusual (a call on another object, a wrong argument) takes call_method, which words the
// error.
PacketPeer *packet_peer_for(JSValueConst p_this, const MethodEntry &p_entry) {
	const ObjectBinding *binding = ObjectBindings::get_binding(p_this);
	if (!binding || !binding->object || !is_a(binding->class_info, p_entry.owner)) {
		return nullptr;
	}
	return static_cast<PacketPeer *>(binding->object);
}

JSValue call_get_packet(JSContext *p_ctx, JSValueConst p_this, int p_argc, JSValueConst *p_argv, int p_magic) {
	PacketPeer *peer = p_argc == 0 ? packet_peer_for(p_this, method_entries[size_t(p_magic)]) : nullptr;
	if (!peer) {
		return call_method(p_ctx, p_this, p_argc, p_argv, p_magic);
	}
	const uint8_t *packet = nullptr;
	int size = 0;
	peer->get_packet_for_script(&packet, size);
	return JS_NewUint8ArrayCopy(p_ctx, packet, size_t(size));
}

JSValue call_put_packet(JSContext *p_ctx, JSValueConst p_this, int p_argc, JSValueConst *p_argv, int p_magic) {
	PacketPeer *peer = p_argc == 1 ? packet_peer_for(p_this, method_entries[size_t(p_magic)]) : nullptr;
	const uint8_t *packet = nullptr;
	size_t size = 0;
	if (!peer || !ValueConverter::byte_view(p_ctx, p_argv[0], packet, size)) {
		return call_method(p_ctx, p_this, p_argc, p_argv, p_magic);
	}
	return JS_NewInt32(p_ctx, int(peer->put_packet_for_script(packet, int64_t(size))));
}

JSCFunctionMagic *function_for(const MethodEntry &p_entry) {
	if (p_entry.owner->name == StringName("PacketPeer")) {
		if (p_entry.bind->get_name() == StringName("get_packet")) {
			return call_get_packet;
		}
		if (p_entry.bind->get_name() == StringName("put_packet")) {
			return call_put_packet;
		}
	}
	return call_method;
}

JSValue construct(JSContext *p_ctx, JSValueConst p_new_target, int p_argc, JSValueConst *p_argv, int p_magic) {
	const ClassEntry &entry = class_entries[size_t(p_magic)];
	const char *name = entry.info->name.c_str();
	if (!entry.info->creator) {
		return JS_ThrowTypeError(p_ctx, "%s is abstract and can't be created with new%s", name,
				entry.info->name == StringName("TLSOptions") ? "; use TLSOptions.client(), TLSOptions.client_unsafe() or TLSOptions.server()" : "");
	}
	if (p_argc > 0) {
		return JS_ThrowTypeError(p_ctx, "new %s(): takes no arguments, got %d", name, p_argc);
	}
	Object *object = ClassDB::instantiate(entry.info->name);
	if (!object) {
		return JS_ThrowInternalError(p_ctx, "new %s(): %s is not available (its module is not loaded; see the message above)", name, name);
	}
	JSValue prototype = JS_GetPropertyStr(p_ctx, p_new_target, "prototype");
	JSValue wrapper = JS_NewObjectProtoClass(p_ctx, prototype, QuickJSRuntime::get_singleton()->get_object_class_id());
	const bool script_subclass = !JS_IsStrictEqual(p_ctx, prototype, entry.prototype);
	JS_FreeValue(p_ctx, prototype);
	if (JS_IsException(wrapper)) {
		memdelete(object);
		return wrapper;
	}
	ObjectBindings::attach(p_ctx, wrapper, object, script_subclass);
	return wrapper;
}

JSValue call_utility(JSContext *p_ctx, JSValueConst, int p_argc, JSValueConst *p_argv, int p_magic) {
	const UtilityFunctionInfo &function = UtilityFunctions::get_all()[size_t(p_magic)];
	std::vector<Variant> arguments;
	int count = 0;
	if (!convert_arguments(p_ctx, function.info, int(function.info.default_arguments.size()), function.name, p_argc, p_argv, arguments, count)) {
		return JS_EXCEPTION;
	}
	std::vector<const Variant *> pointers;
	for (const Variant &argument : arguments) {
		pointers.push_back(&argument);
	}
	CallError error;
	const Variant result = function.function(pointers.data(), count, error);
	if (error.error != CallError::CALL_OK) {
		return JS_ThrowTypeError(p_ctx, "%s: %s", function.name.c_str(), call_error_text(error));
	}
	return ValueConverter::to_js_typed(p_ctx, result, function.info.return_value);
}

// Resolves a promise with the signal's arguments the first time the signal fires.
class SignalAwaiter : public CallableCustom {
	JSContext *context;
	JSValue resolve;

public:
	SignalAwaiter(JSContext *p_ctx, JSValue p_resolve) :
			context(p_ctx), resolve(p_resolve) {}
	~SignalAwaiter() override { QuickJSRuntime::get_singleton()->defer_release(resolve); }
	void call(const Variant **p_args, int p_argcount, Variant &r_return, CallError &r_error) const override {
		JSValue arguments = JS_NewArray(context);
		for (int i = 0; i < p_argcount; i++) {
			JS_SetPropertyUint32(context, arguments, uint32_t(i), ValueConverter::to_js(context, *p_args[i]));
		}
		JS_FreeValue(context, JS_Call(context, resolve, JS_UNDEFINED, 1, &arguments));
		JS_FreeValue(context, arguments);
		QuickJSRuntime::get_singleton()->run_microtasks();
	}
	String describe() const override { return "wait_signal"; }
};

// wait_signal(object, "signal"): a Promise of the signal's arguments (a Quickdot extension).
JSValue wait_signal(JSContext *p_ctx, JSValueConst, int p_argc, JSValueConst *p_argv) {
	if (p_argc < 2) {
		return JS_ThrowTypeError(p_ctx, "wait_signal: needs (object, signal_name), got %d arguments", p_argc);
	}
	Object *object = ObjectBindings::unwrap(p_ctx, p_argv[0], "wait_signal");
	if (!object) {
		return JS_EXCEPTION;
	}
	const char *signal = JS_IsString(p_argv[1]) ? JS_ToCString(p_ctx, p_argv[1]) : nullptr;
	if (!signal) {
		return JS_ThrowTypeError(p_ctx, "wait_signal: argument 2 ('signal') must be a string, got %s", ValueConverter::describe_js_type(p_ctx, p_argv[1]).c_str());
	}
	const StringName signal_name(signal);
	JS_FreeCString(p_ctx, signal);
	if (!object->has_signal(signal_name)) {
		return JS_ThrowTypeError(p_ctx, "wait_signal: %s has no signal named '%s'", object->get_class().c_str(), signal_name.c_str());
	}
	JSValue functions[2];
	JSValue promise = JS_NewPromiseCapability(p_ctx, functions);
	JS_FreeValue(p_ctx, functions[1]);
	object->connect(signal_name, Callable(std::make_shared<SignalAwaiter>(p_ctx, functions[0])), Object::CONNECT_ONE_SHOT);
	return promise;
}

// load("res://server.crt"): GDScript's global load(), ResourceLoader.load with its defaults.
JSValue load_resource(JSContext *p_ctx, JSValueConst, int p_argc, JSValueConst *p_argv) {
	if (p_argc < 1) {
		return JS_ThrowTypeError(p_ctx, "load: needs (path), got no arguments");
	}
	Variant path;
	if (!ValueConverter::to_typed_variant(p_ctx, p_argv[0], PropertyInfo(Variant::STRING, "path"), "load", 0, path)) {
		return JS_EXCEPTION;
	}
	const Ref<Resource> resource = ResourceLoader::load(path.to_string_value());
	return ValueConverter::to_js(p_ctx, Variant(resource.ptr()));
}

// map_stack_trace(stack): the stack with its compiled-JavaScript positions rewritten to the
// TypeScript ones, through the source maps the engine's own error reports use (a Quickdot
// extension; the "gut" module reports positions with it).
JSValue map_stack_trace(JSContext *p_ctx, JSValueConst, int p_argc, JSValueConst *p_argv) {
	const char *stack = p_argc > 0 && JS_IsString(p_argv[0]) ? JS_ToCString(p_ctx, p_argv[0]) : nullptr;
	if (!stack) {
		return JS_ThrowTypeError(p_ctx, "map_stack_trace: argument 1 ('stack') must be a string, got %s",
				p_argc > 0 ? ValueConverter::describe_js_type(p_ctx, p_argv[0]).c_str() : "no argument");
	}
	const String mapped = QuickJSRuntime::from_context(p_ctx)->map_stack(stack);
	JS_FreeCString(p_ctx, stack);
	return JS_NewStringLen(p_ctx, mapped.c_str(), mapped.size());
}

JSValue make_enum_object(JSContext *p_ctx, const ClassDB::EnumInfo &p_enum) {
	JSValue object = JS_NewObject(p_ctx);
	for (const auto &value : p_enum.values) {
		JS_SetPropertyStr(p_ctx, object, value.first.c_str(), JS_NewInt64(p_ctx, value.second));
		// Reverse mapping, like a TypeScript numeric enum: Status[2] === "STATUS_CONNECTED".
		JS_SetPropertyStr(p_ctx, object, std::to_string(value.second).c_str(), JS_NewString(p_ctx, value.first.c_str()));
	}
	JS_FreezeObject(p_ctx, object);
	return object;
}

// Enums (both nested and flat) and loose constants, on a constructor or singleton.
void define_constants(JSContext *p_ctx, JSValueConst p_target, const ClassDB::ClassInfo *p_info) {
	for (const ClassDB::EnumInfo &enum_info : p_info->enums) {
		JS_DefinePropertyValueStr(p_ctx, p_target, enum_info.name.c_str(), make_enum_object(p_ctx, enum_info), JS_PROP_ENUMERABLE);
		for (const auto &value : enum_info.values) {
			JS_DefinePropertyValueStr(p_ctx, p_target, value.first.c_str(), JS_NewInt64(p_ctx, value.second), JS_PROP_ENUMERABLE);
		}
	}
	for (const auto &constant : p_info->constants) {
		JS_DefinePropertyValueStr(p_ctx, p_target, constant.first.c_str(), JS_NewInt64(p_ctx, constant.second), JS_PROP_ENUMERABLE);
	}
}

// The getter of a signal property (timer.timeout): the Signal of this object and that name.
JSValue get_signal(JSContext *p_ctx, JSValueConst p_this, int, JSValueConst *, int, JSValueConst *p_data) {
	Object *object = ObjectBindings::unwrap(p_ctx, p_this, "a signal property");
	if (!object) {
		return JS_EXCEPTION;
	}
	const char *name = JS_ToCString(p_ctx, p_data[0]);
	if (!name) {
		return JS_EXCEPTION;
	}
	const Signal signal(object->get_instance_id(), StringName(name));
	JS_FreeCString(p_ctx, name);
	return ValueConverter::to_js(p_ctx, Variant(signal));
}

// Each signal of the class as a read-only property of its prototype, unless a method or
// property already has the name.
void define_signal_properties(JSContext *p_ctx, JSValueConst p_prototype, const ClassDB::ClassInfo *p_info) {
	for (const MethodInfo &signal : p_info->signals) {
		JSAtom atom = JS_NewAtom(p_ctx, signal.name.c_str());
		if (JS_HasProperty(p_ctx, p_prototype, atom) == 0) {
			JSValue name = JS_NewStringLen(p_ctx, signal.name.data(), signal.name.size());
			JSValue getter = JS_NewCFunctionData(p_ctx, get_signal, 0, 0, 1, &name);
			JS_FreeValue(p_ctx, name);
			JS_DefinePropertyGetSet(p_ctx, p_prototype, atom, getter, JS_UNDEFINED, JS_PROP_CONFIGURABLE);
		}
		JS_FreeAtom(p_ctx, atom);
	}
}

JSValue make_method_function(JSContext *p_ctx, MethodBind *p_bind, const ClassDB::ClassInfo *p_owner) {
	method_entries.push_back(MethodEntry{ p_bind, p_owner, p_owner->name.str() + "." + p_bind->get_name().str() });
	return JS_NewCFunctionMagic(p_ctx, function_for(method_entries.back()), p_bind->get_name().c_str(), p_bind->get_argument_count(), JS_CFUNC_generic_magic, int(method_entries.size() - 1));
}

void bind_class(JSContext *p_ctx, const ClassDB::ClassInfo *p_info) {
	ClassEntry entry;
	entry.info = p_info;
	entry.prototype = JS_NewObject(p_ctx);
	const int index = int(class_entries.size());
	entry.constructor = JS_NewCFunctionMagic(p_ctx, construct, p_info->name.c_str(), 0, JS_CFUNC_constructor_magic, index);
	JS_SetConstructor(p_ctx, entry.constructor, entry.prototype);
	if (p_info->parent) {
		const ClassEntry &parent = class_entries[size_t(class_index.at(p_info->parent->name))];
		JS_SetPrototype(p_ctx, entry.prototype, parent.prototype);
		JS_SetPrototype(p_ctx, entry.constructor, parent.constructor); // Static members inherit too.
	}
	for (MethodBind *bind : p_info->method_order) {
		JSValue function = make_method_function(p_ctx, bind, p_info);
		JS_DefinePropertyValueStr(p_ctx, bind->is_static() ? entry.constructor : entry.prototype, bind->get_name().c_str(), function, JS_PROP_CONFIGURABLE | JS_PROP_WRITABLE);
	}
	for (const ClassDB::PropertyBinding &property : p_info->properties) {
		MethodBind *getter = property.getter.is_empty() ? nullptr : ClassDB::get_method(p_info->name, property.getter);
		MethodBind *setter = property.setter.is_empty() ? nullptr : ClassDB::get_method(p_info->name, property.setter);
		JSAtom atom = JS_NewAtom(p_ctx, property.info.name.c_str());
		JS_DefinePropertyGetSet(p_ctx, entry.prototype, atom,
				getter ? make_method_function(p_ctx, getter, p_info) : JS_UNDEFINED,
				setter ? make_method_function(p_ctx, setter, p_info) : JS_UNDEFINED, JS_PROP_CONFIGURABLE);
		JS_FreeAtom(p_ctx, atom);
	}
	define_signal_properties(p_ctx, entry.prototype, p_info);
	define_constants(p_ctx, entry.constructor, p_info);
	class_index[p_info->name] = index;
	class_entries.push_back(entry);
}

std::vector<std::pair<String, JSValue>> module_exports;

int initialize_module(JSContext *p_ctx, JSModuleDef *p_module) {
	for (auto &item : module_exports) {
		JS_SetModuleExport(p_ctx, p_module, item.first.c_str(), JS_DupValue(p_ctx, item.second));
	}
	return 0;
}

} // namespace

JSValueConst ClassBinder::get_prototype(const StringName &p_class) {
	for (const ClassDB::ClassInfo *info = ClassDB::get_class_info(p_class); info; info = info->parent) {
		const auto found = class_index.find(info->name);
		if (found != class_index.end()) {
			return class_entries[size_t(found->second)].prototype;
		}
	}
	return fallback_prototype;
}

JSModuleDef *ClassBinder::create_godot_module(JSContext *p_ctx) {
	fallback_prototype = JS_NewObject(p_ctx);
	for (const StringName &name : ClassDB::get_class_list()) {
		const ClassDB::ClassInfo *info = ClassDB::get_class_info(name);
		if (info && info->exposed) {
			bind_class(p_ctx, info);
		}
	}
	std::vector<String> singleton_names;
	for (const ClassDB::SingletonInfo &singleton : ClassDB::get_singletons()) {
		singleton_names.push_back(singleton.name.str());
	}
	for (const ClassEntry &entry : class_entries) {
		const String &name = entry.info->name.str();
		if (std::find(singleton_names.begin(), singleton_names.end(), name) == singleton_names.end()) {
			module_exports.emplace_back(name, JS_DupValue(p_ctx, entry.constructor));
		}
	}
	for (const ClassDB::SingletonInfo &singleton : ClassDB::get_singletons()) {
		JSValue instance = ObjectBindings::wrap(p_ctx, singleton.instance);
		if (const ClassDB::ClassInfo *info = ClassDB::get_class_info(singleton.instance->get_class_name())) {
			define_constants(p_ctx, instance, info);
		}
		module_exports.emplace_back(singleton.name.str(), instance);
	}
	const std::vector<UtilityFunctionInfo> &utilities = UtilityFunctions::get_all();
	for (size_t i = 0; i < utilities.size(); i++) {
		module_exports.emplace_back(utilities[i].name, JS_NewCFunctionMagic(p_ctx, call_utility, utilities[i].name.c_str(), int(utilities[i].info.arguments.size()), JS_CFUNC_generic_magic, int(i)));
	}
	// The global Error enum, exported as "Error" (only shadows JS's Error where imported under
	// that name) and as "GodotError".
	ClassDB::EnumInfo errors;
	errors.name = "Error";
	for (int code = 0; code < ERR_MAX; code++) {
		errors.values.emplace_back(error_constant_name(Error(code)), code);
	}
	JSValue error_enum = make_enum_object(p_ctx, errors);
	module_exports.emplace_back("GodotError", JS_DupValue(p_ctx, error_enum));
	module_exports.emplace_back("Error", error_enum);
	module_exports.emplace_back("wait_signal", JS_NewCFunction(p_ctx, wait_signal, "wait_signal", 2));
	module_exports.emplace_back("load", JS_NewCFunction(p_ctx, load_resource, "load", 1));
	module_exports.emplace_back("map_stack_trace", JS_NewCFunction(p_ctx, map_stack_trace, "map_stack_trace", 1));
	for (const auto &item : QuickJSRuntime::from_context(p_ctx)->get_value_types().get_exports()) {
		module_exports.emplace_back(item.first, JS_DupValue(p_ctx, item.second));
	}

	JSModuleDef *module = JS_NewCModule(p_ctx, "godot", initialize_module);
	for (const auto &item : module_exports) {
		JS_AddModuleExport(p_ctx, module, item.first.c_str());
	}
	return module;
}

void ClassBinder::cleanup(JSContext *p_ctx) {
	for (auto &item : module_exports) {
		JS_FreeValue(p_ctx, item.second);
	}
	module_exports.clear();
	for (ClassEntry &entry : class_entries) {
		JS_FreeValue(p_ctx, entry.prototype);
		JS_FreeValue(p_ctx, entry.constructor);
	}
	class_entries.clear();
	class_index.clear();
	method_entries.clear();
	JS_FreeValue(p_ctx, fallback_prototype);
	fallback_prototype = JS_UNDEFINED;
}

} // namespace godot
