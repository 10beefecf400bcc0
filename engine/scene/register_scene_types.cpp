#include "scene/register_scene_types.h"

#include "core/object/class_db.h"
#include "core/os/main_loop.h"
#include "scene/main/node.h"
#include "scene/main/scene_tree.h"
#include "scene/main/timer.h"

namespace godot {

void register_scene_types() {
	ClassDB::register_class<Node>();
	ClassDB::register_class<Viewport>();
	ClassDB::register_class<Window>();
	ClassDB::register_class<MainLoop>();
	ClassDB::register_class<SceneTree>();
	ClassDB::register_abstract_class<SceneTreeTimer>();
	ClassDB::register_class<Timer>();
}

} // namespace godot
