// NAME
//   report_util — what the output formats share: the writers' entry points,
//   severity counts and the summary line, columns, and URI escaping.
// DESCRIPTION
//   Internal to src/report/: reporter.cpp dispatches to the write_* functions
//   declared here; each lives in its own <format>_reporter.cpp.
#pragma once

#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "report/reporter.hpp"

namespace pflint::report {

std::unique_ptr<ReportStream> open_text(const ReportHeader& header, std::FILE* out);
std::unique_ptr<ReportStream> open_gcc(const ReportHeader& header, std::FILE* out);
std::unique_ptr<ReportStream> open_json(const ReportHeader& header, std::FILE* out);
std::unique_ptr<ReportStream> open_sarif(const ReportHeader& header, std::FILE* out);
std::unique_ptr<ReportStream> open_github(const ReportHeader& header, std::FILE* out);

// count_findings - findings per severity.
Counts count_findings(std::span<const lint::Diagnostic> findings);

// summary_line - the same for a whole ReportInput.
std::string summary_line(const ReportInput& input);

// write_spliced - write `document` with the `size` bytes at `at` replaced by
// `body`: SARIF writes its log in finish() with a placeholder ("[]") where
// the results go, and splices in the results it serialized while the
// configs were checked, without copying them again.
void write_spliced(std::string_view document, std::size_t at, std::size_t size, std::string_view body,
                   std::FILE* out);

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
// fix_label - "fix (safe):" or "fix (unsafe):", the prefix of a fix's title
// in text and GitHub output (--fix applies the safe ones).
inline std::string_view fix_label(const lint::Fix& fix) { return fix.safe ? "fix (safe):" : "fix (unsafe):"; }

inline const syntax::SourceFile* edit_file(const lint::Diagnostic& d, const lint::Edit& e) {
  return e.file != nullptr ? e.file : d.file;
}

}  // namespace pflint::report
