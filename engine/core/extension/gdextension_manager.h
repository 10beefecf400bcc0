#pragma once
// GDExtensionManager: finds the project's *.gdextension files, loads the library each one
// names for this engine's features, calls its entry symbol, and runs its initialization
// levels. A broken extension costs one printed line and is skipped; the others still load.

#include "core/error/error_list.h"
#include "core/extension/gdextension_interface.h"
#include "core/string/string_name.h"

#include <memory>
#include <vector>

namespace godot {

class GDExtensionManager {
public:
	// The engine version libraries are checked against (compatibility_minimum/maximum and
	// the get_godot_version interface function).
	static constexpr uint32_t VERSION_MAJOR = 4;
	static constexpr uint32_t VERSION_MINOR = 6;
	static constexpr uint32_t VERSION_PATCH = 3;

private:
	struct Extension {
		String config_path; // As res://..., for messages.
		String library_path; // Absolute.
		void *handle = nullptr;
		GDExtensionInitialization initialization = {};
		int level_initialized = -1; // The highest level whose initialize ran.
	};

	std::vector<std::unique_ptr<Extension>> extensions;
	int current_level = -1; // The highest level initialize_level() reached.

	static GDExtensionManager *singleton;

public:
	static GDExtensionManager *get_singleton() { return singleton; }
	GDExtensionManager();
	// Deinitializes whatever is still initialized. Libraries stay mapped until the process
	// exits: objects they created may outlive the manager.
	~GDExtensionManager();

	// Every *.gdextension file under p_project_dir (absolute, the res:// root), recursively,
	// skipping hidden folders (.quickdot, .git...) and node_modules. Sorted, absolute.
	static std::vector<String> find_extension_files(const String &p_project_dir);

	// Loads every extension of the project; returns how many loaded.
	// p_feature_tags: the engine's features (linux, x86_64, debug or release, sanitize...)
	// that choose a key of each file's [libraries] section.
	int load_extensions(const String &p_project_dir, const std::vector<String> &p_feature_tags);
	// Loads one .gdextension file (absolute path). On failure prints one line naming the
	// file and returns: ERR_FILE_CANT_OPEN (unreadable file), ERR_PARSE_ERROR (malformed file), ERR_UNAVAILABLE (incompatible
	// engine version), ERR_UNCONFIGURED (no [libraries] key for these features),
	// ERR_FILE_NOT_FOUND (library missing), ERR_CANT_OPEN (dlopen failed),
	// ERR_METHOD_NOT_FOUND (no entry symbol), ERR_ALREADY_EXISTS (library already loaded),
	// FAILED (the entry symbol returned false).
	// An extension loaded after initialize_level() calls is brought up to the same level.
	Error load_extension(const String &p_project_dir, const String &p_config_file, const std::vector<String> &p_feature_tags);

	// Call with CORE, SERVERS, SCENE in order at startup, and in reverse at exit.
	void initialize_level(ModuleInitializationLevel p_level);
	void deinitialize_level(ModuleInitializationLevel p_level);

	// The res:// paths of the loaded .gdextension files, in load order.
	std::vector<String> get_loaded_extensions() const;
};

} // namespace godot
