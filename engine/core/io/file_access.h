#pragma once
// FileAccess: Godot's file reading and writing, over stdio. Only static open() makes one (as in
// Godot, scripts cannot `new` it); the file closes on close() or when the last reference goes.
// Paths may be res://, user:// or absolute (see ProjectSettings::globalize_path).

#include "core/object/ref_counted.h"
#include "core/variant/type_info.h"

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
	bool big_endian = false; // Godot's files are little-endian unless a script asks otherwise.

	static Error last_open_error;

	// One line on stderr when the file is closed or not opened for p_need (READ or WRITE).
	bool _check_usable(const char *p_method, ModeFlags p_need) const;
	// Raw bytes in and out, after _check_usable; a short read sets eof_reached().
	bool _write(const char *p_method, const uint8_t *p_data, size_t p_size);
	size_t _read(const char *p_method, uint8_t *r_data, size_t p_size);
	// An unsigned integer of p_bytes bytes in the file's byte order.
	bool _store_uint(const char *p_method, uint64_t p_value, int p_bytes);
	uint64_t _get_uint(const char *p_method, int p_bytes);

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
	bool store_8(uint8_t p_value) { return _store_uint("store_8", p_value, 1); }
	bool store_16(uint16_t p_value) { return _store_uint("store_16", p_value, 2); }
	bool store_32(uint32_t p_value) { return _store_uint("store_32", p_value, 4); }
	bool store_64(uint64_t p_value) { return _store_uint("store_64", p_value, 8); }
	bool store_float(float p_value);
	bool store_double(double p_value);
	bool store_real(real_t p_value) { return store_float(p_value); } // real_t is float, as in Godot's default builds.
	bool store_buffer(const PackedByteArray &p_buffer);
	// A u32 length, then var_to_bytes(p_value): Godot's layout, so Godot reads it back.
	bool store_var(const Variant &p_value, bool p_full_objects = false);
	uint8_t get_8() { return uint8_t(_get_uint("get_8", 1)); }
	uint16_t get_16() { return uint16_t(_get_uint("get_16", 2)); }
	uint32_t get_32() { return uint32_t(_get_uint("get_32", 4)); }
	uint64_t get_64() { return _get_uint("get_64", 8); }
	double get_float();
	double get_double();
	double get_real() { return get_float(); }
	// Up to p_length bytes; fewer at the end of the file (and eof_reached() is then true).
	PackedByteArray get_buffer(int64_t p_length);
	Variant get_var(bool p_allow_objects = false);
	void set_big_endian(bool p_big_endian) { big_endian = p_big_endian; }
	bool is_big_endian() const { return big_endian; }
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
