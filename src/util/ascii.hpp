// NAME
//   ascii — Postfix's ASCII character tests and case folding.
// DESCRIPTION
//   is_space() is ISSPACE() in the "C" locale (space, \t \n \v \f \r);
//   is_line_blank() is the same without '\n', for text inside one physical
//   line. to_lower(), lower() and iequals() fold ASCII letters only, as
//   Postfix's lowercase() and strcasecmp() do in the C locale: a byte >= 0x80
//   is never changed, whatever the process locale. trim() drops ISSPACE
//   bytes at both ends (trimblanks() plus the leading skip callers do).
// SEE ALSO
//   src/util/sys_defs.h (ISSPACE), src/util/lowercase.c,
//   src/util/trimblanks.c, src/util/strcasecmp.c in Postfix.
#pragma once

#include <string>
#include <string_view>

namespace pflint::util {

// is_space - ISSPACE(): ASCII whitespace, never locale-dependent.
constexpr bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// is_line_blank - is_space() without '\n': a blank inside a physical line.
constexpr bool is_line_blank(char c) { return c != '\n' && is_space(c); }

// to_lower - ASCII tolower().
constexpr char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// to_upper - ASCII toupper().
constexpr char to_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// lower - a copy with ASCII letters folded to lower case (lowercase()).
inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

// iequals - strcasecmp(a, b) == 0 over ASCII.
constexpr bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  return true;
}

// trim_left / trim_right / trim - without leading / trailing / both ISSPACE bytes.
constexpr std::string_view trim_left(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  return s;
}
constexpr std::string_view trim_right(std::string_view s) {
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}
constexpr std::string_view trim(std::string_view s) { return trim_right(trim_left(s)); }

}  // namespace pflint::util
