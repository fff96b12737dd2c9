// NAME
//   source — a configuration file's bytes, its name, and position arithmetic.
// DESCRIPTION
//   SourceFile owns the text that every syntax tree, diagnostic and LSP
//   position points into. Offsets are bytes (uint32_t: files are capped at
//   4 GiB - 1); lines and columns are 1-based bytes for humans and 0-based
//   UTF-16 code units for the Language Server Protocol. Lines are split at
//   '\n' only, as Postfix does: a '\r' before it belongs to the line.
// DIAGNOSTICS
//   load() reports I/O errors and oversized files as an error string.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pflint::syntax {

// A half-open byte range [begin, end) into one SourceFile.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  [[nodiscard]] std::uint32_t size() const { return end - begin; }
  [[nodiscard]] bool empty() const { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// 1-based line and 1-based byte column, as printed in file:line:col.
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend bool operator==(const Position&, const Position&) = default;
};

// 0-based line and 0-based UTF-16 code-unit offset, as LSP counts.
struct Utf16Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend bool operator==(const Utf16Position&, const Utf16Position&) = default;
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  // load - read a whole file; nullopt and `error` set on failure.
  static std::optional<SourceFile> load(const std::string& path, std::string& error);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string_view text() const { return text_; }
  [[nodiscard]] std::string_view slice(Span s) const { return std::string_view(text_).substr(s.begin, s.size()); }
  [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(text_.size()); }

  [[nodiscard]] std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  // line_span - the bytes of 1-based `line`, without its '\n'.
  [[nodiscard]] Span line_span(std::uint32_t line) const;
  [[nodiscard]] std::string_view line_text(std::uint32_t line) const { return slice(line_span(line)); }

  [[nodiscard]] Position position(std::uint32_t offset) const;
  [[nodiscard]] std::uint32_t offset(Position p) const;

  [[nodiscard]] Utf16Position utf16_position(std::uint32_t offset) const;
  [[nodiscard]] std::uint32_t offset(Utf16Position p) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;  // byte offset where each line begins
};

// utf16_length - UTF-16 code units needed for `bytes`; invalid UTF-8 bytes
// count as one unit each (what a lossy decoder's U+FFFD would take).
std::uint32_t utf16_length(std::string_view bytes);
// utf16_to_byte - byte offset within `bytes` of UTF-16 unit `units` (clamped).
std::uint32_t utf16_to_byte(std::string_view bytes, std::uint32_t units);

}  // namespace pflint::syntax
