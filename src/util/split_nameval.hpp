// NAME
//   split_nameval — Postfix's "name = value" splitter.
// DESCRIPTION
//   Leading blanks are skipped, the name runs to the first blank or '=',
//   blanks may stand around the '=', and the value is trimmed at both ends.
//   Both parts are views into the text, so callers can work out positions.
// DIAGNOSTICS
//   Returns nullptr on success, else Postfix's message: "missing attribute
//   name" or "missing '=' after attribute name"; `result` is then unchanged.
// SEE ALSO
//   src/util/split_nameval.c in Postfix.
#pragma once

#include <string_view>

namespace pflint::util {

struct NameValue {
  std::string_view name;   // a view into the split text
  std::string_view value;  // likewise, blanks trimmed
};

// split_nameval - nullptr and the parts, or Postfix's error text.
const char* split_nameval(std::string_view text, NameValue& result);

}  // namespace pflint::util
