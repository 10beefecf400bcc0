#pragma once
// ResourceSaver: save(resource, "user://server.crt"). Each type that can be saved has a
// ResourceFormatSaver, added by whoever defines the type; the saver is chosen by the resource's
// class and the target's extension.

#include "core/io/resource.h"

#include <memory>
#include <vector>

namespace godot {

class ResourceFormatSaver {
public:
	virtual ~ResourceFormatSaver() = default;
	virtual bool recognizes(const Ref<Resource> &p_resource) const = 0;
	// The extensions it writes p_resource as, without the dot ("crt").
	virtual std::vector<String> get_recognized_extensions(const Ref<Resource> &p_resource) const = 0;
	// p_path is absolute.
	virtual Error save(const Ref<Resource> &p_resource, const String &p_path) = 0;
};

class ResourceSaver {
public:
	enum SaverFlags {
		FLAG_NONE = 0,
		FLAG_RELATIVE_PATHS = 1,
		FLAG_BUNDLE_RESOURCES = 2,
		FLAG_CHANGE_PATH = 4,
		FLAG_OMIT_EDITOR_PROPERTIES = 8,
		FLAG_SAVE_BIG_ENDIAN = 16,
		FLAG_COMPRESS = 32,
		FLAG_REPLACE_SUBRESOURCE_PATHS = 64,
	};

	static void add_resource_format_saver(std::unique_ptr<ResourceFormatSaver> p_saver);
	static void remove_all_savers();

	// p_path "" saves to the resource's own path. ERR_FILE_UNRECOGNIZED (with one line) when no
	// saver writes this type with this extension. FLAG_CHANGE_PATH makes p_path the resource's
	// path; the other flags concern Godot's scene formats and change nothing here.
	static Error save(const Ref<Resource> &p_resource, const String &p_path = String(), uint32_t p_flags = FLAG_NONE);
	static PackedStringArray get_recognized_extensions(const Ref<Resource> &p_resource);
};

} // namespace godot
