// The GDExtension-style loader: .gdextension discovery and parsing, library choice by feature
// tags, each failure as one line naming the file (and the next file still loads), and a real
// load of a tiny C library compiled by the test, through the init levels and back.

#include "core/extension/gdextension_manager.h"
#include "helpers/output_capture.h"

#include <doctest/doctest.h>

#include <dlfcn.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace godot;

namespace {

const std::vector<String> debug_features = { "linux", "x86_64", "debug" };

// A scratch project folder (the res:// root), removed at the end of the test case.
struct Project {
	String path;
	Project() {
		char pattern[] = "/tmp/quickdot_gdext_XXXXXX";
		path = mkdtemp(pattern);
	}
	~Project() { std::filesystem::remove_all(path); }
	String write(const String &p_name, const String &p_text) const {
		const String file = path + "/" + p_name;
		std::filesystem::create_directories(std::filesystem::path(file).parent_path());
		std::ofstream(file) << p_text;
		return file;
	}
};

String config(const String &p_configuration, const String &p_libraries) {
	return "[configuration]\n" + p_configuration + "\n\n[libraries]\n" + p_libraries + "\n";
}

const String good_configuration = "entry_symbol = \"test_extension_init\"\ncompatibility_minimum = \"4.1\"";

// Loads one file; checks the result and that exactly one line naming the file was printed.
// Returns that line.
String expect_failure(GDExtensionManager &p_manager, const Project &p_project, const String &p_file, Error p_expected, const std::vector<String> &p_features = debug_features) {
	Error result = OK;
	const String output = capture_stderr([&] { result = p_manager.load_extension(p_project.path, p_project.path + "/" + p_file, p_features); });
	INFO("stderr: " << output);
	CHECK(result == p_expected);
	CHECK(count_lines(output) == 1);
	CHECK(output.find("res://" + p_file + ": ") != String::npos);
	return output;
}

// The test library: the C ABI of gdextension_interface.h, written out as an extension author
// would, logging every call into log_text.
const char *test_library_source = R"C(
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef void (*Function)(void);
typedef Function (*GetProcAddress)(const char *);
typedef struct { uint32_t major, minor, patch; const char *string; } Version;
typedef void (*GetVersion)(Version *);
typedef struct {
	int minimum_initialization_level;
	void *userdata;
	void (*initialize)(void *, int);
	void (*deinitialize)(void *, int);
} Initialization;

char log_text[512];

static void note(const char *format, unsigned a, unsigned b, unsigned c) {
	size_t used = strlen(log_text);
	snprintf(log_text + used, sizeof(log_text) - used, format, a, b, c);
}
static void initialize(void *userdata, int level) { note(userdata == log_text ? "i%u" : "?%u", (unsigned)level, 0, 0); }
static void deinitialize(void *userdata, int level) { note(userdata == log_text ? "d%u" : "?%u", (unsigned)level, 0, 0); }

void reset_log(void) { log_text[0] = 0; }

uint8_t test_extension_init(GetProcAddress get_proc_address, void *library, Initialization *r_initialization) {
	GetVersion get_version = (GetVersion)get_proc_address("get_godot_version");
	if (!get_version || !library || get_proc_address("no_such_function")) {
		return 0;
	}
	Version version;
	get_version(&version);
	note("v%u.%u.%u;", version.major, version.minor, version.patch);
	r_initialization->minimum_initialization_level = 0;
	r_initialization->userdata = log_text;
	r_initialization->initialize = initialize;
	r_initialization->deinitialize = deinitialize;
	return 1;
}

uint8_t refusing_init(GetProcAddress get_proc_address, void *library, Initialization *r_initialization) {
	return 0;
}
)C";

// Compiles the test library into p_dir once per call; "" when no C compiler is available.
String build_test_library(const String &p_dir, const String &p_name) {
	if (system("cc --version >/dev/null 2>&1") != 0) {
		return String();
	}
	std::ofstream(p_dir + "/test_extension.c") << test_library_source;
	const String library = p_dir + "/" + p_name;
	const String command = "cc -shared -fPIC -o " + library + " " + p_dir + "/test_extension.c";
	return system(command.c_str()) == 0 ? library : String();
}

