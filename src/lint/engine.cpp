// NAME
//   engine — rule selection and the run over one configuration.
#include "lint/engine.hpp"

#include <algorithm>

#include "lint/context.hpp"

namespace pflint::lint {

bool selector_matches(std::string_view selector, std::string_view code) {
  return selector == "ALL" || selector == "all" || (!selector.empty() && code.starts_with(selector));
}

bool is_selected(const RuleInfo& rule, const EngineOptions& options) {
  const auto matches = [&](const std::string& s) { return selector_matches(s, rule.code); };
  const bool selected = options.select.empty() || std::any_of(options.select.begin(), options.select.end(), matches);
  return selected && std::none_of(options.ignore.begin(), options.ignore.end(), matches);
}

std::vector<Diagnostic> run_rules(const model::Model& model, const tls::TlsModel* tls, std::span<const Rule> rules,
                                  const EngineOptions& options) {
  CheckContext context(model, tls);
  for (const Rule& rule : rules) {
    if (!is_selected(*rule.info, options) || !rule.info->applies_to(model.version())) continue;
    context.set_rule(rule.info);
    rule.check(context);
  }
  std::vector<Diagnostic> found = context.take();
  std::stable_sort(found.begin(), found.end(), position_less);
  return found;
}

}  // namespace pflint::lint
