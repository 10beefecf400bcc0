#pragma once
// RepeatedErrors: an exception thrown from the same place every frame (a bug in _process) is
// printed once in full; its repeats are counted and summarised in one line at most every
// SUMMARY_INTERVAL_USEC, and once more when the run ends, instead of sixty lines a second.

#include "core/string/ustring.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace godot {

class RepeatedErrors {
public:
	static constexpr uint64_t SUMMARY_INTERVAL_USEC = 10'000'000;
	// Past this many different errors, new ones are printed every time (nothing is remembered).
	static constexpr size_t MAX_REMEMBERED = 256;

	// p_report is the full report of one exception (message and place). True when it is to be
	// printed: the first time. Otherwise it is counted, and r_summary is set when a summary is due.
	bool should_print(const String &p_report, uint64_t p_now_usec, String &r_summary);
	// The summaries of every error that repeated since its last summary (for the end of the run).
	std::vector<String> take_summaries();

private:
	struct Repeats {
		uint64_t unsummarised = 0;
		uint64_t since_usec = 0; // When the first or the last summarised repeat was.
	};
	std::unordered_map<String, Repeats> reports;

	static String summary(const String &p_report, uint64_t p_count, const char *p_period);
};

} // namespace godot
