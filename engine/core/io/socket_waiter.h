#pragma once
// SocketWaiter: lets the main loop sleep until one of the process's UDP sockets receives a
// datagram, instead of spinning or sleeping a fixed frame time. Every open NetSocket registers
// its fd here. Engine-internal, not exposed to scripts. Main-thread use, like the sockets.
//
// A wait() wakes for "new" data only: for sockets whose owner has read them empty since the last
// wake (NetSocket reports that), or that were left with data on purpose (watch()). A datagram a
// script leaves unread wakes the loop once, not at every frame.
// The sockets are handed to poll() only while the loop sleeps, never kept in an epoll set: a
// socket on a kernel wait queue pays a wake-up (a lock with interrupts off) for every datagram
// received and every one sent, about 6 % of the cost of a datagram through the engine.

#include <cstdint>

namespace godot {

class SocketWaiter {
public:
	static void register_fd(int p_fd);
	static void unregister_fd(int p_fd); // Call before closing the fd.
	// The next wait() returns as soon as p_fd is readable: its owner read it empty (any data is
	// new), or stopped draining early and leaves data behind (the wait returns at once).
	static void watch(int p_fd);

	// Blocks until a watched socket is readable (true) or the timeout passes (false). A negative
	// timeout waits forever; 0 only checks. A socket that woke it is not watched again until
	// its owner reads it empty.
	static bool wait(int64_t p_timeout_usec);

	static int get_registered_count();
};

} // namespace godot
