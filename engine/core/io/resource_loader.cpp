#include "core/io/resource_loader.h"

#include "core/io/file_access.h"
#include "core/object/class_db.h"
#include "core/string/print_string.h"

#include <algorithm>
#include <unordered_map>

namespace godot {

namespace {

std::vector<std::unique_ptr<ResourceFormatLoader>> &loaders() {
	static std::vector<std::unique_ptr<ResourceFormatLoader>> list;
	return list;
}

// Absolute path → the live resource loaded from it (by id: the cache never keeps one alive).
std::unordered_map<String, ObjectID> &cache() {
	static std::unordered_map<String, ObjectID> entries;
	return entries;
}

ResourceFormatLoader *loader_for(const String &p_extension, const String &p_type_hint) {
	for (const std::unique_ptr<ResourceFormatLoader> &loader : loaders()) {
		const std::vector<String> extensions = loader->get_recognized_extensions();
		if (std::find(extensions.begin(), extensions.end(), p_extension) == extensions.end()) {
			continue;
		}
		if (p_type_hint.empty() || ClassDB::is_parent_class(loader->get_resource_type(p_extension), p_type_hint)) {
			return loader.get();
		}
	}
	return nullptr;
}

} // namespace

void ResourceLoader::add_resource_format_loader(std::unique_ptr<ResourceFormatLoader> p_loader) {
	loaders().push_back(std::move(p_loader));
}

void ResourceLoader::remove_all_loaders() {
	loaders().clear();
	cache().clear();
}

Ref<Resource> ResourceLoader::get_cached_ref(const String &p_path) {
	const auto found = cache().find(FileAccess::globalize_path(p_path));
	if (found == cache().end()) {
		return Ref<Resource>();
	}
	return Ref<Resource>(Object::cast_to<Resource>(ObjectDB::get_instance(found->second)));
}

bool ResourceLoader::has_cached(const String &p_path) {
	return get_cached_ref(p_path).is_valid();
}

bool ResourceLoader::exists(const String &p_path, const String &p_type_hint) {
	return FileAccess::file_exists(p_path) && loader_for(to_lower(get_extension(p_path)), p_type_hint);
}

Ref<Resource> ResourceLoader::load(const String &p_path, const String &p_type_hint, CacheMode p_cache_mode, Error *r_error) {
	Error ignored;
	Error &error = r_error ? *r_error : ignored;
	const bool reuse = p_cache_mode == CACHE_MODE_REUSE;
	const bool replace = p_cache_mode == CACHE_MODE_REPLACE || p_cache_mode == CACHE_MODE_REPLACE_DEEP;
	if (reuse) {
		const Ref<Resource> cached = get_cached_ref(p_path);
		if (cached.is_valid() && (p_type_hint.empty() || cached->is_class(p_type_hint))) {
			error = OK;
			return cached;
		}
	}
	const String hint = p_type_hint.empty() ? String() : vformat(" as %s", p_type_hint.c_str());
	if (!FileAccess::file_exists(p_path)) {
		error = ERR_FILE_NOT_FOUND;
		print_error(vformat("ResourceLoader.load: no file \"%s\" (%s); check the path.", p_path.c_str(), FileAccess::globalize_path(p_path).c_str()));
		return Ref<Resource>();
	}
	const String extension = to_lower(get_extension(p_path));
	ResourceFormatLoader *loader = loader_for(extension, p_type_hint);
	if (!loader) {
		error = ERR_FILE_UNRECOGNIZED;
		String known;
		for (const String &known_extension : get_recognized_extensions_for_type(p_type_hint.empty() ? String("Resource") : p_type_hint)) {
			known += (known.empty() ? "." : ", .") + known_extension;
		}
		print_error(vformat("ResourceLoader.load: Quickdot cannot load \"%s\"%s: it loads %s files.", p_path.c_str(), hint.c_str(), known.empty() ? "no such" : known.c_str()));
		return Ref<Resource>();
	}
	const String absolute = FileAccess::globalize_path(p_path);
	Ref<Resource> resource = loader->load(absolute, error);
	if (resource.is_null()) {
		if (error == OK) {
			error = ERR_FILE_CORRUPT;
		}
		print_error(vformat("ResourceLoader.load: \"%s\" did not load as %s (%s).", p_path.c_str(), loader->get_resource_type(extension).c_str(), error_constant_name(error)));
		return Ref<Resource>();
	}
	resource->set_path(p_path);
	if (reuse || replace) {
		cache()[absolute] = resource->get_instance_id();
	}
	error = OK;
	return resource;
}

PackedStringArray ResourceLoader::get_recognized_extensions_for_type(const String &p_type) {
	std::vector<String> extensions;
	for (const std::unique_ptr<ResourceFormatLoader> &loader : loaders()) {
		for (const String &extension : loader->get_recognized_extensions()) {
			if (ClassDB::is_parent_class(loader->get_resource_type(extension), p_type)) {
				extensions.push_back(extension);
			}
		}
	}
	return PackedStringArray(std::move(extensions));
}

} // namespace godot
