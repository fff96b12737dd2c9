// NAME
//   position — LSP line index and encoding conversion (position.hpp).
#include "lsp/position.hpp"

#include <algorithm>

namespace pflint::lsp {
namespace {

// sequence_length - bytes of the UTF-8 sequence that starts at s[i] (1 for
// an invalid or truncated one), and whether it needs a UTF-16 surrogate pair.
std::uint32_t sequence_length(std::string_view s, std::size_t i, bool& astral) {
  astral = false;
  const auto c = static_cast<unsigned char>(s[i]);
  std::uint32_t n = 1;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) n = 3;
  else if (c >= 0xF0 && c <= 0xF4) n = 4;
  if (n == 1 || i + n > s.size()) return 1;
  for (std::uint32_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 1;
  }
  const auto c1 = static_cast<unsigned char>(s[i + 1]);
  // Overlong 3-byte forms, surrogates, overlong 4-byte forms and > U+10FFFF are invalid.
  if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) {
    return 1;
  }
  astral = n == 4;
  return n;
}

std::uint32_t unit_width(std::uint32_t bytes, bool astral, Encoding e) {
  switch (e) {
    case Encoding::utf8: return bytes;
    case Encoding::utf16: return astral ? 2 : 1;
    case Encoding::utf32: return 1;
  }
  return 1;
}

}  // namespace

std::string_view to_string(Encoding e) {
  switch (e) {
    case Encoding::utf8: return "utf-8";
    case Encoding::utf16: return "utf-16";
    case Encoding::utf32: return "utf-32";
  }
  return "utf-16";
}

std::uint32_t units(std::string_view bytes, Encoding e) {
  if (e == Encoding::utf8) return static_cast<std::uint32_t>(bytes.size());
  std::uint32_t total = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++total;
      ++i;
      continue;
    }
    bool astral = false;
    const std::uint32_t n = sequence_length(bytes, i, astral);
    total += unit_width(n, astral, e);
    i += n;
  }
  return total;
}

std::uint32_t byte_of_unit(std::string_view bytes, std::uint32_t n, Encoding e) {
  if (e == Encoding::utf8) {
    // Never split a UTF-8 sequence: back off to its first byte.
    std::size_t at = std::min<std::size_t>(n, bytes.size());
    while (at > 0 && at < bytes.size() && (static_cast<unsigned char>(bytes[at]) & 0xC0) == 0x80) --at;
    return static_cast<std::uint32_t>(at);
  }
  std::uint32_t seen = 0;
  std::size_t i = 0;
  while (i < bytes.size() && seen < n) {
    bool astral = false;
    const std::uint32_t len = static_cast<unsigned char>(bytes[i]) < 0x80 ? 1 : sequence_length(bytes, i, astral);
    const std::uint32_t w = unit_width(len, astral, e);
    if (seen + w > n) break;  // n points inside a surrogate pair: stay before it
    seen += w;
    i += len;
  }
  return static_cast<std::uint32_t>(i);
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) ascii_ = false;
    if (c == '\n') {
      starts_.push_back(static_cast<std::uint32_t>(i + 1));
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
}

std::uint32_t LineIndex::line_content_end(std::uint32_t line) const {
  if (line + 1 >= starts_.size()) return static_cast<std::uint32_t>(text_.size());
  std::uint32_t end = starts_[line + 1];
  if (end > starts_[line] && text_[end - 1] == '\n') --end;
  if (end > starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

std::uint32_t LineIndex::offset(LspPosition p, Encoding e) const {
  if (p.line >= starts_.size()) return static_cast<std::uint32_t>(text_.size());
  const std::uint32_t begin = starts_[p.line];
  const std::uint32_t end = line_content_end(p.line);
  const std::string_view line = text_.substr(begin, end - begin);
  if (ascii_) return begin + std::min<std::uint32_t>(p.character, static_cast<std::uint32_t>(line.size()));
  return begin + byte_of_unit(line, p.character, e);
}

LspPosition LineIndex::position(std::uint32_t offset, Encoding e) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - starts_.begin() - 1);
  const std::uint32_t begin = starts_[line];
  const std::uint32_t end = line_content_end(line);
  offset = std::min(offset, end);  // inside a "\r\n": the end of the line
  if (ascii_) return {line, offset - begin};
  return {line, units(text_.substr(begin, offset - begin), e)};
}

}  // namespace pflint::lsp
