// NAME
//   text_reporter — `pflint check` for people: one header line per finding
//   (file:line:col: severity: message [code]), the source line with a caret
//   under the span, notes and fixes, then a summary line.
// DESCRIPTION
//   Columns are 1-based bytes, as in the gcc format. Colour (ANSI) only when
//   the input asks for it: bold location, red error, yellow warning, cyan
//   info, green caret. Everything taken from the configuration or a message
//   goes through terminal_safe, so no byte can drive the terminal.
#include <fmt/format.h>

#include <algorithm>

#include "report/report_util.hpp"
#include "report/terminal_util.hpp"

namespace pflint::report {
namespace {

struct Style {
  bool on = false;
  [[nodiscard]] std::string paint(std::string_view code, std::string_view text) const {
    if (!on) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }
};

constexpr std::string_view bold = "1";
constexpr std::string_view green = "1;32";

std::string_view severity_colour(lint::Severity s) {
  switch (s) {
    case lint::Severity::error: return "1;31";
    case lint::Severity::warning: return "1;33";
    case lint::Severity::info: return "1;36";
  }
  return bold;
}

void write_excerpt(const lint::Diagnostic& d, const Style& style, std::FILE* out) {
  const syntax::SourceFile& file = *d.file;
  const syntax::Position start = file.position(d.span.begin);
  const syntax::Span line = file.line_span(start.line);
  const std::uint32_t begin = d.span.begin - line.begin;
  const std::uint32_t end = std::max(d.span.end, d.span.begin) - line.begin;
  const CaretLines lines = caret_lines(file.slice(line), begin, end);
  const std::string number = fmt::format("{:>5}", start.line);
  fmt::print(out, "{} | {}\n", number, lines.source);
  fmt::print(out, "{} | {}{}\n", std::string(number.size(), ' '), lines.prefix, style.paint(green, lines.caret));
}

void write_finding(const lint::Diagnostic& d, const Style& style, std::FILE* out) {
  std::string where = "pflint:";
  if (d.file != nullptr) {
    const syntax::Position p = d.file->position(d.span.begin);
    where = fmt::format("{}:{}:{}:", terminal_safe(d.file->path()), p.line, p.column);
  }
  const std::string_view severity = lint::to_string(d.severity);
  fmt::print(out, "{} {} {} [{}]\n", style.paint(bold, where),
             style.paint(severity_colour(d.severity), std::string(severity) + ":"), terminal_safe(d.message),
             terminal_safe(d.code));
  if (d.file != nullptr) write_excerpt(d, style, out);
  for (const std::string& note : d.notes) fmt::print(out, "  {} {}\n", style.paint(bold, "note:"), terminal_safe(note));
  for (const lint::Fix& fix : d.fixes) {
    fmt::print(out, "  {} {}\n", style.paint(bold, fix_label(fix)), terminal_safe(fix.title));
  }
}

class TextStream final : public ReportStream {
 public:
  TextStream(bool color, std::FILE* out) : style_{color}, out_(out) {}

 protected:
  void write_findings(std::span<const lint::Diagnostic> findings) override {
    for (const lint::Diagnostic& d : findings) write_finding(d, style_, out_);
  }
  void write_end(const ReportTail& tail) override {
    for (const SkippedFile& s : tail.skipped) {
      fmt::print(out_, "{}: skipped: {}\n", terminal_safe(s.path), terminal_safe(s.reason));
    }
    fmt::print(out_, "{}\n", summary_line(counts(), tail.checked.size(), tail.skipped.size()));
  }

 private:
  Style style_;
  std::FILE* out_;
};

}  // namespace

std::unique_ptr<ReportStream> open_text(const ReportHeader& header, std::FILE* out) {
  return std::make_unique<TextStream>(header.color, out);
}

}  // namespace pflint::report
