#pragma once
// ClassDB: every class scripts can see, with its parent, methods, enums, constants, signals and
// properties. Scripts only ever reach the engine through it, and --dump-extension-api writes it.

#include "core/object/method_bind.h"
#include "core/object/object.h"

#include <map>
#include <unordered_map>

namespace godot {

struct MethodDefinition {
	StringName name;
	std::vector<String> args;
};

template <typename... Args>
MethodDefinition D_METHOD(const char *p_name, Args... p_args) {
	return MethodDefinition{ StringName(p_name), { String(p_args)... } };
}
#define DEFVAL(m_defval) (::godot::Variant(m_defval))

class ClassDB {
public:
	struct EnumInfo {
		StringName name;
		bool is_bitfield = false;
		std::vector<std::pair<StringName, int64_t>> values;
	};
	struct PropertyBinding {
		PropertyInfo info;
		StringName setter;
		StringName getter;
	};
	struct ClassInfo {
		StringName name;
		StringName inherits;
		ClassInfo *parent = nullptr;
		Object *(*creator)() = nullptr; // Null for abstract classes.
		bool is_refcounted = false;
		bool exposed = true; // False for internal helper classes kept out of scripts.
		bool quickdot_extension = false; // A class Godot does not have.
		String api_type = "core";
		std::vector<MethodBind *> method_order;
		std::unordered_map<StringName, MethodBind *, StringNameHasher> methods;
		std::vector<MethodInfo> virtual_methods;
		std::vector<EnumInfo> enums;
		std::vector<std::pair<StringName, int64_t>> constants; // Loose constants, not in an enum.
		std::vector<MethodInfo> signals;
		std::vector<PropertyBinding> properties;
	};
	struct SingletonInfo {
		StringName name;
		Object *instance = nullptr;
	};

private:
	static std::map<StringName, ClassInfo> &classes();
	static std::vector<StringName> &class_order();
	static std::vector<SingletonInfo> &singletons();
	static StringName &binding_class();
	static MethodBind *register_method(MethodBind *p_bind, const MethodDefinition &p_definition, std::vector<Variant> p_defaults);

public:
	static void _add_class(const StringName &p_class, const StringName &p_inherits);
	static void _begin_binding(const StringName &p_class);
	static void _end_binding();

	template <typename T>
	static void register_class() {
		T::initialize_class();
		ClassInfo &info = classes()[T::get_class_static()];
		info.creator = []() -> Object * { return memnew(T); };
		info.is_refcounted = is_refcounted_class(T::get_class_static());
	}
	// A class scripts see but cannot instantiate (PacketPeer, TLSOptions).
	template <typename T>
	static void register_abstract_class() {
		T::initialize_class();
		classes()[T::get_class_static()].is_refcounted = is_refcounted_class(T::get_class_static());
	}
	// A class instantiated through T::create(), which a module may provide (PacketPeerDTLS).
	template <typename T>
	static void register_custom_instance_class() {
		T::initialize_class();
		ClassInfo &info = classes()[T::get_class_static()];
		info.creator = []() -> Object * { return T::create(); };
		info.is_refcounted = is_refcounted_class(T::get_class_static());
	}
	static bool is_refcounted_class(const StringName &p_class);
	static void unregister_class(const StringName &p_class);

	template <typename M, typename... DefaultArgs>
	static MethodBind *bind_method(const MethodDefinition &p_definition, M p_method, DefaultArgs... p_defaults) {
		return register_method(create_method_bind(p_method), p_definition, { Variant(p_defaults)... });
	}
	template <typename F, typename... DefaultArgs>
	static MethodBind *bind_static_method(const StringName &p_class, const MethodDefinition &p_definition, F p_function, DefaultArgs... p_defaults) {
		return register_method(create_static_method_bind(p_class, p_function), p_definition, { Variant(p_defaults)... });
	}
	template <typename T>
	static MethodBind *bind_vararg_method(const StringName &p_name, typename MethodBindVarArg<T>::Method p_method, const MethodInfo &p_info) {
		MethodBind *bind = new MethodBindVarArg<T>(p_method, p_info);
		MethodDefinition definition{ p_name, {} };
		for (const PropertyInfo &argument : p_info.arguments) {
			definition.args.push_back(argument.name);
		}
		return register_method(bind, definition, p_info.default_arguments);
	}
	static void bind_integer_constant(const StringName &p_class, const StringName &p_enum, const StringName &p_name, int64_t p_value, bool p_is_bitfield = false);
	static void add_signal(const StringName &p_class, const MethodInfo &p_signal);
	static void add_property(const StringName &p_class, const PropertyInfo &p_property, const StringName &p_setter, const StringName &p_getter);
	static void add_virtual_method(const StringName &p_class, const MethodInfo &p_method);
	static void set_class_quickdot_extension(const StringName &p_class);
	static void set_class_exposed(const StringName &p_class, bool p_exposed);

	static void register_singleton(const StringName &p_name, Object *p_instance);
	static const std::vector<SingletonInfo> &get_singletons() { return singletons(); }

	static bool class_exists(const StringName &p_class);
	static const ClassInfo *get_class_info(const StringName &p_class);
	static const std::vector<StringName> &get_class_list() { return class_order(); }
	static bool is_parent_class(const StringName &p_class, const StringName &p_parent);
	static bool can_instantiate(const StringName &p_class);
	static Object *instantiate(const StringName &p_class);
	static MethodBind *get_method(const StringName &p_class, const StringName &p_method); // Walks up the parents.
	static const PropertyBinding *get_property(const StringName &p_class, const StringName &p_property);
	static bool has_signal(const StringName &p_class, const StringName &p_signal);
	static bool get_integer_constant(const StringName &p_class, const StringName &p_name, int64_t &r_value);

	static void cleanup(); // Frees every MethodBind at exit.
};

#define BIND_CONSTANT(m_constant) \
	::godot::ClassDB::bind_integer_constant(get_class_static(), ::godot::StringName(), #m_constant, m_constant)
#define BIND_ENUM_CONSTANT(m_constant) \
	::godot::ClassDB::bind_integer_constant(get_class_static(), ::godot::_enum_name_of(::godot::GetTypeInfo<decltype(m_constant)>::get().class_name), #m_constant, m_constant)
#define BIND_BITFIELD_FLAG(m_constant) \
	::godot::ClassDB::bind_integer_constant(get_class_static(), ::godot::_enum_name_of(::godot::GetTypeInfo<decltype(m_constant)>::get().class_name), #m_constant, m_constant, true)
#define ADD_SIGNAL(m_signal) ::godot::ClassDB::add_signal(get_class_static(), m_signal)
#define ADD_PROPERTY(m_property, m_setter, m_getter) ::godot::ClassDB::add_property(get_class_static(), m_property, m_setter, m_getter)
#define GDREGISTER_CLASS(m_class) ::godot::ClassDB::register_class<m_class>()
#define GDREGISTER_ABSTRACT_CLASS(m_class) ::godot::ClassDB::register_abstract_class<m_class>()
#define GDREGISTER_VIRTUAL_CLASS(m_class) ::godot::ClassDB::register_abstract_class<m_class>()

// "PacketPeerDTLS.Status" → "Status": the enum's name inside its class.
StringName _enum_name_of(const String &p_qualified);

} // namespace godot
