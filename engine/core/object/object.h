#pragma once
// Object: instance ids, signals, script instances and the one "instance binding" slot a
// scripting layer uses to find its wrapper. As in Godot, Object itself is not reference
// counted; RefCounted adds that.

#include "core/object/property_info.h"
#include "core/typedefs.h"
#include "core/variant/typed_array.h"
#include "core/variant/variant.h"

#include <memory>
#include <unordered_map>

namespace godot {

class ClassDB;
class Object;

// Adds a class to ClassDB and runs its own _bind_methods (null when it inherits its parent's).
void _gdclass_initialize(const StringName &p_class, const StringName &p_inherits, void (*p_bind_methods)());

// Implemented by a scripting layer for objects whose class was extended by a script.
class ScriptInstance {
public:
	virtual ~ScriptInstance() = default;
	virtual bool has_method(const StringName &p_method) const = 0;
	virtual Variant callp(const StringName &p_method, const Variant **p_args, int p_argcount, CallError &r_error) = 0;
	virtual bool has_signal(const StringName &p_signal) const { return false; }
	virtual String get_class_name() const = 0; // The script's class, for messages.
	// The script's own fields, so Object.get/set/get_property_list see them as Godot's do a
	// script's variables. False when the script has no such field.
	virtual bool set(const StringName &p_name, const Variant &p_value) { return false; }
	virtual bool get(const StringName &p_name, Variant &r_value) const { return false; }
	virtual void get_property_list(std::vector<PropertyInfo> &r_properties) const {}
};

// How the owner of an instance binding learns that the object's references changed or that it
// is being freed. One binding per object: a process embeds one scripting language.
struct InstanceBindingCallbacks {
	void (*free_callback)(void *p_binding, Object *p_object) = nullptr;
	// Called after a RefCounted gained (p_reference=true) or lost a reference; p_count is the new count.
	void (*reference_callback)(void *p_binding, Object *p_object, bool p_reference, int p_count) = nullptr;
};

#define GDCLASS(m_class, m_inherits)                                                                        \
private:                                                                                                    \
	friend class ::godot::ClassDB;                                                                          \
                                                                                                            \
public:                                                                                                     \
	using self_type = m_class;                                                                              \
	using super_type = m_inherits;                                                                          \
	static const ::godot::StringName &get_class_static() {                                                  \
		static const ::godot::StringName name(#m_class);                                                    \
		return name;                                                                                        \
	}                                                                                                       \
	static const ::godot::StringName &get_parent_class_static() { return m_inherits::get_class_static(); }  \
	const ::godot::StringName &get_class_name() const override { return get_class_static(); }               \
	static void initialize_class() {                                                                        \
		static bool initialized = false;                                                                    \
		if (initialized) {                                                                                  \
			return;                                                                                         \
		}                                                                                                   \
		m_inherits::initialize_class();                                                                     \
		::godot::_gdclass_initialize(get_class_static(), get_parent_class_static(),                         \
				&m_class::_bind_methods != &m_inherits::_bind_methods ? &m_class::_bind_methods : nullptr); \
		initialized = true;                                                                                 \
	}                                                                                                       \
                                                                                                            \
private:

class Object {
	friend class ClassDB;

	struct Connection {
		Callable callable;
		uint32_t flags = 0;
	};
	struct SignalConnections {
		std::vector<Connection> connections;
	};

	ObjectID instance_id = 0;
	std::unique_ptr<std::unordered_map<StringName, SignalConnections, StringNameHasher>> signals;
	std::unique_ptr<std::vector<MethodInfo>> user_signals;
	std::unique_ptr<std::vector<std::pair<StringName, Variant>>> metadata; // In insertion order.
	ScriptInstance *script_instance = nullptr;
	void *instance_binding = nullptr;
	const InstanceBindingCallbacks *binding_callbacks = nullptr;

protected:
	static void _bind_methods();
	virtual void _notification(int p_what) {}

	bool _has_declared_signal(const StringName &p_signal) const;
	Variant _emit_signal_bind(const Variant **p_args, int p_argcount, CallError &r_error);
	Variant _call_bind(const Variant **p_args, int p_argcount, CallError &r_error);
	Error _connect_bind(const StringName &p_signal, const Callable &p_callable, int64_t p_flags) { return connect(p_signal, p_callable, uint32_t(p_flags)); }
	bool _is_class_bind(const String &p_class) const { return is_class(p_class); }
	String _get_class_bind() const { return get_class(); }
	int64_t _get_instance_id_bind() const { return int64_t(instance_id); }
	Variant _call_deferred_bind(const Variant **p_args, int p_argcount, CallError &r_error);
	std::pair<StringName, Variant> *_find_meta(const StringName &p_name) const;

public:
	enum ConnectFlags {
		CONNECT_DEFERRED = 1,
		CONNECT_PERSIST = 2,
		CONNECT_ONE_SHOT = 4,
		CONNECT_REFERENCE_COUNTED = 8,
		CONNECT_APPEND_SOURCE_OBJECT = 16,
	};
	enum {
		NOTIFICATION_POSTINITIALIZE = 0,
		NOTIFICATION_PREDELETE = 1,
		NOTIFICATION_EXTENSION_RELOADED = 2,
	};

	static const StringName &get_class_static() {
		static const StringName name("Object");
		return name;
	}
	static void initialize_class();
	virtual const StringName &get_class_name() const { return get_class_static(); }

	Object();
	virtual ~Object();
	Object(const Object &) = delete;
	Object &operator=(const Object &) = delete;

	String get_class() const { return get_class_name().str(); }
	bool is_class(const String &p_class) const;
	ObjectID get_instance_id() const { return instance_id; }
	virtual bool is_ref_counted() const { return false; }

	template <typename T>
	static T *cast_to(Object *p_object) { return dynamic_cast<T *>(p_object); }
	template <typename T>
	static const T *cast_to(const Object *p_object) { return dynamic_cast<const T *>(p_object); }

	void notification(int p_what, bool p_reversed = false);
	// Frees a non-RefCounted object after NOTIFICATION_PREDELETE (a Node leaves its parent then).
	// RefCounted objects refuse: they go when their last reference does.
	void free();
	virtual String to_string();

	Variant callp(const StringName &p_method, const Variant **p_args, int p_argcount, CallError &r_error);
	template <typename... Args>
	Variant call(const StringName &p_method, const Args &...p_args) {
		const Variant values[] = { Variant(), Variant(p_args)... };
		const Variant *pointers[sizeof...(Args) + 1];
		for (size_t i = 0; i < sizeof...(Args); i++) {
			pointers[i] = &values[i + 1];
		}
		CallError error;
		return callp(p_method, pointers, int(sizeof...(Args)), error);
	}
	bool has_method(const StringName &p_method) const;
	// A property of the class (through its setter and getter) or a field of the script.
	void set(const StringName &p_property, const Variant &p_value);
	Variant get(const StringName &p_property) const;
	// Godot's dictionaries (name, class_name, type, hint, hint_string, usage): each class's
	// category and properties, base class first, then the script's fields.
	TypedArray<Dictionary> get_property_list() const;
	// At the end of the frame (MessageQueue::flush), as in Godot.
	void set_deferred(const StringName &p_property, const Variant &p_value);

	// Metadata: named values any object carries. A null value removes the entry, as in Godot.
	void set_meta(const StringName &p_name, const Variant &p_value);
	// p_default when absent; with no default either, one error line and null.
	Variant get_meta(const StringName &p_name, const Variant &p_default = Variant()) const;
	bool has_meta(const StringName &p_name) const { return _find_meta(p_name) != nullptr; }
	void remove_meta(const StringName &p_name);
	TypedArray<StringName> get_meta_list() const;

	// Signals.
	// p_arguments: Dictionaries with "name" and "type" (a Variant.Type), as Godot's.
	void add_user_signal(const String &p_signal, const Array &p_arguments = Array());
	bool has_user_signal(const StringName &p_signal) const;
	void remove_user_signal(const StringName &p_signal);
	// Godot's MethodInfo dictionaries of the signals this object can emit: its class's (own, then
	// inherited), then the user signals.
	TypedArray<Dictionary> get_signal_list() const;
	bool has_signal(const StringName &p_signal) const;
	Error connect(const StringName &p_signal, const Callable &p_callable, uint32_t p_flags = 0);
	void disconnect(const StringName &p_signal, const Callable &p_callable);
	bool is_connected(const StringName &p_signal, const Callable &p_callable) const;
	int get_connection_count(const StringName &p_signal) const;
	// Godot's { signal, callable, flags } dictionaries, in connection order.
	TypedArray<Dictionary> get_signal_connection_list(const StringName &p_signal) const;
	Error emit_signalp(const StringName &p_signal, const Variant **p_args, int p_argcount);
	template <typename... Args>
	Error emit_signal(const StringName &p_signal, const Args &...p_args) {
		const Variant values[] = { Variant(), Variant(p_args)... };
		const Variant *pointers[sizeof...(Args) + 1];
		for (size_t i = 0; i < sizeof...(Args); i++) {
			pointers[i] = &values[i + 1];
		}
		return emit_signalp(p_signal, pointers, int(sizeof...(Args)));
	}

	// Scripting.
	ScriptInstance *get_script_instance() const { return script_instance; }
	void set_script_instance(ScriptInstance *p_instance); // Takes ownership.
	void *get_instance_binding() const { return instance_binding; }
	void set_instance_binding(void *p_binding, const InstanceBindingCallbacks *p_callbacks);
	void clear_instance_binding();
	const InstanceBindingCallbacks *get_binding_callbacks() const { return binding_callbacks; }
};

// Every live Object by instance id. Ids are never reused, so a stale id reads back as null.
class ObjectDB {
public:
	static Object *get_instance(ObjectID p_id);
	static int get_object_count();
	static void _add(Object *p_object, ObjectID &r_id);
	static void _remove(ObjectID p_id);
};

} // namespace godot
