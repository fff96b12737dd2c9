// NAME
//   report_util — counts, the summary line, UTF-16 columns, URI references
//   and rule-doc sections shared by the output formats.
#include "report/report_util.hpp"

#include <fmt/format.h>

namespace pflint::report {

Counts count_findings(std::span<const lint::Diagnostic> findings) {
  Counts c;
  for (const lint::Diagnostic& d : findings) {
    switch (d.severity) {
      case lint::Severity::error: ++c.errors; break;
      case lint::Severity::warning: ++c.warnings; break;
      case lint::Severity::info: ++c.info; break;
    }
  }
  return c;
}

namespace {
std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}
}  // namespace

std::string summary_line(const Counts& c, std::size_t configs, std::size_t skipped) {
  std::string line;
  const auto add = [&line](const std::string& part) {
    if (!line.empty()) line += ", ";
    line += part;
  };
  if (c.errors != 0) add(plural(c.errors, "error", "errors"));
  if (c.warnings != 0) add(plural(c.warnings, "warning", "warnings"));
  if (c.info != 0) add(plural(c.info, "info", "info"));
  if (line.empty()) line = "no findings";
  line += " in " + plural(configs, "config", "configs");
  if (skipped != 0) line += ", " + plural(skipped, "file", "files") + " skipped";
  return line;
}

std::string summary_line(const ReportInput& input) {
  return summary_line(count_findings(input.findings), input.checked.size(), input.skipped.size());
}

void write_spliced(std::string_view document, std::size_t at, std::size_t size, std::string_view body,
                   std::FILE* out) {
  std::fwrite(document.data(), 1, at, out);
  std::fwrite(body.data(), 1, body.size(), out);
  std::fwrite(document.data() + at + size, 1, document.size() - at - size, out);
}

LineColumn utf16_line_column(const syntax::SourceFile& file, std::uint32_t offset) {
  const syntax::Utf16Position p = file.utf16_position(offset);
  return LineColumn{p.line + 1, p.character + 1};
}

std::string uri_reference(std::string_view path) {
  std::string uri;
  if (!path.empty() && path.front() == '/') {
    uri = "file://";
  } else {
    while (path.size() > 2 && path.substr(0, 2) == "./") {
      path.remove_prefix(2);
      while (!path.empty() && path.front() == '/') path.remove_prefix(1);
    }
  }
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) uri += ch;
    else uri += fmt::format("%{:02X}", c);
  }
  return uri;
}

std::string_view doc_section(std::string_view doc, std::string_view heading) {
  const std::string marker = "## " + std::string(heading);
  std::size_t at = 0;
  for (;;) {
    at = doc.find(marker, at);
    if (at == std::string_view::npos) return {};
    const std::size_t after = at + marker.size();
    const bool line_start = at == 0 || doc[at - 1] == '\n';
    const bool line_end = after == doc.size() || doc[after] == '\n' || doc[after] == '\r';
    if (line_start && line_end) break;
    at = after;
  }
  std::size_t begin = doc.find('\n', at);
  if (begin == std::string_view::npos) return {};
  std::size_t end = doc.find("\n## ", begin);
  if (end == std::string_view::npos) end = doc.size();
  std::string_view body = doc.substr(begin, end - begin);
  const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  while (!body.empty() && space(body.front())) body.remove_prefix(1);
  while (!body.empty() && space(body.back())) body.remove_suffix(1);
  return body;
}

}  // namespace pflint::report
