#include "core/io/socket_waiter.h"

#include "core/print_string.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <sys/epoll.h>
#include <unistd.h>

namespace godot {

namespace {

struct EpollSet {
	int fd = -1;
	std::atomic<int> registered{ 0 };

	EpollSet() {
		fd = epoll_create1(EPOLL_CLOEXEC);
		if (fd < 0) {
			print_error(vformat("SocketWaiter: epoll_create1 failed: %s; the main loop cannot sleep on sockets.", strerror(errno)));
		}
	}
	~EpollSet() {
		if (fd >= 0) {
			::close(fd);
		}
	}
};

EpollSet &epoll_set() {
	static EpollSet set;
	return set;
}

} // namespace

void SocketWaiter::register_fd(int p_fd) {
	EpollSet &set = epoll_set();
	if (set.fd < 0 || p_fd < 0) {
		return;
	}
	epoll_event event{};
	event.events = EPOLLIN | EPOLLET;
	event.data.fd = p_fd;
	if (epoll_ctl(set.fd, EPOLL_CTL_ADD, p_fd, &event) == 0) {
		set.registered++;
	}
}

void SocketWaiter::unregister_fd(int p_fd) {
	EpollSet &set = epoll_set();
	if (set.fd < 0 || p_fd < 0) {
		return;
	}
	if (epoll_ctl(set.fd, EPOLL_CTL_DEL, p_fd, nullptr) == 0) {
		set.registered--;
	}
}

void SocketWaiter::rearm(int p_fd) {
	EpollSet &set = epoll_set();
	if (set.fd < 0 || p_fd < 0) {
		return;
	}
	// EPOLL_CTL_MOD re-checks readiness and queues an event if data is still waiting.
	epoll_event event{};
	event.events = EPOLLIN | EPOLLET;
	event.data.fd = p_fd;
	epoll_ctl(set.fd, EPOLL_CTL_MOD, p_fd, &event);
}

bool SocketWaiter::wait(int64_t p_timeout_usec) {
	EpollSet &set = epoll_set();
	if (set.fd < 0) {
		return false;
	}
	// epoll_wait counts milliseconds; round up so a short timeout never turns into a spin.
	int timeout_msec = -1;
	if (p_timeout_usec >= 0) {
		const int64_t msec = (p_timeout_usec + 999) / 1000;
		timeout_msec = msec > INT32_MAX ? INT32_MAX : int(msec);
	}
	// An interrupted wait (EINTR: a debugger, SIGCHLD) reports "no data"; the caller re-checks its deadline.
	epoll_event events[64];
	return epoll_wait(set.fd, events, 64, timeout_msec) > 0;
}

int SocketWaiter::get_registered_count() {
	return epoll_set().registered;
}

} // namespace godot
