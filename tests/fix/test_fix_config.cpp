// NAME
//   test_fix_config — the check-and-fix loop: selection, suppression,
//   safety, conflicts, the pass bound, fatal syntax errors, kept bytes.
// DESCRIPTION
//   Real rules where they show the behaviour, and three test rules (PF99xx,
//   never in the catalog) for what no real rule does on purpose: two
//   findings whose fixes conflict, a fix that never converges, a fix that
//   would break the syntax.
#include <doctest/doctest.h>

#include "fix/fix_config.hpp"
#include "lint/context.hpp"
#include "../unit/temp_config.hpp"

using namespace pflint;

namespace {

const lint::RuleInfo conflict_a_info{.code = "PF9901", .name = "test-conflict-a", .severity = lint::Severity::warning,
                                     .summary = "test", .doc = ""};
const lint::RuleInfo conflict_b_info{.code = "PF9902", .name = "test-conflict-b", .severity = lint::Severity::warning,
                                     .summary = "test", .doc = ""};
const lint::RuleInfo endless_info{.code = "PF9903", .name = "test-endless", .severity = lint::Severity::warning,
                                  .summary = "test", .doc = ""};
const lint::RuleInfo breaker_info{.code = "PF9904", .name = "test-breaker", .severity = lint::Severity::warning,
                                  .summary = "test", .doc = ""};

// on_line - the span of `line` (without '\n') in main.cf, if it is there.
std::optional<syntax::Span> on_line(lint::CheckContext& context, std::string_view line) {
  const auto& f = context.files().main_file;
  if (!f) return std::nullopt;
  const std::size_t at = f->source.text().find(line);
  if (at == std::string_view::npos) return std::nullopt;
  return syntax::Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + line.size())};
}

// PF9901: "a = 1" -> its value becomes 2.
void check_conflict_a(lint::CheckContext& context) {
  if (const auto s = on_line(context, "a = 1")) {
    context.report(&context.files().main_file->source, *s, "a").fixes.push_back(
        {"a", {{&context.files().main_file->source, {s->end - 1, s->end}, "2"}}, true});
  }
}
// PF9902: "a = 1" -> the whole line becomes "a = 3" (overlaps PF9901's edit).
void check_conflict_b(lint::CheckContext& context) {
  if (const auto s = on_line(context, "a = 1")) {
    context.report(&context.files().main_file->source, *s, "b").fixes.push_back(
        {"b", {{&context.files().main_file->source, *s, "a = 3"}}, true});
  }
}
// PF9903: always offers to append a comment line: never converges.
void check_endless(lint::CheckContext& context) {
  const auto& f = context.files().main_file;
  if (!f) return;
  const std::uint32_t end = f->source.size();
  context.report(&f->source, {0, 0}, "endless").fixes.push_back({"more", {{&f->source, {end, end}, "# more\n"}}, true});
}
// PF9904: offers to turn "a = 1" into "a 1", which Postfix cannot read.
void check_breaker(lint::CheckContext& context) {
  if (const auto s = on_line(context, "a = 1")) {
    context.report(&context.files().main_file->source, *s, "breaker").fixes.push_back(
        {"break", {{&context.files().main_file->source, *s, "a 1"}}, true});
  }
}

struct Fixed {
  test::TempDir dir;
  fix::FixResult result;
  std::vector<std::string> errors;
  // text - the fixed main.cf ("" when unchanged).
  [[nodiscard]] std::string text() const {
    for (const auto& c : result.changes) {
      if (c.path == dir.file("main.cf")) return c.after;
    }
    return "";
  }
  [[nodiscard]] bool remains(std::string_view code) const {
    return std::any_of(result.checked->findings.begin(), result.checked->findings.end(),
                       [&](const lint::Diagnostic& d) { return d.code == code; });
  }
};

std::unique_ptr<Fixed> run_fix(const std::string& main_cf, const fix::FixOptions& options,
                               std::span<const lint::Rule> rules = rules::all_rules()) {
  auto out = std::unique_ptr<Fixed>(new Fixed{test::TempDir("fix", {{"main.cf", main_cf}}), {}, {}});
  check::ConfigSet set;
  set.dir = out->dir.path().string();
  set.main_path = out->dir.file("main.cf");
  out->result = fix::fix_config_set(set, options, rules, out->errors);
  return out;
}

const std::string obsolete =
    "# relay\n"
    "relayhost = [smtp.example.net]:587\n"
    "\n"
    "smtp_tls_security_level = may\n"
    "smtp_use_tls = yes\n"
    "# ciphers\n"
    "smtp_tls_mandatory_protocols = !SSLv2,\n"
    "    !SSLv3, !TLSv1, !TLSv1.1\n"
    "smtp_tls_securty_level = encrypt\n";

}  // namespace

