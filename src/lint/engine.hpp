// NAME
//   engine — runs the rules it is handed over one configuration, applies
//   selection and inline suppressions, and returns the findings in order.
// DESCRIPTION
//   Selection: a selector matches a code it is a prefix of ("PF3" selects
//   every PF3xxx, "PF3001" one rule; "ALL" everything). --select narrows
//   the rule set (default: all), --ignore removes from it. Rules whose
//   version range excludes the target Postfix version are not run.
//   Suppressions (see suppression.hpp) remove findings afterwards; the ones
//   that removed nothing are reported as PF1901.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "lint/diagnostic.hpp"
#include "lint/rule.hpp"
#include "model/model.hpp"

namespace pflint::tls {
class TlsModel;
}

namespace pflint::lint {

struct EngineOptions {
  std::vector<std::string> select;  // empty: all
  std::vector<std::string> ignore;
};

bool selector_matches(std::string_view selector, std::string_view code);
bool is_selected(const RuleInfo& rule, const EngineOptions& options);

std::vector<Diagnostic> run_rules(const model::Model& model, const tls::TlsModel* tls, std::span<const Rule> rules,
                                  const EngineOptions& options);

}  // namespace pflint::lint
