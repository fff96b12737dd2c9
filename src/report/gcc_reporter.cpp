// NAME
//   gcc_reporter — one line per finding, `file:line:col: severity: message
//   [code]`, for editors' error parsers; nothing else.
// DESCRIPTION
//   Severities are error, warning and note (for info): Vim's compiler/gcc.vim
//   errorformat knows the three by their first letter (%trror, %tarning,
//   %tote) and its default errorformat takes any `%f:%l:%c:%m`; Emacs'
//   compilation-mode `gnu` regexp treats "warning" as a warning, "note" (and
//   "info") as information and anything else as an error. Columns are 1-based
//   bytes (Vim's %c counts bytes). A finding without a file is printed as
//   `pflint: severity: message [code]`, which neither editor takes for a
//   location. Control characters are escaped as in the text format, so one
//   finding is always one line.
//   The same line, without a code, is how `pflint parse` and `pflint policy`
//   print syntax problems (write_syntax_diagnostics).
#include <fmt/format.h>

#include <optional>

#include "report/report_util.hpp"
#include "report/terminal_util.hpp"

namespace pflint::report {
namespace {

// gcc_severity - error, warning, or note for info (lint's and syntax's
// severities have the same names).
std::string_view gcc_severity(std::string_view name) { return name == "info" ? "note" : name; }

// write_line - `where: severity: message [code]`; `where` is file:line:col
// of `offset`, or "pflint" without a file; no " [code]" without a code.
void write_line(const syntax::SourceFile* file, std::uint32_t offset, std::string_view severity,
                std::string_view message, std::optional<std::string_view> code, std::FILE* out) {
  std::string where = "pflint";
  if (file != nullptr) {
    const syntax::Position p = file->position(offset);
    where = fmt::format("{}:{}:{}", terminal_safe(file->path()), p.line, p.column);
  }
  const std::string tag = code ? fmt::format(" [{}]", terminal_safe(*code)) : "";
  fmt::print(out, "{}: {}: {}{}\n", where, severity, terminal_safe(message), tag);
}

void write_finding(const lint::Diagnostic& d, std::FILE* out) {
  write_line(d.file, d.span.begin, gcc_severity(lint::to_string(d.severity)), d.message, d.code, out);
}

class GccStream final : public ReportStream {
 public:
  explicit GccStream(std::FILE* out) : out_(out) {}

 protected:
  void write_findings(std::span<const lint::Diagnostic> findings) override {
    for (const lint::Diagnostic& d : findings) write_finding(d, out_);
  }
  void write_end(const ReportTail& /*tail*/) override {}

 private:
  std::FILE* out_;
};

}  // namespace

std::unique_ptr<ReportStream> open_gcc(const ReportHeader& /*header*/, std::FILE* out) {
  return std::make_unique<GccStream>(out);
}

void write_syntax_diagnostics(const syntax::SourceFile& file, std::span<const syntax::SyntaxDiagnostic> diagnostics,
                              std::FILE* out) {
  for (const syntax::SyntaxDiagnostic& d : diagnostics) {
    write_line(&file, d.span.begin, gcc_severity(syntax::to_string(d.severity)), d.message, std::nullopt, out);
  }
}

}  // namespace pflint::report
