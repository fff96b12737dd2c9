// NAME
//   rule — what a rule is: its catalog entry (RuleInfo) and its check.
// DESCRIPTION
//   Every rule lives in one file under rules/ (PFnnnn_<name>.cpp) with its
//   RuleInfo, its documentation (Markdown with fixed sections, examples that
//   the test suite runs) and its check function. Codes are stable forever:
//   PF1xxx syntax, PF2xxx parameter names and values, PF3xxx SMTP client
//   TLS, PF4xxx master.cf and services, PF5xxx policy tables. rules/rules.def
//   lists every rule explicitly, sorted by code (read by rules/registry.cpp
//   and the build). Rule files initialise RuleInfo with designated
//   initializers; the version bounds default to "all versions".
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "lint/diagnostic.hpp"
#include "params/version.hpp"

namespace pflint::lint {

class CheckContext;

// FixClass - the fixes a rule's findings carry (see Fix::safe): none, safe
// ones, unsafe ones, or either depending on the case. The doc's "## Fix"
// section says which and why; `pflint rules` shows it.
enum class FixClass : std::uint8_t { none, safe, unsafe, both };

constexpr std::string_view to_string(FixClass c) {
  switch (c) {
    case FixClass::none: return "no fix";
    case FixClass::safe: return "safe";
    case FixClass::unsafe: return "unsafe";
    case FixClass::both: return "safe/unsafe";
  }
  return "no fix";
}

struct RuleInfo {
  std::string_view code;      // "PF3001"
  std::string_view name;      // kebab-case, names the problem: "obsolete-tls-parameter"
  Severity severity;          // default severity
  std::string_view summary;   // one line, for `pflint rules` and SARIF shortDescription
  std::optional<params::Version> since_version = std::nullopt;  // first Postfix version it applies to
  std::optional<params::Version> until_version = std::nullopt;  // first version it no longer applies to
  std::string_view doc;       // Markdown: What it flags / Why it matters / Problematic config /
                              // Correct config / Exceptions / How to fix / Fix
  FixClass fix = FixClass::none;
  [[nodiscard]] bool applies_to(params::Version v) const {
    return (!since_version || v >= *since_version) && (!until_version || v < *until_version);
  }
};

struct Rule {
  const RuleInfo* info;
  void (*check)(CheckContext& context);
};

}  // namespace pflint::lint
