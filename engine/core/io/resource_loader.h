#pragma once
// ResourceLoader: load("res://server.crt") and friends. Each file format has a
// ResourceFormatLoader, added by whoever defines the type (core/crypto adds certificates and
// keys); the loader picks one by the file's extension. Loaded resources remember their path and
// are cached by it while alive, so loading the same path twice gives the same object, as in
// Godot's CACHE_MODE_REUSE.

#include "core/io/resource.h"

#include <memory>
#include <vector>

namespace godot {

class ResourceFormatLoader {
public:
	virtual ~ResourceFormatLoader() = default;
	// Extensions without the dot, lower case ("crt").
	virtual std::vector<String> get_recognized_extensions() const = 0;
	// The class a file of this extension loads as ("X509Certificate").
	virtual String get_resource_type(const String &p_extension) const = 0;
	// p_path is absolute; on failure returns null with r_error set (and may print why).
	virtual Ref<Resource> load(const String &p_path, Error &r_error) = 0;
};

class ResourceLoader {
public:
	enum CacheMode {
		CACHE_MODE_IGNORE,
		CACHE_MODE_REUSE,
		CACHE_MODE_REPLACE,
		CACHE_MODE_IGNORE_DEEP,
		CACHE_MODE_REPLACE_DEEP,
	};

	static void add_resource_format_loader(std::unique_ptr<ResourceFormatLoader> p_loader);
	static void remove_all_loaders();

	// Null (with one line saying why) when the file is missing, has no loader, is not of
	// p_type_hint's class, or does not load. p_path: res://, user:// or absolute.
	static Ref<Resource> load(const String &p_path, const String &p_type_hint = String(), CacheMode p_cache_mode = CACHE_MODE_REUSE, Error *r_error = nullptr);
	static bool exists(const String &p_path, const String &p_type_hint = String());
	static bool has_cached(const String &p_path);
	static Ref<Resource> get_cached_ref(const String &p_path);
	static PackedStringArray get_recognized_extensions_for_type(const String &p_type);
};

} // namespace godot
