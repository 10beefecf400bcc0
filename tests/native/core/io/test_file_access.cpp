// FileAccess: opening modes and their errors, text in and out; with DirAccess (the cases tagged
// with both), res:// and user:// paths and the ClassDB surface scripts see (static methods, the
// ModeFlags enum, no `new`). DirAccess's own cases are in test_dir_access.cpp.

#include "core/config/project_settings.h"
#include "core/io/dir_access.h"
#include "core/io/file_access.h"
#include "core/object/class_db.h"

#include "helpers/temp_dir.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>
#include <cstdlib>
#include <vector>

using namespace godot;
using namespace file_test;

TEST_CASE("[FileAccess] WRITE creates, READ reads back, get_as_text keeps the cursor") {
	TempDir dir;
	const String path = dir / "notes.txt";
	{
		Ref<FileAccess> writer = FileAccess::open(path, FileAccess::WRITE);
		REQUIRE(writer.is_valid());
		CHECK(FileAccess::get_open_error() == OK);
		CHECK(writer->is_open());
		CHECK(writer->store_string("héllo\n"));
		CHECK(writer->store_line("second"));
		CHECK(writer->store_string(""));
		CHECK(writer->get_path() == path);
	} // Closed by the last reference.
	CHECK(FileAccess::file_exists(path));
	CHECK(FileAccess::get_file_as_string(path) == "héllo\nsecond\n");

	Ref<FileAccess> reader = FileAccess::open(path, FileAccess::READ);
	REQUIRE(reader.is_valid());
	CHECK(reader->get_length() == String("héllo\nsecond\n").size());
	CHECK(reader->get_line() == "héllo");
	CHECK(reader->get_as_text() == "héllo\nsecond\n");
	CHECK(reader->get_line() == "second"); // get_as_text did not move the cursor.
	CHECK_FALSE(reader->eof_reached());
	CHECK(reader->get_line() == "");
	CHECK(reader->eof_reached());
	reader->close();
	CHECK_FALSE(reader->is_open());
	reader->close(); // A second close is harmless.
}

TEST_CASE("[FileAccess] WRITE truncates; READ_WRITE keeps the content; WRITE_READ starts empty") {
	TempDir dir;
	const String path = dir / "data.txt";
	write_file(path, "0123456789");

	Ref<FileAccess> both = FileAccess::open(path, FileAccess::READ_WRITE);
	REQUIRE(both.is_valid());
	CHECK(both->get_as_text() == "0123456789");
	CHECK(both->store_string("ab")); // At the cursor: the start.
	CHECK(both->get_as_text() == "ab23456789");
	CHECK(both->get_line() == "23456789");
	both->close();

	Ref<FileAccess> write_read = FileAccess::open(path, FileAccess::WRITE_READ);
	REQUIRE(write_read.is_valid());
	CHECK(write_read->get_as_text() == "");
	CHECK(write_read->store_string("new"));
	CHECK(write_read->get_as_text() == "new");
	write_read->close();

	Ref<FileAccess> writer = FileAccess::open(path, FileAccess::WRITE);
	REQUIRE(writer.is_valid());
	writer->close();
	CHECK(FileAccess::get_file_as_string(path) == "");
}

