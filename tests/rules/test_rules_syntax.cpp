// Unit tests: syntax rules whose problems cannot be shown in a Markdown doc,
// and inline suppressions.
#include <doctest/doctest.h>

#include <algorithm>

#include "doc_examples.hpp"

using namespace pflint;

namespace {
std::size_t count(const std::vector<std::string>& codes, std::string_view code) {
  return static_cast<std::size_t>(std::count(codes.begin(), codes.end(), code));
}
test::Example main_cf(std::string text) {
  test::Example ex;
  ex.files["main.cf"] = std::move(text);
  return ex;
}
}  // namespace

TEST_CASE("PF1004 fires on a NUL byte and not without one") {
  CHECK(count(test::codes_found(main_cf(std::string("a = x\0y\n", 8))), "PF1004") == 1);
  CHECK(count(test::codes_found(main_cf("a = xy\n")), "PF1004") == 0);
}

TEST_CASE("PF1009 fires once per file with CR characters") {
  CHECK(count(test::codes_found(main_cf("a = 1\r\nb = 2\r\n")), "PF1009") == 1);
  CHECK(count(test::codes_found(main_cf("a = 1\nb = 2\n")), "PF1009") == 0);
}

TEST_CASE("suppressions: next logical line, whole file, prefixes, unused and malformed directives") {
  // The directive covers the next logical line only.
  auto next_line = main_cf("# pflint: disable=PF1001\nbad line one\nbad line two\n");
  auto codes = test::codes_found(next_line);
  CHECK(count(codes, "PF1001") == 1);
  CHECK(count(codes, "PF1901") == 0);

  // A comment or blank line between directive and setting does not matter.
  auto gap = main_cf("# pflint: disable=PF1\n# explanation\n\nbad line\n");
  CHECK(count(test::codes_found(gap), "PF1001") == 0);

  auto whole = main_cf("a = 1\nbad one\n# pflint: disable-file=PF1001\nbad two\n");
  codes = test::codes_found(whole);
  CHECK(count(codes, "PF1001") == 0);
  CHECK(count(codes, "PF1901") == 0);

  auto unused = main_cf("# pflint: disable=PF1001,PF1004\nmyhostname = a\n");
  codes = test::codes_found(unused);
  CHECK(count(codes, "PF1901") == 2);

  auto malformed = main_cf("# pflint: ignore=PF1001\nbad line\n# pflint: disable=banana\na = 1\n# pflint: disable=PF1001\n");
  codes = test::codes_found(malformed);
  CHECK(count(codes, "PF1902") == 3);
  CHECK(count(codes, "PF1001") == 1);
}

TEST_CASE("PF2009: one finding per loop, at the setting nearest to it") {
  // A loop through defaults: myorigin keeps its default $myhostname.
  CHECK(count(test::codes_found(main_cf("myhostname = $myorigin\n")), "PF2009") == 1);
  // Two settings in one loop: each is in it, each fails.
  CHECK(count(test::codes_found(main_cf("myhostname = $myorigin\nmyorigin = $myhostname\n")),
              "PF2009") == 2);
  // A loop among user variables: only the built-in that reaches it, not
  // smtpd_banner, which reaches it through myorigin.
  const auto chain = test::codes_found(
      main_cf("a = $b\nb = $a\nmyorigin = x$a\nsmtpd_banner = $myorigin ESMTP\n"));
  CHECK(count(chain, "PF2009") == 1);
  // User variables looping among themselves, unused by Postfix: nothing.
  CHECK(count(test::codes_found(main_cf("a = $b\nb = $a\n")), "PF2009") == 0);
  // ${name?x} tests whether name is set and does not expand it.
  CHECK(count(test::codes_found(main_cf("myhostname = ${myorigin?mx.example.com}\n")),
              "PF2009") == 0);
  // A deep but finite chain is not a loop.
  CHECK(count(test::codes_found(main_cf("a = $b\nb = $c\nc = x\nmyorigin = $a\n")), "PF2009") ==
        0);
}

TEST_CASE("PF2009: a loop made by a master.cf -o override is reported there") {
  test::Example ex;
  ex.files["main.cf"] = "myorigin = example.com\n";
  ex.files["master.cf"] = "smtp unix - - y - - smtp\n  -o myhostname=$myorigin -o myorigin=$myhostname\n";
  CHECK(count(test::codes_found(ex), "PF2009") == 2);
}

TEST_CASE("PF2010: one finding at the top of a chain that grows without bound") {
  std::string chain;
  for (int i = 0; i < 30; ++i) chain += "b" + std::to_string(i) + " = $b" + std::to_string(i + 1) + " $b" + std::to_string(i + 1) + "\n";
  chain += "b30 = x\n";
  const auto codes = test::codes_found(main_cf("smtpd_banner = $b0\n" + chain));
  CHECK(count(codes, "PF2010") == 1);
  // Twelve levels (4,096 words) stay below the bound: no finding.
  std::string small;
  for (int i = 0; i < 12; ++i) small += "c" + std::to_string(i) + " = $c" + std::to_string(i + 1) + " $c" + std::to_string(i + 1) + "\n";
  small += "c12 = x\n";
  CHECK(count(test::codes_found(main_cf("smtpd_banner = $c0\n" + small)), "PF2010") == 0);
}
