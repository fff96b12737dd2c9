// Grammar checks for grammar/expansion.hpp and grammar/list.hpp: no
// non-consuming cycles, and accept/reject tables per top-level rule.
#include <doctest/doctest.h>

#include <string>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/expansion.hpp"
#include "grammar/list.hpp"

namespace pegtl = tao::pegtl;
namespace gx = pflint::grammar::expansion;
namespace gl = pflint::grammar::list;

namespace {
template <typename Rule>
bool accepts(const std::string& s) {
  pegtl::memory_input in(s, "test");
  return pegtl::parse<Rule>(in);
}
}  // namespace

TEST_CASE("expansion grammar: analyze reports no problems") {
  CHECK(pegtl::analyze<gx::text>(-1) == 0);
  CHECK(pegtl::analyze<gx::reference>(-1) == 0);
  CHECK(pegtl::analyze<gx::expression>(-1) == 0);
  CHECK(pegtl::analyze<gx::expression_fn>(-1) == 0);
  CHECK(pegtl::analyze<gl::value>(-1) == 0);
  CHECK(pegtl::analyze<gl::group>(-1) == 0);
}

TEST_CASE("expansion grammar: texts") {
  for (const char* ok : {"", "plain", "$$", "a$$b", "$name", "${name}", "$(name)", "${a?{b}:{c}}",
                         "${{a} == {b}}", "$(a?(b))", "x${a${b}}y"}) {
    CAPTURE(ok);
    CHECK(accepts<gx::text>(ok));
  }
  for (const char* bad : {"$", "abc$", "$ x", "${name", "$(name", "${a?{b}", "$-x"}) {
    CAPTURE(bad);
    CHECK_FALSE(accepts<gx::text>(bad));
  }
}

TEST_CASE("expansion grammar: ${...} bodies") {
  for (const char* ok : {"name", " name ", "", " ", "name?text", "name?a:b", "name:text", "name?{a}",
                         "name ? {a} : {b}", "name?{a}:b", "{a}=={b}", "{a} != {b} ? {x} : {y}",
                         "{a}<{b}?{x}", "{a}>={b}:{y}", "{3.6} <level {3.10}", "{a} >=level {b}?{x}:{y}"}) {
    CAPTURE(ok);
    CHECK(accepts<gx::expression>(ok));
  }
  for (const char* bad : {"a b", "a==b?{x}:{y}", "{a}=x{b}", "{a}{b}", "{a} == b", "{a} == {b} x",
                          "name?{a} x", "name:{a} x", "{a} <levelx {b}", "{a", "domain_to_ascii{x}"}) {
    CAPTURE(bad);
    CHECK_FALSE(accepts<gx::expression>(bad));
  }
  CHECK(accepts<gx::expression_fn>("domain_to_ascii{x}"));
  CHECK(accepts<gx::expression_fn>("domain_to_utf8{ $myhostname }"));
}

TEST_CASE("expansion grammar: balanced bodies count only their own bracket kind") {
  CHECK(accepts<gx::reference>("${a{b}c}"));
  CHECK(accepts<gx::reference>("$(a{b)"));     // '{' does not count inside $( )
  CHECK(accepts<gx::reference>("${a(b}"));     // '(' does not count inside ${ }
  CHECK_FALSE(accepts<gx::reference>("${a{b}"));
  const std::string deep = std::string(10000, '{') + std::string(10000, '}');
  CHECK(accepts<gx::reference>("$" + deep));  // counted, not recursed
}

TEST_CASE("list grammar: elements and groups") {
  for (const char* ok : {"", " , ", "a", "a, b\tc\r\nd", "{a b}, c", "{a,{b c}}x y", "{unclosed a b",
                         "a}b"}) {
    CAPTURE(ok);
    CHECK(accepts<gl::value>(ok));
  }
  CHECK(accepts<gl::group>("{ a b }"));
  CHECK(accepts<gl::group>("{a {b} c}"));
  CHECK_FALSE(accepts<gl::group>("{a}b"));
  CHECK_FALSE(accepts<gl::group>("{a"));
}
