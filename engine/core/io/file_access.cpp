#include "core/io/file_access.h"

#include "core/config/project_settings.h"
#include "core/io/marshalls.h"
#include "core/string/print_string.h"

#include <sys/stat.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

namespace godot {

Error FileAccess::last_open_error = OK;

// "res://a" (/project/a) for messages, or just "/abs/a" when the path was absolute already.
static String describe_path(const String &p_path, const String &p_absolute) {
	return p_path == p_absolute ? "\"" + p_path + "\"" : "\"" + p_path + "\" (" + p_absolute + ")";
}

static const char *mode_description(FileAccess::ModeFlags p_mode) {
	switch (p_mode) {
		case FileAccess::READ:
			return "reading";
		case FileAccess::WRITE:
			return "writing";
		case FileAccess::READ_WRITE:
			return "reading and writing";
		case FileAccess::WRITE_READ:
			return "writing and reading";
	}
	return "?";
}

String FileAccess::globalize_path(const String &p_path) {
	const ProjectSettings *settings = ProjectSettings::get_singleton();
	return settings ? settings->globalize_path(p_path) : p_path;
}

Ref<FileAccess> FileAccess::open(const String &p_path, ModeFlags p_flags) {
	const char *fopen_mode = nullptr;
	switch (p_flags) {
		case READ:
			fopen_mode = "rb";
			break;
		case WRITE:
			fopen_mode = "wb";
			break;
		case READ_WRITE:
			fopen_mode = "rb+"; // The file must exist.
			break;
		case WRITE_READ:
			fopen_mode = "wb+"; // Created or truncated.
			break;
	}
	if (!fopen_mode) {
		last_open_error = ERR_INVALID_PARAMETER;
		print_error(vformat("FileAccess.open: %d is not a mode; pass FileAccess.READ, WRITE, READ_WRITE or WRITE_READ (ERR_INVALID_PARAMETER)", int(p_flags)));
		return Ref<FileAccess>();
	}
	const String absolute = globalize_path(p_path);
	struct stat info;
	// fopen() happily opens a folder for reading; Godot refuses it.
	if (stat(absolute.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
		last_open_error = ERR_FILE_CANT_OPEN;
		print_error(vformat("FileAccess.open: \"%s\" is a folder, not a file (ERR_FILE_CANT_OPEN)", p_path.c_str()));
		return Ref<FileAccess>();
	}
	FILE *handle = fopen(absolute.c_str(), fopen_mode);
	if (!handle) {
		const int error_number = errno;
		switch (error_number) {
			case ENOENT:
				last_open_error = ERR_FILE_NOT_FOUND;
				break;
			case EACCES:
			case EPERM:
			case EROFS:
				last_open_error = ERR_FILE_NO_PERMISSION;
				break;
			default:
				last_open_error = ERR_FILE_CANT_OPEN;
				break;
		}
		print_error(vformat("FileAccess.open: can't open %s for %s: %s (%s); check the path and its folder", describe_path(p_path, absolute).c_str(),
				mode_description(p_flags), strerror(error_number), error_constant_name(last_open_error)));
		return Ref<FileAccess>();
	}
	Ref<FileAccess> result(memnew(FileAccess));
	result->file = handle;
	result->mode = p_flags;
	result->path = p_path;
	result->path_absolute = absolute;
	last_open_error = OK;
	return result;
}

bool FileAccess::file_exists(const String &p_path) {
	struct stat info;
	return stat(globalize_path(p_path).c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

String FileAccess::get_file_as_string(const String &p_path) {
	const Ref<FileAccess> reader = open(p_path, READ);
	return reader.is_valid() ? reader->get_as_text() : String();
}

bool FileAccess::_check_usable(const char *p_method, ModeFlags p_need) const {
	if (!file) {
		print_error(vformat("FileAccess.%s: the file \"%s\" is closed; open it again with FileAccess.open() (ERR_FILE_CANT_OPEN)", p_method, path.c_str()));
		return false;
	}
	if (!(mode & p_need)) {
		print_error(vformat("FileAccess.%s: \"%s\" was opened for %s only; open it with a mode that allows %s (ERR_UNAVAILABLE)", p_method, path.c_str(),
				mode_description(mode), p_need == READ ? "reading" : "writing"));
		return false;
	}
	// C streams need a seek between a write and a read (either order) on the same handle.
	if (mode == READ_WRITE || mode == WRITE_READ) {
		fseek(file, 0, SEEK_CUR);
	}
	return true;
}

bool FileAccess::store_string(const String &p_string) {
	if (!_check_usable("store_string", WRITE)) {
		return false;
	}
	if (p_string.empty()) {
		return true;
	}
	if (fwrite(p_string.data(), 1, p_string.size(), file) != p_string.size()) {
		print_error(vformat("FileAccess.store_string: writing to \"%s\" failed: %s (ERR_FILE_CANT_WRITE)", path.c_str(), strerror(errno)));
		return false;
	}
	return true;
}

bool FileAccess::store_line(const String &p_line) {
	return store_string(p_line + "\n");
}

bool FileAccess::_write(const char *p_method, const uint8_t *p_data, size_t p_size) {
	if (p_size > 0 && fwrite(p_data, 1, p_size, file) != p_size) {
		print_error(vformat("FileAccess.%s: writing to \"%s\" failed: %s (ERR_FILE_CANT_WRITE)", p_method, path.c_str(), strerror(errno)));
		return false;
	}
	return true;
}

size_t FileAccess::_read(const char *p_method, uint8_t *r_data, size_t p_size) {
	const size_t read = p_size > 0 ? fread(r_data, 1, p_size, file) : 0;
	if (read < p_size) {
		if (ferror(file)) {
			print_error(vformat("FileAccess.%s: reading \"%s\" failed: %s (ERR_FILE_CANT_READ)", p_method, path.c_str(), strerror(errno)));
			clearerr(file);
		}
		eof = true;
	}
	return read;
}

bool FileAccess::_store_uint(const char *p_method, uint64_t p_value, int p_bytes) {
	if (!_check_usable(p_method, WRITE)) {
		return false;
	}
	uint8_t bytes[8];
	for (int i = 0; i < p_bytes; i++) {
		bytes[big_endian ? p_bytes - 1 - i : i] = uint8_t(p_value >> (8 * i));
	}
	return _write(p_method, bytes, size_t(p_bytes));
}

uint64_t FileAccess::_get_uint(const char *p_method, int p_bytes) {
	if (!_check_usable(p_method, READ)) {
		return 0;
	}
	uint8_t bytes[8] = {};
	if (_read(p_method, bytes, size_t(p_bytes)) < size_t(p_bytes)) {
		return 0; // As Godot: a value cut short by the end of the file reads as 0.
	}
	uint64_t value = 0;
	for (int i = 0; i < p_bytes; i++) {
		value |= uint64_t(bytes[big_endian ? p_bytes - 1 - i : i]) << (8 * i);
	}
	return value;
}

bool FileAccess::store_float(float p_value) {
	uint32_t bits;
	memcpy(&bits, &p_value, sizeof(bits));
	return _store_uint("store_float", bits, 4);
}

bool FileAccess::store_double(double p_value) {
	uint64_t bits;
	memcpy(&bits, &p_value, sizeof(bits));
	return _store_uint("store_double", bits, 8);
}

double FileAccess::get_float() {
	const uint32_t bits = uint32_t(_get_uint("get_float", 4));
	float value;
	memcpy(&value, &bits, sizeof(value));
	return value;
}

double FileAccess::get_double() {
	const uint64_t bits = _get_uint("get_double", 8);
	double value;
	memcpy(&value, &bits, sizeof(value));
	return value;
}

bool FileAccess::store_buffer(const PackedByteArray &p_buffer) {
	return _check_usable("store_buffer", WRITE) && _write("store_buffer", p_buffer.ptr(), size_t(p_buffer.size()));
}

PackedByteArray FileAccess::get_buffer(int64_t p_length) {
	if (p_length < 0) {
		print_error(vformat("FileAccess.get_buffer: %lld is not a length; pass the number of bytes to read (0 or more).", (long long)p_length));
		return PackedByteArray();
	}
	if (!_check_usable("get_buffer", READ)) {
		return PackedByteArray();
	}
	// Never allocate more than the file can still give, whatever length the caller (or a corrupt header) asks for.
	const long position = ftell(file);
	const uint64_t length = get_length();
	const uint64_t available = position >= 0 && uint64_t(position) < length ? length - uint64_t(position) : 0;
	PackedByteArray buffer;
	buffer.resize(size_t(std::min<uint64_t>(uint64_t(p_length), available)));
	buffer.resize(_read("get_buffer", buffer.ptrw(), size_t(buffer.size())));
	if (uint64_t(p_length) > available) {
		eof = true;
	}
	return buffer;
}

bool FileAccess::store_var(const Variant &p_value, bool p_full_objects) {
	if (!_check_usable("store_var", WRITE)) {
		return false;
	}
	PackedByteArray bytes;
	const Error error = encode_variant_to_bytes(p_value, bytes, p_full_objects);
	if (error != OK) {
		print_error(vformat("FileAccess.store_var: cannot encode the %s for \"%s\" (%s)", Variant::get_type_name(p_value.get_type()), path.c_str(), error_constant_name(error)));
		return false;
	}
	return store_32(uint32_t(bytes.size())) && store_buffer(bytes);
}

Variant FileAccess::get_var(bool p_allow_objects) {
	if (!_check_usable("get_var", READ)) {
		return Variant();
	}
	const uint32_t length = get_32();
	const PackedByteArray bytes = get_buffer(length);
	if (bytes.size() != int64_t(length)) {
		print_error(vformat("FileAccess.get_var: \"%s\" ends %lld bytes into a %u-byte value; the file is cut short or was not written with store_var()", path.c_str(), (long long)bytes.size(), length));
		return Variant();
	}
	Variant value;
	DecodeError why;
	if (decode_variant(value, bytes.ptr(), int(bytes.size()), nullptr, p_allow_objects, 0, &why) != OK) {
		print_error(vformat("FileAccess.get_var: %s in \"%s\"%s", why.describe().c_str(), path.c_str(),
				why.error == ERR_UNAUTHORIZED ? " (pass allow_objects = true to decode objects)" : ""));
		return Variant();
	}
	return value;
}

String FileAccess::get_as_text() const {
	if (!_check_usable("get_as_text", READ)) {
		return String();
	}
	fflush(file);
	const long position = ftell(file);
	fseek(file, 0, SEEK_END);
	const long length = ftell(file);
	String text(size_t(length > 0 ? length : 0), '\0');
	fseek(file, 0, SEEK_SET);
	const size_t read = text.empty() ? 0 : fread(text.data(), 1, text.size(), file);
	fseek(file, position, SEEK_SET);
	if (read != text.size()) {
		print_error(vformat("FileAccess.get_as_text: reading \"%s\" failed: %s (ERR_FILE_CANT_READ)", path.c_str(), strerror(errno)));
		text.resize(read);
	}
	return text;
}

String FileAccess::get_line() {
	if (!_check_usable("get_line", READ)) {
		return String();
	}
	String line;
	while (true) {
		const int c = fgetc(file);
		if (c == EOF) {
			eof = true;
			break;
		}
		if (c == '\n') {
			break;
		}
		if (c != '\r') {
			line.push_back(char(c));
		}
	}
	return line;
}

uint64_t FileAccess::get_length() const {
	if (!file) {
		print_error(vformat("FileAccess.get_length: the file \"%s\" is closed; open it again with FileAccess.open() (ERR_FILE_CANT_OPEN)", path.c_str()));
		return 0;
	}
	fflush(file);
	struct stat info;
	return fstat(fileno(file), &info) == 0 ? uint64_t(info.st_size) : 0;
}

void FileAccess::flush() {
	if (file) {
		fflush(file);
	}
}

void FileAccess::close() {
	if (!file) {
		return;
	}
	const bool failed = fclose(file) != 0;
	file = nullptr;
	if (failed && (mode & WRITE)) {
		print_error(vformat("FileAccess.close: finishing the writes to \"%s\" failed: %s (ERR_FILE_CANT_WRITE)", path.c_str(), strerror(errno)));
	}
}

FileAccess::~FileAccess() {
	close();
}

void FileAccess::_bind_methods() {
	ClassDB::bind_static_method("FileAccess", D_METHOD("open", "path", "flags"), &FileAccess::open);
	ClassDB::bind_static_method("FileAccess", D_METHOD("get_open_error"), &FileAccess::get_open_error);
	ClassDB::bind_static_method("FileAccess", D_METHOD("file_exists", "path"), &FileAccess::file_exists);
	ClassDB::bind_static_method("FileAccess", D_METHOD("get_file_as_string", "path"), &FileAccess::get_file_as_string);
	ClassDB::bind_method(D_METHOD("store_string", "string"), &FileAccess::store_string);
	ClassDB::bind_method(D_METHOD("store_line", "line"), &FileAccess::store_line);
	ClassDB::bind_method(D_METHOD("store_8", "value"), &FileAccess::store_8);
	ClassDB::bind_method(D_METHOD("store_16", "value"), &FileAccess::store_16);
	ClassDB::bind_method(D_METHOD("store_32", "value"), &FileAccess::store_32);
	ClassDB::bind_method(D_METHOD("store_64", "value"), &FileAccess::store_64);
	ClassDB::bind_method(D_METHOD("store_float", "value"), &FileAccess::store_float);
	ClassDB::bind_method(D_METHOD("store_double", "value"), &FileAccess::store_double);
	ClassDB::bind_method(D_METHOD("store_real", "value"), &FileAccess::store_real);
	ClassDB::bind_method(D_METHOD("store_buffer", "buffer"), &FileAccess::store_buffer);
	ClassDB::bind_method(D_METHOD("store_var", "value", "full_objects"), &FileAccess::store_var, DEFVAL(false));
	ClassDB::bind_method(D_METHOD("get_8"), &FileAccess::get_8);
	ClassDB::bind_method(D_METHOD("get_16"), &FileAccess::get_16);
	ClassDB::bind_method(D_METHOD("get_32"), &FileAccess::get_32);
	ClassDB::bind_method(D_METHOD("get_64"), &FileAccess::get_64);
	ClassDB::bind_method(D_METHOD("get_float"), &FileAccess::get_float);
	ClassDB::bind_method(D_METHOD("get_double"), &FileAccess::get_double);
	ClassDB::bind_method(D_METHOD("get_real"), &FileAccess::get_real);
	ClassDB::bind_method(D_METHOD("get_buffer", "length"), &FileAccess::get_buffer);
	ClassDB::bind_method(D_METHOD("get_var", "allow_objects"), &FileAccess::get_var, DEFVAL(false));
	ClassDB::bind_method(D_METHOD("set_big_endian", "big_endian"), &FileAccess::set_big_endian);
	ClassDB::bind_method(D_METHOD("is_big_endian"), &FileAccess::is_big_endian);
	ClassDB::bind_method(D_METHOD("get_as_text"), &FileAccess::get_as_text);
	ClassDB::bind_method(D_METHOD("get_line"), &FileAccess::get_line);
	ClassDB::bind_method(D_METHOD("eof_reached"), &FileAccess::eof_reached);
	ClassDB::bind_method(D_METHOD("get_length"), &FileAccess::get_length);
	ClassDB::bind_method(D_METHOD("is_open"), &FileAccess::is_open);
	ClassDB::bind_method(D_METHOD("get_path"), &FileAccess::get_path);
	ClassDB::bind_method(D_METHOD("get_path_absolute"), &FileAccess::get_path_absolute);
	ClassDB::bind_method(D_METHOD("flush"), &FileAccess::flush);
	ClassDB::bind_method(D_METHOD("close"), &FileAccess::close);
	ADD_PROPERTY(PropertyInfo(Variant::BOOL, "big_endian"), "set_big_endian", "is_big_endian");
	BIND_ENUM_CONSTANT(READ);
	BIND_ENUM_CONSTANT(WRITE);
	BIND_ENUM_CONSTANT(READ_WRITE);
	BIND_ENUM_CONSTANT(WRITE_READ);
}

} // namespace godot
