#include "core/object/object.h"

#include "core/error/error_macros.h"
#include "core/object/class_db.h"
#include "core/object/message_queue.h"
#include "core/string/print_string.h"
#include "core/variant/type_info.h"

#include <algorithm>

namespace godot {

// ---------------------------------------------------------------- ObjectDB

static std::unordered_map<ObjectID, Object *> &object_table() {
	static std::unordered_map<ObjectID, Object *> table;
	return table;
}

static ObjectID last_object_id = 0;

Object *ObjectDB::get_instance(ObjectID p_id) {
	if (p_id == 0) {
		return nullptr;
	}
	const auto found = object_table().find(p_id);
	return found == object_table().end() ? nullptr : found->second;
}

int ObjectDB::get_object_count() {
	return int(object_table().size());
}

void ObjectDB::_add(Object *p_object, ObjectID &r_id) {
	r_id = ++last_object_id;
	object_table().emplace(r_id, p_object);
}

void ObjectDB::_remove(ObjectID p_id) {
	object_table().erase(p_id);
}

// ---------------------------------------------------------------- Object

Object::Object() {
	ObjectDB::_add(this, instance_id);
}

Object::~Object() {
	if (instance_binding && binding_callbacks && binding_callbacks->free_callback) {
		binding_callbacks->free_callback(instance_binding, this);
	}
	delete script_instance;
	ObjectDB::_remove(instance_id);
}

void Object::initialize_class() {
	static bool initialized = false;
	if (initialized) {
		return;
	}
	ClassDB::_add_class(get_class_static(), StringName());
	ClassDB::_begin_binding(get_class_static());
	_bind_methods();
	ClassDB::_end_binding();
	initialized = true;
}

bool Object::is_class(const String &p_class) const {
	return ClassDB::is_parent_class(get_class_name(), StringName(p_class));
}

void Object::notification(int p_what, bool p_reversed) {
	(void)p_reversed; // One level of _notification per class is enough for the engine's own classes.
	_notification(p_what);
}

void Object::free() {
	if (is_ref_counted()) {
		print_error(vformat("%s.free: a RefCounted object can't be freed by hand; it is freed when the last reference to it is dropped.", get_class().c_str()));
		return;
	}
	notification(NOTIFICATION_PREDELETE);
	delete this;
}

String Object::to_string() {
	if (script_instance && script_instance->has_method("_to_string")) {
		CallError error;
		const Variant text = script_instance->callp("_to_string", nullptr, 0, error);
		if (error.error == CallError::CALL_OK) {
			return text.stringify();
		}
	}
	return "<" + get_class() + "#" + std::to_string(instance_id) + ">";
}

Variant Object::callp(const StringName &p_method, const Variant **p_args, int p_argcount, CallError &r_error) {
	if (script_instance && script_instance->has_method(p_method)) {
		return script_instance->callp(p_method, p_args, p_argcount, r_error);
	}
	MethodBind *method = ClassDB::get_method(get_class_name(), p_method);
	if (!method) {
		r_error.error = CallError::CALL_ERROR_INVALID_METHOD;
		return Variant();
	}
	return method->call(this, p_args, p_argcount, r_error);
}

bool Object::has_method(const StringName &p_method) const {
	if (script_instance && script_instance->has_method(p_method)) {
		return true;
	}
	return ClassDB::get_method(get_class_name(), p_method) != nullptr;
}

void Object::set(const StringName &p_property, const Variant &p_value) {
	const ClassDB::PropertyBinding *property = ClassDB::get_property(get_class_name(), p_property);
	if (property && !property->setter.is_empty()) {
		const Variant *args[] = { &p_value };
		CallError error;
		callp(property->setter, args, 1, error);
	} else if (script_instance) {
		script_instance->set(p_property, p_value);
	}
}

Variant Object::get(const StringName &p_property) const {
	const ClassDB::PropertyBinding *property = ClassDB::get_property(get_class_name(), p_property);
	if (property && !property->getter.is_empty()) {
		CallError error;
		return const_cast<Object *>(this)->callp(property->getter, nullptr, 0, error);
	}
	Variant value;
	if (script_instance) {
		script_instance->get(p_property, value);
	}
	return value;
}

// The usage flags of Godot's PropertyUsageFlags that get_property_list() reports.
enum {
	PROPERTY_USAGE_DEFAULT = 6, // STORAGE | EDITOR
	PROPERTY_USAGE_CATEGORY = 128,
	PROPERTY_USAGE_SCRIPT_VARIABLE = 4096,
};

static Dictionary property_dictionary(const PropertyInfo &p_info, int p_usage) {
	Dictionary entry;
	entry.set("name", p_info.name);
	entry.set("class_name", StringName(p_info.type == Variant::OBJECT ? p_info.class_name : String()));
	entry.set("type", int64_t(p_info.type));
	entry.set("hint", int64_t(0));
	entry.set("hint_string", p_info.kind == PropertyInfo::KIND_TYPED_ARRAY ? p_info.class_name : String());
	entry.set("usage", int64_t(p_usage));
	return entry;
}

static void add_class_properties(const ClassDB::ClassInfo *p_class, TypedArray<Dictionary> &r_list) {
	if (!p_class) {
		return;
	}
	add_class_properties(p_class->parent, r_list);
	r_list.push_back(property_dictionary(PropertyInfo(Variant::NIL, p_class->name.str()), PROPERTY_USAGE_CATEGORY));
	for (const ClassDB::PropertyBinding &property : p_class->properties) {
		r_list.push_back(property_dictionary(property.info, PROPERTY_USAGE_DEFAULT));
	}
}

TypedArray<Dictionary> Object::get_property_list() const {
	TypedArray<Dictionary> list;
	add_class_properties(ClassDB::get_class_info(get_class_name()), list);
	if (script_instance) {
		std::vector<PropertyInfo> fields;
		script_instance->get_property_list(fields);
		list.push_back(property_dictionary(PropertyInfo(Variant::NIL, script_instance->get_class_name()), PROPERTY_USAGE_CATEGORY));
		for (const PropertyInfo &field : fields) {
			list.push_back(property_dictionary(field, PROPERTY_USAGE_DEFAULT | PROPERTY_USAGE_SCRIPT_VARIABLE));
		}
	}
	return list;
}

void Object::set_deferred(const StringName &p_property, const Variant &p_value) {
	const Variant property(p_property);
	const Variant *args[] = { &property, &p_value };
	MessageQueue::push_callable(Callable(this, "set"), args, 2);
}

Variant Object::_call_deferred_bind(const Variant **p_args, int p_argcount, CallError &r_error) {
	(void)r_error;
	MessageQueue::push_callable(Callable(this, p_args[0]->to_string_name()), p_args + 1, p_argcount - 1);
	return Variant();
}

// ---------------------------------------------------------------- Metadata

std::pair<StringName, Variant> *Object::_find_meta(const StringName &p_name) const {
	if (!metadata) {
		return nullptr;
	}
	for (auto &entry : *metadata) {
		if (entry.first == p_name) {
			return &entry;
		}
	}
	return nullptr;
}

void Object::set_meta(const StringName &p_name, const Variant &p_value) {
	if (p_value.get_type() == Variant::NIL) {
		if (has_meta(p_name)) {
			remove_meta(p_name);
		}
		return;
	}
	if (std::pair<StringName, Variant> *entry = _find_meta(p_name)) {
		entry->second = p_value;
		return;
	}
	if (!metadata) {
		metadata = std::make_unique<std::vector<std::pair<StringName, Variant>>>();
	}
	metadata->emplace_back(p_name, p_value);
}

Variant Object::get_meta(const StringName &p_name, const Variant &p_default) const {
	if (const std::pair<StringName, Variant> *entry = _find_meta(p_name)) {
		return entry->second;
	}
	ERR_FAIL_COND_V_MSG(p_default.get_type() == Variant::NIL, Variant(),
			vformat("%s.get_meta: there is no metadata \"%s\", and no default was given. Pass a default, or check has_meta() first.", get_class().c_str(), p_name.c_str()));
	return p_default;
}

void Object::remove_meta(const StringName &p_name) {
	if (!metadata) {
		return;
	}
	metadata->erase(std::remove_if(metadata->begin(), metadata->end(), [&](const auto &p_entry) { return p_entry.first == p_name; }), metadata->end());
}

TypedArray<StringName> Object::get_meta_list() const {
	TypedArray<StringName> names;
	names.set_typed(Variant::STRING_NAME, StringName());
	if (metadata) {
		for (const auto &entry : *metadata) {
			names.push_back(entry.first);
		}
	}
	return names;
}

// ---------------------------------------------------------------- Signals

void Object::add_user_signal(const String &p_signal, const Array &p_arguments) {
	ERR_FAIL_COND_MSG(p_signal.empty(), vformat("%s.add_user_signal: the signal name is empty.", get_class().c_str()));
	ERR_FAIL_COND_MSG(ClassDB::has_signal(get_class_name(), StringName(p_signal)),
			vformat("%s.add_user_signal: the class already has a signal named '%s'.", get_class().c_str(), p_signal.c_str()));
	if (!user_signals) {
		user_signals = std::make_unique<std::vector<MethodInfo>>();
	}
	MethodInfo signal(p_signal);
	for (int64_t i = 0; i < p_arguments.size(); i++) {
		const Dictionary argument = p_arguments[i].to_dictionary();
		signal.arguments.emplace_back(Variant::Type(argument.get("type", int64_t(Variant::NIL)).to_int()), argument.get("name", String()).to_string_value());
	}
	const auto same_name = [&](const MethodInfo &p_info) { return p_info.name == p_signal; };
	const auto found = std::find_if(user_signals->begin(), user_signals->end(), same_name);
	if (found == user_signals->end()) {
		user_signals->push_back(std::move(signal));
	} else {
		*found = std::move(signal);
	}
}

bool Object::has_user_signal(const StringName &p_signal) const {
	return user_signals && std::any_of(user_signals->begin(), user_signals->end(), [&](const MethodInfo &p_info) { return p_info.name == p_signal.str(); });
}

void Object::remove_user_signal(const StringName &p_signal) {
	ERR_FAIL_COND_MSG(!has_user_signal(p_signal), vformat("%s.remove_user_signal: no user signal named '%s'.", get_class().c_str(), p_signal.c_str()));
	user_signals->erase(std::remove_if(user_signals->begin(), user_signals->end(), [&](const MethodInfo &p_info) { return p_info.name == p_signal.str(); }), user_signals->end());
}

static Dictionary signal_dictionary(const MethodInfo &p_signal) {
	Array arguments;
	for (const PropertyInfo &argument : p_signal.arguments) {
		arguments.push_back(property_dictionary(argument, PROPERTY_USAGE_DEFAULT));
	}
	Dictionary entry;
	entry.set("name", p_signal.name);
	entry.set("args", arguments);
	entry.set("default_args", Array());
	entry.set("flags", int64_t(1)); // METHOD_FLAG_NORMAL
	entry.set("id", int64_t(0));
	entry.set("return", property_dictionary(PropertyInfo(), PROPERTY_USAGE_DEFAULT));
	return entry;
}

TypedArray<Dictionary> Object::get_signal_list() const {
	TypedArray<Dictionary> list;
	for (const ClassDB::ClassInfo *info = ClassDB::get_class_info(get_class_name()); info; info = info->parent) {
		for (const MethodInfo &signal : info->signals) {
			list.push_back(signal_dictionary(signal));
		}
	}
	if (user_signals) {
		for (const MethodInfo &signal : *user_signals) {
			list.push_back(signal_dictionary(signal));
		}
	}
	return list;
}

bool Object::_has_declared_signal(const StringName &p_signal) const {
	if (has_user_signal(p_signal)) {
		return true;
	}
	if (script_instance && script_instance->has_signal(p_signal)) {
		return true;
	}
	return ClassDB::has_signal(get_class_name(), p_signal);
}

bool Object::has_signal(const StringName &p_signal) const {
	return _has_declared_signal(p_signal);
}

Error Object::connect(const StringName &p_signal, const Callable &p_callable, uint32_t p_flags) {
	if (p_callable.is_null()) {
		print_error(vformat("%s.connect: the callable for signal '%s' is null.", get_class().c_str(), p_signal.c_str()));
		return ERR_INVALID_PARAMETER;
	}
	if (!_has_declared_signal(p_signal)) {
		print_error(vformat("%s.connect: no signal named '%s' (declare it first, or check the spelling).", get_class().c_str(), p_signal.c_str()));
		return ERR_INVALID_PARAMETER;
	}
	if (!signals) {
		signals = std::make_unique<std::unordered_map<StringName, SignalConnections, StringNameHasher>>();
	}
	SignalConnections &slot = (*signals)[p_signal];
	for (const Connection &connection : slot.connections) {
		if (connection.callable == p_callable) {
			print_error(vformat("%s.connect: signal '%s' is already connected to %s.", get_class().c_str(), p_signal.c_str(), p_callable.to_string().c_str()));
			return ERR_INVALID_PARAMETER;
		}
	}
	slot.connections.push_back(Connection{ p_callable, p_flags });
	return OK;
}

void Object::disconnect(const StringName &p_signal, const Callable &p_callable) {
	if (signals) {
		const auto found = signals->find(p_signal);
		if (found != signals->end()) {
			auto &connections = found->second.connections;
			for (auto it = connections.begin(); it != connections.end(); ++it) {
				if (it->callable == p_callable) {
					connections.erase(it);
					return;
				}
			}
		}
	}
	print_error(vformat("%s.disconnect: signal '%s' is not connected to %s.", get_class().c_str(), p_signal.c_str(), p_callable.to_string().c_str()));
}

bool Object::is_connected(const StringName &p_signal, const Callable &p_callable) const {
	if (!signals) {
		return false;
	}
	const auto found = signals->find(p_signal);
	if (found == signals->end()) {
		return false;
	}
	for (const Connection &connection : found->second.connections) {
		if (connection.callable == p_callable) {
			return true;
		}
	}
	return false;
}

int Object::get_connection_count(const StringName &p_signal) const {
	if (!signals) {
		return 0;
	}
	const auto found = signals->find(p_signal);
	return found == signals->end() ? 0 : int(found->second.connections.size());
}

TypedArray<Dictionary> Object::get_signal_connection_list(const StringName &p_signal) const {
	TypedArray<Dictionary> list;
	if (!signals) {
		return list;
	}
	const auto found = signals->find(p_signal);
	if (found == signals->end()) {
		return list;
	}
	for (const Connection &connection : found->second.connections) {
		Dictionary entry;
		entry.set("signal", Signal(this, p_signal));
		entry.set("callable", connection.callable);
		entry.set("flags", int64_t(connection.flags));
		list.push_back(entry);
	}
	return list;
}

Error Object::emit_signalp(const StringName &p_signal, const Variant **p_args, int p_argcount) {
	if (!signals) {
		return _has_declared_signal(p_signal) ? OK : ERR_UNAVAILABLE;
	}
	const auto found = signals->find(p_signal);
	if (found == signals->end()) {
		return _has_declared_signal(p_signal) ? OK : ERR_UNAVAILABLE;
	}
	// Copy: handlers may connect or disconnect while we iterate, or free this object.
	const std::vector<Connection> connections = found->second.connections;
	const ObjectID self = instance_id;
	for (const Connection &connection : connections) {
		if (connection.flags & CONNECT_ONE_SHOT) {
			if (!is_connected(p_signal, connection.callable)) {
				continue;
			}
			disconnect(p_signal, connection.callable);
		}
		if (connection.flags & CONNECT_DEFERRED) {
			MessageQueue::push_callable(connection.callable, p_args, p_argcount);
			continue;
		}
		Variant result;
		CallError error;
		connection.callable.callp(p_args, p_argcount, result, error);
		if (error.error == CallError::CALL_ERROR_INSTANCE_IS_NULL) {
			if (ObjectDB::get_instance(self)) {
				disconnect(p_signal, connection.callable); // The target was freed: drop the connection.
			}
		} else if (error.error != CallError::CALL_OK && error.error != CallError::CALL_ERROR_SCRIPT_EXCEPTION) {
			print_error(vformat("Signal '%s' of %s: calling %s failed (wrong argument count or types).", p_signal.c_str(), get_class().c_str(), connection.callable.to_string().c_str()));
		}
		if (!ObjectDB::get_instance(self)) {
			break; // A handler freed the emitter.
		}
	}
	return OK;
}

// ---------------------------------------------------------------- Scripting

void Object::set_script_instance(ScriptInstance *p_instance) {
	if (script_instance == p_instance) {
		return;
	}
	delete script_instance;
	script_instance = p_instance;
}

void Object::set_instance_binding(void *p_binding, const InstanceBindingCallbacks *p_callbacks) {
	instance_binding = p_binding;
	binding_callbacks = p_callbacks;
}

void Object::clear_instance_binding() {
	instance_binding = nullptr;
	binding_callbacks = nullptr;
}

} // namespace godot

