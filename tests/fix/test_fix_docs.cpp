// NAME
//   test_fix_docs — a rule's doc says how the fix it offers is classed.
// DESCRIPTION
//   Every rule's doc has a "## Fix" section: "No automatic fix: <why>" for
//   FixClass::none, else **safe** and/or **unsafe** exactly as RuleInfo::fix
//   says. The problematic example of every rule is checked too: its own
//   findings carry fixes exactly when the rule has a class, and only of
//   that class, so neither the doc nor the class can drift from Fix::safe.
#include <doctest/doctest.h>

#include "../rules/doc_examples.hpp"

using namespace pflint;

namespace {
bool has(const std::string& text, std::string_view word) { return text.find(word) != std::string::npos; }
}  // namespace

TEST_CASE("rule docs: every rule's Fix section states its class, and its example's fixes match it") {
  int with_fix = 0;
  for (const lint::Rule& rule : rules::all_rules()) {
    const lint::RuleInfo& info = *rule.info;
    CAPTURE(info.code);
    const std::string fix = test::section(info.doc, "Fix");
    REQUIRE_FALSE(fix.empty());
    const bool none = info.fix == lint::FixClass::none;
    const bool may_safe = info.fix == lint::FixClass::safe || info.fix == lint::FixClass::both;
    const bool may_unsafe = info.fix == lint::FixClass::unsafe || info.fix == lint::FixClass::both;
    CHECK(none == fix.starts_with("No automatic fix: "));
    CHECK(may_safe == has(fix, "**safe**"));
    CHECK(may_unsafe == has(fix, "**unsafe**"));

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
    CHECK((!safe || may_safe));
    CHECK((!unsafe || may_unsafe));
    // A rule that offers a fix shows it on its own example.
    CHECK(none == (!safe && !unsafe));
    with_fix += safe || unsafe;
  }
  CHECK(with_fix == 18);
}
