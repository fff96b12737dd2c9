// NAME
//   test_fix_docs — a rule's doc says how the fix it offers is classed.
// DESCRIPTION
//   The problematic example of every rule is checked; when the rule's own
//   findings there carry fixes, its doc must have a "## Fix" section that
//   says **safe** exactly when a safe fix is offered and **unsafe** exactly
//   when an unsafe one is, so the doc cannot drift from Fix::safe.
#include <doctest/doctest.h>

#include "../rules/doc_examples.hpp"

using namespace pflint;

TEST_CASE("rule docs: a rule whose example gets a fix says in its Fix section whether it is safe") {
  int with_fix = 0;
  for (const lint::Rule& rule : rules::all_rules()) {
    const lint::RuleInfo& info = *rule.info;
    CAPTURE(info.code);
    const test::Example ex = test::example_from(test::section(info.doc, "Problematic config"));
    if (ex.files.empty()) continue;
    check::CheckOptions options;
    if (ex.postfix_version) options.version = *params::parse_version(*ex.postfix_version);
    options.compatibility_level = ex.compatibility_level;
    std::vector<std::string> errors;
    const auto checked = test::check_files(ex.files, options, errors);
    REQUIRE(checked);
    bool safe = false;
    bool unsafe = false;
    for (const lint::Diagnostic& d : checked->findings) {
      if (d.code != info.code) continue;
      for (const lint::Fix& f : d.fixes) (f.safe ? safe : unsafe) = true;
    }
    if (!safe && !unsafe) continue;
    ++with_fix;
    const std::string fix = test::section(info.doc, "Fix");
    REQUIRE_FALSE(fix.empty());
    CHECK(safe == (fix.find("**safe**") != std::string::npos));
    CHECK(unsafe == (fix.find("**unsafe**") != std::string::npos));
  }
  CHECK(with_fix == 9);
}
