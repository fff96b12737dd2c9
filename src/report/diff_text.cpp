// NAME
//   diff_text — `pflint diff` as text (see diff_report.hpp).
// DESCRIPTION
//   A block per changed config; per scope, a row per changed item:
//     level        verify  [main.cf:12, smtp_tls_security_level]
//               →  may  [master.cf:40 (-o of relay/unix), smtp_tls_security_level]
//                  WEAKENS: level lowered: …
//   "(none)" is an item that does not apply on that side.
#include "report/diff_report.hpp"

#include <fmt/format.h>

namespace pflint::report {
namespace {
using namespace pflint::diff;

std::string side_text(const SideValue& s) {
  if (!s.value) return "(none)";
  const std::string v = s.value->empty() ? "(empty)" : *s.value;
  return s.origin.empty() ? v : fmt::format("{}  [{}]", v, s.origin);
}

void finding_rows(std::FILE* out, std::string_view title, const std::vector<Finding>& findings) {
  if (findings.empty()) return;
  fmt::print(out, "  {}:\n", title);
  for (const Finding& f : findings) {
    const std::string where = f.file.empty() ? "" : fmt::format("{}:{}:{}: ", f.file, f.line, f.column);
    fmt::print(out, "    {}{}: {} [{}]\n", where, f.severity, f.message, f.code);
  }
}
}  // namespace

std::string diff_summary(const DiffReport& r) {
  std::size_t weakening = 0;
  for (const ConfigDiff& c : r.configs) weakening += c.weakens() ? 1 : 0;
  return fmt::format("{} of {} config{} changed, {} weaken{} TLS", r.configs.size(), r.compared,
                     r.compared == 1 ? "" : "s", weakening, weakening == 1 ? "s" : "");
}

std::string scope_title(const ScopeDiff& s) {
  std::string t = s.destination.empty() ? "service " + s.service : fmt::format("{} → {}", s.service, s.destination);
  if (s.presence == ScopeDiff::Presence::added) t += " (added)";
  if (s.presence == ScopeDiff::Presence::removed) t += " (removed)";
  return t;
}

void write_diff_text(const DiffReport& r, std::FILE* out) {
  fmt::print(out, "pflint diff {} → {}\n", r.was_label, r.now_label);
  for (const ConfigDiff& c : r.configs) {
    std::string where = c.was_dir.empty() ? "added" : c.now_dir.empty() ? "removed" : "";
    fmt::print(out, "\nconfig {}{}\n", c.name, where.empty() ? "" : " (" + where + ")");
    for (const ScopeDiff& s : c.scopes) {
      fmt::print(out, "  {}\n", scope_title(s));
      for (const Change& ch : s.changes) {
        fmt::print(out, "    {:<12} {}\n", ch.item, side_text(ch.was));
        fmt::print(out, "    {:<12} {}\n", "  →", side_text(ch.now));
        if (!ch.weakening.empty()) fmt::print(out, "    {:<12} WEAKENS: {}\n", "", ch.weakening);
      }
    }
    finding_rows(out, "findings added", c.findings.added);
    finding_rows(out, "findings resolved", c.findings.resolved);
  }
  fmt::print(out, "\n{}\n", diff_summary(r));
}

}  // namespace pflint::report
