// NAME
//   registry — the explicit, sorted list of every rule (one line each).
// DESCRIPTION
//   Adding a rule: create rules/PFnnnn_<name>.cpp with PFnnnn_info and
//   check_PFnnnn, declare both below, add one line to the table, and add
//   the file to rules/CMakeLists.txt. tests/rules checks the table is
//   sorted, codes are unique and every doc has its sections and examples.
#include "rules/registry.hpp"

#include <algorithm>

#include "lint/context.hpp"

namespace pflint::rules {

#define PFLINT_RULE(code)                  \
  extern const lint::RuleInfo code##_info; \
  void check_##code(lint::CheckContext& context);

PFLINT_RULE(PF1001)
PFLINT_RULE(PF1002)
PFLINT_RULE(PF1003)
PFLINT_RULE(PF1004)
PFLINT_RULE(PF1005)
PFLINT_RULE(PF1006)
PFLINT_RULE(PF1007)
PFLINT_RULE(PF1008)
PFLINT_RULE(PF1009)
PFLINT_RULE(PF1901)
PFLINT_RULE(PF1902)
PFLINT_RULE(PF2001)
PFLINT_RULE(PF2002)
PFLINT_RULE(PF2003)
PFLINT_RULE(PF2004)
PFLINT_RULE(PF2005)
PFLINT_RULE(PF2006)
PFLINT_RULE(PF2007)
PFLINT_RULE(PF2008)
PFLINT_RULE(PF4001)
PFLINT_RULE(PF4002)
PFLINT_RULE(PF4003)
#undef PFLINT_RULE

namespace {
const lint::Rule catalog[] = {
    {&PF1001_info, &check_PF1001},
    {&PF1002_info, &check_PF1002},
    {&PF1003_info, &check_PF1003},
    {&PF1004_info, &check_PF1004},
    {&PF1005_info, &check_PF1005},
    {&PF1006_info, &check_PF1006},
    {&PF1007_info, &check_PF1007},
    {&PF1008_info, &check_PF1008},
    {&PF1009_info, &check_PF1009},
    {&PF1901_info, &check_PF1901},
    {&PF1902_info, &check_PF1902},
    {&PF2001_info, &check_PF2001},
    {&PF2002_info, &check_PF2002},
    {&PF2003_info, &check_PF2003},
    {&PF2004_info, &check_PF2004},
    {&PF2005_info, &check_PF2005},
    {&PF2006_info, &check_PF2006},
    {&PF2007_info, &check_PF2007},
    {&PF2008_info, &check_PF2008},
    {&PF4001_info, &check_PF4001},
    {&PF4002_info, &check_PF4002},
    {&PF4003_info, &check_PF4003},
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
