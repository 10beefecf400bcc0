#pragma once
// TypedArray<T>: an Array the API declares as holding T ("typedarray::Node" in the dump). Apart
// from type_info.h so that core/object can return one without including the binding templates.

#include "core/variant/array.h"

namespace godot {

template <typename T>
struct TypedArray : public Array {
	TypedArray() = default;
	TypedArray(const Array &p_array) :
			Array(p_array) {}
};

} // namespace godot
