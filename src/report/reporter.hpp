// NAME
//   reporter — writes the findings of `pflint check` in one output format.
// DESCRIPTION
//   Formats: text (file:line:col: severity: message [code], then the source
//   line and a caret; colour only when asked, i.e. on a terminal), gcc (one
//   line per finding, for editors' error formats), json (schema in
//   docs/check-json.md), sarif (SARIF 2.1.0, each rule's help from its doc),
//   github (workflow-command annotations). Reporters never decide the exit
//   status; they only print.
//   A report is written as a stream: the findings of one config at a time,
//   so a run over thousands of configs never holds more than one config's
//   files and model. Text, gcc, github and JSON write each finding at once
//   (JSON puts `checked`, `skipped` and `summary` after the findings); SARIF
//   keeps its serialized results until finish(), because its rule list,
//   which comes first, must name any code seen in a finding.
#pragma once

#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/diagnostic.hpp"
#include "lint/rule.hpp"
#include "syntax/tree.hpp"

namespace pflint::report {

enum class Format : std::uint8_t { text, gcc, json, sarif, github };

// parse_format - "text", "gcc", "json", "sarif", "github"; false otherwise.
bool parse_format(std::string_view text, Format& out);

// A file the check looked at but did not lint (e.g. a Jinja template).
struct SkippedFile {
  std::string path;
  std::string reason;
};

struct Counts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t info = 0;
};

// What a report knows before the first finding.
struct ReportHeader {
  std::span<const lint::Rule> rules;  // the catalog (SARIF lists the rules run)
  std::string tool_version;           // "0.1.0"
  bool color = false;                 // text only: ANSI colours
};

// What a report learns during the run and writes at its end.
struct ReportTail {
  std::vector<SkippedFile> skipped;
  std::vector<std::string> checked;  // config paths that were checked
};

// ReportStream - one report being written: add() the findings of each
// checked config in display order (the files they point into may be freed as
// soon as add() returns), then finish() once.
class ReportStream {
 public:
  virtual ~ReportStream() = default;
  void add(std::span<const lint::Diagnostic> findings);
  void finish(const ReportTail& tail);
  [[nodiscard]] const Counts& counts() const { return counts_; }

 protected:
  virtual void write_findings(std::span<const lint::Diagnostic> findings) = 0;
  virtual void write_end(const ReportTail& tail) = 0;

 private:
  Counts counts_;
};

std::unique_ptr<ReportStream> open_report(Format format, const ReportHeader& header, std::FILE* out);

// The whole report at once (tests, small callers).
struct ReportInput {
  std::span<const lint::Diagnostic> findings;  // in display order
  std::span<const lint::Rule> rules;           // the catalog (SARIF lists the rules run)
  std::vector<SkippedFile> skipped;
  std::vector<std::string> checked;            // config paths that were checked
  std::string tool_version;                    // "0.1.0"
  bool color = false;                          // text only: ANSI colours
};

void write_report(Format format, const ReportInput& input, std::FILE* out);

// summary_line - "3 errors, 2 warnings, 1 info in 2 configs, 1 file skipped"
// or "no findings in 1 config"; a config is one entry of `checked` (a
// directory with main.cf and/or master.cf); no newline.
std::string summary_line(const Counts& counts, std::size_t configs, std::size_t skipped);

// write_syntax_diagnostics - a file's syntax problems, outside `pflint check`
// (`pflint parse`, `pflint policy`): one gcc-format line each without a code,
// file:line:col: severity: message, escaped like the gcc format.
void write_syntax_diagnostics(const syntax::SourceFile& file, std::span<const syntax::SyntaxDiagnostic> diagnostics,
                              std::FILE* out);

}  // namespace pflint::report
