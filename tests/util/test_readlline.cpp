// readllines() (src/util/readlline.hpp): comments and blank lines skipped
// also inside continuations, first and last physical line, NUL cuts.
#include <doctest/doctest.h>

#include <string>

#include "util/readlline.hpp"

using namespace pflint::util;

TEST_CASE("readlline: logical lines, comments inside continuations, line numbers") {
  LogicalLines lines("# c\na = 1\n  # inner\n\n  2\nb=3");
  std::string text;
  REQUIRE(lines.next(text));
  CHECK(text == "a = 1  2");
  CHECK(lines.first_line() == 2);
  CHECK(lines.last_line() == 5);
  REQUIRE(lines.next(text));
  CHECK(text == "b=3");
  CHECK(lines.first_line() == 6);
  CHECK(lines.last_line() == 6);
  CHECK_FALSE(lines.next(text));
  CHECK_FALSE(lines.next(text));
}

TEST_CASE("readlline: an indented first line is returned for the caller to skip") {
  LogicalLines lines("\n  x = 1\n   y\nz = 2\n");
  std::string text;
  REQUIRE(lines.next(text));
  CHECK(leading_space(text));
  CHECK(text == "  x = 1   y");
  CHECK(lines.first_line() == 2);
  REQUIRE(lines.next(text));
  CHECK_FALSE(leading_space(text));
  CHECK(text == "z = 2");
}

TEST_CASE("readlline: CR stays in the text, a NUL cuts it as a C string would") {
  const std::string data("a = 1\r\nb = x\0y\n", 15);
  LogicalLines lines(data);
  std::string text;
  REQUIRE(lines.next(text));
  CHECK(text == "a = 1\r");
  REQUIRE(lines.next(text));
  CHECK(text == "b = x");
  CHECK_FALSE(lines.next(text));
}

TEST_CASE("readlline: empty and comment-only input has no lines") {
  std::string text;
  CHECK_FALSE(LogicalLines("").next(text));
  CHECK_FALSE(LogicalLines("# only\n\n   \n#x").next(text));
}
