#include "core/core_bind/resource_saver.h"

#include "core/object/class_db.h"

namespace godot::core_bind {

Error ResourceSaver::save(const Ref<Resource> &p_resource, const String &p_path, SaverFlags p_flags) {
	return ::godot::ResourceSaver::save(p_resource, p_path, uint32_t(p_flags));
}

PackedStringArray ResourceSaver::get_recognized_extensions(const Ref<Resource> &p_type) {
	return ::godot::ResourceSaver::get_recognized_extensions(p_type);
}

void ResourceSaver::_bind_methods() {
	ClassDB::bind_method(D_METHOD("save", "resource", "path", "flags"), &ResourceSaver::save, DEFVAL(""), DEFVAL(FLAG_NONE));
	ClassDB::bind_method(D_METHOD("get_recognized_extensions", "type"), &ResourceSaver::get_recognized_extensions);

	BIND_BITFIELD_FLAG(FLAG_NONE);
	BIND_BITFIELD_FLAG(FLAG_RELATIVE_PATHS);
	BIND_BITFIELD_FLAG(FLAG_BUNDLE_RESOURCES);
	BIND_BITFIELD_FLAG(FLAG_CHANGE_PATH);
	BIND_BITFIELD_FLAG(FLAG_OMIT_EDITOR_PROPERTIES);
	BIND_BITFIELD_FLAG(FLAG_SAVE_BIG_ENDIAN);
	BIND_BITFIELD_FLAG(FLAG_COMPRESS);
	BIND_BITFIELD_FLAG(FLAG_REPLACE_SUBRESOURCE_PATHS);
}

} // namespace godot::core_bind
