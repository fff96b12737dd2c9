// NAME
//   terminal_util — text that is safe to print on a terminal, and the source
//   line with a caret line under a span.
// DESCRIPTION
//   Configuration bytes are shown as they are, except those that would move
//   the cursor or change the terminal's state: C0 controls and DEL as \xNN
//   (\r, \n, \t by name), C1 controls and bidirectional-override characters
//   as \uNNNN, bytes that are not UTF-8 as \xNN. In a source line a tab is
//   kept, and the caret line reproduces it, so the caret stays aligned
//   whatever the terminal's tab stops; wide (East Asian, emoji) characters
//   count two columns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pflint::report {

// terminal_safe - `bytes` for a one-line context (message, path): every
// control character escaped, tabs and newlines included.
std::string terminal_safe(std::string_view bytes);

struct CaretLines {
  std::string source;  // the line, escaped, tabs kept
  std::string prefix;  // spaces and tabs up to the span
  std::string caret;   // "^~~~" (with the span's tabs)
};

// caret_lines - `line` (one line, without '\n') with the bytes [begin, end)
// underlined; `end` past the line's end underlines to its end, and an empty
// range gets a single '^'.
CaretLines caret_lines(std::string_view line, std::uint32_t begin, std::uint32_t end);

}  // namespace pflint::report
