// NAME
//   list — list splitting and brace unwrapping (see list.hpp).
// SEE ALSO
//   src/util/mystrtok.c (mystrtok, mystrtokq), src/util/extpar.c,
//   src/util/balpar.c, src/util/trimblanks.c in the Postfix source.
#include "expand/list.hpp"

#include <cstddef>
#include <cstdint>

namespace pflint::expand {
namespace {

bool c_isspace(char ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); }

// balpar - length of the leading "{...}" including both braces, 0 if open.
std::size_t balpar(std::string_view s) {
  std::size_t level = 1;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] == '}') {
      if (--level == 0) {
        return i + 1;
      }
    } else if (s[i] == '{') {
      ++level;
    }
  }
  return 0;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && c_isspace(s.back())) {
    s.remove_suffix(1);
  }
  while (!s.empty() && c_isspace(s.front())) {
    s.remove_prefix(1);
  }
  return s;
}

}  // namespace

std::vector<ListElement> split_list(std::string_view text, std::string_view separators, bool braces) {
  std::vector<ListElement> out;
  auto is_sep = [&](char ch) { return separators.find(ch) != std::string_view::npos; };
  std::size_t pos = 0;
  while (true) {
    while (pos < text.size() && is_sep(text[pos])) {
      ++pos;
    }
    if (pos == text.size()) {
      return out;
    }
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
    out.push_back(ListElement{text.substr(start, pos - start),
                              Span{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(pos)}});
  }
}

Unwrapped extpar(std::string_view element, bool strip) {
  Unwrapped out;
  std::string_view inner;
  const std::string quoted = "\"" + std::string(element) + "\"";
  if (element.empty() || element.front() != '{') {
    out.error = "no '{' at start of text in " + quoted;
    inner = element;
  } else if (const std::size_t len = balpar(element); len == 0) {
    out.error = "missing '}' in " + quoted;
    inner = element.substr(1);
  } else {
    if (len < element.size()) {
      out.error = "syntax error after '}' in " + quoted;
    }
    inner = element.substr(1, len - 2);
  }
  out.text = std::string(strip ? trim(inner) : inner);
  return out;
}

}  // namespace pflint::expand
