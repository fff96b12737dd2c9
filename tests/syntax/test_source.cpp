// Unit tests: positions, line index and UTF-16 conversion of SourceFile.
#include <doctest/doctest.h>

#include "syntax/source.hpp"

using namespace pflint::syntax;

TEST_CASE("positions are 1-based lines and byte columns") {
  SourceFile s("f", "ab\ncd\n\nx");
  CHECK(s.line_count() == 4);
  CHECK(s.position(0) == Position{1, 1});
  CHECK(s.position(2) == Position{1, 3});  // the '\n'
  CHECK(s.position(3) == Position{2, 1});
  CHECK(s.position(6) == Position{3, 1});
  CHECK(s.position(7) == Position{4, 1});
  CHECK(s.position(8) == Position{4, 2});  // end of file
  CHECK(s.offset(Position{2, 2}) == 4);
  CHECK(s.line_text(2) == "cd");
  CHECK(s.line_text(3).empty());
}

TEST_CASE("UTF-16 columns: BMP, astral and invalid bytes") {
  // "é" is 2 bytes/1 unit, "😀" is 4 bytes/2 units, 0xFF is invalid (1 unit).
  SourceFile s("f", "a\xC3\xA9\xF0\x9F\x98\x80\xFFz\n");
  CHECK(s.utf16_position(1) == Utf16Position{0, 1});
  CHECK(s.utf16_position(3) == Utf16Position{0, 2});
  CHECK(s.utf16_position(7) == Utf16Position{0, 4});
  CHECK(s.utf16_position(8) == Utf16Position{0, 5});
  CHECK(s.offset(Utf16Position{0, 4}) == 7);
  CHECK(s.offset(Utf16Position{0, 99}) == 9);  // clamped to the line end
  CHECK(utf16_length("\xE2\x82") == 2);       // truncated sequence: two invalid bytes
}

TEST_CASE("load reports missing files") {
  std::string error;
  CHECK_FALSE(SourceFile::load("/nonexistent/main.cf", error).has_value());
  CHECK(error == "/nonexistent/main.cf: No such file or directory");
}
