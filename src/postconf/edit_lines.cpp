// NAME
//   edit_lines — line primitives of the postconf editors (see edit_lines.hpp).
#include "postconf/edit_lines.hpp"

#include "util/ascii.hpp"

namespace pflint::postconf::edits::detail {

std::size_t content_offset(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && util::is_space(line[i])) ++i;
  if (i == line.size() || line[i] == '#') return std::string_view::npos;
  return i;
}

std::string printable(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7e) c = '?';
  }
  return out;
}

}  // namespace pflint::postconf::edits::detail
