#pragma once
// JSON: Godot 4.6's class. stringify() writes Variants as JSON text (floats in Godot's number
// format, so a whole float prints as "1"); parse() reads JSON text back, every number as a
// float, as Godot does, and keeps the error's line and message for the caller.

#include "core/io/resource.h"

namespace godot {

class JSON : public Resource {
	GDCLASS(JSON, Resource)

	Variant data;
	String text; // The text parse() read, when asked to keep it.
	String error_message;
	int error_line = 0;

protected:
	static void _bind_methods();

public:
	static String stringify(const Variant &p_data, const String &p_indent = "", bool p_sort_keys = true, bool p_full_precision = false);
	// The value, or null after printing the line and message of the error.
	static Variant parse_string(const String &p_json_string);

	// OK, ERR_PARSE_ERROR, or ERR_OUT_OF_MEMORY when nested too deep. The data is replaced only on success.
	Error parse(const String &p_json_text, bool p_keep_text = false);
	Variant get_data() const { return data; }
	void set_data(const Variant &p_data);
	String get_parsed_text() const { return text; }
	// 0-based, as in Godot; 0 after a successful parse.
	int get_error_line() const { return error_line; }
	String get_error_message() const { return error_message; }
};

} // namespace godot