VARIANT_ENUM_CAST(Object::ConnectFlags)

namespace godot {

Variant Object::_emit_signal_bind(const Variant **p_args, int p_argcount, CallError &r_error) {
	(void)r_error;
	return emit_signalp(p_args[0]->to_string_name(), p_args + 1, p_argcount - 1);
}

Variant Object::_call_bind(const Variant **p_args, int p_argcount, CallError &r_error) {
	return callp(p_args[0]->to_string_name(), p_args + 1, p_argcount - 1, r_error);
}

void Object::_bind_methods() {
	ClassDB::bind_method(D_METHOD("get_class"), &Object::_get_class_bind);
	ClassDB::bind_method(D_METHOD("is_class", "class"), &Object::_is_class_bind);
	ClassDB::bind_method(D_METHOD("set", "property", "value"), &Object::set);
	ClassDB::bind_method(D_METHOD("get", "property"), &Object::get);
	ClassDB::bind_method(D_METHOD("notification", "what", "reversed"), &Object::notification, DEFVAL(false));
	ClassDB::bind_method(D_METHOD("to_string"), &Object::to_string);
	// Godot's Object.free(), which its API dump leaves out (GDScript treats it specially).
	ClassDB::bind_method(D_METHOD("free"), &Object::free);
	ClassDB::bind_method(D_METHOD("get_instance_id"), &Object::_get_instance_id_bind);
	MethodInfo emit_signal_info("emit_signal", PropertyInfo(Variant::STRING_NAME, "signal"));
	emit_signal_info.return_value = GetTypeInfo<Error>::get();
	ClassDB::bind_vararg_method<Object>("emit_signal", &Object::_emit_signal_bind, emit_signal_info);
	MethodInfo call_info("call", PropertyInfo(Variant::STRING_NAME, "method"));
	call_info.return_value = PropertyInfo::variant();
	ClassDB::bind_vararg_method<Object>("call", &Object::_call_bind, call_info);
	ClassDB::bind_method(D_METHOD("has_method", "method"), &Object::has_method);
	ClassDB::bind_method(D_METHOD("has_signal", "signal"), &Object::has_signal);
	ClassDB::bind_method(D_METHOD("connect", "signal", "callable", "flags"), &Object::_connect_bind, DEFVAL(0));
	ClassDB::bind_method(D_METHOD("disconnect", "signal", "callable"), &Object::disconnect);
	ClassDB::bind_method(D_METHOD("is_connected", "signal", "callable"), &Object::is_connected);
	ClassDB::bind_method(D_METHOD("add_user_signal", "signal", "arguments"), &Object::add_user_signal, DEFVAL(Array()));
	ClassDB::bind_method(D_METHOD("has_user_signal", "signal"), &Object::has_user_signal);
	ClassDB::bind_method(D_METHOD("remove_user_signal", "signal"), &Object::remove_user_signal);
	ClassDB::bind_method(D_METHOD("get_signal_list"), &Object::get_signal_list);
	ClassDB::bind_method(D_METHOD("get_signal_connection_list", "signal"), &Object::get_signal_connection_list);
	ClassDB::bind_method(D_METHOD("get_property_list"), &Object::get_property_list);
	ClassDB::bind_method(D_METHOD("set_deferred", "property", "value"), &Object::set_deferred);
	MethodInfo call_deferred_info("call_deferred", PropertyInfo(Variant::STRING_NAME, "method"));
	call_deferred_info.return_value = PropertyInfo::variant();
	ClassDB::bind_vararg_method<Object>("call_deferred", &Object::_call_deferred_bind, call_deferred_info);
	ClassDB::bind_method(D_METHOD("set_meta", "name", "value"), &Object::set_meta);
	ClassDB::bind_method(D_METHOD("get_meta", "name", "default"), &Object::get_meta, DEFVAL(Variant()));
	ClassDB::bind_method(D_METHOD("has_meta", "name"), &Object::has_meta);
	ClassDB::bind_method(D_METHOD("remove_meta", "name"), &Object::remove_meta);
	ClassDB::bind_method(D_METHOD("get_meta_list"), &Object::get_meta_list);

	ADD_SIGNAL(MethodInfo("script_changed"));
	ADD_SIGNAL(MethodInfo("property_list_changed"));

	BIND_CONSTANT(NOTIFICATION_POSTINITIALIZE);
	BIND_CONSTANT(NOTIFICATION_PREDELETE);
	BIND_CONSTANT(NOTIFICATION_EXTENSION_RELOADED);
	BIND_ENUM_CONSTANT(CONNECT_DEFERRED);
	BIND_ENUM_CONSTANT(CONNECT_PERSIST);
	BIND_ENUM_CONSTANT(CONNECT_ONE_SHOT);
	BIND_ENUM_CONSTANT(CONNECT_REFERENCE_COUNTED);
	BIND_ENUM_CONSTANT(CONNECT_APPEND_SOURCE_OBJECT);
}

} // namespace godot
