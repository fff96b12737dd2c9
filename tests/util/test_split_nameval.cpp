// split_nameval() (src/util/split_nameval.hpp): Postfix's name = value rules
// and its two error texts.
#include <doctest/doctest.h>

#include <string>

#include "util/split_nameval.hpp"

using namespace pflint::util;

TEST_CASE("split_nameval: blanks around '=', value trimmed, '=' inside the value kept") {
  NameValue nv;
  CHECK(split_nameval("myhostname = a = b  ", nv) == nullptr);
  CHECK(nv.name == "myhostname");
  CHECK(nv.value == "a = b");
  CHECK(split_nameval("  x=", nv) == nullptr);
  CHECK(nv.name == "x");
  CHECK(nv.value.empty());
  const std::string text = "k\t=\tv";
  REQUIRE(split_nameval(text, nv) == nullptr);
  CHECK(nv.value.data() == text.data() + 4);  // a view into the text: positions survive
}

TEST_CASE("split_nameval: Postfix's errors, result untouched") {
  NameValue nv{"old", "value"};
  CHECK(std::string(split_nameval("foo bar = x", nv)) == "missing '=' after attribute name");
  CHECK(std::string(split_nameval("=novalue", nv)) == "missing attribute name");
  CHECK(std::string(split_nameval("   ", nv)) == "missing attribute name");
  CHECK(std::string(split_nameval("name", nv)) == "missing '=' after attribute name");
  CHECK(nv.name == "old");
}
