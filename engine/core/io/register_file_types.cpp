#include "core/io/register_file_types.h"

#include "core/io/dir_access.h"
#include "core/io/file_access.h"

namespace godot {

void register_file_types() {
	// Abstract for scripts, as in Godot: FileAccess.open() and DirAccess's statics are the way in.
	GDREGISTER_ABSTRACT_CLASS(FileAccess);
	GDREGISTER_ABSTRACT_CLASS(DirAccess);
}

} // namespace godot
