// NAME
//   reporter — writes the findings of `pflint check` in one output format.
// DESCRIPTION
//   Formats: text (file:line:col: severity: message [code], then the source
//   line and a caret; colour only when asked, i.e. on a terminal), gcc (one
//   line per finding, for editors' error formats), json (schema in
//   docs/check-json.md), sarif (SARIF 2.1.0, each rule's help from its doc),
//   github (workflow-command annotations). Reporters never decide the exit
//   status; they only print.
#pragma once

#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/diagnostic.hpp"
#include "lint/rule.hpp"

namespace pflint::report {

enum class Format : std::uint8_t { text, gcc, json, sarif, github };

// parse_format - "text", "gcc", "json", "sarif", "github"; false otherwise.
bool parse_format(std::string_view text, Format& out);

// A file the check looked at but did not lint (e.g. a Jinja template).
struct SkippedFile {
  std::string path;
  std::string reason;
};

struct ReportInput {
  std::span<const lint::Diagnostic> findings;  // in display order
  std::span<const lint::Rule> rules;           // the catalog (SARIF lists the rules run)
  std::vector<SkippedFile> skipped;
  std::vector<std::string> checked;            // config paths that were checked
  std::string tool_version;                    // "0.1.0"
  bool color = false;                          // text only: ANSI colours
};

void write_report(Format format, const ReportInput& input, std::FILE* out);

}  // namespace pflint::report
