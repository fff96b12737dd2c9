// NAME
//   reporter — the format names, the shared part of a report stream (the
//   counts) and the dispatch to each format's stream.
#include "report/reporter.hpp"

#include "report/report_util.hpp"

namespace pflint::report {

bool parse_format(std::string_view text, Format& out) {
  if (text == "text") out = Format::text;
  else if (text == "gcc") out = Format::gcc;
  else if (text == "json") out = Format::json;
  else if (text == "sarif") out = Format::sarif;
  else if (text == "github") out = Format::github;
  else return false;
  return true;
}

void ReportStream::add(std::span<const lint::Diagnostic> findings) {
  const Counts c = count_findings(findings);
  counts_.errors += c.errors;
  counts_.warnings += c.warnings;
  counts_.info += c.info;
  write_findings(findings);
}

void ReportStream::finish(const ReportTail& tail) { write_end(tail); }

std::unique_ptr<ReportStream> open_report(Format format, const ReportHeader& header, std::FILE* out) {
  switch (format) {
    case Format::text: return open_text(header, out);
    case Format::gcc: return open_gcc(header, out);
    case Format::json: return open_json(header, out);
    case Format::sarif: return open_sarif(header, out);
    case Format::github: return open_github(header, out);
  }
  return open_text(header, out);
}

void write_report(Format format, const ReportInput& input, std::FILE* out) {
  const auto stream = open_report(format, ReportHeader{input.rules, input.tool_version, input.color}, out);
  stream->add(input.findings);
  stream->finish(ReportTail{input.skipped, input.checked});
  std::fflush(out);
}

}  // namespace pflint::report
