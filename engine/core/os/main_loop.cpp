#include "core/os/main_loop.h"

#include "core/object/class_db.h"

namespace godot {

void MainLoop::_bind_methods() {
	ClassDB::add_virtual_method(get_class_static(), MethodInfo("_initialize"));
	MethodInfo physics("_physics_process", PropertyInfo(Variant::FLOAT, "delta"));
	physics.return_value = PropertyInfo(Variant::BOOL, "");
	ClassDB::add_virtual_method(get_class_static(), physics);
	MethodInfo process("_process", PropertyInfo(Variant::FLOAT, "delta"));
	process.return_value = PropertyInfo(Variant::BOOL, "");
	ClassDB::add_virtual_method(get_class_static(), process);
	ClassDB::add_virtual_method(get_class_static(), MethodInfo("_finalize"));

	ADD_SIGNAL(MethodInfo("on_request_permissions_result", PropertyInfo(Variant::STRING, "permission"), PropertyInfo(Variant::BOOL, "granted")));

	static const std::pair<const char *, int64_t> notifications[] = {
		{ "NOTIFICATION_OS_MEMORY_WARNING", 2009 },
		{ "NOTIFICATION_TRANSLATION_CHANGED", 2010 },
		{ "NOTIFICATION_WM_ABOUT", 2011 },
		{ "NOTIFICATION_CRASH", 2012 },
		{ "NOTIFICATION_OS_IME_UPDATE", 2013 },
		{ "NOTIFICATION_APPLICATION_RESUMED", 2014 },
		{ "NOTIFICATION_APPLICATION_PAUSED", 2015 },
		{ "NOTIFICATION_APPLICATION_FOCUS_IN", 2016 },
		{ "NOTIFICATION_APPLICATION_FOCUS_OUT", 2017 },
		{ "NOTIFICATION_TEXT_SERVER_CHANGED", 2018 },
	};
	for (const auto &constant : notifications) {
		ClassDB::bind_integer_constant(get_class_static(), StringName(), constant.first, constant.second);
	}
}

} // namespace godot
