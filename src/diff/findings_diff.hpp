// NAME
//   findings_diff — the findings a change adds and the ones it resolves.
// DESCRIPTION
//   Both sides ran the same check pipeline (check::check_loaded). A finding
//   is identified by its code, its file relative to its config directory
//   and its message with the side's directory removed and line:column
//   numbers blanked, so a finding that only moved (lines added above it) or
//   whose config lives in another directory on the other side is neither
//   added nor resolved. Identities are counted: two identical findings on
//   one side and one on the other leave one added or resolved.
// DIAGNOSTICS
//   None.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/diagnostic.hpp"

namespace pflint::diff {

// A finding as the diff reports it: texts only, so it outlives the check run.
struct Finding {
  std::string code;
  std::string severity;
  std::string file;  // path on its side; empty for a finding about the whole config
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;
};

struct FindingsDiff {
  std::vector<Finding> added;
  std::vector<Finding> resolved;
};

// diff_findings - `was` and `now` are the findings of one config on each
// side, whose directories are `was_dir` and `now_dir`.
FindingsDiff diff_findings(const std::vector<lint::Diagnostic>& was, std::string_view was_dir,
                           const std::vector<lint::Diagnostic>& now, std::string_view now_dir);

// finding_of - the texts of one finding.
Finding finding_of(const lint::Diagnostic& d);

}  // namespace pflint::diff
