// NAME
//   fix_summary — the line `check --fix` and `--diff` end with.
// DESCRIPTION
//   "fixed 3 findings (PF3001: 2, PF3005: 1), 4 remaining", or "would fix …"
//   for --diff; codes in order. Printed to stderr, so that a JSON or SARIF
//   report on stdout stays one document.
// SEE ALSO
//   src/fix/fix_config.hpp, src/cli/cmd_check.cpp.
#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace pflint::report {

// fix_summary - how many findings were (or would be) fixed, per code, and how many remain.
std::string fix_summary(const std::map<std::string, int>& fixed, std::size_t remaining, bool would);

}  // namespace pflint::report
