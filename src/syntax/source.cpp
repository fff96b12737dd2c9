// NAME
//   source — file loading, line index, and byte ↔ line/column ↔ UTF-16.
#include "syntax/source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

#include "util/read_file.hpp"

namespace pflint::syntax {

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.reserve(static_cast<std::size_t>(std::count(text_.begin(), text_.end(), '\n')) + 1);
  line_starts_.push_back(0);
  const char* base = text_.data();
  const char* end = base + text_.size();
  for (const char* p = base; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr;) {
    ++p;
    line_starts_.push_back(static_cast<std::uint32_t>(p - base));
  }
}

std::optional<SourceFile> SourceFile::load(const std::string& path, std::string& error) {
  // Spans are 32-bit offsets: a file of 4 GiB or more cannot be indexed.
  std::string why;
  std::optional<std::string> text =
      util::read_file(path, why, std::numeric_limits<std::uint32_t>::max() - 1);
  if (text) return SourceFile(path, std::move(*text));
  if (why == util::k_too_large)
    error = path + ": file too large (4 GiB or more)";
  else if (why == std::strerror(EISDIR))
    error = path + ": is a directory";
  else
    error = path + ": " + why;
  return std::nullopt;
}

Span SourceFile::line_span(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return Span{size(), size()};
  const std::uint32_t begin = line_starts_[line - 1];
  const std::uint32_t end = line < line_starts_.size() ? line_starts_[line] - 1 : size();
  return Span{begin, end};
}

Position SourceFile::position(std::uint32_t offset) const {
  offset = std::min(offset, size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  return Position{line, offset - line_starts_[line - 1] + 1};
}

std::uint32_t SourceFile::offset(Position p) const {
  const Span line = line_span(p.line);
  if (p.column == 0) return line.begin;
  return std::min(line.begin + p.column - 1, line.end);
}

Utf16Position SourceFile::utf16_position(std::uint32_t offset) const {
  const Position p = position(offset);
  const Span line = line_span(p.line);
  const auto prefix = std::string_view(text_).substr(line.begin, std::min(offset, line.end) - line.begin);
  return Utf16Position{p.line - 1, utf16_length(prefix)};
}

std::uint32_t SourceFile::offset(Utf16Position p) const {
  const Span line = line_span(p.line + 1);
  return line.begin + utf16_to_byte(slice(line), p.character);
}

namespace {
// utf8_sequence - length of the UTF-8 sequence at s[i] and its UTF-16 units;
// an invalid byte is a sequence of one byte and one unit.
struct Sequence {
  std::uint32_t bytes;
  std::uint32_t units;
};
Sequence utf8_sequence(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::uint32_t len = 1;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c >= 0xE0 && c <= 0xEF) len = 3;
  else if (c >= 0xF0 && c <= 0xF4) len = 4;
  if (len == 1 || i + len > s.size()) return {1, 1};
  for (std::uint32_t k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return {1, 1};
  }
  return {len, len == 4 ? 2u : 1u};
}
}  // namespace

std::uint32_t utf16_length(std::string_view bytes) {
  std::uint32_t units = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const Sequence seq = utf8_sequence(bytes, i);
    units += seq.units;
    i += seq.bytes;
  }
  return units;
}

std::uint32_t utf16_to_byte(std::string_view bytes, std::uint32_t units) {
  std::uint32_t seen = 0;
  std::size_t i = 0;
  while (i < bytes.size() && seen < units) {
    const Sequence seq = utf8_sequence(bytes, i);
    seen += seq.units;
    i += seq.bytes;
  }
  return static_cast<std::uint32_t>(i);
}

}  // namespace pflint::syntax
