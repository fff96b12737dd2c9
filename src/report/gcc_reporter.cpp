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
#include <fmt/format.h>

#include "report/report_util.hpp"
#include "report/terminal_util.hpp"

namespace pflint::report {
namespace {

std::string_view gcc_severity(lint::Severity s) {
  switch (s) {
    case lint::Severity::error: return "error";
    case lint::Severity::warning: return "warning";
    case lint::Severity::info: return "note";
  }
  return "error";
}

void write_finding(const lint::Diagnostic& d, std::FILE* out) {
  std::string where = "pflint";
  if (d.file != nullptr) {
    const syntax::Position p = d.file->position(d.span.begin);
    where = fmt::format("{}:{}:{}", terminal_safe(d.file->path()), p.line, p.column);
  }
  fmt::print(out, "{}: {}: {} [{}]\n", where, gcc_severity(d.severity), terminal_safe(d.message),
             terminal_safe(d.code));
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

}  // namespace pflint::report
