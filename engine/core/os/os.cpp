#include "core/os/os.h"

#include "core/object/class_db.h"

#include <unistd.h>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <ctime>

namespace godot {

OS *OS::singleton = nullptr;

// Taken during static initialisation, so ticks count from (almost) the start of the process.
static const std::chrono::steady_clock::time_point process_start = std::chrono::steady_clock::now();

static void sleep_usec(uint64_t p_usec) {
	timespec remaining;
	remaining.tv_sec = time_t(p_usec / 1000000);
	remaining.tv_nsec = long(p_usec % 1000000) * 1000;
	// A signal interrupts nanosleep; keep sleeping for what is left.
	while (nanosleep(&remaining, &remaining) == -1 && errno == EINTR) {
	}
}

OS::OS() {
	// Scripts may instantiate OS (Godot registers it as instantiable); the first one is the singleton.
	if (!singleton) {
		singleton = this;
	}
}

OS::~OS() {
	if (singleton == this) {
		singleton = nullptr;
	}
}

int OS::get_processor_count() const {
	const long count = sysconf(_SC_NPROCESSORS_ONLN);
	return count > 0 ? int(count) : 1;
}

bool OS::has_environment(const String &p_variable) const {
	return getenv(p_variable.c_str()) != nullptr;
}

String OS::get_environment(const String &p_variable) const {
	const char *value = getenv(p_variable.c_str());
	return value ? String(value) : String();
}

void OS::delay_usec(int p_usec) const {
	if (p_usec > 0) {
		sleep_usec(uint64_t(p_usec));
	}
}

void OS::delay_msec(int p_msec) const {
	if (p_msec > 0) {
		sleep_usec(uint64_t(p_msec) * 1000);
	}
}

void OS::set_cmdline(const std::vector<String> &p_args, const std::vector<String> &p_user_args) {
	cmdline_args = PackedStringArray(p_args);
	cmdline_user_args = PackedStringArray(p_user_args);
}

uint64_t OS::get_ticks_usec() const {
	return uint64_t(std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - process_start).count());
}

std::vector<String> OS::get_feature_tags() const {
	std::vector<String> tags = { "linux" };
#if defined(__x86_64__)
	tags.push_back("x86_64");
#elif defined(__aarch64__)
	tags.push_back("arm64");
#elif defined(__i386__)
	tags.push_back("x86_32");
#endif
#ifdef NDEBUG
	tags.push_back("release");
#else
	tags.push_back("debug");
#endif
#if defined(__SANITIZE_ADDRESS__)
	tags.push_back("sanitize");
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
	tags.push_back("sanitize");
#endif
#endif
	return tags;
}

void OS::wait_for_events(uint64_t p_timeout_usec) {
	if (event_waiter) {
		event_waiter(p_timeout_usec);
	} else if (p_timeout_usec > 0) {
		sleep_usec(p_timeout_usec);
	}
}

void OS::_bind_methods() {
	ClassDB::bind_method(D_METHOD("get_processor_count"), &OS::get_processor_count);
	ClassDB::bind_method(D_METHOD("has_environment", "variable"), &OS::has_environment);
	ClassDB::bind_method(D_METHOD("get_environment", "variable"), &OS::get_environment);
	ClassDB::bind_method(D_METHOD("get_name"), &OS::get_name);
	ClassDB::bind_method(D_METHOD("get_cmdline_args"), &OS::get_cmdline_args);
	ClassDB::bind_method(D_METHOD("get_cmdline_user_args"), &OS::get_cmdline_user_args);
	ClassDB::bind_method(D_METHOD("delay_usec", "usec"), &OS::delay_usec);
	ClassDB::bind_method(D_METHOD("delay_msec", "msec"), &OS::delay_msec);

	BIND_ENUM_CONSTANT(RENDERING_DRIVER_VULKAN);
	BIND_ENUM_CONSTANT(RENDERING_DRIVER_OPENGL3);
	BIND_ENUM_CONSTANT(RENDERING_DRIVER_D3D12);
	BIND_ENUM_CONSTANT(RENDERING_DRIVER_METAL);

	BIND_ENUM_CONSTANT(SYSTEM_DIR_DESKTOP);
	BIND_ENUM_CONSTANT(SYSTEM_DIR_DCIM);
	BIND_ENUM_CONSTANT(SYSTEM_DIR_DOCUMENTS);
	BIND_ENUM_CONSTANT(SYSTEM_DIR_DOWNLOADS);
	BIND_ENUM_CONSTANT(SYSTEM_DIR_MOVIES);
	BIND_ENUM_CONSTANT(SYSTEM_DIR_MUSIC);
	BIND_ENUM_CONSTANT(SYSTEM_DIR_PICTURES);
	BIND_ENUM_CONSTANT(SYSTEM_DIR_RINGTONES);

	BIND_ENUM_CONSTANT(STD_HANDLE_INVALID);
	BIND_ENUM_CONSTANT(STD_HANDLE_CONSOLE);
	BIND_ENUM_CONSTANT(STD_HANDLE_FILE);
	BIND_ENUM_CONSTANT(STD_HANDLE_PIPE);
	BIND_ENUM_CONSTANT(STD_HANDLE_UNKNOWN);
}

} // namespace godot
