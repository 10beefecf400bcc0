#include "core/io/dir_access.h"

#include "core/io/file_access.h"
#include "core/string/print_string.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

namespace godot {

// "res://a" (/project/a) for messages, or just "/abs/a" when the path was absolute already.
static String describe_path(const String &p_path, const String &p_absolute) {
	return p_path == p_absolute ? "\"" + p_path + "\"" : "\"" + p_path + "\" (" + p_absolute + ")";
}

static bool is_directory(const String &p_absolute) {
	struct stat info;
	return stat(p_absolute.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

PackedStringArray DirAccess::_get_contents(const char *p_method, const String &p_path, bool p_directories) {
	const String absolute = FileAccess::globalize_path(p_path);
	DIR *directory = opendir(absolute.c_str());
	if (!directory) {
		print_error(vformat("DirAccess.%s: can't open the folder %s: %s (ERR_CANT_OPEN); check it exists with DirAccess.dir_exists_absolute()",
				p_method, describe_path(p_path, absolute).c_str(), strerror(errno)));
		return PackedStringArray();
	}
	std::vector<String> names;
	while (const dirent *entry = readdir(directory)) {
		const String name = entry->d_name;
		if (name.empty() || name[0] == '.') {
			continue; // ".", ".." and hidden entries, which Godot leaves out by default.
		}
		// stat() rather than d_type: it follows symbolic links and works on every filesystem.
		struct stat info;
		if (stat((absolute + "/" + name).c_str(), &info) != 0) {
			continue; // A dangling link, or removed meanwhile.
		}
		if (p_directories ? S_ISDIR(info.st_mode) : S_ISREG(info.st_mode)) {
			names.push_back(name);
		}
	}
	closedir(directory);
	std::sort(names.begin(), names.end()); // readdir order is arbitrary; Godot returns sorted names.
	return PackedStringArray(std::move(names));
}

PackedStringArray DirAccess::get_files_at(const String &p_path) {
	return _get_contents("get_files_at", p_path, false);
}

PackedStringArray DirAccess::get_directories_at(const String &p_path) {
	return _get_contents("get_directories_at", p_path, true);
}

bool DirAccess::dir_exists_absolute(const String &p_path) {
	return is_directory(FileAccess::globalize_path(p_path));
}

Error DirAccess::make_dir_absolute(const String &p_path) {
	const String absolute = FileAccess::globalize_path(p_path);
	if (mkdir(absolute.c_str(), 0777) == 0) {
		return OK;
	}
	if (errno == EEXIST) {
		return ERR_ALREADY_EXISTS; // Godot's answer; no message, callers often just make sure.
	}
	print_error(vformat("DirAccess.make_dir_absolute: can't create %s: %s (ERR_CANT_CREATE)", describe_path(p_path, absolute).c_str(), strerror(errno)));
	return ERR_CANT_CREATE;
}

Error DirAccess::make_dir_recursive_absolute(const String &p_path) {
	const String absolute = FileAccess::globalize_path(p_path);
	if (absolute.empty()) {
		print_error("DirAccess.make_dir_recursive_absolute: the path is empty; pass the folder to create (ERR_INVALID_PARAMETER)");
		return ERR_INVALID_PARAMETER;
	}
	// Every prefix ending before a '/', then the whole path.
	for (size_t end = absolute.find('/', 1);; end = absolute.find('/', end + 1)) {
		const String prefix = end == String::npos ? absolute : absolute.substr(0, end);
		if (!prefix.empty() && !is_directory(prefix) && mkdir(prefix.c_str(), 0777) != 0 && !(errno == EEXIST && is_directory(prefix))) {
			print_error(vformat("DirAccess.make_dir_recursive_absolute: can't create \"%s\" (while making \"%s\"): %s (ERR_CANT_CREATE)", prefix.c_str(),
					p_path.c_str(), errno == EEXIST ? "a file has that name" : strerror(errno)));
			return ERR_CANT_CREATE;
		}
		if (end == String::npos) {
			return OK;
		}
	}
}

Error DirAccess::remove_absolute(const String &p_path) {
	const String absolute = FileAccess::globalize_path(p_path);
	if (::remove(absolute.c_str()) == 0) {
		return OK;
	}
	print_error(vformat("DirAccess.remove_absolute: can't remove %s: %s (FAILED); only files and empty folders can be removed", describe_path(p_path, absolute).c_str(),
			strerror(errno)));
	return FAILED;
}

void DirAccess::_bind_methods() {
	ClassDB::bind_static_method("DirAccess", D_METHOD("get_files_at", "path"), &DirAccess::get_files_at);
	ClassDB::bind_static_method("DirAccess", D_METHOD("get_directories_at", "path"), &DirAccess::get_directories_at);
	ClassDB::bind_static_method("DirAccess", D_METHOD("dir_exists_absolute", "path"), &DirAccess::dir_exists_absolute);
	ClassDB::bind_static_method("DirAccess", D_METHOD("make_dir_absolute", "path"), &DirAccess::make_dir_absolute);
	ClassDB::bind_static_method("DirAccess", D_METHOD("make_dir_recursive_absolute", "path"), &DirAccess::make_dir_recursive_absolute);
	ClassDB::bind_static_method("DirAccess", D_METHOD("remove_absolute", "path"), &DirAccess::remove_absolute);
}

} // namespace godot
