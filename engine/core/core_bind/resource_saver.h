#pragma once
// The ResourceSaver singleton scripts see: Godot's names and defaults over core/io's
// ResourceSaver.

#include "core/io/resource_saver.h"
#include "core/object/object.h"

namespace godot::core_bind {

class ResourceSaver : public Object {
	GDCLASS(ResourceSaver, Object)

protected:
	static void _bind_methods();

public:
	enum SaverFlags {
		FLAG_NONE = ::godot::ResourceSaver::FLAG_NONE,
		FLAG_RELATIVE_PATHS = ::godot::ResourceSaver::FLAG_RELATIVE_PATHS,
		FLAG_BUNDLE_RESOURCES = ::godot::ResourceSaver::FLAG_BUNDLE_RESOURCES,
		FLAG_CHANGE_PATH = ::godot::ResourceSaver::FLAG_CHANGE_PATH,
		FLAG_OMIT_EDITOR_PROPERTIES = ::godot::ResourceSaver::FLAG_OMIT_EDITOR_PROPERTIES,
		FLAG_SAVE_BIG_ENDIAN = ::godot::ResourceSaver::FLAG_SAVE_BIG_ENDIAN,
		FLAG_COMPRESS = ::godot::ResourceSaver::FLAG_COMPRESS,
		FLAG_REPLACE_SUBRESOURCE_PATHS = ::godot::ResourceSaver::FLAG_REPLACE_SUBRESOURCE_PATHS,
	};

	Error save(const Ref<Resource> &p_resource, const String &p_path = String(), SaverFlags p_flags = FLAG_NONE);
	PackedStringArray get_recognized_extensions(const Ref<Resource> &p_type);
};

} // namespace godot::core_bind

VARIANT_BITFIELD_CAST(core_bind::ResourceSaver::SaverFlags)
