#include "core/extension/extension_api_dump.h"

#include "core/config/project_settings.h"
#include "core/error/error_macros.h"
#include "core/object/class_db.h"
#include "core/string/print_string.h"
#include "core/variant/variant_utility.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace godot {

namespace {

// Just enough JSON for the dump: objects keep their keys in insertion order, so the output is
// in Godot's key order and byte-for-byte stable.
struct JsonValue {
	enum Kind {
		NUMBER,
		BOOLEAN,
		STRING,
		ARRAY,
		OBJECT,
	};
	Kind kind = OBJECT;
	int64_t number = 0;
	bool boolean = false;
	String string;
	std::vector<JsonValue> elements;
	std::vector<std::pair<String, JsonValue>> members;

	JsonValue() = default;
	JsonValue(int64_t p_number) :
			kind(NUMBER), number(p_number) {}
	JsonValue(int p_number) :
			kind(NUMBER), number(p_number) {}
	JsonValue(bool p_boolean) :
			kind(BOOLEAN), boolean(p_boolean) {}
	JsonValue(const char *p_string) :
			kind(STRING), string(p_string) {}
	JsonValue(String p_string) :
			kind(STRING), string(std::move(p_string)) {}

	static JsonValue array() {
		JsonValue value;
		value.kind = ARRAY;
		return value;
	}
	JsonValue &add(const String &p_key, JsonValue p_value) {
		members.emplace_back(p_key, std::move(p_value));
		return *this;
	}
	JsonValue &push(JsonValue p_value) {
		elements.push_back(std::move(p_value));
		return *this;
	}
	bool empty() const { return elements.empty() && members.empty(); }
};

void write_json_string(const String &p_text, String &r_out) {
	r_out += '"';
	for (const char c : p_text) {
		switch (c) {
			case '"':
				r_out += "\\\"";
				break;
			case '\\':
				r_out += "\\\\";
				break;
			case '\b':
				r_out += "\\b";
				break;
			case '\f':
				r_out += "\\f";
				break;
			case '\n':
				r_out += "\\n";
				break;
			case '\r':
				r_out += "\\r";
				break;
			case '\t':
				r_out += "\\t";
				break;
			default:
				if (uint8_t(c) < 0x20) {
					r_out += vformat("\\u%04x", unsigned(uint8_t(c)));
				} else {
					r_out += c;
				}
		}
	}
	r_out += '"';
}

// Godot's JSON.stringify(value, "\t"): one member per line, tab indentation, ": " after keys.
void write_json(const JsonValue &p_value, int p_indent, String &r_out) {
	switch (p_value.kind) {
		case JsonValue::NUMBER:
			r_out += std::to_string(p_value.number);
			return;
		case JsonValue::BOOLEAN:
			r_out += p_value.boolean ? "true" : "false";
			return;
		case JsonValue::STRING:
			write_json_string(p_value.string, r_out);
			return;
		case JsonValue::ARRAY:
		case JsonValue::OBJECT:
			break;
	}
	const bool is_array = p_value.kind == JsonValue::ARRAY;
	const size_t count = is_array ? p_value.elements.size() : p_value.members.size();
	if (count == 0) {
		r_out += is_array ? "[]" : "{}";
		return;
	}
	r_out += is_array ? "[\n" : "{\n";
	for (size_t i = 0; i < count; i++) {
		r_out.append(size_t(p_indent + 1), '\t');
		if (is_array) {
			write_json(p_value.elements[i], p_indent + 1, r_out);
		} else {
			write_json_string(p_value.members[i].first, r_out);
			r_out += ": ";
			write_json(p_value.members[i].second, p_indent + 1, r_out);
		}
		r_out += i + 1 < count ? ",\n" : "\n";
	}
	r_out.append(size_t(p_indent), '\t');
	r_out += is_array ? "]" : "}";
}

// Default values as Godot's dump writes them: the value's var_to_str() text ("\"*\"", "null", "0", "1.0").
String default_value_text(const Variant &p_value) {
	const UtilityFunctionInfo *var_to_str = UtilityFunctions::get("var_to_str");
	const Variant *args[] = { &p_value };
	CallError error;
	return var_to_str->function(args, 1, error).to_string_value();
}

JsonValue enum_json(const String &p_name, bool p_is_bitfield, const std::vector<std::pair<StringName, int64_t>> &p_values) {
	JsonValue values = JsonValue::array();
	for (const auto &value : p_values) {
		values.push(JsonValue().add("name", value.first.str()).add("value", value.second));
	}
	return JsonValue().add("name", p_name).add("is_bitfield", p_is_bitfield).add("values", std::move(values));
}

JsonValue arguments_json(const MethodInfo &p_info, bool p_with_defaults) {
	JsonValue arguments = JsonValue::array();
	const size_t first_default = p_info.arguments.size() - std::min(p_info.arguments.size(), p_info.default_arguments.size());
	for (size_t i = 0; i < p_info.arguments.size(); i++) {
		JsonValue argument;
		argument.add("name", p_info.arguments[i].name).add("type", p_info.arguments[i].type_string());
		if (p_info.arguments[i].required) {
			argument.add("meta", "required");
		}
		if (p_with_defaults && i >= first_default) {
			argument.add("default_value", default_value_text(p_info.default_arguments[i - first_default]));
		}
		arguments.push(std::move(argument));
	}
	return arguments;
}

void add_signature(JsonValue &r_method, const MethodInfo &p_info) {
	if (!p_info.return_value.is_void()) {
		JsonValue return_value;
		return_value.add("type", p_info.return_value.type_string());
		if (p_info.return_value.required) {
			return_value.add("meta", "required");
		}
		r_method.add("return_value", std::move(return_value));
	}
	JsonValue arguments = arguments_json(p_info, true);
	if (!arguments.empty()) {
		r_method.add("arguments", std::move(arguments));
	}
}

JsonValue class_json(const ClassDB::ClassInfo &p_class) {
	JsonValue json;
	json.add("name", p_class.name.str());
	json.add("is_refcounted", p_class.is_refcounted);
	json.add("is_instantiable", p_class.creator != nullptr);
	if (!p_class.inherits.is_empty()) {
		json.add("inherits", p_class.inherits.str());
	}
	json.add("api_type", p_class.api_type);

	JsonValue constants = JsonValue::array();
	for (const auto &constant : p_class.constants) {
		constants.push(JsonValue().add("name", constant.first.str()).add("value", constant.second));
	}
	if (!constants.empty()) {
		json.add("constants", std::move(constants));
	}

	JsonValue enums = JsonValue::array();
	for (const ClassDB::EnumInfo &enum_info : p_class.enums) {
		enums.push(enum_json(enum_info.name.str(), enum_info.is_bitfield, enum_info.values));
	}
	if (!enums.empty()) {
		json.add("enums", std::move(enums));
	}

	// Virtual methods first, then bound methods in binding order, as Godot lists them.
	JsonValue methods = JsonValue::array();
	for (const MethodInfo &virtual_method : p_class.virtual_methods) {
		JsonValue method;
		method.add("name", virtual_method.name);
		method.add("is_const", virtual_method.is_const);
		method.add("is_static", false);
		method.add("is_required", false);
		method.add("is_vararg", virtual_method.is_vararg);
		method.add("is_virtual", true);
		add_signature(method, virtual_method);
		methods.push(std::move(method));
	}
	for (const MethodBind *bind : p_class.method_order) {
		JsonValue method;
		method.add("name", bind->get_name().str());
		method.add("is_const", bind->is_const());
		method.add("is_vararg", bind->is_vararg());
		method.add("is_static", bind->is_static());
		method.add("is_virtual", false);
		if (bind->is_quickdot_extension()) {
			method.add("quickdot_extension", true);
		}
		add_signature(method, bind->get_info());
		methods.push(std::move(method));
	}
	if (!methods.empty()) {
		json.add("methods", std::move(methods));
	}

	JsonValue signals = JsonValue::array();
	for (const MethodInfo &signal_info : p_class.signals) {
		JsonValue signal;
		signal.add("name", signal_info.name);
		JsonValue arguments = arguments_json(signal_info, false);
		if (!arguments.empty()) {
			signal.add("arguments", std::move(arguments));
		}
		signals.push(std::move(signal));
	}
	if (!signals.empty()) {
		json.add("signals", std::move(signals));
	}

	JsonValue properties = JsonValue::array();
	for (const ClassDB::PropertyBinding &binding : p_class.properties) {
		JsonValue property;
		property.add("type", binding.info.type_string()).add("name", binding.info.name);
		if (!binding.setter.is_empty()) {
			property.add("setter", binding.setter.str());
		}
		if (!binding.getter.is_empty()) {
			property.add("getter", binding.getter.str());
		}
		properties.push(std::move(property));
	}
	if (!properties.empty()) {
		json.add("properties", std::move(properties));
	}

	if (p_class.quickdot_extension) {
		json.add("quickdot_extension", true);
	}
	return json;
}

} // namespace

