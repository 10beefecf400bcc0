#include "main/script_build.h"

#include "core/error/error_macros.h"
#include "core/string/print_string.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

extern char **environ;

namespace godot {

namespace fs = std::filesystem;

// tsc's "**/*" never enters node_modules or hidden folders (.quickdot among them), so a .ts file
// there has no output to compare with.
static bool is_skipped_folder(const String &p_name) {
	return p_name == "node_modules" || begins_with(p_name, ".");
}

static bool is_source(const String &p_name) {
	return ends_with(p_name, ".ts") && !ends_with(p_name, ".d.ts") && !begins_with(p_name, ".");
}

static bool is_output_stale(const fs::path &p_source, const fs::path &p_output) {
	std::error_code error;
	const fs::file_time_type output_time = fs::last_write_time(p_output, error);
	if (error) {
		return true; // Not compiled yet.
	}
	return fs::last_write_time(p_source, error) > output_time;
}

String ScriptBuild::get_output_path(const String &p_source) {
	return ".quickdot/js/" + p_source.substr(0, p_source.size() - 3) + ".js";
}

std::vector<String> ScriptBuild::find_stale_sources(const String &p_project_dir) {
	std::vector<String> stale;
	const fs::path root(p_project_dir);
	std::error_code error;
	std::error_code entry_error; // An entry that vanished or can't be read is no source.
	for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error), end; !error && it != end; it.increment(error)) {
		const String name = it->path().filename().string();
		if (it->is_directory(entry_error)) {
			if (is_skipped_folder(name)) {
				it.disable_recursion_pending();
			}
			continue;
		}
		if (!is_source(name) || !it->is_regular_file(entry_error)) {
			continue;
		}
		const String source = it->path().lexically_relative(root).string();
		if (is_output_stale(it->path(), root / get_output_path(source))) {
			stale.push_back(source);
		}
	}
	std::sort(stale.begin(), stale.end());
	return stale;
}

String ScriptBuild::find_tsc(String &r_looked_at) {
	const char *configured = getenv("QUICKDOT_TSC");
	if (configured && *configured) {
		r_looked_at = String(configured) + " (QUICKDOT_TSC)";
		return access(configured, X_OK) == 0 ? String(configured) : String();
	}
	std::error_code error;
	const fs::path executable = fs::read_symlink("/proc/self/exe", error);
	ERR_FAIL_COND_V_MSG(error, String(), "Can't find the engine's executable (/proc/self/exe) to look for tsc next to it.");
	const String tsc = (executable.parent_path().parent_path() / "node_modules/.bin/tsc").string();
	r_looked_at = tsc;
	return access(tsc.c_str(), X_OK) == 0 ? tsc : String();
}

bool ScriptBuild::run_tsc(const String &p_tsc, const String &p_project_dir) {
	char *argv[] = { const_cast<char *>(p_tsc.c_str()), const_cast<char *>("-p"), const_cast<char *>(p_project_dir.c_str()), nullptr };
	fflush(stdout); // Our lines come before tsc's.
	fflush(stderr);
	pid_t pid = 0;
	const int spawn_error = posix_spawn(&pid, p_tsc.c_str(), nullptr, nullptr, argv, environ);
	ERR_FAIL_COND_V_MSG(spawn_error != 0, false, vformat("Can't start tsc (%s): %s.", p_tsc.c_str(), strerror(spawn_error)));
	int status = 0;
	while (waitpid(pid, &status, 0) < 0) {
		ERR_FAIL_COND_V_MSG(errno != EINTR, false, vformat("Lost track of tsc (%s): %s.", p_tsc.c_str(), strerror(errno)));
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// "res://main.ts" or "res://main.ts and 2 more files".
static String describe_sources(const std::vector<String> &p_sources) {
	const String first = "res://" + p_sources.front();
	if (p_sources.size() == 1) {
		return first;
	}
	return vformat("%s and %d more file%s", first.c_str(), int(p_sources.size() - 1), p_sources.size() == 2 ? "" : "s");
}

static void refuse_stale(const std::vector<String> &p_stale, const String &p_project_dir, const String &p_how_to_compile) {
	print_error(vformat("The JavaScript of %s is missing or older than the .ts source (%s); not running stale scripts. %s, or compile with tools/build_ts.sh %s.",
			describe_sources(p_stale).c_str(), ScriptBuild::get_output_path(p_stale.front()).c_str(), p_how_to_compile.c_str(), p_project_dir.c_str()));
}

// Held while looking for stale sources and compiling them: two engines started together on a
// changed project (a server and a client, say) compile it once, and neither reads JavaScript tsc
// is still writing. A project folder we can't write to gets no lock, and could not be compiled.
class BuildLock {
	int fd = -1;

public:
	explicit BuildLock(const String &p_project_dir) {
		const String folder = p_project_dir + "/.quickdot";
		mkdir(folder.c_str(), 0755); // Fails harmlessly when it exists.
		fd = open((folder + "/build.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
		if (fd >= 0) {
			flock(fd, LOCK_EX);
		}
	}
	~BuildLock() {
		if (fd >= 0) {
			close(fd); // Releases the lock.
		}
	}
};

bool ScriptBuild::prepare_project(const String &p_project_dir, bool p_allow_compile) {
	const BuildLock lock(p_project_dir);
	const std::vector<String> stale = find_stale_sources(p_project_dir);
	if (stale.empty()) {
		return true;
	}
	if (!p_allow_compile) {
		refuse_stale(stale, p_project_dir, "Run without --no-build to compile it");
		return false;
	}
	String looked_at;
	const String tsc = find_tsc(looked_at);
	if (tsc.empty()) {
		refuse_stale(stale, p_project_dir, vformat("tsc is not at %s: run tools/setup.sh or set QUICKDOT_TSC to a tsc", looked_at.c_str()));
		return false;
	}
	print_line(vformat("Compiling TypeScript (%s changed): tsc -p %s", describe_sources(stale).c_str(), p_project_dir.c_str()));
	if (!run_tsc(tsc, p_project_dir)) {
		print_error("tsc found errors (listed above), so nothing was run. Fix them and run again.");
		return false;
	}
	return true;
}

} // namespace godot
