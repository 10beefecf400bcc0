#pragma once
// The ResourceLoader singleton scripts see: Godot's names and defaults over core/io's
// ResourceLoader (which the engine calls directly). Threaded loading is not offered: the
// resources that exist here load in microseconds.

#include "core/io/resource_loader.h"
#include "core/object/object.h"

namespace godot::core_bind {

class ResourceLoader : public Object {
	GDCLASS(ResourceLoader, Object)

protected:
	static void _bind_methods();

public:
	enum CacheMode {
		CACHE_MODE_IGNORE = ::godot::ResourceLoader::CACHE_MODE_IGNORE,
		CACHE_MODE_REUSE = ::godot::ResourceLoader::CACHE_MODE_REUSE,
		CACHE_MODE_REPLACE = ::godot::ResourceLoader::CACHE_MODE_REPLACE,
		CACHE_MODE_IGNORE_DEEP = ::godot::ResourceLoader::CACHE_MODE_IGNORE_DEEP,
		CACHE_MODE_REPLACE_DEEP = ::godot::ResourceLoader::CACHE_MODE_REPLACE_DEEP,
	};

	Ref<Resource> load(const String &p_path, const String &p_type_hint = String(), CacheMode p_cache_mode = CACHE_MODE_REUSE);
	bool exists(const String &p_path, const String &p_type_hint = String());
	bool has_cached(const String &p_path);
	Ref<Resource> get_cached_ref(const String &p_path);
	PackedStringArray get_recognized_extensions_for_type(const String &p_type);
};

} // namespace godot::core_bind

VARIANT_ENUM_CAST(core_bind::ResourceLoader::CacheMode)
