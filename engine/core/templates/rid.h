#pragma once
// Godot's RID: an opaque 64-bit handle to a server-side resource; 0 is the invalid RID.

#include <cstdint>

namespace godot {

struct RID {
	uint64_t id = 0;

	static RID from_uint64(uint64_t p_id) { return RID{ p_id }; }
	uint64_t get_id() const { return id; }
	bool is_valid() const { return id != 0; }
	bool is_null() const { return id == 0; }
	bool operator==(const RID &o) const { return id == o.id; }
	bool operator!=(const RID &o) const { return id != o.id; }
	bool operator<(const RID &o) const { return id < o.id; }
};

} // namespace godot
