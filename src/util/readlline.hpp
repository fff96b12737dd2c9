// NAME
//   readlline — Postfix's logical-line reader, fast and without positions.
// DESCRIPTION
//   LogicalLines is readllines() over bytes in memory: comment lines (first
//   non-blank '#') and blank lines are skipped everywhere, also between the
//   physical lines of one logical line; a line that starts with whitespace
//   continues the logical line before it, joined without the newline. Text
//   after a NUL byte is cut, as C strings cut it. first_line()/last_line()
//   are the 1-based physical lines of the content just returned.
//
//   A logical line that itself starts with whitespace (an indented first
//   line) is returned like any other: Postfix warns about it and skips it,
//   and each caller words that warning its own way (leading_space()).
//
//   This is one of pflint's two readers of Postfix's line syntax. The other
//   is the lossless syntax tree (src/syntax), which keeps every byte with
//   its span for diagnostics; this one does a few bytes of work per line for
//   postconf's speed. tests/util/test_readlline_corpus.cpp holds the two to
//   the same names and values.
// SEE ALSO
//   src/util/readlline.c in Postfix; src/syntax/ (the lossless reader).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pflint::util {

class LogicalLines {
 public:
  explicit LogicalLines(std::string_view data) : data_(data) {}

  // next - the next logical line into `text`; false at the end of the data.
  bool next(std::string& text);

  [[nodiscard]] std::uint32_t first_line() const { return first_line_; }
  [[nodiscard]] std::uint32_t last_line() const { return last_line_; }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
  std::uint32_t lineno_ = 0;
  std::uint32_t first_line_ = 0;
  std::uint32_t last_line_ = 0;
};

// leading_space - the logical line starts with whitespace (Postfix skips it).
bool leading_space(std::string_view logical_line);

}  // namespace pflint::util
