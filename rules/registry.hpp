// NAME
//   registry — the catalog: every rule pflint has, sorted by code.
#pragma once

#include <span>
#include <string_view>

#include "lint/rule.hpp"

namespace pflint::rules {

// all_rules - the explicit list of rules/rules.def, in its (sorted) order.
std::span<const lint::Rule> all_rules();
// find_rule - by code ("PF3001") or name ("obsolete-tls-parameter").
const lint::Rule* find_rule(std::string_view code_or_name);

}  // namespace pflint::rules
