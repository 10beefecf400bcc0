#pragma once
// ErrorReporter: the say-it-once lines of objects that scripts call every frame. A problem is
// printed as "Class.method: what to know and do (ERR_CONSTANT)" the first time, and again only
// once the object's state has changed (clear()), so a retry loop prints one line, not sixty a
// second. Guards against plain misuse stay Godot's ERR_FAIL_*_MSG (core/error/error_macros.h).

#include "core/error/error_list.h"
#include "core/string/ustring.h"

namespace godot {

class ErrorReporter {
	// Alternating problems (two peers failing in turn) stay one line each.
	static constexpr int REMEMBERED_REPORTS = 4;
	String recent_reports[REMEMBERED_REPORTS];
	int next_report_slot = 0;

public:
	// Prints the line unless one of the last few was the same; returns p_error, so that
	// `return reporter.report(...)` ends a failing call. p_error OK: a note without a constant.
	Error report(const String &p_class, const char *p_method, Error p_error, const String &p_what);
	// Forget what was said: the next problem is printed even if it was said before.
	void clear();
};

} // namespace godot
