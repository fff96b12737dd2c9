// NAME
//   apply_edits — splicing non-conflicting edits into a text.
#include "fix/apply_edits.hpp"

#include <algorithm>

namespace pflint::fix {

bool conflicts(syntax::Span a, syntax::Span b) {
  if (a.empty() && b.empty()) return a.begin == b.begin;
  if (a.empty()) return b.begin < a.begin && a.begin < b.end;
  if (b.empty()) return a.begin < b.begin && b.begin < a.end;
  return a.begin < b.end && b.begin < a.end;
}

std::string apply_edits(std::string_view text, std::vector<TextEdit> edits) {
  std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
  });
  std::string out;
  out.reserve(text.size());
  std::uint32_t at = 0;
  for (const TextEdit& e : edits) {
    out.append(text.substr(at, e.span.begin - at));
    out.append(e.replacement);
    at = e.span.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace pflint::fix
