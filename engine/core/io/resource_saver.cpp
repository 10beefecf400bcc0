#include "core/io/resource_saver.h"

#include "core/io/file_access.h"
#include "core/string/print_string.h"

#include <algorithm>

namespace godot {

static std::vector<std::unique_ptr<ResourceFormatSaver>> &savers() {
	static std::vector<std::unique_ptr<ResourceFormatSaver>> list;
	return list;
}

void ResourceSaver::add_resource_format_saver(std::unique_ptr<ResourceFormatSaver> p_saver) {
	savers().push_back(std::move(p_saver));
}

void ResourceSaver::remove_all_savers() {
	savers().clear();
}

Error ResourceSaver::save(const Ref<Resource> &p_resource, const String &p_path, uint32_t p_flags) {
	if (p_resource.is_null()) {
		print_error("ResourceSaver.save: the resource is null; pass the certificate or key to save (ERR_INVALID_PARAMETER)");
		return ERR_INVALID_PARAMETER;
	}
	const String path = p_path.empty() ? p_resource->get_path() : p_path;
	if (path.empty()) {
		print_error(vformat("ResourceSaver.save: this %s has no path of its own; pass one, such as \"user://file.%s\" (ERR_INVALID_PARAMETER)",
				p_resource->get_class().c_str(), get_recognized_extensions(p_resource).size() ? get_recognized_extensions(p_resource)[0].c_str() : "ext"));
		return ERR_INVALID_PARAMETER;
	}
	const String extension = to_lower(get_extension(path));
	for (const std::unique_ptr<ResourceFormatSaver> &saver : savers()) {
		const std::vector<String> extensions = saver->get_recognized_extensions(p_resource);
		if (!saver->recognizes(p_resource) || std::find(extensions.begin(), extensions.end(), extension) == extensions.end()) {
			continue;
		}
		const Error error = saver->save(p_resource, FileAccess::globalize_path(path));
		if (error == OK && (p_flags & FLAG_CHANGE_PATH)) {
			p_resource->set_path(path);
		}
		return error;
	}
	String known;
	for (const String &known_extension : get_recognized_extensions(p_resource)) {
		known += (known.empty() ? "." : ", .") + known_extension;
	}
	print_error(vformat("ResourceSaver.save: a %s cannot be saved as \"%s\"; use %s (ERR_FILE_UNRECOGNIZED)", p_resource->get_class().c_str(), path.c_str(), known.empty() ? "another type: Quickdot saves certificates and keys" : known.c_str()));
	return ERR_FILE_UNRECOGNIZED;
}

PackedStringArray ResourceSaver::get_recognized_extensions(const Ref<Resource> &p_resource) {
	std::vector<String> extensions;
	for (const std::unique_ptr<ResourceFormatSaver> &saver : savers()) {
		if (p_resource.is_valid() && saver->recognizes(p_resource)) {
			for (const String &extension : saver->get_recognized_extensions(p_resource)) {
				extensions.push_back(extension);
			}
		}
	}
	return PackedStringArray(std::move(extensions));
}

} // namespace godot