// The library's log, read through a second handle to the already loaded library.
String library_log(const String &p_library) {
	void *handle = dlopen(p_library.c_str(), RTLD_NOW | RTLD_NOLOAD);
	REQUIRE(handle);
	const char *text = static_cast<const char *>(dlsym(handle, "log_text"));
	REQUIRE(text);
	const String log = text;
	reinterpret_cast<void (*)()>(dlsym(handle, "reset_log"))();
	dlclose(handle);
	return log;
}

} // namespace

TEST_CASE("[GDExtension] finds .gdextension files, skipping hidden folders and node_modules") {
	Project project;
	project.write("openssl.gdextension", "");
	project.write("addons/tool/tool.gdextension", "");
	project.write(".quickdot/cache.gdextension", "");
	project.write("node_modules/pkg/pkg.gdextension", "");
	project.write("addons/tool/readme.txt", "");
	std::filesystem::create_directory_symlink(project.path + "/addons", project.path + "/addons/tool/loop");
	const std::vector<String> files = GDExtensionManager::find_extension_files(project.path);
	// The symlink back to addons/ is not walked again.
	REQUIRE(files.size() == 2);
	CHECK(files[0] == project.path + "/addons/tool/tool.gdextension");
	CHECK(files[1] == project.path + "/openssl.gdextension");
}

TEST_CASE("[GDExtension] malformed files are refused with one line") {
	Project project;
	GDExtensionManager manager;
	project.write("a.gdextension", "[configuration\nentry_symbol = \"x\"\n");
	CHECK(expect_failure(manager, project, "a.gdextension", ERR_PARSE_ERROR).find("line 1") != String::npos);
	project.write("b.gdextension", config(good_configuration + "\nthis line is nonsense", "linux.x86_64 = \"res://x.so\""));
	CHECK(expect_failure(manager, project, "b.gdextension", ERR_PARSE_ERROR).find("line 4") != String::npos);
	project.write("c.gdextension", config("compatibility_minimum = \"4.1\"", "linux.x86_64 = \"res://x.so\""));
	CHECK(expect_failure(manager, project, "c.gdextension", ERR_PARSE_ERROR).find("entry_symbol") != String::npos);
	project.write("d.gdextension", config("entry_symbol = test_extension_init\ncompatibility_minimum = \"4.1\"", "linux.x86_64 = \"res://x.so\""));
	expect_failure(manager, project, "d.gdextension", ERR_PARSE_ERROR);
	project.write("e.gdextension", config("entry_symbol = \"test_extension_init\ncompatibility_minimum = \"4.1\"", "linux.x86_64 = \"res://x.so\""));
	expect_failure(manager, project, "e.gdextension", ERR_PARSE_ERROR);
	project.write("f.gdextension", config("entry_symbol = \"test_extension_init\"", "linux.x86_64 = \"res://x.so\""));
	CHECK(expect_failure(manager, project, "f.gdextension", ERR_PARSE_ERROR).find("compatibility_minimum") != String::npos);
	project.write("g.gdextension", config("entry_symbol = \"x\"\ncompatibility_minimum = \"four\"", "linux.x86_64 = \"res://x.so\""));
	expect_failure(manager, project, "g.gdextension", ERR_PARSE_ERROR);
	project.write("h.gdextension", config(good_configuration, "linux.x86_64 = res://x.so"));
	expect_failure(manager, project, "h.gdextension", ERR_PARSE_ERROR);
	project.write("i.gdextension", config(good_configuration, "linux.x86_64 = \"res://x.so\"\n\n[dependencies]\nlinux.x86_64 = {\n\"res://dep.so\": \"\"\n"));
	expect_failure(manager, project, "i.gdextension", ERR_PARSE_ERROR);
	CHECK(manager.get_loaded_extensions().empty());
}

