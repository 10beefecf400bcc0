#pragma once
// Time: the clock singleton scripts see. Ticks are OS's monotonic ticks, as in Godot.

#include "core/object/object.h"
#include "core/variant/type_info.h"

namespace godot {

class Time : public Object {
	GDCLASS(Time, Object)

public:
	enum Month {
		MONTH_JANUARY = 1,
		MONTH_FEBRUARY,
		MONTH_MARCH,
		MONTH_APRIL,
		MONTH_MAY,
		MONTH_JUNE,
		MONTH_JULY,
		MONTH_AUGUST,
		MONTH_SEPTEMBER,
		MONTH_OCTOBER,
		MONTH_NOVEMBER,
		MONTH_DECEMBER,
	};
	enum Weekday {
		WEEKDAY_SUNDAY,
		WEEKDAY_MONDAY,
		WEEKDAY_TUESDAY,
		WEEKDAY_WEDNESDAY,
		WEEKDAY_THURSDAY,
		WEEKDAY_FRIDAY,
		WEEKDAY_SATURDAY,
	};

private:
	static Time *singleton;

protected:
	static void _bind_methods();

public:
	static Time *get_singleton() { return singleton; }

	double get_unix_time_from_system() const; // Seconds since the epoch, with sub-second precision.
	uint64_t get_ticks_msec() const;
	uint64_t get_ticks_usec() const;

	Time();
	~Time() override;
};

} // namespace godot

VARIANT_ENUM_CAST(Time::Month)
VARIANT_ENUM_CAST(Time::Weekday)
