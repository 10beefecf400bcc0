#include "repeated_errors.h"

#include "core/string/print_string.h"

namespace godot {

bool RepeatedErrors::should_print(const String &p_report, uint64_t p_now_usec, String &r_summary) {
	const auto found = reports.find(p_report);
	if (found == reports.end()) {
		if (reports.size() < MAX_REMEMBERED) {
			reports.emplace(p_report, Repeats{ 0, p_now_usec });
		}
		return true;
	}
	Repeats &repeats = found->second;
	repeats.unsummarised++;
	if (p_now_usec - repeats.since_usec >= SUMMARY_INTERVAL_USEC) {
		r_summary = summary(p_report, repeats.unsummarised, vformat(" in the last %.0f s", double(p_now_usec - repeats.since_usec) / 1e6).c_str());
		repeats.unsummarised = 0;
		repeats.since_usec = p_now_usec;
	}
	return false;
}

std::vector<String> RepeatedErrors::take_summaries() {
	std::vector<String> summaries;
	for (auto &entry : reports) {
		if (entry.second.unsummarised > 0) {
			summaries.push_back(summary(entry.first, entry.second.unsummarised, ""));
			entry.second.unsummarised = 0;
		}
	}
	return summaries;
}

String RepeatedErrors::summary(const String &p_report, uint64_t p_count, const char *p_period) {
	return vformat("SCRIPT ERROR (the same again, %llu more time%s%s): %s", (unsigned long long)p_count, p_count == 1 ? "" : "s", p_period, p_report.c_str());
}

} // namespace godot
