// NAME
//   terminal_util — escaping for terminals, display widths, caret lines.
#include "report/terminal_util.hpp"

#include <fmt/format.h>

namespace pflint::report {
namespace {

// One displayed unit: a UTF-8 sequence, or one byte that is not valid UTF-8.
struct Unit {
  std::uint32_t bytes = 1;
  std::uint32_t code_point = 0;
  bool valid = false;
};

Unit next_unit(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return Unit{1, c, true};
  std::uint32_t len = 0;
  std::uint32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1Fu;
  else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0Fu;
  else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07u;
  if (len == 0 || i + len > s.size()) return Unit{1, c, false};
  for (std::uint32_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return Unit{1, c, false};
    cp = (cp << 6) | (cc & 0x3Fu);
  }
  // Overlong forms, surrogates and values above U+10FFFF are not UTF-8.
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return Unit{1, c, false};
  }
  return Unit{len, cp, true};
}

bool is_bidi_control(std::uint32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool is_wide(std::uint32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

// render - how one unit is shown and how many columns it takes; a tab is
// kept only when `keep_tab`.
struct Shown {
  std::string text;
  std::uint32_t width = 0;
};

Shown render(std::string_view s, std::size_t i, const Unit& u, bool keep_tab) {
  if (!u.valid) return Shown{fmt::format("\\x{:02X}", static_cast<unsigned char>(s[i])), 4};
  const std::uint32_t cp = u.code_point;
  if (cp == '\t' && keep_tab) return Shown{"\t", 0};
  if (cp == '\t') return Shown{"\\t", 2};
  if (cp == '\n') return Shown{"\\n", 2};
  if (cp == '\r') return Shown{"\\r", 2};
  if (cp < 0x20 || cp == 0x7F) return Shown{fmt::format("\\x{:02X}", cp), 4};
  if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp)) return Shown{fmt::format("\\u{:04X}", cp), 6};
  return Shown{std::string(s.substr(i, u.bytes)), is_wide(cp) ? 2u : 1u};
}

bool is_printable_ascii(char c) { return c >= 0x20 && c < 0x7F; }

}  // namespace

std::string terminal_safe(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    // Runs of printable ASCII, nearly all text, are copied as they are.
    std::size_t run = i;
    while (run < bytes.size() && is_printable_ascii(bytes[run])) ++run;
    if (run != i) {
      out.append(bytes.substr(i, run - i));
      i = run;
      continue;
    }
    const Unit u = next_unit(bytes, i);
    out += render(bytes, i, u, false).text;
    i += u.bytes;
  }
  return out;
}

CaretLines caret_lines(std::string_view line, std::uint32_t begin, std::uint32_t end) {
  CaretLines lines;
  bool caret_started = false;
  const auto mark = [&](std::uint32_t width, bool tab) {
    if (!caret_started) {
      lines.caret += '^';
      caret_started = true;
      if (tab || width == 0) return;
      --width;
    } else if (tab) {
      lines.caret += '\t';
      return;
    }
    lines.caret.append(width, '~');
  };
  for (std::size_t i = 0; i < line.size();) {
    if (is_printable_ascii(line[i])) {  // the common case, without render()'s string
      lines.source += line[i];
      if (i < begin) lines.prefix += ' ';
      else if (i < end) mark(1, false);
      ++i;
      continue;
    }
    const Unit u = next_unit(line, i);
    const Shown shown = render(line, i, u, true);
    const bool tab = u.valid && u.code_point == '\t';
    lines.source += shown.text;
    if (i < begin) {
      if (tab) lines.prefix += '\t';
      else lines.prefix.append(shown.width, ' ');
    } else if (i < end) {
      mark(shown.width, tab);
    }
    i += u.bytes;
  }
  if (!caret_started) lines.caret += '^';
  return lines;
}

}  // namespace pflint::report