TEST_CASE("[FileAccess] Open failures return null and set get_open_error") {
	TempDir dir;
	CHECK(FileAccess::open(dir / "missing.txt", FileAccess::READ).is_null());
	CHECK(FileAccess::get_open_error() == ERR_FILE_NOT_FOUND);
	CHECK(FileAccess::open(dir / "missing.txt", FileAccess::READ_WRITE).is_null());
	CHECK(FileAccess::get_open_error() == ERR_FILE_NOT_FOUND);
	CHECK(FileAccess::open(dir / "no_folder/x.txt", FileAccess::WRITE).is_null());
	CHECK(FileAccess::get_open_error() == ERR_FILE_NOT_FOUND);

	CHECK(FileAccess::open(dir.path, FileAccess::READ).is_null()); // A folder is not a file.
	CHECK(FileAccess::get_open_error() == ERR_FILE_CANT_OPEN);
	CHECK_FALSE(FileAccess::file_exists(dir.path));

	CHECK(FileAccess::open(dir / "x.txt", FileAccess::ModeFlags(5)).is_null());
	CHECK(FileAccess::get_open_error() == ERR_INVALID_PARAMETER);

	CHECK(FileAccess::get_file_as_string(dir / "missing.txt") == "");
	CHECK(FileAccess::get_open_error() == ERR_FILE_NOT_FOUND);

	if (geteuid() != 0) { // root ignores permissions.
		write_file(dir / "locked.txt", "x");
		REQUIRE(chmod((dir / "locked.txt").c_str(), 0) == 0);
		CHECK(FileAccess::open(dir / "locked.txt", FileAccess::READ).is_null());
		CHECK(FileAccess::get_open_error() == ERR_FILE_NO_PERMISSION);
	}

	write_file(dir / "ok.txt", "fine");
	CHECK(FileAccess::open(dir / "ok.txt", FileAccess::READ).is_valid());
	CHECK(FileAccess::get_open_error() == OK); // Reset by the next success.
}

TEST_CASE("[FileAccess] Calls the mode does not allow, or on a closed file, fail without effect") {
	TempDir dir;
	const String path = dir / "a.txt";
	write_file(path, "keep");

	Ref<FileAccess> reader = FileAccess::open(path, FileAccess::READ);
	REQUIRE(reader.is_valid());
	CHECK_FALSE(reader->store_string("nope"));
	reader->close();
	CHECK(reader->get_as_text() == "");
	CHECK(reader->get_line() == "");
	CHECK(reader->get_length() == 0);
	CHECK_FALSE(reader->store_string("nope"));
	reader->flush();
	CHECK(FileAccess::get_file_as_string(path) == "keep");

	Ref<FileAccess> writer = FileAccess::open(path, FileAccess::WRITE);
	REQUIRE(writer.is_valid());
	CHECK(writer->get_as_text() == ""); // Write-only.
	CHECK(writer->store_string("new"));
	writer->flush();
	CHECK(FileAccess::get_file_as_string(path) == "new");
}

TEST_CASE("[FileAccess][DirAccess] res://, user:// and relative paths go through ProjectSettings") {
	TempDir dir;
	REQUIRE(mkdir((dir / "project").c_str(), 0755) == 0);
	write_file(dir / "project/project.godot", "[application]\nconfig/name=\"FileTest\"\n");
	const char *previous_data_home = getenv("XDG_DATA_HOME");
	const String saved_data_home = previous_data_home ? previous_data_home : "";
	setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
	{
		ProjectSettings settings;
		REQUIRE(settings.setup(dir / "project") == OK);

		CHECK(DirAccess::make_dir_recursive_absolute("res://tests/unit") == OK);
		CHECK(DirAccess::dir_exists_absolute(dir / "project/tests/unit"));
		Ref<FileAccess> file = FileAccess::open("res://tests/unit/test_a.ts", FileAccess::WRITE);
		REQUIRE(file.is_valid());
		CHECK(file->get_path() == "res://tests/unit/test_a.ts");
		CHECK(file->get_path_absolute() == settings.get_resource_path() + "/tests/unit/test_a.ts");
		CHECK(file->store_string("export {};"));
		file->close();
		CHECK(FileAccess::file_exists("res://tests/unit/test_a.ts"));
		CHECK(FileAccess::file_exists("tests/unit/test_a.ts")); // Relative: against res://.
		CHECK(to_vector(DirAccess::get_files_at("res://tests/unit")) == std::vector<String>{ "test_a.ts" });
		CHECK(to_vector(DirAccess::get_directories_at("res://")) == std::vector<String>{ "tests" });

		Ref<FileAccess> user_file = FileAccess::open("user://results.xml", FileAccess::WRITE);
		REQUIRE(user_file.is_valid());
		CHECK(user_file->store_string("<x/>"));
		user_file->close();
		CHECK(FileAccess::get_file_as_string(dir / "data/quickdot/app_userdata/FileTest/results.xml") == "<x/>");
	}
	if (previous_data_home) {
		setenv("XDG_DATA_HOME", saved_data_home.c_str(), 1);
	} else {
		unsetenv("XDG_DATA_HOME");
	}
}

