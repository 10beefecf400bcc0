#include "core/io/socket_waiter.h"

#include <poll.h>
#include <algorithm>
#include <ctime>
#include <vector>

namespace godot {

namespace {

struct WaitSet {
	std::vector<int> fds; // Registered sockets.
	std::vector<uint8_t> watched_by_fd; // 1 while a wait() wakes for that fd.
	std::vector<pollfd> polled; // wait()'s scratch, kept to avoid an allocation per frame.
};

WaitSet &wait_set() {
	static WaitSet set;
	return set;
}

} // namespace

void SocketWaiter::register_fd(int p_fd) {
	if (p_fd < 0) {
		return;
	}
	WaitSet &set = wait_set();
	if (size_t(p_fd) >= set.watched_by_fd.size()) {
		set.watched_by_fd.resize(size_t(p_fd) + 1, 0);
	}
	set.fds.push_back(p_fd);
	set.watched_by_fd[p_fd] = 1; // A new socket is empty: whatever arrives is new.
}

void SocketWaiter::unregister_fd(int p_fd) {
	WaitSet &set = wait_set();
	const auto found = std::find(set.fds.begin(), set.fds.end(), p_fd);
	if (found == set.fds.end()) {
		return;
	}
	*found = set.fds.back();
	set.fds.pop_back();
	set.watched_by_fd[p_fd] = 0;
}

void SocketWaiter::watch(int p_fd) {
	WaitSet &set = wait_set();
	if (p_fd >= 0 && size_t(p_fd) < set.watched_by_fd.size()) {
		set.watched_by_fd[p_fd] = 1;
	}
}

bool SocketWaiter::wait(int64_t p_timeout_usec) {
	WaitSet &set = wait_set();
	set.polled.clear();
	for (const int fd : set.fds) {
		if (set.watched_by_fd[fd]) {
			set.polled.push_back(pollfd{ fd, POLLIN, 0 });
		}
	}
	timespec timeout{};
	timespec *timeout_pointer = nullptr;
	if (p_timeout_usec >= 0) {
		timeout.tv_sec = time_t(p_timeout_usec / 1000000);
		timeout.tv_nsec = long(p_timeout_usec % 1000000) * 1000;
		timeout_pointer = &timeout;
	}
	// An interrupted wait (EINTR: a debugger, SIGCHLD) reports "no data"; the caller re-checks its deadline.
	const int ready = ppoll(set.polled.data(), set.polled.size(), timeout_pointer, nullptr);
	if (ready <= 0) {
		return false;
	}
	for (const pollfd &entry : set.polled) {
		if (entry.revents) {
			set.watched_by_fd[entry.fd] = 0; // Its owner sees the data now; wake again once it is read.
		}
	}
	return true;
}

int SocketWaiter::get_registered_count() {
	return int(wait_set().fds.size());
}

} // namespace godot
