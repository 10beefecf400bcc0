#include "core/io/resource.h"

namespace godot {

void Resource::_bind_methods() {
	ClassDB::bind_method(D_METHOD("set_path", "path"), &Resource::set_path);
	ClassDB::bind_method(D_METHOD("take_over_path", "path"), &Resource::take_over_path);
	ClassDB::bind_method(D_METHOD("get_path"), &Resource::get_path);
	ClassDB::bind_method(D_METHOD("set_local_to_scene", "enable"), &Resource::set_local_to_scene);
	ClassDB::bind_method(D_METHOD("is_local_to_scene"), &Resource::is_local_to_scene);
	ADD_PROPERTY(PropertyInfo(Variant::BOOL, "resource_local_to_scene"), "set_local_to_scene", "is_local_to_scene");
	ADD_PROPERTY(PropertyInfo(Variant::STRING, "resource_path"), "set_path", "get_path");
	ADD_SIGNAL(MethodInfo("changed"));
	ADD_SIGNAL(MethodInfo("setup_local_to_scene_requested"));
	BIND_ENUM_CONSTANT(DEEP_DUPLICATE_NONE);
	BIND_ENUM_CONSTANT(DEEP_DUPLICATE_INTERNAL);
	BIND_ENUM_CONSTANT(DEEP_DUPLICATE_ALL);
}

} // namespace godot
