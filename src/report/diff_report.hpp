// NAME
//   diff_report — `pflint diff` output: text for people, Markdown for a
//   pull-request comment, JSON for programs (docs/diff-json.md).
// DESCRIPTION
//   All three show, per changed config, the changed TLS items of each client
//   service and destination (old → new, each with its origin, weakenings
//   named), then the findings added and resolved. Text and Markdown end with
//   a one-line summary; JSON is one object.
// SEE ALSO
//   src/diff/run_diff.hpp (the data), docs/diff-json.md.
#pragma once

#include <cstdio>
#include <string>

#include "diff/run_diff.hpp"

namespace pflint::report {

void write_diff_text(const diff::DiffReport& report, std::FILE* out);
void write_diff_markdown(const diff::DiffReport& report, std::FILE* out);
// diff_json - one pretty-printed JSON object, without a final newline.
std::string diff_json(const diff::DiffReport& report);

// diff_summary - "2 of 10 configs changed, 1 weakens TLS" (text and Markdown).
std::string diff_summary(const diff::DiffReport& report);
// scope_title - "service smtp/unix" or "smtp/unix → [relay.example]:587", with "(added)"/"(removed)".
std::string scope_title(const diff::ScopeDiff& scope);

}  // namespace pflint::report
