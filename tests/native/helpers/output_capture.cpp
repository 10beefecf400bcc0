#include "helpers/output_capture.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

OutputCapture::OutputCapture(int p_fd, Mode p_mode) :
		fd(p_fd) {
	fflush(nullptr);
	int target = -1;
	if (p_mode == KEEP) {
		file = tmpfile();
		REQUIRE(file != nullptr);
		target = fileno(file);
	} else {
		target = open("/dev/null", O_WRONLY);
		REQUIRE(target >= 0);
	}
	saved = dup(fd);
	dup2(target, fd);
	if (p_mode == DISCARD) {
		::close(target);
	}
	active = true;
}

OutputCapture::~OutputCapture() {
	finish();
}

godot::String OutputCapture::finish() {
	if (!active) {
		return godot::String();
	}
	active = false;
	fflush(nullptr);
	dup2(saved, fd);
	::close(saved);
	if (file == nullptr) {
		return godot::String();
	}
	godot::String text;
	rewind(file);
	char chunk[512];
	size_t read;
	while ((read = fread(chunk, 1, sizeof(chunk), file)) > 0) {
		text.append(chunk, read);
	}
	fclose(file);
	file = nullptr;
	return text;
}

int count_lines(const godot::String &p_text) {
	int lines = 0;
	for (char c : p_text) {
		lines += c == '\n';
	}
	return lines;
}
