// DirAccess: sorted folder listings without hidden entries, and folder creation and removal,
// recursive too. The cases of both classes (paths, ClassDB surface) are in test_file_access.cpp.

#include "core/io/dir_access.h"
#include "core/io/file_access.h"

#include "helpers/temp_dir.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace godot;
using namespace file_test;

TEST_CASE("[DirAccess] Listings are sorted, split into files and folders, without hidden entries") {
	TempDir dir;
	write_file(dir / "b.ts", "");
	write_file(dir / "a.ts", "");
	write_file(dir / "C.ts", "");
	write_file(dir / ".hidden", "");
	REQUIRE(mkdir((dir / "sub2").c_str(), 0755) == 0);
	REQUIRE(mkdir((dir / "sub1").c_str(), 0755) == 0);
	REQUIRE(mkdir((dir / ".quickdot").c_str(), 0755) == 0);
	REQUIRE(symlink((dir / "a.ts").c_str(), (dir / "link.ts").c_str()) == 0);
	REQUIRE(symlink((dir / "gone").c_str(), (dir / "dangling.ts").c_str()) == 0);

	CHECK(to_vector(DirAccess::get_files_at(dir.path)) == std::vector<String>{ "C.ts", "a.ts", "b.ts", "link.ts" });
	CHECK(to_vector(DirAccess::get_directories_at(dir.path)) == std::vector<String>{ "sub1", "sub2" });
	CHECK(DirAccess::get_files_at(dir / "sub1").is_empty());

	CHECK(DirAccess::get_files_at(dir / "missing").is_empty());
	CHECK(DirAccess::get_directories_at(dir / "a.ts").is_empty());
}

TEST_CASE("[DirAccess] dir_exists_absolute, make_dir_absolute, make_dir_recursive_absolute, remove_absolute") {
	TempDir dir;
	CHECK(DirAccess::dir_exists_absolute(dir.path));
	CHECK_FALSE(DirAccess::dir_exists_absolute(dir / "x"));

	CHECK(DirAccess::make_dir_recursive_absolute(dir / "x/y/z") == OK);
	CHECK(DirAccess::dir_exists_absolute(dir / "x/y/z"));
	CHECK(DirAccess::make_dir_recursive_absolute(dir / "x/y/z") == OK); // Already there.
	CHECK(DirAccess::make_dir_recursive_absolute(dir / "x/y/z/") == OK);
	CHECK(DirAccess::make_dir_recursive_absolute("") == ERR_INVALID_PARAMETER);

	write_file(dir / "file", "");
	CHECK_FALSE(DirAccess::dir_exists_absolute(dir / "file"));
	CHECK(DirAccess::make_dir_recursive_absolute(dir / "file/inner") == ERR_CANT_CREATE);
	CHECK(DirAccess::make_dir_recursive_absolute(dir / "file") == ERR_CANT_CREATE);

	CHECK(DirAccess::make_dir_absolute(dir / "single") == OK);
	CHECK(DirAccess::make_dir_absolute(dir / "single") == ERR_ALREADY_EXISTS);
	CHECK(DirAccess::make_dir_absolute(dir / "no/parent") == ERR_CANT_CREATE);

	CHECK(DirAccess::remove_absolute(dir / "x") == FAILED); // Not empty.
	CHECK(DirAccess::remove_absolute(dir / "x/y/z") == OK);
	CHECK_FALSE(DirAccess::dir_exists_absolute(dir / "x/y/z"));
	CHECK(DirAccess::remove_absolute(dir / "file") == OK);
	CHECK_FALSE(FileAccess::file_exists(dir / "file"));
	CHECK(DirAccess::remove_absolute(dir / "file") == FAILED);
}
