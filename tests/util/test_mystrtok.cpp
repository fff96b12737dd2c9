// Tokenizing (mystrtok, mystrtokq) and brace unwrapping (extpar) from
// src/util/mystrtok.hpp; mystrtokq() is cross-checked with grammar/list.hpp.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <tao/pegtl.hpp>

#include "grammar/list.hpp"
#include "util/mystrtok.hpp"

using namespace pflint::util;

namespace {
std::vector<std::string> split(std::string_view s, std::string_view seps = k_comma_sp, bool braces = true) {
  std::vector<std::string> out;
  for (const auto& e : braces ? mystrtokq(s, seps) : mystrtok(s, seps)) {
    out.emplace_back(e.text);
  }
  return out;
}

using V = std::vector<std::string>;

// grammar_split - the same split done with grammar/list.hpp's element rule.
V grammar_split(const std::string& s) {
  namespace pegtl = tao::pegtl;
  namespace gl = pflint::grammar::list;
  V out;
  pegtl::memory_input in(s, "list");
  while (true) {
    (void)pegtl::parse<pegtl::star<gl::separator>>(in);
    const char* start = in.current();
    if (!pegtl::parse<gl::element>(in)) {
      break;
    }
    out.emplace_back(start, in.current());
  }
  return out;
}
}  // namespace

TEST_CASE("mystrtok: separators collapse, braces group") {
  CHECK(split("").empty());
  CHECK(split(" ,\t\r\n").empty());
  CHECK(split("a, b\tc\r\nd,,e") == V{"a", "b", "c", "d", "e"});
  CHECK(split("{a b}, c") == V{"{a b}", "c"});
  CHECK(split("x{a, b}y z") == V{"x{a, b}y", "z"});           // braces count anywhere
  CHECK(split("{a {b, c} d} e") == V{"{a {b, c} d}", "e"});
  CHECK(split("a} b") == V{"a}", "b"});                        // stray '}' is text
  CHECK(split("{unclosed a, b") == V{"{unclosed a, b"});      // runs to the end
  CHECK(split("{a b}", k_comma_sp, false) == V{"{a", "b}"});
  CHECK(split("a:b c", ", \t\r\n:") == V{"a", "b", "c"});
  const auto tokens = mystrtokq(" ab, {c d}");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].begin == 1);
  CHECK(tokens[0].end == 3);
  CHECK(tokens[1].begin == 5);
  CHECK(tokens[1].end == 10);
}

TEST_CASE("mystrtok: mystrtokq agrees with the grammar") {
  for (const std::string s : {"", "a", " a ,b", "{a b}, c", "x{a, b}y z", "a} b", "{unclosed a, b", "{{a}} {b}"}) {
    CAPTURE(s);
    CHECK(split(s) == grammar_split(s));
  }
}

TEST_CASE("mystrtok: extpar unwraps and reports Postfix's errors") {
  Unwrapped u = extpar("{ a b }");
  CHECK(u.text == "a b");
  CHECK_FALSE(u.error);
  CHECK(extpar("{ a b }", false).text == " a b ");
  CHECK(extpar("{a {b} c}").text == "a {b} c");
  u = extpar("{a}b");
  CHECK(u.error == std::optional<std::string>(R"(syntax error after '}' in "{a}b")"));
  CHECK(u.text == "a");
  u = extpar("{a b ");
  CHECK(u.error == std::optional<std::string>(R"(missing '}' in "{a b ")"));
  CHECK(u.text == "a b");
  u = extpar("ab");
  CHECK(u.error == std::optional<std::string>(R"(no '{' at start of text in "ab")"));
}

TEST_CASE("mystrtok: balpar measures the leading balanced group") {
  CHECK(balpar("{a}") == 3);
  CHECK(balpar("{a {b} c} d") == 9);
  CHECK(balpar("{a {b c") == 0);
  CHECK(balpar("{") == 0);
}
