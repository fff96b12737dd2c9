// Unit tests: .pflint.toml globs.
#include <doctest/doctest.h>

#include "check/project_config.hpp"

using pflint::check::glob_match;

TEST_CASE("project config: globs match config set directories relative to the file") {
  CHECK(glob_match("legacy", "legacy"));
  CHECK(glob_match("legacy", "legacy/h1"));
  CHECK_FALSE(glob_match("legacy", "legacy2"));
  CHECK(glob_match("legacy/*", "legacy/h1"));
  CHECK_FALSE(glob_match("*/h1", "a/b/h1"));
  CHECK(glob_match("**/h1", "a/b/h1"));
  CHECK(glob_match("**/h1", "h1"));
  CHECK(glob_match("hosts/mx?", "hosts/mx1"));
  CHECK_FALSE(glob_match("hosts/mx?", "hosts/mx12"));
  CHECK(glob_match("hosts/mx[0-4]", "hosts/mx3"));
  CHECK_FALSE(glob_match("hosts/mx[0-4]", "hosts/mx7"));
  CHECK(glob_match("hosts/mx[!0-4]", "hosts/mx7"));
  CHECK_FALSE(glob_match("a[b", "ab"));  // malformed: matches nothing
}
