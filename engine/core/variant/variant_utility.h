#pragma once
// Godot's global utility functions (print, var_to_bytes, ...), reachable from scripts by name.

#include "core/object/property_info.h"

namespace godot {

struct UtilityFunctionInfo {
	String name;
	String category; // "general", "random", as in Godot's API dump.
	MethodInfo info; // Arguments, return type and is_vararg.
	Variant (*function)(const Variant **p_args, int p_argcount, CallError &r_error) = nullptr;
};

class UtilityFunctions {
public:
	static void register_all();
	static void unregister_all();
	static const std::vector<UtilityFunctionInfo> &get_all();
	static const UtilityFunctionInfo *get(const String &p_name);
};

} // namespace godot
