#include "core/string/print_string.h"

#include "core/typedefs.h"

#include <cstdarg>
#include <cstdio>

namespace godot {

static bool verbose = false;

void print_line(const String &p_text) {
	fwrite(p_text.data(), 1, p_text.size(), stdout);
	fputc('\n', stdout);
	fflush(stdout);
}

void print_error(const String &p_text) {
	fprintf(stderr, "ERROR: %s\n", p_text.c_str());
}

void print_warning(const String &p_text) {
	fprintf(stderr, "WARNING: %s\n", p_text.c_str());
}

void print_verbose(const String &p_text) {
	if (verbose) {
		print_line(p_text);
	}
}

void set_verbose(bool p_verbose) {
	verbose = p_verbose;
}

bool is_verbose() {
	return verbose;
}

String vformat(const char *p_format, ...) {
	va_list args;
	va_start(args, p_format);
	va_list copy;
	va_copy(copy, args);
	const int length = vsnprintf(nullptr, 0, p_format, copy);
	va_end(copy);
	String result(size_t(length > 0 ? length : 0), '\0');
	if (length > 0) {
		vsnprintf(result.data(), size_t(length) + 1, p_format, args);
	}
	va_end(args);
	return result;
}

// Engine-internal failures (a broken invariant, not a script mistake) name the C++ location.
void _err_print_error(const char *p_function, const char *p_file, int p_line, const char *p_condition, const char *p_message) {
	if (p_message) {
		fprintf(stderr, "ERROR: %s\n   at: %s (%s:%d)\n", p_message, p_function, p_file, p_line);
	} else {
		fprintf(stderr, "ERROR: %s\n   at: %s (%s:%d)\n", p_condition ? p_condition : "error", p_function, p_file, p_line);
	}
}

} // namespace godot
