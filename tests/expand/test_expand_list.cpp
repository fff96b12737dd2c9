// List splitting (mystrtokq) and brace unwrapping (extpar) from
// src/expand/list.hpp; split_list() is cross-checked with grammar/list.hpp.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <tao/pegtl.hpp>

#include "expand/list.hpp"
#include "grammar/list.hpp"

using namespace pflint::expand;

namespace {
std::vector<std::string> split(std::string_view s, std::string_view seps = k_list_separators, bool braces = true) {
  std::vector<std::string> out;
  for (const auto& e : split_list(s, seps, braces)) {
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

TEST_CASE("list: separators collapse, braces group") {
  CHECK(split("").empty());
  CHECK(split(" ,\t\r\n").empty());
  CHECK(split("a, b\tc\r\nd,,e") == V{"a", "b", "c", "d", "e"});
  CHECK(split("{a b}, c") == V{"{a b}", "c"});
  CHECK(split("x{a, b}y z") == V{"x{a, b}y", "z"});           // braces count anywhere
  CHECK(split("{a {b, c} d} e") == V{"{a {b, c} d}", "e"});
  CHECK(split("a} b") == V{"a}", "b"});                        // stray '}' is text
  CHECK(split("{unclosed a, b") == V{"{unclosed a, b"});      // runs to the end
  CHECK(split("{a b}", k_list_separators, false) == V{"{a", "b}"});
  CHECK(split("a:b c", ", \t\r\n:") == V{"a", "b", "c"});
  const auto spans = split_list(" ab, {c d}");
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].span == Span{1, 3});
  CHECK(spans[1].span == Span{5, 10});
}

TEST_CASE("list: split_list agrees with the grammar") {
  for (const std::string s : {"", "a", " a ,b", "{a b}, c", "x{a, b}y z", "a} b", "{unclosed a, b", "{{a}} {b}"}) {
    CAPTURE(s);
    CHECK(split(s) == grammar_split(s));
  }
}

TEST_CASE("list: extpar unwraps and reports Postfix's errors") {
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
