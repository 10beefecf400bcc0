// Entry point of the native unit tests (doctest). Test cases live in the other
// files of this directory.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
