#include "core/register_core_types.h"

#include "core/config/engine_singletons.h"
#include "core/crypto/register_crypto_types.h"
#include "core/io/register_file_types.h"
#include "core/io/register_io_types.h"
#include "core/io/resource.h"
#include "core/io/resource_loader.h"
#include "core/io/resource_saver.h"
#include "core/object/class_db.h"
#include "core/object/message_queue.h"

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

void unregister_core_types() {
	MessageQueue::clear();
	ResourceLoader::remove_all_loaders();
	ResourceSaver::remove_all_savers();
	unregister_engine_singletons();
	ClassDB::cleanup();
}

} // namespace godot
