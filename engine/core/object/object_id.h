#pragma once
// Godot's ObjectID: an Object's instance id, 0 for none. Variant, Callable and Signal carry it
// instead of a pointer, so a freed object reads back as absent rather than dangling.

#include <cstdint>

namespace godot {

using ObjectID = uint64_t;

} // namespace godot
