#include "core/object/ref_counted.h"

namespace godot {

bool RefCounted::reference() {
	refcount++;
	if (get_instance_binding() && get_binding_callbacks()->reference_callback) {
		get_binding_callbacks()->reference_callback(get_instance_binding(), this, true, refcount);
	}
	return true;
}

bool RefCounted::unreference() {
	refcount--;
	if (get_instance_binding() && get_binding_callbacks()->reference_callback) {
		get_binding_callbacks()->reference_callback(get_instance_binding(), this, false, refcount);
	}
	return refcount <= 0;
}

void RefCounted::_bind_methods() {
	ClassDB::bind_method(D_METHOD("init_ref"), &RefCounted::init_ref);
	ClassDB::bind_method(D_METHOD("reference"), &RefCounted::reference);
	ClassDB::bind_method(D_METHOD("unreference"), &RefCounted::unreference);
	ClassDB::bind_method(D_METHOD("get_reference_count"), &RefCounted::get_reference_count);
}

} // namespace godot
