#pragma once
// Deferred calls (CONNECT_DEFERRED signals): run once at the end of the current frame.

#include "core/variant/variant.h"

namespace godot {

class MessageQueue {
public:
	static void push_callable(const Callable &p_callable, const Variant **p_args, int p_argcount);
	static void flush();
	static void clear();
};

} // namespace godot
