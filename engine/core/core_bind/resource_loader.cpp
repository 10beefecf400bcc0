#include "core/core_bind/resource_loader.h"

#include "core/object/class_db.h"

namespace godot::core_bind {

Ref<Resource> ResourceLoader::load(const String &p_path, const String &p_type_hint, CacheMode p_cache_mode) {
	return ::godot::ResourceLoader::load(p_path, p_type_hint, ::godot::ResourceLoader::CacheMode(p_cache_mode));
}

bool ResourceLoader::exists(const String &p_path, const String &p_type_hint) {
	return ::godot::ResourceLoader::exists(p_path, p_type_hint);
}

bool ResourceLoader::has_cached(const String &p_path) {
	return ::godot::ResourceLoader::has_cached(p_path);
}

Ref<Resource> ResourceLoader::get_cached_ref(const String &p_path) {
	return ::godot::ResourceLoader::get_cached_ref(p_path);
}

PackedStringArray ResourceLoader::get_recognized_extensions_for_type(const String &p_type) {
	return ::godot::ResourceLoader::get_recognized_extensions_for_type(p_type);
}

void ResourceLoader::_bind_methods() {
	ClassDB::bind_method(D_METHOD("load", "path", "type_hint", "cache_mode"), &ResourceLoader::load, DEFVAL(""), DEFVAL(CACHE_MODE_REUSE));
	ClassDB::bind_method(D_METHOD("exists", "path", "type_hint"), &ResourceLoader::exists, DEFVAL(""));
	ClassDB::bind_method(D_METHOD("has_cached", "path"), &ResourceLoader::has_cached);
	ClassDB::bind_method(D_METHOD("get_cached_ref", "path"), &ResourceLoader::get_cached_ref);
	ClassDB::bind_method(D_METHOD("get_recognized_extensions_for_type", "type"), &ResourceLoader::get_recognized_extensions_for_type);

	BIND_ENUM_CONSTANT(CACHE_MODE_IGNORE);
	BIND_ENUM_CONSTANT(CACHE_MODE_REUSE);
	BIND_ENUM_CONSTANT(CACHE_MODE_REPLACE);
	BIND_ENUM_CONSTANT(CACHE_MODE_IGNORE_DEEP);
	BIND_ENUM_CONSTANT(CACHE_MODE_REPLACE_DEEP);
}

} // namespace godot::core_bind
