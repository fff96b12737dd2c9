// NAME
//   compare — the relational operators of ${{a} OP {b}}.
// DESCRIPTION
//   compare_values() is mac_exp_eval(): when both sides are non-empty runs of
//   decimal digits they compare as long integers, otherwise bytewise as with
//   strcmp(). compare_levels() is compat_relop_eval(): both sides are
//   compatibility levels "major[.minor[.patch]]" compared numerically.
// DIAGNOSTICS
//   A digit string that does not fit a long is fatal in Postfix
//   ("mac_exp_eval: bad conversion: <digits>"); a malformed level is a
//   warning plus a macro processing error ("malformed compatibility level
//   syntax: \"<text>\"").
// SEE ALSO
//   src/util/mac_expand.c (mac_exp_eval), src/global/compat_level.c.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "expand/tree.hpp"

namespace pflint::expand {

struct CompareResult {
  bool value = false;
  std::optional<std::string> warning;  // set: macro processing error
  std::optional<std::string> fatal;    // set: Postfix exits
};

// compare_values - mac_exp_eval(): numeric or string comparison.
CompareResult compare_values(std::string_view left, RelOp op, std::string_view right);

// compare_levels - compat_relop_eval(): compatibility-level comparison.
CompareResult compare_levels(std::string_view left, RelOp op, std::string_view right);

// compat_level_from_string - 3.6 -> encoded level; nullopt when malformed.
std::optional<long> compat_level_from_string(std::string_view text);

}  // namespace pflint::expand
