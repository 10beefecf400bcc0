#pragma once
// Resource: a RefCounted that may remember the file it came from.

#include "core/object/ref_counted.h"

namespace godot {

class Resource : public RefCounted {
	GDCLASS(Resource, RefCounted)

	String path;
	bool local_to_scene = false;

protected:
	static void _bind_methods();

public:
	enum DeepDuplicateMode {
		DEEP_DUPLICATE_NONE,
		DEEP_DUPLICATE_INTERNAL,
		DEEP_DUPLICATE_ALL,
	};

	void set_path(const String &p_path) { path = p_path; }
	void take_over_path(const String &p_path) { path = p_path; }
	String get_path() const { return path; }
	void set_local_to_scene(bool p_enable) { local_to_scene = p_enable; }
	bool is_local_to_scene() const { return local_to_scene; }
};

} // namespace godot

VARIANT_ENUM_CAST(Resource::DeepDuplicateMode)