TEST_CASE("[FileAccess][DirAccess] ClassDB surface: static methods, ModeFlags, not instantiable") {
	CHECK(ClassDB::class_exists("FileAccess"));
	CHECK(ClassDB::class_exists("DirAccess"));
	CHECK(ClassDB::is_parent_class("FileAccess", "RefCounted"));
	CHECK(ClassDB::is_parent_class("DirAccess", "RefCounted"));
	CHECK_FALSE(ClassDB::can_instantiate("FileAccess"));
	CHECK_FALSE(ClassDB::can_instantiate("DirAccess"));

	int64_t value = -1;
	CHECK(ClassDB::get_integer_constant("FileAccess", "READ", value));
	CHECK(value == 1);
	CHECK(ClassDB::get_integer_constant("FileAccess", "WRITE", value));
	CHECK(value == 2);
	CHECK(ClassDB::get_integer_constant("FileAccess", "READ_WRITE", value));
	CHECK(value == 3);
	CHECK(ClassDB::get_integer_constant("FileAccess", "WRITE_READ", value));
	CHECK(value == 7);

	for (const char *name : { "open", "get_open_error", "file_exists", "get_file_as_string" }) {
		const MethodBind *method = ClassDB::get_method("FileAccess", name);
		REQUIRE_MESSAGE(method != nullptr, name);
		CHECK(method->is_static());
	}
	for (const char *name : { "store_string", "get_as_text", "close" }) {
		const MethodBind *method = ClassDB::get_method("FileAccess", name);
		REQUIRE_MESSAGE(method != nullptr, name);
		CHECK_FALSE(method->is_static());
	}
	for (const char *name : { "get_files_at", "get_directories_at", "dir_exists_absolute", "make_dir_recursive_absolute" }) {
		const MethodBind *method = ClassDB::get_method("DirAccess", name);
		REQUIRE_MESSAGE(method != nullptr, name);
		CHECK(method->is_static());
		CHECK(method->get_argument_count() == 1);
		CHECK(method->get_info().arguments[0].name == "path");
	}
	const MethodBind *open = ClassDB::get_method("FileAccess", "open");
	REQUIRE(open->get_argument_count() == 2);
	CHECK(open->get_info().arguments[0].name == "path");
	CHECK(open->get_info().arguments[1].name == "flags");

	// A call the way scripts make it: through ClassDB, with Variants.
	TempDir dir;
	write_file(dir / "v.txt", "via ClassDB");
	const Variant path = dir / "v.txt";
	const Variant flags = int64_t(FileAccess::READ);
	const Variant *args[] = { &path, &flags };
	CallError error;
	const Variant opened = open->call(nullptr, args, 2, error);
	REQUIRE(error.error == CallError::CALL_OK);
	Ref<FileAccess> file(opened);
	REQUIRE(file.is_valid());
	CallError text_error;
	CHECK(ClassDB::get_method("FileAccess", "get_as_text")->call(file.ptr(), nullptr, 0, text_error).to_string_value() == "via ClassDB");

	const Variant listed_path = dir.path;
	const Variant *list_args[] = { &listed_path };
	const Variant listing = ClassDB::get_method("DirAccess", "get_files_at")->call(nullptr, list_args, 1, error);
	CHECK(to_vector(listing.to_packed_string_array()) == std::vector<String>{ "v.txt" });
}