TEST_CASE("[GDExtension] compatibility_minimum and compatibility_maximum against 4.6.3") {
	Project project;
	GDExtensionManager manager;
	for (const char *version : { "4.7", "4.6.4", "5.0" }) {
		project.write("newer.gdextension", config("entry_symbol = \"x\"\ncompatibility_minimum = \"" + String(version) + "\"", "linux.x86_64 = \"res://x.so\""));
		CHECK(expect_failure(manager, project, "newer.gdextension", ERR_UNAVAILABLE).find("4.6.3") != String::npos);
	}
	project.write("old.gdextension", config("entry_symbol = \"x\"\ncompatibility_minimum = \"4.0\"", "linux.x86_64 = \"res://x.so\""));
	expect_failure(manager, project, "old.gdextension", ERR_UNAVAILABLE);
	project.write("max.gdextension", config(good_configuration + "\ncompatibility_maximum = \"4.5\"", "linux.x86_64 = \"res://x.so\""));
	expect_failure(manager, project, "max.gdextension", ERR_UNAVAILABLE);
	// Compatible versions get as far as looking for the library.
	for (const char *versions : { "compatibility_minimum = \"4.6.3\"", "compatibility_minimum = 4.1\ncompatibility_maximum = \"4.6\"" }) {
		project.write("ok.gdextension", config("entry_symbol = \"x\"\n" + String(versions), "linux.x86_64 = \"res://x.so\""));
		expect_failure(manager, project, "ok.gdextension", ERR_FILE_NOT_FOUND);
	}
}

TEST_CASE("[GDExtension] the [libraries] key with the most matching feature tags wins") {
	Project project;
	GDExtensionManager manager;
	project.write("pick.gdextension", config(good_configuration, "windows.debug.x86_64 = \"res://windows.dll\"\n"
																 "linux.x86_64 = \"res://bin/plain.so\"\n"
																 "linux.debug.x86_64 = \"res://bin/debug.so\"\n"
																 "linux.debug.sanitize.x86_64 = \"res://bin/sanitize.so\"\n"
																 "linux.release.x86_64 = \"../outside/release.so\""));
	CHECK(expect_failure(manager, project, "pick.gdextension", ERR_FILE_NOT_FOUND).find(project.path + "/bin/debug.so") != String::npos);
	CHECK(expect_failure(manager, project, "pick.gdextension", ERR_FILE_NOT_FOUND, { "linux", "x86_64", "debug", "sanitize" }).find("/bin/sanitize.so") != String::npos);
	// A relative path is relative to the .gdextension file's folder.
	const String parent = std::filesystem::path(project.path).parent_path().string();
	CHECK(expect_failure(manager, project, "pick.gdextension", ERR_FILE_NOT_FOUND, { "linux", "x86_64", "release" }).find(parent + "/outside/release.so") != String::npos);
	CHECK(expect_failure(manager, project, "pick.gdextension", ERR_FILE_NOT_FOUND, { "linux", "x86_64" }).find("/bin/plain.so") != String::npos);
	CHECK(expect_failure(manager, project, "pick.gdextension", ERR_UNCONFIGURED, { "linux", "arm64", "debug" }).find("linux.arm64.debug") != String::npos);

	project.write("addons/x/x.gdextension", config(good_configuration, "linux.x86_64 = \"lib/x.so\""));
	CHECK(expect_failure(manager, project, "addons/x/x.gdextension", ERR_FILE_NOT_FOUND).find(project.path + "/addons/x/lib/x.so") != String::npos);

	// Quickdot's own library names say how to build them.
	project.write("openssl.gdextension", config(good_configuration, "linux.debug.sanitize.x86_64 = \"res://libquickdot_openssl.linux.template_debug.san.x86_64.so\""));
	CHECK(expect_failure(manager, project, "openssl.gdextension", ERR_FILE_NOT_FOUND, { "linux", "x86_64", "debug", "sanitize" }).find("build it with `scons use_asan=yes`") != String::npos);
}

