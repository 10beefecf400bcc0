#include "core/variant/variant_utility.h"

#include "core/io/marshalls.h"
#include "core/object/class_db.h"
#include "core/object/object.h"
#include "core/string/print_string.h"
#include "core/variant/variant_parser.h"

#include <cstdio>
#include <random>

namespace godot {

// A per-process generator, seeded once at start-up as Godot's global RandomNumberGenerator is.
static std::mt19937_64 random_engine{ std::random_device{}() };

static bool check_argument_count(int p_argcount, int p_expected, CallError &r_error) {
	if (p_argcount == p_expected) {
		return true;
	}
	r_error.error = p_argcount < p_expected ? CallError::CALL_ERROR_TOO_FEW_ARGUMENTS : CallError::CALL_ERROR_TOO_MANY_ARGUMENTS;
	r_error.expected = p_expected;
	return false;
}

// Godot's print(): every argument stringified and joined without a separator.
static String join_arguments(const Variant **p_args, int p_argcount, const char *p_separator = "") {
	String text;
	for (int i = 0; i < p_argcount; i++) {
		text += (i ? p_separator : "") + p_args[i]->stringify();
	}
	return text;
}

static Variant utility_randi(const Variant **, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 0, r_error)) {
		return Variant();
	}
	return int64_t(uint32_t(random_engine())); // Godot's randi() is a 32-bit unsigned value.
}

static Variant utility_randf(const Variant **, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 0, r_error)) {
		return Variant();
	}
	return double(random_engine() >> 11) * 0x1.0p-53; // Uniform in [0, 1).
}

static Variant utility_error_string(const Variant **p_args, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 1, r_error)) {
		return Variant();
	}
	const int64_t code = p_args[0]->to_int();
	return String(code < 0 || code >= ERR_MAX ? "(invalid error code)" : error_description(Error(code)));
}

static Variant utility_type_string(const Variant **p_args, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 1, r_error)) {
		return Variant();
	}
	const int64_t type = p_args[0]->to_int();
	if (type < 0 || type >= Variant::VARIANT_MAX) {
		print_error(vformat("type_string: %lld is not a Variant type; pass one of the TYPE_* constants.", (long long)type));
		return String("<invalid type>");
	}
	return String(Variant::get_type_name(Variant::Type(type)));
}

static Variant utility_print(const Variant **p_args, int p_argcount, CallError &) {
	print_line(join_arguments(p_args, p_argcount));
	return Variant();
}

static Variant utility_prints(const Variant **p_args, int p_argcount, CallError &) {
	print_line(join_arguments(p_args, p_argcount, " "));
	return Variant();
}

static Variant utility_printt(const Variant **p_args, int p_argcount, CallError &) {
	print_line(join_arguments(p_args, p_argcount, "\t"));
	return Variant();
}

static Variant utility_printraw(const Variant **p_args, int p_argcount, CallError &) {
	const String text = join_arguments(p_args, p_argcount);
	fwrite(text.data(), 1, text.size(), stdout);
	return Variant();
}

static Variant utility_str(const Variant **p_args, int p_argcount, CallError &) {
	return join_arguments(p_args, p_argcount);
}

static Variant utility_printerr(const Variant **p_args, int p_argcount, CallError &) {
	const String text = join_arguments(p_args, p_argcount) + "\n";
	fwrite(text.data(), 1, text.size(), stderr);
	return Variant();
}

static Variant utility_push_error(const Variant **p_args, int p_argcount, CallError &) {
	print_error(join_arguments(p_args, p_argcount));
	return Variant();
}

static Variant utility_push_warning(const Variant **p_args, int p_argcount, CallError &) {
	print_warning(join_arguments(p_args, p_argcount));
	return Variant();
}

static Variant utility_var_to_str(const Variant **p_args, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 1, r_error)) {
		return Variant();
	}
	String text;
	if (VariantWriter::write_to_string(*p_args[0], text) != OK) {
		print_error(vformat("var_to_str: the value nests deeper than %d levels (or contains itself); the deepest containers were written empty.", VariantWriter::TEXT_MAX_DEPTH));
	}
	return text;
}

static Variant utility_str_to_var(const Variant **p_args, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 1, r_error)) {
		return Variant();
	}
	Variant value;
	String error;
	int line = 0;
	if (VariantParser::parse_string(p_args[0]->to_string_value(), value, error, line) != OK) {
		print_error("str_to_var: " + error + "; returning null. Pass text written by var_to_str().");
		return Variant();
	}
	return value;
}

