// NAME
//   test_position — LSP line index and position encodings.
#include <doctest/doctest.h>

#include "lsp/position.hpp"
#include "lsp/uri.hpp"

using pflint::lsp::Encoding;
using pflint::lsp::LineIndex;
using pflint::lsp::LspPosition;

TEST_CASE("lsp.position: lines end at \\n, \\r\\n and a bare \\r") {
  const LineIndex index("a\nb\r\nc\rd");
  CHECK(index.line_count() == 4);
  CHECK(index.offset({1, 0}, Encoding::utf16) == 2);
  CHECK(index.offset({2, 0}, Encoding::utf16) == 5);
  CHECK(index.offset({3, 0}, Encoding::utf16) == 7);
  CHECK(index.position(3, Encoding::utf16) == LspPosition{1, 1});  // the \r of \r\n: end of line 1
  CHECK(index.position(4, Encoding::utf16) == LspPosition{1, 1});
}

TEST_CASE("lsp.position: UTF-16 counts a character outside the BMP as two units") {
  // "x = 😀é" : 😀 is 4 bytes / 2 UTF-16 units / 1 code point, é 2 bytes / 1 / 1.
  const std::string text = "x = \xF0\x9F\x98\x80\xC3\xA9!";
  const LineIndex index(text);
  CHECK(index.offset({0, 6}, Encoding::utf16) == 8);   // after the emoji
  CHECK(index.offset({0, 5}, Encoding::utf16) == 4);   // inside the pair: stays before it
  CHECK(index.offset({0, 5}, Encoding::utf32) == 8);
  CHECK(index.offset({0, 8}, Encoding::utf8) == 8);
  CHECK(index.offset({0, 9}, Encoding::utf8) == 8);    // inside é: backs off to its start
  CHECK(index.position(10, Encoding::utf16) == LspPosition{0, 7});
  CHECK(index.position(10, Encoding::utf32) == LspPosition{0, 6});
  CHECK(index.position(10, Encoding::utf8) == LspPosition{0, 10});
}

TEST_CASE("lsp.position: out-of-range positions are clamped, never asserted") {
  const LineIndex index("ab\ncd\n");
  CHECK(index.offset({0, 99}, Encoding::utf16) == 2);     // past the end of the line: its end
  CHECK(index.offset({99, 0}, Encoding::utf16) == 6);     // past the last line: end of text
  CHECK(index.position(999, Encoding::utf16) == LspPosition{2, 0});
  const LineIndex empty("");
  CHECK(empty.offset({5, 5}, Encoding::utf8) == 0);
  CHECK(empty.position(0, Encoding::utf16) == LspPosition{0, 0});
}

TEST_CASE("lsp.position: invalid UTF-8 bytes count one unit each") {
  const std::string text = "a\xFF\xC3z";
  CHECK(pflint::lsp::units(text, Encoding::utf16) == 4);
  CHECK(pflint::lsp::units(text, Encoding::utf32) == 4);
  const LineIndex index(text);
  CHECK(index.offset({0, 3}, Encoding::utf16) == 3);
}

TEST_CASE("lsp.uri: file URIs decode percent-escapes; other schemes have no path") {
  CHECK(pflint::lsp::uri_to_path("file:///etc/postfix/main.cf") == "/etc/postfix/main.cf");
  CHECK(pflint::lsp::uri_to_path("file://localhost/tmp/a%20b/main.cf") == "/tmp/a b/main.cf");
  CHECK(pflint::lsp::uri_to_path("FILE:///x") == "/x");
  CHECK_FALSE(pflint::lsp::uri_to_path("untitled:Untitled-1"));
  CHECK_FALSE(pflint::lsp::uri_to_path("file://otherhost/x"));
  CHECK_FALSE(pflint::lsp::uri_to_path("file:///a%00b"));
  CHECK(pflint::lsp::uri_to_path("file:///bad%zzescape%4") == "/bad%zzescape%4");
  CHECK(pflint::lsp::path_to_uri("/tmp/a b/ü") == "file:///tmp/a%20b/%C3%BC");
  CHECK(pflint::lsp::uri_to_path(pflint::lsp::path_to_uri("/tmp/x#y?z")) == "/tmp/x#y?z");
}
