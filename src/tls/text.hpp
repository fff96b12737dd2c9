// NAME
//   text — small ASCII string helpers shared by the TLS model (internal).
// DESCRIPTION
//   Postfix compares names with strcasecmp() (ASCII only) and splits the
//   TLS lists with mystrtok() on fixed separator sets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pflint::tls {

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// A token of a mystrtok() split, with its offset in the text.
struct Token {
  std::string_view text;
  std::uint32_t begin = 0;
};

// tokens - mystrtok(): runs of separators skipped, no empty tokens.
inline std::vector<Token> tokens(std::string_view text, std::string_view separators) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size()) {
    i = text.find_first_not_of(separators, i);
    if (i == std::string_view::npos) break;
    std::size_t e = text.find_first_of(separators, i);
    if (e == std::string_view::npos) e = text.size();
    out.push_back({text.substr(i, e - i), static_cast<std::uint32_t>(i)});
    i = e;
  }
  return out;
}

inline constexpr std::string_view k_comma_sp = ", \t\r\n";         // CHARS_COMMA_SP
inline constexpr std::string_view k_comma_sp_colon = ", \t\r\n:";  // TLS protocol/cipher lists

// has_token - `word` (ASCII case ignored) is one of the comma/space-separated tokens of `list`.
inline bool has_token(std::string_view list, std::string_view word) {
  for (const Token& t : tokens(list, k_comma_sp)) {
    if (iequals(t.text, word)) return true;
  }
  return false;
}

}  // namespace pflint::tls
