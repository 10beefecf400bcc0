// Time, the singleton scripts see: ticks and the system clock, and its enums.

#include "core/object/class_db.h"
#include "core/os/time.h"

#include <doctest/doctest.h>

using namespace godot;

TEST_CASE("[Time] ticks and enums") {
	Time *time = Time::get_singleton();
	REQUIRE(time != nullptr);
	CHECK(time->call("get_unix_time_from_system").to_float() > 1.6e9);
	const int64_t usec = time->call("get_ticks_usec").to_int();
	CHECK(time->call("get_ticks_msec").to_int() >= usec / 1000);
	int64_t value = 0;
	CHECK(ClassDB::get_integer_constant("Time", "MONTH_DECEMBER", value));
	CHECK(value == 12);
	CHECK(ClassDB::get_integer_constant("Time", "WEEKDAY_SATURDAY", value));
	CHECK(value == 6);
}
