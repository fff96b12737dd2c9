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
PFLINT_RULE(PF2009)
PFLINT_RULE(PF3001)
PFLINT_RULE(PF3002)
PFLINT_RULE(PF3003)
PFLINT_RULE(PF3004)
PFLINT_RULE(PF3005)
PFLINT_RULE(PF3006)
PFLINT_RULE(PF3007)
PFLINT_RULE(PF3008)
PFLINT_RULE(PF3009)
PFLINT_RULE(PF3010)
PFLINT_RULE(PF3011)
PFLINT_RULE(PF3012)
PFLINT_RULE(PF3013)
PFLINT_RULE(PF3014)
PFLINT_RULE(PF3015)
PFLINT_RULE(PF3016)
PFLINT_RULE(PF3017)
PFLINT_RULE(PF3018)
PFLINT_RULE(PF3019)
PFLINT_RULE(PF3020)
PFLINT_RULE(PF3021)
PFLINT_RULE(PF3022)
PFLINT_RULE(PF3023)
PFLINT_RULE(PF3024)
PFLINT_RULE(PF3025)
PFLINT_RULE(PF3026)
PFLINT_RULE(PF3027)
PFLINT_RULE(PF3028)
PFLINT_RULE(PF3029)
PFLINT_RULE(PF3030)
PFLINT_RULE(PF3031)
PFLINT_RULE(PF3032)
PFLINT_RULE(PF3033)
PFLINT_RULE(PF4001)
PFLINT_RULE(PF4002)
PFLINT_RULE(PF4003)
PFLINT_RULE(PF5001)
PFLINT_RULE(PF5002)
PFLINT_RULE(PF5003)
PFLINT_RULE(PF5004)
PFLINT_RULE(PF5005)
PFLINT_RULE(PF5006)
PFLINT_RULE(PF5007)
PFLINT_RULE(PF5008)
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
    {&PF2009_info, &check_PF2009},
    {&PF3001_info, &check_PF3001},
    {&PF3002_info, &check_PF3002},
    {&PF3003_info, &check_PF3003},
    {&PF3004_info, &check_PF3004},
    {&PF3005_info, &check_PF3005},
    {&PF3006_info, &check_PF3006},
    {&PF3007_info, &check_PF3007},
    {&PF3008_info, &check_PF3008},
    {&PF3009_info, &check_PF3009},
    {&PF3010_info, &check_PF3010},
    {&PF3011_info, &check_PF3011},
    {&PF3012_info, &check_PF3012},
    {&PF3013_info, &check_PF3013},
    {&PF3014_info, &check_PF3014},
    {&PF3015_info, &check_PF3015},
    {&PF3016_info, &check_PF3016},
    {&PF3017_info, &check_PF3017},
    {&PF3018_info, &check_PF3018},
    {&PF3019_info, &check_PF3019},
    {&PF3020_info, &check_PF3020},
    {&PF3021_info, &check_PF3021},
    {&PF3022_info, &check_PF3022},
    {&PF3023_info, &check_PF3023},
    {&PF3024_info, &check_PF3024},
    {&PF3025_info, &check_PF3025},
    {&PF3026_info, &check_PF3026},
    {&PF3027_info, &check_PF3027},
    {&PF3028_info, &check_PF3028},
    {&PF3029_info, &check_PF3029},
    {&PF3030_info, &check_PF3030},
    {&PF3031_info, &check_PF3031},
    {&PF3032_info, &check_PF3032},
    {&PF3033_info, &check_PF3033},
    {&PF4001_info, &check_PF4001},
    {&PF4002_info, &check_PF4002},
    {&PF4003_info, &check_PF4003},
    {&PF5001_info, &check_PF5001},
    {&PF5002_info, &check_PF5002},
    {&PF5003_info, &check_PF5003},
    {&PF5004_info, &check_PF5004},
    {&PF5005_info, &check_PF5005},
    {&PF5006_info, &check_PF5006},
    {&PF5007_info, &check_PF5007},
    {&PF5008_info, &check_PF5008},
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
