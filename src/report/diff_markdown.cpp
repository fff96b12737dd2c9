// NAME
//   diff_markdown — `pflint diff --format markdown`: a pull-request comment
//   (see diff_report.hpp).
// DESCRIPTION
//   A title line with the summary, then per changed config a heading and a
//   short table (scope, setting, old, new, note), and the findings added and
//   resolved as lists. Values are code spans; `|` and backticks in them are
//   escaped so a cell never breaks the table.
#include "report/diff_report.hpp"

#include <fmt/format.h>

namespace pflint::report {
namespace {
using namespace pflint::diff;

// cell - text safe inside a table cell.
std::string cell(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    if (ch == '|') out += "\\|";
    else if (ch == '\n') out += ' ';
    else out += ch;
  }
  return out;
}

// code - a code span, with backticks in the text replaced.
std::string code(std::string_view text) {
  std::string t(text);
  for (char& ch : t) {
    if (ch == '`') ch = '\'';
  }
  return "`" + cell(t) + "`";
}

std::string side_cell(const SideValue& s) {
  if (!s.value) return "—";
  return s.origin.empty() ? code(*s.value) : fmt::format("{} <sub>{}</sub>", code(*s.value), cell(s.origin));
}

void finding_list(std::FILE* out, std::string_view title, const std::vector<Finding>& findings) {
  if (findings.empty()) return;
  fmt::print(out, "\n{}:\n\n", title);
  for (const Finding& f : findings) {
    const std::string where = f.file.empty() ? "" : fmt::format("`{}:{}` ", f.file, f.line);
    fmt::print(out, "- {}{} **{}** {}\n", where, f.severity, f.code, cell(f.message));
  }
}
}  // namespace

void write_diff_markdown(const DiffReport& r, std::FILE* out) {
  fmt::print(out, "## pflint diff `{}` → `{}`\n\n{}{}.\n", r.was_label, r.now_label,
             r.weakens() ? ":warning: " : "", diff_summary(r));
  for (const ConfigDiff& c : r.configs) {
    const std::string where = c.was_dir.empty() ? " (added)" : c.now_dir.empty() ? " (removed)" : "";
    fmt::print(out, "\n### `{}`{}{}\n", c.name, where, c.weakens() ? " — :warning: weakens TLS" : "");
    if (!c.scopes.empty()) {
      fmt::print(out, "\n| scope | setting | old | new | |\n|---|---|---|---|---|\n");
      for (const ScopeDiff& s : c.scopes) {
        for (const Change& ch : s.changes) {
          fmt::print(out, "| {} | {} | {} | {} | {} |\n", cell(scope_title(s)), cell(ch.item), side_cell(ch.was),
                     side_cell(ch.now), ch.weakening.empty() ? "" : "**weakens**: " + cell(ch.weakening));
        }
      }
    }
    finding_list(out, "Findings added", c.findings.added);
    finding_list(out, "Findings resolved", c.findings.resolved);
  }
  for (const std::string& e : r.errors) fmt::print(out, "\nerror: {}\n", cell(e));
}

}  // namespace pflint::report
