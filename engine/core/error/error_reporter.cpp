#include "core/error/error_reporter.h"

#include "core/string/print_string.h"

namespace godot {

Error ErrorReporter::report(const String &p_class, const char *p_method, Error p_error, const String &p_what) {
	String message = p_class + "." + p_method + ": " + p_what;
	if (p_error != OK) {
		message += vformat(" (%s)", error_constant_name(p_error));
	}
	for (const String &recent : recent_reports) {
		if (recent == message) {
			return p_error;
		}
	}
	print_error(message);
	recent_reports[next_report_slot] = std::move(message);
	next_report_slot = (next_report_slot + 1) % REMEMBERED_REPORTS;
	return p_error;
}

void ErrorReporter::clear() {
	for (String &recent : recent_reports) {
		recent.clear();
	}
}

} // namespace godot
