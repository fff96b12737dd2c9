// NAME
//   diagnostic — severity names and the display order of findings.
#include "lint/diagnostic.hpp"

#include <tuple>

namespace pflint::lint {

bool parse_severity(std::string_view text, Severity& out) {
  if (text == "error") out = Severity::error;
  else if (text == "warning") out = Severity::warning;
  else if (text == "info") out = Severity::info;
  else return false;
  return true;
}

bool position_less(const Diagnostic& a, const Diagnostic& b) {
  const std::string_view pa = a.file ? std::string_view(a.file->path()) : std::string_view();
  const std::string_view pb = b.file ? std::string_view(b.file->path()) : std::string_view();
  return std::tie(pa, a.span.begin, a.code, a.message) < std::tie(pb, b.span.begin, b.code, b.message);
}

}  // namespace pflint::lint