static Variant utility_var_to_bytes(const Variant **p_args, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 1, r_error)) {
		return Variant();
	}
	return var_to_bytes(*p_args[0], false);
}

static Variant utility_bytes_to_var(const Variant **p_args, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 1, r_error)) {
		return Variant();
	}
	return bytes_to_var(p_args[0]->to_packed_byte_array(), false);
}

static Variant utility_is_instance_valid(const Variant **p_args, int p_argcount, CallError &r_error) {
	if (!check_argument_count(p_argcount, 1, r_error)) {
		return Variant();
	}
	return p_args[0]->get_type() == Variant::OBJECT && p_args[0]->to_object() != nullptr;
}

// ---------------------------------------------------------------- Registry

static std::vector<UtilityFunctionInfo> &utility_functions() {
	static std::vector<UtilityFunctionInfo> list;
	return list;
}

static void add_function(const char *p_name, const char *p_category, PropertyInfo p_return, std::vector<PropertyInfo> p_arguments, bool p_vararg,
		Variant (*p_function)(const Variant **, int, CallError &)) {
	UtilityFunctionInfo function;
	function.name = p_name;
	function.category = p_category;
	function.info.name = p_name;
	function.info.return_value = std::move(p_return);
	function.info.arguments = std::move(p_arguments);
	function.info.is_vararg = p_vararg;
	function.function = p_function;
	utility_functions().push_back(std::move(function));
}

void UtilityFunctions::register_all() {
	if (!utility_functions().empty()) {
		return;
	}
	const PropertyInfo none;
	// Godot's names, categories and argument names; print-like functions take "arg1" and more.
	add_function("randi", "random", PropertyInfo(Variant::INT, ""), {}, false, utility_randi);
	add_function("randf", "random", PropertyInfo(Variant::FLOAT, ""), {}, false, utility_randf);
	add_function("error_string", "general", PropertyInfo(Variant::STRING, ""), { PropertyInfo(Variant::INT, "error") }, false, utility_error_string);
	add_function("type_string", "general", PropertyInfo(Variant::STRING, ""), { PropertyInfo(Variant::INT, "type") }, false, utility_type_string);
	add_function("print", "general", none, { PropertyInfo::variant("arg1") }, true, utility_print);
	add_function("printerr", "general", none, { PropertyInfo::variant("arg1") }, true, utility_printerr);
	add_function("prints", "general", none, { PropertyInfo::variant("arg1") }, true, utility_prints);
	add_function("printt", "general", none, { PropertyInfo::variant("arg1") }, true, utility_printt);
	add_function("printraw", "general", none, { PropertyInfo::variant("arg1") }, true, utility_printraw);
	add_function("str", "general", PropertyInfo(Variant::STRING, ""), { PropertyInfo::variant("arg1") }, true, utility_str);
	add_function("push_error", "general", none, { PropertyInfo::variant("arg1") }, true, utility_push_error);
	add_function("push_warning", "general", none, { PropertyInfo::variant("arg1") }, true, utility_push_warning);
	add_function("var_to_str", "general", PropertyInfo(Variant::STRING, ""), { PropertyInfo::variant("variable") }, false, utility_var_to_str);
	add_function("str_to_var", "general", PropertyInfo::variant(), { PropertyInfo(Variant::STRING, "string") }, false, utility_str_to_var);
	add_function("var_to_bytes", "general", PropertyInfo(Variant::PACKED_BYTE_ARRAY, ""), { PropertyInfo::variant("variable") }, false, utility_var_to_bytes);
	add_function("bytes_to_var", "general", PropertyInfo::variant(), { PropertyInfo(Variant::PACKED_BYTE_ARRAY, "bytes") }, false, utility_bytes_to_var);
	add_function("is_instance_valid", "general", PropertyInfo(Variant::BOOL, ""), { PropertyInfo::variant("instance") }, false, utility_is_instance_valid);
}

void UtilityFunctions::unregister_all() {
	utility_functions().clear();
}

const std::vector<UtilityFunctionInfo> &UtilityFunctions::get_all() {
	return utility_functions();
}

const UtilityFunctionInfo *UtilityFunctions::get(const String &p_name) {
	for (const UtilityFunctionInfo &function : utility_functions()) {
		if (function.name == p_name) {
			return &function;
		}
	}
	return nullptr;
}

} // namespace godot
