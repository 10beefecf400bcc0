#pragma once
// SocketWaiter: lets the main loop sleep until one of the process's UDP sockets receives a
// datagram, instead of spinning or sleeping a fixed frame time. Every open NetSocket registers
// its fd here. The set is watched with epoll in edge-triggered mode: a wake-up means "new data
// arrived since the last wait()", so a datagram that scripts leave unread does not wake the
// loop again and again (level-triggered readiness would busy-spin until it was read).
// Engine-internal, not exposed to scripts. Main-thread use, like the sockets themselves.

#include <cstdint>

namespace godot {

class SocketWaiter {
public:
	static void register_fd(int p_fd);
	static void unregister_fd(int p_fd); // Call before closing the fd.
	// Reports the fd again at the next wait() if it is still readable: for a reader that stopped
	// draining early and so will not see a new edge for the data it left behind.
	static void rearm(int p_fd);

	// Blocks until a registered socket gets new data (true) or the timeout passes (false).
	// A negative timeout waits forever; 0 only checks.
	static bool wait(int64_t p_timeout_usec);

	static int get_registered_count();
};

} // namespace godot
