// OS, the singleton scripts see: the command line, environment, ticks and delays, feature tags,
// the event waiter of the idle main loop, and its enums.

#include "core/object/class_db.h"
#include "core/os/os.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

using namespace godot;

TEST_CASE("[OS] command line, environment, ticks, features and the event waiter") {
	OS *os = OS::get_singleton();
	REQUIRE(os != nullptr);
	os->set_cmdline({ "--headless", "--path", "demo" }, { "--port", "4433" });
	CHECK(os->call("get_cmdline_args") == Variant(PackedStringArray(std::vector<String>{ "--headless", "--path", "demo" })));
	CHECK(os->call("get_cmdline_user_args") == Variant(PackedStringArray(std::vector<String>{ "--port", "4433" })));
	CHECK(os->call("get_name") == Variant("Linux"));
	CHECK(os->call("get_processor_count").to_int() >= 1);
	setenv("QUICKDOT_UTILITY_TEST", "value", 1);
	CHECK(os->call("has_environment", "QUICKDOT_UTILITY_TEST") == Variant(true));
	CHECK(os->call("get_environment", "QUICKDOT_UTILITY_TEST") == Variant("value"));
	CHECK(os->call("has_environment", "QUICKDOT_UTILITY_TEST_UNSET") == Variant(false));
	CHECK(os->call("get_environment", "QUICKDOT_UTILITY_TEST_UNSET") == Variant(""));

	const uint64_t before = os->get_ticks_usec();
	os->call("delay_usec", 1000);
	CHECK(os->get_ticks_usec() >= before + 1000);
	os->call("delay_msec", -5); // Negative delays return at once.

	const std::vector<String> tags = os->get_feature_tags();
	CHECK(std::find(tags.begin(), tags.end(), "linux") != tags.end());
	const bool debug = std::find(tags.begin(), tags.end(), "debug") != tags.end();
	const bool release = std::find(tags.begin(), tags.end(), "release") != tags.end();
	CHECK(debug != release);
#if defined(__SANITIZE_ADDRESS__)
	CHECK(std::find(tags.begin(), tags.end(), "sanitize") != tags.end());
#endif

	static uint64_t waited = 0;
	os->set_event_waiter([](uint64_t p_timeout_usec) { waited = p_timeout_usec; });
	os->wait_for_events(12345);
	CHECK(waited == 12345);
	os->set_event_waiter(nullptr);
	const uint64_t start = os->get_ticks_usec();
	os->wait_for_events(2000);
	CHECK(os->get_ticks_usec() >= start + 2000);

	int64_t value = 0;
	CHECK(ClassDB::get_integer_constant("OS", "STD_HANDLE_PIPE", value));
	CHECK(value == 3);
	CHECK(ClassDB::get_integer_constant("OS", "SYSTEM_DIR_RINGTONES", value));
	CHECK(value == 7);
}
