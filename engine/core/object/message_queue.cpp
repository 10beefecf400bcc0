#include "core/object/message_queue.h"

#include <deque>

namespace godot {

struct DeferredCall {
	Callable callable;
	std::vector<Variant> arguments;
};

static std::deque<DeferredCall> &queue() {
	static std::deque<DeferredCall> calls;
	return calls;
}

void MessageQueue::push_callable(const Callable &p_callable, const Variant **p_args, int p_argcount) {
	DeferredCall call{ p_callable, {} };
	for (int i = 0; i < p_argcount; i++) {
		call.arguments.push_back(*p_args[i]);
	}
	queue().push_back(std::move(call));
}

void MessageQueue::flush() {
	// Calls queued while flushing run in the same flush, as in Godot.
	while (!queue().empty()) {
		DeferredCall call = std::move(queue().front());
		queue().pop_front();
		std::vector<const Variant *> pointers;
		for (const Variant &argument : call.arguments) {
			pointers.push_back(&argument);
		}
		Variant result;
		CallError error;
		call.callable.callp(pointers.data(), int(pointers.size()), result, error);
	}
}

void MessageQueue::clear() {
	queue().clear();
}

} // namespace godot
