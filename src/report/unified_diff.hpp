// NAME
//   unified_diff — a unified diff of two versions of one file, as diff -u.
// DESCRIPTION
//   Lines are split at '\n'; a last line without one is marked with
//   "\ No newline at end of file". The header names both sides after the
//   path as git does (`--- a/PATH`, `+++ b/PATH`); hunks carry `context`
//   unchanged lines on each side, and hunks that would overlap or touch are
//   merged. The line matching is a longest common subsequence of the lines
//   between the common prefix and suffix, which is small for the few lines
//   a fix changes.
// SEE ALSO
//   diff(1), src/fix/fix_config.hpp, src/cli/cmd_check.cpp (--diff).
#pragma once

#include <string>
#include <string_view>

namespace pflint::report {

// unified_diff - "" when the texts are equal.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after, int context = 3);

}  // namespace pflint::report
