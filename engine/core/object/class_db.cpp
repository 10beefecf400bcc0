#include "core/object/class_db.h"

#include "core/error/error_macros.h"
#include "core/string/print_string.h"

#include <algorithm>

namespace godot {

std::map<StringName, ClassDB::ClassInfo> &ClassDB::classes() {
	static std::map<StringName, ClassInfo> table;
	return table;
}

std::vector<StringName> &ClassDB::class_order() {
	static std::vector<StringName> order;
	return order;
}

std::vector<ClassDB::SingletonInfo> &ClassDB::singletons() {
	static std::vector<SingletonInfo> list;
	return list;
}

StringName &ClassDB::binding_class() {
	static StringName current;
	return current;
}

void ClassDB::_add_class(const StringName &p_class, const StringName &p_inherits) {
	if (classes().count(p_class)) {
		return;
	}
	ClassInfo &info = classes()[p_class];
	info.name = p_class;
	info.inherits = p_inherits;
	info.parent = p_inherits.is_empty() ? nullptr : &classes()[p_inherits];
	class_order().push_back(p_class);
}

void _gdclass_initialize(const StringName &p_class, const StringName &p_inherits, void (*p_bind_methods)()) {
	ClassDB::_add_class(p_class, p_inherits);
	if (p_bind_methods) {
		ClassDB::_begin_binding(p_class);
		p_bind_methods();
		ClassDB::_end_binding();
	}
}

void ClassDB::_begin_binding(const StringName &p_class) {
	binding_class() = p_class;
}

void ClassDB::_end_binding() {
	binding_class() = StringName();
}

void ClassDB::unregister_class(const StringName &p_class) {
	const auto found = classes().find(p_class);
	if (found == classes().end()) {
		return;
	}
	for (MethodBind *method : found->second.method_order) {
		delete method;
	}
	classes().erase(found);
	auto &order = class_order();
	order.erase(std::remove(order.begin(), order.end(), p_class), order.end());
}

bool ClassDB::is_refcounted_class(const StringName &p_class) {
	return is_parent_class(p_class, StringName("RefCounted"));
}

MethodBind *ClassDB::register_method(MethodBind *p_bind, const MethodDefinition &p_definition, std::vector<Variant> p_defaults) {
	// Static methods name their class; instance methods belong to the class being bound.
	const StringName owner = p_bind->is_static() ? p_bind->instance_class : binding_class();
	ClassInfo *info = owner.is_empty() ? nullptr : &classes()[owner];
	if (!info || info->name.is_empty()) {
		ERR_PRINT(vformat("ClassDB: method '%s' bound outside of a class's _bind_methods().", p_definition.name.c_str()));
		delete p_bind;
		return nullptr;
	}
	p_bind->name = p_definition.name;
	p_bind->info.name = p_definition.name.str();
	const size_t argument_count = p_bind->info.arguments.size();
	if (!p_bind->is_vararg() && p_definition.args.size() != argument_count) {
		ERR_PRINT(vformat("ClassDB: %s.%s declares %zu argument names for %zu arguments.", owner.c_str(), p_definition.name.c_str(), p_definition.args.size(), argument_count));
	}
	for (size_t i = 0; i < argument_count && i < p_definition.args.size(); i++) {
		p_bind->info.arguments[i].name = p_definition.args[i];
	}
	if (p_defaults.size() > argument_count) {
		p_defaults.resize(argument_count);
	}
	p_bind->info.default_arguments = std::move(p_defaults);
	if (info->methods.count(p_bind->name)) {
		ERR_PRINT(vformat("ClassDB: %s.%s is bound twice.", owner.c_str(), p_definition.name.c_str()));
		delete p_bind;
		return nullptr;
	}
	info->methods[p_bind->name] = p_bind;
	info->method_order.push_back(p_bind);
	return p_bind;
}

Variant MethodBind::call(Object *p_object, const Variant **p_args, int p_argcount, CallError &r_error) const {
	const int argument_count = get_argument_count();
	const int required = argument_count - get_default_argument_count();
	if (p_argcount > argument_count) {
		r_error.error = CallError::CALL_ERROR_TOO_MANY_ARGUMENTS;
		r_error.expected = argument_count;
		return Variant();
	}
	if (p_argcount < required) {
		r_error.error = CallError::CALL_ERROR_TOO_FEW_ARGUMENTS;
		r_error.expected = required;
		return Variant();
	}
	if (!is_static() && !p_object) {
		r_error.error = CallError::CALL_ERROR_INSTANCE_IS_NULL;
		return Variant();
	}
	if (p_argcount == argument_count) {
		return invoke(p_object, p_args);
	}
	const Variant *arguments[16];
	ERR_FAIL_COND_V(argument_count > 16, Variant());
	for (int i = 0; i < argument_count; i++) {
		arguments[i] = i < p_argcount ? p_args[i] : &info.default_arguments[size_t(i - required)];
	}
	return invoke(p_object, arguments);
}

void ClassDB::bind_integer_constant(const StringName &p_class, const StringName &p_enum, const StringName &p_name, int64_t p_value, bool p_is_bitfield) {
	ClassInfo &info = classes()[p_class];
	if (p_enum.is_empty()) {
		info.constants.emplace_back(p_name, p_value);
		return;
	}
	for (EnumInfo &existing : info.enums) {
		if (existing.name == p_enum) {
			existing.values.emplace_back(p_name, p_value);
			return;
		}
	}
	info.enums.push_back(EnumInfo{ p_enum, p_is_bitfield, { { p_name, p_value } } });
}

void ClassDB::add_signal(const StringName &p_class, const MethodInfo &p_signal) {
	classes()[p_class].signals.push_back(p_signal);
}

void ClassDB::add_property(const StringName &p_class, const PropertyInfo &p_property, const StringName &p_setter, const StringName &p_getter) {
	classes()[p_class].properties.push_back(PropertyBinding{ p_property, p_setter, p_getter });
}

void ClassDB::add_virtual_method(const StringName &p_class, const MethodInfo &p_method) {
	MethodInfo method = p_method;
	method.is_virtual = true;
	classes()[p_class].virtual_methods.push_back(method);
}

void ClassDB::set_class_quickdot_extension(const StringName &p_class) {
	classes()[p_class].quickdot_extension = true;
}

void ClassDB::set_class_exposed(const StringName &p_class, bool p_exposed) {
	classes()[p_class].exposed = p_exposed;
}

void ClassDB::register_singleton(const StringName &p_name, Object *p_instance) {
	for (SingletonInfo &singleton : singletons()) {
		if (singleton.name == p_name) {
			singleton.instance = p_instance;
			return;
		}
	}
	singletons().push_back(SingletonInfo{ p_name, p_instance });
}

bool ClassDB::class_exists(const StringName &p_class) {
	return classes().count(p_class) != 0;
}

const ClassDB::ClassInfo *ClassDB::get_class_info(const StringName &p_class) {
	const auto found = classes().find(p_class);
	return found == classes().end() ? nullptr : &found->second;
}

bool ClassDB::is_parent_class(const StringName &p_class, const StringName &p_parent) {
	for (const ClassInfo *info = get_class_info(p_class); info; info = info->parent) {
		if (info->name == p_parent) {
			return true;
		}
	}
	return false;
}

bool ClassDB::can_instantiate(const StringName &p_class) {
	const ClassInfo *info = get_class_info(p_class);
	return info && info->creator;
}

Object *ClassDB::instantiate(const StringName &p_class) {
	const ClassInfo *info = get_class_info(p_class);
	if (!info || !info->creator) {
		return nullptr;
	}
	return info->creator();
}

MethodBind *ClassDB::get_method(const StringName &p_class, const StringName &p_method) {
	for (const ClassInfo *info = get_class_info(p_class); info; info = info->parent) {
		const auto found = info->methods.find(p_method);
		if (found != info->methods.end()) {
			return found->second;
		}
	}
	return nullptr;
}

const ClassDB::PropertyBinding *ClassDB::get_property(const StringName &p_class, const StringName &p_property) {
	for (const ClassInfo *info = get_class_info(p_class); info; info = info->parent) {
		for (const PropertyBinding &property : info->properties) {
			if (property.info.name == p_property.str()) {
				return &property;
			}
		}
	}
	return nullptr;
}

bool ClassDB::has_signal(const StringName &p_class, const StringName &p_signal) {
	for (const ClassInfo *info = get_class_info(p_class); info; info = info->parent) {
		for (const MethodInfo &signal : info->signals) {
			if (signal.name == p_signal.str()) {
				return true;
			}
		}
	}
	return false;
}

bool ClassDB::get_integer_constant(const StringName &p_class, const StringName &p_name, int64_t &r_value) {
	for (const ClassInfo *info = get_class_info(p_class); info; info = info->parent) {
		for (const auto &constant : info->constants) {
			if (constant.first == p_name) {
				r_value = constant.second;
				return true;
			}
		}
		for (const EnumInfo &enum_info : info->enums) {
			for (const auto &value : enum_info.values) {
				if (value.first == p_name) {
					r_value = value.second;
					return true;
				}
			}
		}
	}
	return false;
}

void ClassDB::cleanup() {
	for (auto &entry : classes()) {
		for (MethodBind *method : entry.second.method_order) {
			delete method;
		}
	}
	classes().clear();
	class_order().clear();
	singletons().clear();
}

StringName _enum_name_of(const String &p_qualified) {
	const size_t dot = p_qualified.rfind('.');
	return StringName(dot == String::npos ? p_qualified : p_qualified.substr(dot + 1));
}

String _enum_qualified_name(const char *p_cpp_name) {
	String name = p_cpp_name;
	if (begins_with(name, "godot::")) {
		name = name.substr(7);
	}
	// The script-facing twins of engine-internal classes (core_bind::ResourceLoader) carry
	// Godot's plain class name.
	if (begins_with(name, "core_bind::")) {
		name = name.substr(11);
	}
	for (size_t at = name.find("::"); at != String::npos; at = name.find("::")) {
		name.replace(at, 2, ".");
	}
	return name;
}

String PropertyInfo::type_string() const {
	switch (kind) {
		case KIND_VARIANT:
			return "Variant";
		case KIND_ENUM:
			return "enum::" + class_name;
		case KIND_BITFIELD:
			return "bitfield::" + class_name;
		case KIND_TYPED_ARRAY:
			return "typedarray::" + class_name;
		case KIND_PLAIN:
			break;
	}
	if (type == Variant::OBJECT) {
		return class_name.empty() ? "Object" : class_name;
	}
	return type == Variant::NIL ? "Nil" : Variant::get_type_name(type);
}

} // namespace godot
