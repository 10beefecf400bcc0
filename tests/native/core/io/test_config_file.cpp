// ConfigFile at the C++ level: it reads project.godot as Godot writes it (escaped strings,
// typed values, dictionaries over several lines, comments), writes Godot 4.6's layout, says
// where a malformed text is wrong, and ProjectSettings reads project.godot through it.

#include "core/config/project_settings.h"
#include "core/io/config_file.h"
#include "helpers/output_capture.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace godot;

namespace config_file_test {

// The shape of a project.godot that Godot 4.6's editor saves, with the trickier values.
const char *const project_text = "; Engine configuration file.\n"
								 "; Comments start with ';'.\n"
								 "\n"
								 "config_version=5\n"
								 "\n"
								 "[application]\n"
								 "\n"
								 "config/name=\"Say \\\"hi\\\"\\n\\u00e9t\\u00e9\"\n"
								 "run/main_scene=\"res://main.tscn\"\n"
								 "config/features=PackedStringArray(\"4.6\", \"Forward Plus\")\n"
								 "\n"
								 "[input]\n"
								 "\n"
								 "jump={\n"
								 "\"deadzone\": 0.5,\n"
								 "\"events\": []\n"
								 "}\n"
								 "\n"
								 "[quickdot]\n"
								 "\n"
								 "ports=Array[int]([4433, 4434]) ; a trailing comment\n"
								 "\"key with = and spaces\"=Vector2(1, 2)\n";

Ref<ConfigFile> parsed(const String &p_text, String &r_error, Error &r_result) {
	Ref<ConfigFile> config;
	config.instantiate();
	r_result = config->parse_text(p_text, r_error);
	return config;
}

String parse_error(const String &p_text) {
	String error;
	Error result = OK;
	parsed(p_text, error, result);
	CHECK(result == ERR_PARSE_ERROR);
	return error;
}

} // namespace config_file_test

TEST_CASE("ConfigFile: reads project.godot as Godot writes it") {
	String error;
	Error result = FAILED;
	const Ref<ConfigFile> config = config_file_test::parsed(config_file_test::project_text, error, result);
	REQUIRE_MESSAGE(result == OK, error);
	CHECK(config->get_sections() == PackedStringArray(std::vector<String>{ "", "application", "input", "quickdot" }));
	CHECK(config->get_value("", "config_version").get_type() == Variant::INT);
	CHECK(config->get_value("", "config_version").to_int() == 5);
	CHECK(config->get_value("application", "config/name").to_string_value() == "Say \"hi\"\n\xc3\xa9t\xc3\xa9");
	const Variant features = config->get_value("application", "config/features");
	REQUIRE(features.get_type() == Variant::PACKED_STRING_ARRAY);
	CHECK(features.to_packed_string_array() == PackedStringArray(std::vector<String>{ "4.6", "Forward Plus" }));
	const Variant jump = config->get_value("input", "jump");
	REQUIRE(jump.get_type() == Variant::DICTIONARY);
	CHECK(jump.to_dictionary().size() == 2);
	const Variant ports = config->get_value("quickdot", "ports");
	REQUIRE(ports.get_type() == Variant::ARRAY);
	CHECK(ports.to_array().size() == 2);
	CHECK(ports.to_array().get_typed_builtin() == Variant::INT);
	CHECK(config->get_value("quickdot", "key with = and spaces").get_type() == Variant::VECTOR2);
	CHECK(config->get_section_keys("application") == PackedStringArray(std::vector<String>{ "config/name", "run/main_scene", "config/features" }));
}

