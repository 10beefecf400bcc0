#pragma once

namespace godot {

class Main {
public:
	// The whole engine lifetime; returns the process exit code.
	static int run(int argc, char **argv);
};

} // namespace godot
