#pragma once
// Console output. Everything a game developer should act on goes to stderr as one line.

#include "core/string/string_name.h"

namespace godot {

void print_line(const String &p_text);
void print_error(const String &p_text); // "ERROR: ..." on stderr.
void print_warning(const String &p_text); // "WARNING: ..." on stderr.
void print_verbose(const String &p_text); // Only with --verbose.
void set_verbose(bool p_verbose);
bool is_verbose();

// printf-style formatting into a String.
String vformat(const char *p_format, ...) __attribute__((format(printf, 1, 2)));

} // namespace godot
