// Unit tests: the rule catalog is sound, every doc has its sections, and the
// examples in the docs run: the problematic config fires the rule, the
// correct one does not.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "doc_examples.hpp"

using namespace pflint;

namespace {
const char* const sections[] = {"What it flags", "Why it matters", "Problematic config", "Correct config",
                                "Exceptions", "How to fix"};

bool kebab_case(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}
}  // namespace

TEST_CASE("rule catalog: sorted, unique, well-formed codes and names") {
  const auto rules = rules::all_rules();
  REQUIRE(!rules.empty());
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& info = *rules[i].info;
    CAPTURE(info.code);
    CHECK(info.code.size() == 6);
    CHECK(info.code.starts_with("PF"));
    CHECK(info.code[2] >= '1');
    CHECK(info.code[2] <= '5');
    CHECK(kebab_case(info.name));
    CHECK(names.insert(info.name).second);
    CHECK(!info.summary.empty());
    if (i > 0) CHECK(rules[i - 1].info->code < info.code);
    CHECK(rules::find_rule(info.code) == &rules[i]);
    CHECK(rules::find_rule(info.name) == &rules[i]);
  }
}

TEST_CASE("rule docs: every section present, examples fire / stay silent") {
  for (const lint::Rule& rule : rules::all_rules()) {
    const auto& info = *rule.info;
    CAPTURE(info.code);
    for (const char* title : sections) {
      CAPTURE(title);
      CHECK_FALSE(test::section(info.doc, title).empty());
    }
    const test::Example bad = test::example_from(test::section(info.doc, "Problematic config"));
    const test::Example good = test::example_from(test::section(info.doc, "Correct config"));
    if (bad.files.empty()) {
      // Some problems cannot be shown in Markdown (NUL bytes, CR); those
      // rules have their own tests in tests/rules/test_rules_*.cpp.
      MESSAGE(info.code << ": no runnable example in its doc");
      continue;
    }
    const auto fired = test::codes_found(bad, info.code, std::string(info.code) + "-bad");
    CHECK_MESSAGE(std::count(fired.begin(), fired.end(), info.code) >= 1, "problematic example does not fire");
    REQUIRE_FALSE(good.files.empty());
    const auto silent = test::codes_found(good, info.code, std::string(info.code) + "-good");
    CHECK_MESSAGE(std::count(silent.begin(), silent.end(), info.code) == 0, "correct example fires");
  }
}