String get_extension_api_json() {
	ERR_FAIL_COND_V_MSG(!UtilityFunctions::get("var_to_str"), String(),
			"generate_extension_api: the utility functions are not registered; call register_engine_singletons() first.");
	JsonValue api;

	api.add("header", JsonValue().add("version_major", 4).add("version_minor", 6).add("version_patch", 3).add("version_status", "stable").add("version_build", "quickdot").add("version_full_name", "Quickdot (Godot-compatible) v4.6.3.stable").add("precision", "single"));

	std::vector<std::pair<StringName, int64_t>> errors;
	for (int code = OK; code < ERR_MAX; code++) {
		errors.emplace_back(StringName(error_constant_name(Error(code))), code);
	}
	api.add("global_enums", JsonValue::array().push(enum_json("Error", false, errors)));

	JsonValue utilities = JsonValue::array();
	for (const UtilityFunctionInfo &function : UtilityFunctions::get_all()) {
		JsonValue json;
		json.add("name", function.name);
		if (!function.info.return_value.is_void()) {
			json.add("return_type", function.info.return_value.type_string());
		}
		json.add("category", function.category);
		json.add("is_vararg", function.info.is_vararg);
		JsonValue arguments = arguments_json(function.info, false);
		if (!arguments.empty()) {
			json.add("arguments", std::move(arguments));
		}
		utilities.push(std::move(json));
	}
	api.add("utility_functions", std::move(utilities));

	// Sorted by name, as Godot's dump is.
	std::vector<StringName> class_names = ClassDB::get_class_list();
	std::sort(class_names.begin(), class_names.end());
	JsonValue classes = JsonValue::array();
	for (const StringName &name : class_names) {
		const ClassDB::ClassInfo *info = ClassDB::get_class_info(name);
		if (info && info->exposed) {
			classes.push(class_json(*info));
		}
	}
	api.add("classes", std::move(classes));

	JsonValue singletons = JsonValue::array();
	for (const ClassDB::SingletonInfo &singleton : ClassDB::get_singletons()) {
		if (singleton.instance) {
			singletons.push(JsonValue().add("name", singleton.name.str()).add("type", singleton.instance->get_class()));
		}
	}
	api.add("singletons", std::move(singletons));

	String text;
	write_json(api, 0, text);
	return text + "\n";
}

Error generate_extension_api(const String &p_path) {
	const String text = get_extension_api_json();
	if (text.empty()) {
		return ERR_UNCONFIGURED;
	}
	const bool is_project_path = begins_with(p_path, "res://") || begins_with(p_path, "user://");
	const String path = is_project_path && ProjectSettings::get_singleton() ? ProjectSettings::get_singleton()->globalize_path(p_path) : p_path;
	FILE *file = fopen(path.c_str(), "wb");
	if (!file) {
		print_error(vformat("--dump-extension-api: cannot create '%s': %s (ERR_FILE_CANT_WRITE). Check that the folder exists and is writable.", path.c_str(), strerror(errno)));
		return ERR_FILE_CANT_WRITE;
	}
	const bool written = fwrite(text.data(), 1, text.size(), file) == text.size();
	const bool closed = fclose(file) == 0;
	if (!written || !closed) {
		print_error(vformat("--dump-extension-api: writing '%s' failed: %s (ERR_FILE_CANT_WRITE). Check the free disk space.", path.c_str(), strerror(errno)));
		return ERR_FILE_CANT_WRITE;
	}
	return OK;
}

} // namespace godot
