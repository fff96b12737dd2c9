// NAME
//   scan — the names a value references (postconf's MAC_EXP_FLAG_SCAN pass).
// DESCRIPTION
//   referenced_names() lists every name the value hands to the lookup when
//   postconf scans it: $name, ${name}, $(name) and the names in ${name?...}
//   and ${name:...}, in both branches and in relational operands, in order
//   and once per reference. Like Postfix, it stops collecting at the first
//   syntax error; scan() also returns the warnings and the error flag.
//   Looked-up values are not followed (the scan is one level deep).
// SEE ALSO
//   src/postconf/postconf_user.c (pcf_scan_user_parameter_value),
//   src/util/mac_expand.c (MAC_EXP_FLAG_SCAN).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "expand/evaluate.hpp"

namespace pflint::expand {

struct ScanResult {
  std::vector<NameRef> names;
  std::vector<std::string> warnings;
  bool error = false;
};

// scan - the postconf scan of one value.
ScanResult scan(std::string_view value, bool allow_functions = false);

// referenced_names - just the names of scan(value).
std::vector<NameRef> referenced_names(std::string_view value, bool allow_functions = false);

}  // namespace pflint::expand
