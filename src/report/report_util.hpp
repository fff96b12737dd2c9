// NAME
//   report_util — what the output formats share: the writers' entry points,
//   severity counts and the summary line, columns, and URI escaping.
// DESCRIPTION
//   Internal to src/report/: reporter.cpp dispatches to the write_* functions
//   declared here; each lives in its own <format>_reporter.cpp.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "report/reporter.hpp"

namespace pflint::report {

void write_text(const ReportInput& input, std::FILE* out);
void write_gcc(const ReportInput& input, std::FILE* out);
void write_json(const ReportInput& input, std::FILE* out);
void write_sarif(const ReportInput& input, std::FILE* out);
void write_github(const ReportInput& input, std::FILE* out);

struct Counts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t info = 0;
};

Counts count_findings(const ReportInput& input);

// summary_line - "3 errors, 2 warnings, 1 info in 2 configs, 1 file skipped"
// or "no findings in 1 config"; a config is one entry of `checked` (a
// directory with main.cf and/or master.cf); no newline.
std::string summary_line(const ReportInput& input);

// Start and end of a span as 1-based lines and 1-based UTF-16 columns (what
// SARIF's default columnKind and the GitHub annotations count).
struct LineColumn {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};
LineColumn utf16_line_column(const syntax::SourceFile& file, std::uint32_t offset);

// uri_reference - a file path as an RFC 3986 URI reference: "./" prefixes
// dropped, every byte outside the unreserved set and '/' percent-encoded,
// absolute paths as file:// URIs.
std::string uri_reference(std::string_view path);

// doc_section - the text under "## <heading>" in a rule's Markdown doc,
// trimmed; empty when the doc has no such section.
std::string_view doc_section(std::string_view doc, std::string_view heading);

// edit_file - the file an edit applies to: its own, or else the finding's.
inline const syntax::SourceFile* edit_file(const lint::Diagnostic& d, const lint::Edit& e) {
  return e.file != nullptr ? e.file : d.file;
}

}  // namespace pflint::report
