// NAME
//   position — LSP positions (line, character) over a document's bytes.
// DESCRIPTION
//   The server keeps byte offsets; positions are converted here, at the
//   edge. LSP lines end at "\n", "\r\n" or a bare "\r" (not Postfix's
//   physical lines, which end at "\n" only), so this is an index of its own.
//   `character` counts UTF-8 bytes, UTF-16 code units (the default) or code
//   points, as negotiated. Invalid UTF-8 bytes count as one unit each.
//   Out-of-range input is clamped: a line past the end means the end of the
//   text, a character past the end of its line means the end of that line.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace pflint::lsp {

enum class Encoding : std::uint8_t { utf8, utf16, utf32 };
std::string_view to_string(Encoding e);  // "utf-8", "utf-16", "utf-32"

struct LspPosition {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend bool operator==(const LspPosition&, const LspPosition&) = default;
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  [[nodiscard]] std::uint32_t line_count() const { return static_cast<std::uint32_t>(starts_.size()); }
  // offset - the byte offset of `p` (clamped, see DESCRIPTION).
  [[nodiscard]] std::uint32_t offset(LspPosition p, Encoding e) const;
  // position - the position of byte `offset` (clamped to the text; an
  // offset inside a "\r\n" is the end of its line).
  [[nodiscard]] LspPosition position(std::uint32_t offset, Encoding e) const;
  // line_content_end - the byte offset where `line`'s terminator starts.
  [[nodiscard]] std::uint32_t line_content_end(std::uint32_t line) const;
  [[nodiscard]] std::uint32_t line_start(std::uint32_t line) const { return starts_[line]; }

 private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;  // byte offset where each line begins
  bool ascii_ = true;                  // every byte < 0x80: columns are bytes in every encoding
};

// units - the `e` units that `bytes` takes.
std::uint32_t units(std::string_view bytes, Encoding e);
// byte_of_unit - the byte offset in `bytes` of unit `n` (clamped to bytes.size()).
std::uint32_t byte_of_unit(std::string_view bytes, std::uint32_t n, Encoding e);

}  // namespace pflint::lsp
