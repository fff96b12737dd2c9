// NAME
//   registry — the explicit, sorted list of every rule (one line each).
// DESCRIPTION
//   The list itself is rules/rules.def, read here twice (declarations, then
//   the table) and by rules/CMakeLists.txt for the sources. Adding a rule:
//   tools/new_rule.py PFnnnn some-name --severity S --summary "...", which
//   writes rules/PFnnnn_some_name.cpp (PFnnnn_info, check_PFnnnn) and its
//   line in rules.def. tests/rules checks the table is sorted, codes are
//   unique and every doc has its sections and examples; rules.list_check
//   that rules.def and the rules/PF*.cpp files agree.
#include "rules/registry.hpp"

#include <algorithm>

#include "lint/context.hpp"

namespace pflint::rules {

// rules.def has one PFLINT_RULE(code, file stem) line per rule, sorted.
#define PFLINT_RULE(code, stem)            \
  extern const lint::RuleInfo code##_info; \
  void check_##code(lint::CheckContext& context);
#include "rules/rules.def"
#undef PFLINT_RULE

namespace {
const lint::Rule catalog[] = {
#define PFLINT_RULE(code, stem) {&code##_info, &check_##code},
#include "rules/rules.def"
#undef PFLINT_RULE
};
}  // namespace

std::span<const lint::Rule> all_rules() { return catalog; }

const lint::Rule* find_rule(std::string_view code_or_name) {
  const auto it = std::find_if(std::begin(catalog), std::end(catalog), [&](const lint::Rule& r) {
    return r.info->code == code_or_name || r.info->name == code_or_name;
  });
  return it == std::end(catalog) ? nullptr : &*it;
}

}  // namespace pflint::rules
