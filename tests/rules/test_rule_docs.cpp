// Unit tests: the rule catalog is sound, every doc has its sections, and the
// examples in the docs run as clang-tidy runs its tests: the problematic
// config fires the rule and nothing else, the correct one fires nothing; any
// other finding fails unless a `# expect: PFnnnn` marker line in the block
// lists it (and a listed code that does not fire fails too).
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "doc_examples.hpp"

using namespace pflint;

namespace {
const char* const sections[] = {"What it flags", "Why it matters", "Problematic config", "Correct config",
                                "Exceptions", "How to fix", "Fix"};

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

namespace {
// Rules whose problem cannot be shown in Markdown (a NUL byte, CR line
// endings): their docs describe the example in prose, and
// tests/rules/test_rules_syntax.cpp tests them. Every other doc must have
// runnable examples, so a broken fence cannot exempt a rule silently.
const std::set<std::string_view> no_runnable_example = {"PF1004", "PF1009"};

// check_example - run one doc example; `own` must fire (bad) or not (good),
// every other code must be listed by a `# expect:` marker, and every listed
// code must fire.
void check_example(const lint::RuleInfo& info, const test::Example& ex, bool problematic) {
  CAPTURE(problematic);
  CHECK_MESSAGE(ex.problems.empty(), (ex.problems.empty() ? "" : ex.problems.front()));
  CHECK_MESSAGE(!ex.expected.count(std::string(info.code)), "a marker must not list the rule's own code");
  std::vector<std::string> errors;
  const auto fired = test::codes_found(ex, &errors);
  CHECK_MESSAGE(errors.empty(), (errors.empty() ? "" : errors.front()));
  const bool own = std::count(fired.begin(), fired.end(), info.code) >= 1;
  if (problematic) CHECK_MESSAGE(own, "problematic example does not fire");
  if (!problematic) CHECK_MESSAGE(!own, "correct example fires");
  for (const std::string& code : fired) {
    if (code == info.code) continue;
    CHECK_MESSAGE(ex.expected.count(code), "unexpected " << code << " (not listed by a # expect: line)");
  }
  for (const std::string& code : ex.expected)
    CHECK_MESSAGE(std::count(fired.begin(), fired.end(), code) >= 1, "# expect: " << code << " does not fire");
}
}  // namespace

TEST_CASE("rule docs: every section present, examples fire only what they list") {
  std::set<std::string_view> without_example;
  for (const lint::Rule& rule : rules::all_rules()) {
    const auto& info = *rule.info;
    CAPTURE(info.code);
    for (const char* title : sections) {
      CAPTURE(title);
      CHECK_FALSE(test::section(info.doc, title).empty());
    }
    const test::Example bad = test::example_from(test::section(info.doc, "Problematic config"));
    const test::Example good = test::example_from(test::section(info.doc, "Correct config"));
    if (no_runnable_example.count(info.code)) {
      CHECK_MESSAGE(bad.files.empty(), "has a runnable example now: drop it from no_runnable_example");
      CHECK(good.files.empty());
      CHECK(bad.problems.empty());
      CHECK(good.problems.empty());
      without_example.insert(info.code);
      continue;
    }
    REQUIRE_FALSE(bad.files.empty());
    REQUIRE_FALSE(good.files.empty());
    check_example(info, bad, true);
    check_example(info, good, false);
  }
  CHECK(without_example == no_runnable_example);
}

TEST_CASE("doc examples: # expect: marker lines") {
  std::string problem;
  CHECK(test::expect_marker("# expect: PF2001", problem) == std::set<std::string>{"PF2001"});
  CHECK(test::expect_marker("  #expect:PF2001,PF3004  ", problem) == std::set<std::string>{"PF2001", "PF3004"});
  CHECK(problem.empty());
  for (const char* prose : {"# expected behaviour, see below", "myhostname = expect: PF2001", "# an expected comment"}) {
    CAPTURE(prose);
    CHECK(test::expect_marker(prose, problem).empty());
    CHECK(problem.empty());
  }
  for (const char* malformed : {"# expect PF2001", "# expect:", "# expect: PF20", "# expect: PF2001 PF3004",
                                "# expect: PF2001,"}) {
    CAPTURE(malformed);
    problem.clear();
    CHECK(test::expect_marker(malformed, problem).empty());
    CHECK_FALSE(problem.empty());
  }

  const auto ex = test::example_from("```main.cf\nmyhostname = a\n# expect: PF2001\n```\n```master.cf\n"
                                     "# expect: PF4002, PF2001\n```\n");
  CHECK(ex.expected == std::set<std::string>{"PF2001", "PF4002"});
  CHECK(ex.problems.empty());
  CHECK(ex.files.size() == 2);
  CHECK_FALSE(test::example_from("```main.cf\nmyhostname = a\n").problems.empty());
  CHECK_FALSE(test::example_from("```\nmyhostname = a\n```\n").problems.empty());
}
