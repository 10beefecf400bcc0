// bin/quickdot: the engine executable. Parses Godot-style command-line options, loads the
// project and its .gdextension modules, runs the main scene's TypeScript (compiled by tsc)
// headless, and exits with the code the scripts passed to SceneTree.quit().

#include "main/main.h"

int main(int argc, char **argv) {
	return godot::Main::run(argc, argv);
}
