// NAME
//   readlline — readllines() (see readlline.hpp).
// DESIGN
//   Physical lines are found with memchr() and appended straight into the
//   caller's reused buffer: postconf reads a 20,000-line main.cf in well
//   under a millisecond this way (see src/postconf/reader.cpp).
#include "util/readlline.hpp"

#include <cstring>

#include "util/ascii.hpp"

namespace pflint::util {

bool LogicalLines::next(std::string& text) {
  text.clear();
  first_line_ = 0;
  last_line_ = 0;
  const std::size_t n = data_.size();
  while (pos_ < n) {
    const char* base = data_.data() + pos_;
    const void* nl = std::memchr(base, '\n', n - pos_);
    const std::size_t len = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - base) : n - pos_;
    const std::string_view line(base, len);
    const bool has_newline = nl != nullptr;
    pos_ += len + (has_newline ? 1 : 0);
    const std::uint32_t this_line = ++lineno_;
    std::size_t k = 0;
    while (k < line.size() && is_space(line[k])) ++k;
    if (k < line.size() && line[k] != '#') {
      if (first_line_ == 0) first_line_ = this_line;
      last_line_ = this_line;
      text.append(line);
    }
    if (!has_newline) break;
    if (first_line_ != 0) {
      if (pos_ >= n) break;
      const char following = data_[pos_];
      if (following != '#' && !is_space(following)) break;
    }
  }
  if (const auto nul = text.find('\0'); nul != std::string::npos) text.resize(nul);
  return first_line_ != 0;
}

bool leading_space(std::string_view logical_line) { return !logical_line.empty() && is_space(logical_line[0]); }

}  // namespace pflint::util
