#pragma once
// Points a file descriptor (stdout or stderr) elsewhere while alive: into a temporary file whose
// text finish() returns, to check "one clear line" rules, or nowhere, for runs that would print a
// line per peer. Shared by the native suites.

#include "core/string/string_name.h"

#include <cstdio>

class OutputCapture {
public:
	enum Mode {
		KEEP,
		DISCARD,
	};

	explicit OutputCapture(int p_fd, Mode p_mode = KEEP);
	~OutputCapture();
	OutputCapture(const OutputCapture &) = delete;
	OutputCapture &operator=(const OutputCapture &) = delete;

	// Restores the descriptor; returns what was written (empty when discarded).
	godot::String finish();

private:
	int fd = -1;
	int saved = -1;
	FILE *file = nullptr;
	bool active = false;
};

// The usual case: what the code under test prints on stderr.
class StderrCapture : public OutputCapture {
public:
	explicit StderrCapture(Mode p_mode = KEEP) :
			OutputCapture(2, p_mode) {}
};

// What p_function writes on stderr.
template <typename F>
godot::String capture_stderr(F p_function) {
	StderrCapture capture;
	p_function();
	return capture.finish();
}

int count_lines(const godot::String &p_text);
