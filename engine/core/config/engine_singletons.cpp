#include "core/config/engine_singletons.h"

#include "core/config/engine.h"
#include "core/core_bind/marshalls.h"
#include "core/core_bind/resource_loader.h"
#include "core/core_bind/resource_saver.h"
#include "core/io/ip.h"
#include "core/object/class_db.h"
#include "core/os/os.h"
#include "core/os/time.h"
#include "core/variant/variant_utility.h"

namespace godot {

static Engine *engine_singleton = nullptr;
static OS *os_singleton = nullptr;
static Time *time_singleton = nullptr;
static Marshalls *marshalls_singleton = nullptr;
static IP *ip_singleton = nullptr;
static core_bind::ResourceLoader *resource_loader_singleton = nullptr;
static core_bind::ResourceSaver *resource_saver_singleton = nullptr;

void register_engine_singletons() {
	if (engine_singleton) {
		return;
	}
	// Godot registers these as instantiable classes too, and the API dump says so.
	ClassDB::register_class<OS>();
	ClassDB::register_class<Time>();
	ClassDB::register_class<Engine>();
	ClassDB::register_class<Marshalls>();
	ClassDB::register_abstract_class<IP>();
	ClassDB::register_class<core_bind::ResourceLoader>();
	ClassDB::register_class<core_bind::ResourceSaver>();

	os_singleton = memnew(OS);
	time_singleton = memnew(Time);
	engine_singleton = memnew(Engine);
	marshalls_singleton = memnew(Marshalls);
	ip_singleton = memnew(IP);
	resource_loader_singleton = memnew(core_bind::ResourceLoader);
	resource_saver_singleton = memnew(core_bind::ResourceSaver);
	ClassDB::register_singleton("Engine", engine_singleton);
	ClassDB::register_singleton("OS", os_singleton);
	ClassDB::register_singleton("Time", time_singleton);
	ClassDB::register_singleton("Marshalls", marshalls_singleton);
	ClassDB::register_singleton("IP", ip_singleton);
	ClassDB::register_singleton("ResourceLoader", resource_loader_singleton);
	ClassDB::register_singleton("ResourceSaver", resource_saver_singleton);

	UtilityFunctions::register_all();
}

void unregister_engine_singletons() {
	if (!engine_singleton) {
		return;
	}
	UtilityFunctions::unregister_all();
	// ClassDB has no way to drop a singleton; a null instance keeps scripts from reaching freed memory.
	ClassDB::register_singleton("Engine", nullptr);
	ClassDB::register_singleton("OS", nullptr);
	ClassDB::register_singleton("Time", nullptr);
	ClassDB::register_singleton("Marshalls", nullptr);
	ClassDB::register_singleton("IP", nullptr);
	ClassDB::register_singleton("ResourceLoader", nullptr);
	ClassDB::register_singleton("ResourceSaver", nullptr);
	memdelete(resource_saver_singleton);
	resource_saver_singleton = nullptr;
	memdelete(resource_loader_singleton);
	resource_loader_singleton = nullptr;
	memdelete(ip_singleton); // Joins the resolver thread.
	ip_singleton = nullptr;
	memdelete(marshalls_singleton);
	marshalls_singleton = nullptr;
	memdelete(engine_singleton);
	memdelete(time_singleton);
	memdelete(os_singleton);
	engine_singleton = nullptr;
	time_singleton = nullptr;
	os_singleton = nullptr;
}

} // namespace godot