TEST_CASE("[GDExtension] a library loads, initializes by level and deinitializes in reverse") {
	Project project;
	const String library = build_test_library(project.path, "libtest_extension.so");
	// The files that fail use another copy: a library already loaded is refused before
	// its symbols are looked at.
	const String other = build_test_library(project.path, "libtest_other.so");
	if (library.empty() || other.empty()) {
		MESSAGE("no C compiler (cc) found; the library loading cases are skipped");
		return;
	}
	project.write("broken.gdextension", config(good_configuration, "linux.x86_64 = \"res://nowhere.so\""));
	project.write("good.gdextension", config(good_configuration, "linux.x86_64 = \"res://libtest_extension.so\""));
	project.write("no_symbol.gdextension", config("entry_symbol = \"not_there\"\ncompatibility_minimum = \"4.1\"", "linux.x86_64 = \"res://libtest_other.so\""));
	project.write("refusing.gdextension", config("entry_symbol = \"refusing_init\"\ncompatibility_minimum = \"4.1\"", "linux.x86_64 = \"res://libtest_other.so\""));
	project.write("not_a_library.gdextension", config(good_configuration, "linux.x86_64 = \"res://test_extension.c\""));

	{
		GDExtensionManager manager;
		CHECK(GDExtensionManager::get_singleton() == &manager);
		int loaded = 0;
		const String output = capture_stderr([&] { loaded = manager.load_extensions(project.path, debug_features); });
		INFO("stderr: " << output);
		// One line for each broken file; the good one loads whatever the order.
		CHECK(loaded == 1);
		CHECK(count_lines(output) == 4);
		CHECK(output.find("res://broken.gdextension: library res://nowhere.so not found") != String::npos);
		CHECK(output.find("res://no_symbol.gdextension: library res://libtest_other.so has no entry symbol not_there") != String::npos);
		CHECK(output.find("res://refusing.gdextension: the entry symbol refusing_init()") != String::npos);
		CHECK(output.find("res://not_a_library.gdextension: cannot load library") != String::npos);
		REQUIRE(manager.get_loaded_extensions() == std::vector<String>{ "res://good.gdextension" });
		CHECK(library_log(library) == "v4.6.3;");

		manager.initialize_level(MODULE_INITIALIZATION_LEVEL_CORE);
		manager.initialize_level(MODULE_INITIALIZATION_LEVEL_SERVERS);
		manager.initialize_level(MODULE_INITIALIZATION_LEVEL_SCENE);
		CHECK(library_log(library) == "i0i1i2");

		// The same library named by a second file is not initialized twice.
		project.write("again.gdextension", config(good_configuration, "linux.x86_64 = \"res://libtest_extension.so\""));
		CHECK(expect_failure(manager, project, "again.gdextension", ERR_ALREADY_EXISTS).find("already loaded by res://good.gdextension") != String::npos);

		manager.deinitialize_level(MODULE_INITIALIZATION_LEVEL_SCENE);
		manager.deinitialize_level(MODULE_INITIALIZATION_LEVEL_SERVERS);
		manager.deinitialize_level(MODULE_INITIALIZATION_LEVEL_CORE);
		CHECK(library_log(library) == "d2d1d0");
	}
	CHECK(GDExtensionManager::get_singleton() == nullptr);

	// A library loaded after the engine is up catches up, and the manager's destructor
	// takes it back down.
	const String late = build_test_library(project.path, "libtest_late.so");
	REQUIRE_FALSE(late.empty());
	project.write("late/late.gdextension", config(good_configuration, "linux.x86_64 = \"../libtest_late.so\""));
	{
		GDExtensionManager manager;
		manager.initialize_level(MODULE_INITIALIZATION_LEVEL_CORE);
		manager.initialize_level(MODULE_INITIALIZATION_LEVEL_SERVERS);
		CHECK(manager.load_extension(project.path, project.path + "/late/late.gdextension", debug_features) == OK);
		CHECK(library_log(late) == "v4.6.3;i0i1");
	}
	CHECK(library_log(late) == "d1d0");
}