TEST_CASE("ConfigFile: writes Godot 4.6's layout, and reads it back") {
	Ref<ConfigFile> config;
	config.instantiate();
	config->set_value("", "config_version", 5);
	config->set_value("application", "config/name", String("Demo \"one\""));
	config->set_value("application", "config/features", PackedStringArray(std::vector<String>{ "4.6" }));
	config->set_value("net", "port", 4433);
	config->set_value("net", "a key", 1.5);
	config->set_value("net", "port", 4434); // Replaces, keeping its place.
	const String text = config->encode_to_text();
	CHECK(text == "config_version=5\n"
				  "\n"
				  "[application]\n"
				  "\n"
				  "config/name=\"Demo \\\"one\\\"\"\n"
				  "config/features=PackedStringArray(\"4.6\")\n"
				  "\n"
				  "[net]\n"
				  "\n"
				  "port=4434\n"
				  "\"a key\"=1.5\n");
	String error;
	Error result = FAILED;
	const Ref<ConfigFile> again = config_file_test::parsed(text, error, result);
	REQUIRE_MESSAGE(result == OK, error);
	CHECK(again->encode_to_text() == text);
}

TEST_CASE("ConfigFile: set_value(null) and erase_section_key drop empty sections, as in Godot") {
	Ref<ConfigFile> config;
	config.instantiate();
	config->set_value("a", "x", 1);
	config->set_value("a", "y", 2);
	config->set_value("a", "x", Variant());
	CHECK_FALSE(config->has_section_key("a", "x"));
	CHECK(config->has_section("a"));
	config->erase_section_key("a", "y");
	CHECK_FALSE(config->has_section("a"));
	CHECK(config->get_value("a", "x", 7).to_int() == 7);
	StderrCapture capture;
	CHECK(config->get_value("a", "x").get_type() == Variant::NIL);
	config->erase_section("nope");
	const String printed = capture.finish();
	CHECK(printed.find("no key \"x\" in section \"a\"") != String::npos);
	CHECK(printed.find("no section \"nope\"") != String::npos);
}

TEST_CASE("ConfigFile: a malformed text is refused, saying what and where") {
	CHECK(config_file_test::parse_error("[a]\nx=1\n[b\ny=2\n").find("closing ']' at line 3") != String::npos);
	CHECK(config_file_test::parse_error("[a]\nthis line is nonsense\n").find("expected '=' after the key \"this line is nonsense\"") != String::npos);
	CHECK(config_file_test::parse_error("# not a comment in Godot's files\n").find("comments in Godot's files start with ';'") != String::npos);
	CHECK(config_file_test::parse_error("x=1 2\n").find("unexpected text after the value of \"x\" at line 1") != String::npos);
	CHECK(config_file_test::parse_error("x={\n\"a\": 1\n").find("in the value of \"x\"") != String::npos);
	CHECK(config_file_test::parse_error("x=\"open\n").find("at line") != String::npos);
	CHECK(config_file_test::parse_error("=1\n").find("expected a key") != String::npos);
	// What was read before the error stays, as in Godot.
	String error;
	Error result = OK;
	const Ref<ConfigFile> config = config_file_test::parsed("a=1\nb=\n", error, result);
	CHECK(result == ERR_PARSE_ERROR);
	CHECK(config->get_value("", "a").to_int() == 1);
}

TEST_CASE("ConfigFile: ProjectSettings reads project.godot through it") {
	const std::filesystem::path folder = std::filesystem::temp_directory_path() / "quickdot_config_file_test";
	std::filesystem::create_directories(folder);
	{
		std::ofstream(folder / "project.godot") << config_file_test::project_text;
		ProjectSettings settings;
		REQUIRE(settings.setup(folder.string()) == OK);
		CHECK(settings.get_setting("config_version").to_int() == 5);
		CHECK(settings.get_setting("application/run/main_scene").to_string_value() == "res://main.tscn");
		CHECK(settings.get_setting("application/config/features").get_type() == Variant::PACKED_STRING_ARRAY);
		CHECK(settings.get_setting("missing/key", 3).to_int() == 3);
		CHECK(ends_with(settings.get_user_path(), "/app_userdata/Say \"hi\"\n\xc3\xa9t\xc3\xa9"));
	}
	{
		std::ofstream(folder / "project.godot") << "[application]\nconfig/name=\"unterminated\n";
		ProjectSettings settings;
		StderrCapture capture;
		CHECK(settings.setup(folder.string()) == ERR_PARSE_ERROR);
		CHECK(capture.finish().find("project.godot: ") != String::npos);
	}
	std::filesystem::remove_all(folder);
}
