// NAME
//   text — the string helpers of the TLS model (internal): util's ASCII
//   folding and mystrtok() under the names the TLS code uses.
// DESCRIPTION
//   Postfix compares names with strcasecmp() (ASCII only) and splits the
//   TLS lists with mystrtok() on fixed separator sets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/ascii.hpp"
#include "util/mystrtok.hpp"

namespace pflint::tls {

using util::iequals;
using util::lower;
using util::Token;
inline char ascii_lower(char c) { return util::to_lower(c); }

// tokens - mystrtok(): runs of separators skipped, no empty tokens.
inline std::vector<Token> tokens(std::string_view text, std::string_view separators) {
  return util::mystrtok(text, separators);
}

using util::k_comma_sp;                                            // CHARS_COMMA_SP
inline constexpr std::string_view k_comma_sp_colon = ", \t\r\n:";  // TLS protocol/cipher lists

// has_token - `word` (ASCII case ignored) is one of the comma/space-separated tokens of `list`.
inline bool has_token(std::string_view list, std::string_view word) {
  for (const Token& t : tokens(list, k_comma_sp)) {
    if (iequals(t.text, word)) return true;
  }
  return false;
}

}  // namespace pflint::tls
