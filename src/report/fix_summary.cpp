// NAME
//   fix_summary — counting fixed findings per code into one line.
#include "report/fix_summary.hpp"

#include <fmt/core.h>

namespace pflint::report {

std::string fix_summary(const std::map<std::string, int>& fixed, std::size_t remaining, bool would) {
  int total = 0;
  std::string per_code;
  for (const auto& [code, n] : fixed) {
    total += n;
    per_code += fmt::format("{}{}: {}", per_code.empty() ? "" : ", ", code, n);
  }
  std::string out = fmt::format("{} {} finding{}", would ? "would fix" : "fixed", total, total == 1 ? "" : "s");
  if (total != 0) out += fmt::format(" ({})", per_code);
  return out + fmt::format(", {} remaining", remaining);
}

}  // namespace pflint::report
