#pragma once
// OS: the operating-system singleton scripts see (environment, command line, delays), plus the
// C++ services the engine needs from it (monotonic ticks, feature tags, the main loop's wait).

#include "core/object/object.h"
#include "core/variant/type_info.h"

#include <vector>

namespace godot {

class OS : public Object {
	GDCLASS(OS, Object)

public:
	// Blocks for up to p_timeout_usec, or less when an event (a readable socket) arrives.
	using EventWaiter = void (*)(uint64_t p_timeout_usec);

	enum RenderingDriver {
		RENDERING_DRIVER_VULKAN,
		RENDERING_DRIVER_OPENGL3,
		RENDERING_DRIVER_D3D12,
		RENDERING_DRIVER_METAL,
	};
	enum SystemDir {
		SYSTEM_DIR_DESKTOP,
		SYSTEM_DIR_DCIM,
		SYSTEM_DIR_DOCUMENTS,
		SYSTEM_DIR_DOWNLOADS,
		SYSTEM_DIR_MOVIES,
		SYSTEM_DIR_MUSIC,
		SYSTEM_DIR_PICTURES,
		SYSTEM_DIR_RINGTONES,
	};
	enum StdHandleType {
		STD_HANDLE_INVALID,
		STD_HANDLE_CONSOLE,
		STD_HANDLE_FILE,
		STD_HANDLE_PIPE,
		STD_HANDLE_UNKNOWN,
	};

private:
	static OS *singleton;

	PackedStringArray cmdline_args;
	PackedStringArray cmdline_user_args;
	EventWaiter event_waiter = nullptr;

protected:
	static void _bind_methods();

public:
	static OS *get_singleton() { return singleton; }

	int get_processor_count() const;
	bool has_environment(const String &p_variable) const;
	String get_environment(const String &p_variable) const;
	String get_name() const { return "Linux"; }
	PackedStringArray get_cmdline_args() { return cmdline_args; }
	PackedStringArray get_cmdline_user_args() { return cmdline_user_args; }
	void delay_usec(int p_usec) const;
	void delay_msec(int p_msec) const;

	// p_args are the engine's own arguments, p_user_args those after "--".
	void set_cmdline(const std::vector<String> &p_args, const std::vector<String> &p_user_args);
	uint64_t get_ticks_usec() const; // Monotonic, since the process started.
	// "linux", the architecture, "debug" or "release", and "sanitize" in sanitizer builds.
	std::vector<String> get_feature_tags() const;

	// Null restores the default waiter, which simply sleeps for the timeout.
	void set_event_waiter(EventWaiter p_waiter) { event_waiter = p_waiter; }
	void wait_for_events(uint64_t p_timeout_usec);

	OS();
	~OS() override;
};

} // namespace godot

VARIANT_ENUM_CAST(OS::RenderingDriver)
VARIANT_ENUM_CAST(OS::SystemDir)
VARIANT_ENUM_CAST(OS::StdHandleType)
