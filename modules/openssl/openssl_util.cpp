#include "openssl_util.h"

#include "core/config/project_settings.h"
#include "core/string/print_string.h"

#include <openssl/err.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace godot {

String openssl_take_error() {
	unsigned long last = 0;
	for (unsigned long code = ERR_get_error(); code != 0; code = ERR_get_error()) {
		last = code;
	}
	if (last == 0) {
		return String();
	}
	const char *reason = ERR_reason_error_string(last);
	return reason ? String(reason) : vformat("error %lx", last);
}

String openssl_error_suffix() {
	const String reason = openssl_take_error();
	return reason.empty() ? String() : " (OpenSSL: " + reason + ")";
}

String openssl_bio_to_string(BIO *p_bio) {
	char *data = nullptr;
	const long size = BIO_get_mem_data(p_bio, &data);
	return size > 0 ? String(data, size_t(size)) : String();
}

String openssl_globalize_path(const String &p_path) {
	if (ProjectSettings::get_singleton()) {
		return ProjectSettings::get_singleton()->globalize_path(p_path);
	}
	for (const char *prefix : { "res://", "user://" }) {
		if (begins_with(p_path, prefix)) {
			return p_path.substr(strlen(prefix));
		}
	}
	return p_path;
}

Error openssl_read_file(const char *p_who, const String &p_path, String &r_data) {
	const String path = openssl_globalize_path(p_path);
	FILE *file = fopen(path.c_str(), "rb");
	if (!file) {
		print_error(vformat("%s: cannot open '%s' (%s).", p_who, p_path.c_str(), strerror(errno)));
		return ERR_INVALID_PARAMETER;
	}
	r_data.clear();
	char buffer[16384];
	for (size_t read = fread(buffer, 1, sizeof(buffer), file); read > 0; read = fread(buffer, 1, sizeof(buffer), file)) {
		r_data.append(buffer, read);
	}
	const bool failed = ferror(file);
	fclose(file);
	if (failed) {
		print_error(vformat("%s: cannot read '%s' (%s).", p_who, p_path.c_str(), strerror(errno)));
		return ERR_INVALID_PARAMETER;
	}
	return OK;
}

Error openssl_write_file(const char *p_who, const String &p_path, const String &p_data) {
	const String path = openssl_globalize_path(p_path);
	FILE *file = fopen(path.c_str(), "wb");
	if (!file) {
		print_error(vformat("%s: cannot write '%s' (%s).", p_who, p_path.c_str(), strerror(errno)));
		return ERR_INVALID_PARAMETER;
	}
	const bool written = fwrite(p_data.data(), 1, p_data.size(), file) == p_data.size();
	const bool closed = fclose(file) == 0;
	if (!written || !closed) {
		print_error(vformat("%s: cannot write '%s' (%s).", p_who, p_path.c_str(), strerror(errno)));
		return ERR_FILE_CANT_WRITE;
	}
	return OK;
}

} // namespace godot
