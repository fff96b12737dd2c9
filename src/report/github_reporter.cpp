// NAME
//   github_reporter — `pflint check --format github`: one GitHub Actions
//   workflow command per finding, which the runner turns into an annotation
//   on the file and line, then the summary as a plain log line.
// DESCRIPTION
//   ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=PF3001 rule::message
//   Levels: error, warning, notice (for info). Lines are 1-based, columns
//   1-based UTF-16 code units with endColumn the last column of the span
//   (inclusive). GitHub takes columns only when the span lies on one line,
//   so col/endColumn are left out for a span over several lines. Notes and
//   fix titles follow the message on lines of their own. Escaping as in
//   @actions/core: in the message %, \r and \n; in properties also : and ,.
//   Text that is not UTF-8 is made UTF-8 as in the JSON formats.
#include <fmt/format.h>

#include "report/json_text.hpp"
#include "report/report_util.hpp"

namespace pflint::report {
namespace {

std::string escape_data(std::string_view bytes) {
  std::string out;
  for (const char c : json_safe_utf8(bytes)) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(std::string_view bytes) {
  std::string out;
  for (const char c : escape_data(bytes)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string_view github_level(lint::Severity s) {
  switch (s) {
    case lint::Severity::error: return "error";
    case lint::Severity::warning: return "warning";
    case lint::Severity::info: return "notice";
  }
  return "warning";
}

std::string location_properties(const lint::Diagnostic& d) {
  const syntax::SourceFile& file = *d.file;
  const LineColumn start = utf16_line_column(file, d.span.begin);
  // The last byte of the span; an empty span is its start.
  const LineColumn last = d.span.end > d.span.begin ? utf16_line_column(file, d.span.end - 1) : start;
  std::string props = fmt::format("file={},line={}", escape_property(file.path()), start.line);
  if (last.line == start.line) {
    props += fmt::format(",col={},endLine={},endColumn={}", start.column, last.line, last.column);
  } else {
    props += fmt::format(",endLine={}", last.line);
  }
  return props + ",";
}

void write_finding(const lint::Diagnostic& d, std::FILE* out) {
  const std::string props = d.file != nullptr ? location_properties(d) : std::string();
  std::string message = d.message;
  for (const std::string& note : d.notes) message += "\nnote: " + note;
  for (const lint::Fix& fix : d.fixes) message += "\n" + std::string(fix_label(fix)) + " " + fix.title;
  fmt::print(out, "::{} {}title={}::{}\n", github_level(d.severity), props,
             escape_property(std::string(d.code) + " " + std::string(d.rule)), escape_data(message));
}

class GithubStream final : public ReportStream {
 public:
  explicit GithubStream(std::FILE* out) : out_(out) {}

 protected:
  void write_findings(std::span<const lint::Diagnostic> findings) override {
    for (const lint::Diagnostic& d : findings) write_finding(d, out_);
  }
  void write_end(const ReportTail& tail) override {
    fmt::print(out_, "{}\n", escape_data(summary_line(counts(), tail.checked.size(), tail.skipped.size())));
  }

 private:
  std::FILE* out_;
};

}  // namespace

std::unique_ptr<ReportStream> open_github(const ReportHeader& /*header*/, std::FILE* out) {
  return std::make_unique<GithubStream>(out);
}

}  // namespace pflint::report
