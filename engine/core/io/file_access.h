#pragma once
// FileAccess: Godot's file reading and writing, over stdio. Only static open() makes one (as in
// Godot, scripts cannot `new` it); the file closes on close() or when the last reference goes.
// Paths may be res://, user:// or absolute (see ProjectSettings::globalize_path).

#include "core/ref_counted.h"
#include "core/type_info.h"

#include <cstdio>

namespace godot {

class FileAccess : public RefCounted {
	GDCLASS(FileAccess, RefCounted)

public:
	enum ModeFlags {
		READ = 1,
		WRITE = 2,
		READ_WRITE = 3,
		WRITE_READ = 7,
	};

private:
	FILE *file = nullptr;
	ModeFlags mode = READ;
	String path; // As given to open(), for messages and get_path().
	String path_absolute;
	bool eof = false;

	static Error last_open_error;

	// One line on stderr when the file is closed or not opened for p_need (READ or WRITE).
	bool _check_usable(const char *p_method, ModeFlags p_need) const;

protected:
	static void _bind_methods();

public:
	// res://, user:// and relative paths to absolute ones; unchanged without a project.
	static String globalize_path(const String &p_path);

	// Null on failure; get_open_error() then tells why.
	static Ref<FileAccess> open(const String &p_path, ModeFlags p_flags);
	static Error get_open_error() { return last_open_error; }
	static bool file_exists(const String &p_path);
	// The whole file as UTF-8 text, "" (and get_open_error() set) when it cannot be read.
	static String get_file_as_string(const String &p_path);

	bool store_string(const String &p_string);
	bool store_line(const String &p_line);
	// The whole file, whatever the cursor; the cursor does not move.
	String get_as_text() const;
	// The next line without its "\n" (and "\r"); sets eof_reached() at the end of the file.
	String get_line();
	bool eof_reached() const { return eof; }
	uint64_t get_length() const;
	bool is_open() const { return file != nullptr; }
	String get_path() const { return path; }
	String get_path_absolute() const { return path_absolute; }
	void flush();
	void close();

	~FileAccess() override;
};

} // namespace godot

VARIANT_ENUM_CAST(FileAccess::ModeFlags)
