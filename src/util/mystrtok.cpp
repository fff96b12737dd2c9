// NAME
//   mystrtok — tokenizers and brace unwrapping (see mystrtok.hpp).
// SEE ALSO
//   src/util/mystrtok.c (mystrtok, mystrtokq), src/util/extpar.c,
//   src/util/balpar.c, src/util/trimblanks.c in the Postfix source.
#include "util/mystrtok.hpp"

#include <array>

#include "util/ascii.hpp"

namespace pflint::util {
namespace {

// split - the loop of mystrtok() and, with braces, mystrtokq().
std::vector<Token> split(std::string_view text, std::string_view separators, bool braces) {
  std::vector<Token> out;
  // A table, not separators.find() per byte: master.cf and list values are
  // split at every start of `postconf`.
  std::array<bool, 256> sep{};
  for (const char c : separators) sep[static_cast<unsigned char>(c)] = true;
  auto is_sep = [&sep](char ch) { return sep[static_cast<unsigned char>(ch)]; };
  std::size_t pos = 0;
  while (true) {
    while (pos < text.size() && is_sep(text[pos])) ++pos;
    if (pos == text.size()) return out;
    const std::size_t start = pos;
    std::size_t level = 0;
    for (; pos < text.size(); ++pos) {
      const char ch = text[pos];
      if (braces && ch == '{') {
        ++level;
      } else if (braces && level > 0 && ch == '}') {
        --level;
      } else if (level == 0 && is_sep(ch)) {
        break;
      }
    }
    out.push_back(Token{text.substr(start, pos - start), static_cast<std::uint32_t>(start),
                        static_cast<std::uint32_t>(pos)});
  }
}

}  // namespace

std::vector<Token> mystrtok(std::string_view text, std::string_view separators) {
  return split(text, separators, false);
}

std::vector<Token> mystrtokq(std::string_view text, std::string_view separators) {
  return split(text, separators, true);
}

std::size_t balpar(std::string_view s) {
  std::size_t level = 1;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] == '}') {
      if (--level == 0) return i + 1;
    } else if (s[i] == '{') {
      ++level;
    }
  }
  return 0;
}

Unwrapped extpar(std::string_view token, bool strip) {
  Unwrapped out;
  std::string_view inner;
  const std::string quoted = "\"" + std::string(token) + "\"";
  if (token.empty() || token.front() != '{') {
    out.error = "no '{' at start of text in " + quoted;
    inner = token;
  } else if (const std::size_t len = balpar(token); len == 0) {
    out.error = "missing '}' in " + quoted;
    inner = token.substr(1);
  } else {
    if (len < token.size()) out.error = "syntax error after '}' in " + quoted;
    inner = token.substr(1, len - 2);
  }
  out.text = std::string(strip ? trim(inner) : inner);
  return out;
}

}  // namespace pflint::util
