#include "register_core_types.h"

#include "core/class_db.h"
#include "core/config/engine_singletons.h"
#include "core/crypto/register_crypto_types.h"
#include "core/io/register_file_types.h"
#include "core/io/register_io_types.h"
#include "core/io/resource.h"
#include "core/message_queue.h"
#include "scene/main/node.h"
#include "scene/main/scene_tree.h"
#include "scene/main/timer.h"

namespace godot {

void register_core_types() {
	ClassDB::register_class<Object>();
	ClassDB::register_class<RefCounted>();
	ClassDB::register_class<Resource>();
	register_engine_singletons();
	register_io_types();
	register_file_types();
	register_crypto_types();
}

void register_scene_types() {
	ClassDB::register_class<Node>();
	ClassDB::register_class<Viewport>();
	ClassDB::register_class<Window>();
	ClassDB::register_class<MainLoop>();
	ClassDB::register_class<SceneTree>();
	ClassDB::register_abstract_class<SceneTreeTimer>();
	ClassDB::register_class<Timer>();
}

void unregister_core_types() {
	MessageQueue::clear();
	unregister_engine_singletons();
	ClassDB::cleanup();
}

} // namespace godot
