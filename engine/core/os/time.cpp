#include "core/os/time.h"

#include "core/error/error_macros.h"
#include "core/object/class_db.h"
#include "core/os/os.h"

#include <chrono>

namespace godot {

Time *Time::singleton = nullptr;

Time::Time() {
	if (!singleton) {
		singleton = this;
	}
}

Time::~Time() {
	if (singleton == this) {
		singleton = nullptr;
	}
}

double Time::get_unix_time_from_system() const {
	const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
	return double(std::chrono::duration_cast<std::chrono::microseconds>(since_epoch).count()) / 1000000.0;
}

uint64_t Time::get_ticks_msec() const {
	return get_ticks_usec() / 1000;
}

uint64_t Time::get_ticks_usec() const {
	ERR_FAIL_NULL_V_MSG(OS::get_singleton(), 0, "Time.get_ticks_usec: the OS singleton does not exist yet; call register_engine_singletons() first.");
	return OS::get_singleton()->get_ticks_usec();
}

void Time::_bind_methods() {
	ClassDB::bind_method(D_METHOD("get_unix_time_from_system"), &Time::get_unix_time_from_system);
	ClassDB::bind_method(D_METHOD("get_ticks_msec"), &Time::get_ticks_msec);
	ClassDB::bind_method(D_METHOD("get_ticks_usec"), &Time::get_ticks_usec);

	BIND_ENUM_CONSTANT(MONTH_JANUARY);
	BIND_ENUM_CONSTANT(MONTH_FEBRUARY);
	BIND_ENUM_CONSTANT(MONTH_MARCH);
	BIND_ENUM_CONSTANT(MONTH_APRIL);
	BIND_ENUM_CONSTANT(MONTH_MAY);
	BIND_ENUM_CONSTANT(MONTH_JUNE);
	BIND_ENUM_CONSTANT(MONTH_JULY);
	BIND_ENUM_CONSTANT(MONTH_AUGUST);
	BIND_ENUM_CONSTANT(MONTH_SEPTEMBER);
	BIND_ENUM_CONSTANT(MONTH_OCTOBER);
	BIND_ENUM_CONSTANT(MONTH_NOVEMBER);
	BIND_ENUM_CONSTANT(MONTH_DECEMBER);

	BIND_ENUM_CONSTANT(WEEKDAY_SUNDAY);
	BIND_ENUM_CONSTANT(WEEKDAY_MONDAY);
	BIND_ENUM_CONSTANT(WEEKDAY_TUESDAY);
	BIND_ENUM_CONSTANT(WEEKDAY_WEDNESDAY);
	BIND_ENUM_CONSTANT(WEEKDAY_THURSDAY);
	BIND_ENUM_CONSTANT(WEEKDAY_FRIDAY);
	BIND_ENUM_CONSTANT(WEEKDAY_SATURDAY);
}

} // namespace godot