TEST_CASE("fix: safe fixes applied, every other byte kept, and a second run is a no-op") {
  const auto first = run_fix(obsolete, {});
  REQUIRE(first->errors.empty());
  CHECK(first->text() ==
        "# relay\n"
        "relayhost = [smtp.example.net]:587\n"
        "\n"
        "smtp_tls_security_level = may\n"
        "# ciphers\n"
        "smtp_tls_mandatory_protocols = >=TLSv1.2\n"
        "smtp_tls_securty_level = encrypt\n");
  CHECK(first->result.fixed == std::map<std::string, int>{{"PF3001", 1}, {"PF3005", 1}});
  CHECK(first->result.passes == 1);
  CHECK_FALSE(first->remains("PF3001"));
  CHECK(first->remains("PF2001"));  // unsafe: left for --unsafe-fixes
  const auto second = run_fix(first->text(), {});
  CHECK(second->result.changes.empty());
  CHECK(second->result.fixed.empty());
  CHECK(second->result.passes == 0);
}

TEST_CASE("fix: unsafe fixes only with allow_unsafe") {
  fix::FixOptions unsafe;
  unsafe.allow_unsafe = true;
  const auto fixed = run_fix(obsolete, unsafe);
  CHECK(fixed->result.fixed.at("PF2001") == 1);
  CHECK(fixed->text().ends_with("smtp_tls_security_level = encrypt\n"));
  CHECK_FALSE(fixed->remains("PF2001"));
}

TEST_CASE("fix: only selected findings, never suppressed ones") {
  fix::FixOptions select;
  select.check.engine.select = {"PF3005"};
  const auto selected = run_fix(obsolete, select);
  CHECK(selected->result.fixed == std::map<std::string, int>{{"PF3005", 1}});
  CHECK(selected->text().find("smtp_use_tls = yes\n") != std::string::npos);

  fix::FixOptions ignore;
  ignore.check.engine.ignore = {"PF3005"};
  CHECK(run_fix(obsolete, ignore)->result.fixed == std::map<std::string, int>{{"PF3001", 1}});

  const std::string suppressed =
      "smtp_tls_security_level = may\n"
      "# pflint: disable=PF3001\n"
      "smtp_use_tls = yes\n";
  const auto kept = run_fix(suppressed, {});
  CHECK(kept->result.changes.empty());
  CHECK(kept->result.fixed.empty());
}

TEST_CASE("fix: conflicting fixes of different findings never go into one pass") {
  const std::vector<lint::Rule> rules{{&conflict_a_info, check_conflict_a}, {&conflict_b_info, check_conflict_b}};
  const auto fixed = run_fix("a = 1\n", {}, rules);
  // The first finding's fix wins; the second finding is gone after the re-check.
  const int total = fixed->result.fixed.count("PF9901") + fixed->result.fixed.count("PF9902");
  CHECK(total == 1);
  CHECK((fixed->text() == "a = 2\n" || fixed->text() == "a = 3\n"));
  CHECK(fixed->result.passes == 1);
}

TEST_CASE("fix: the fix loop stops after max_passes") {
  const std::vector<lint::Rule> rules{{&endless_info, check_endless}};
  fix::FixOptions options;
  options.max_passes = 3;
  const auto fixed = run_fix("a = 1\n", options, rules);
  CHECK(fixed->result.passes == 3);
  CHECK(fixed->result.fixed.at("PF9903") == 3);
  CHECK(fixed->text() == "a = 1\n# more\n# more\n# more\n");
  CHECK(fixed->remains("PF9903"));
}

TEST_CASE("fix: a fix that would leave a fatal syntax error is dropped, a broken file is not edited") {
  std::vector<lint::Rule> rules(rules::all_rules().begin(), rules::all_rules().end());
  rules.push_back({&breaker_info, check_breaker});
  const auto dropped = run_fix("a = 1\nb = 2\n", {}, rules);
  CHECK(dropped->result.changes.empty());
  CHECK(dropped->result.fixed.empty());
  CHECK(dropped->remains("PF9904"));

  // The same safe PF3001 fix as above, in a file Postfix already refuses.
  const auto broken = run_fix("smtp_tls_security_level = may\nsmtp_use_tls = yes\nno equals here\n", {});
  CHECK(broken->remains("PF1001"));
  CHECK(broken->remains("PF3001"));
  CHECK(broken->result.changes.empty());
}
