// NAME
//   run_diff — pairing, checking and comparing the configs of two sides
//   (see run_diff.hpp).
#include "diff/run_diff.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

namespace pflint::diff {
namespace {

// name_of - a config's directory relative to the side's root.
std::string name_of(const check::ConfigSet& set, const std::string& root) {
  std::error_code ec;
  std::filesystem::path base(root);
  if (std::filesystem::is_regular_file(base, ec)) base = base.parent_path();
  std::string rel = std::filesystem::path(set.dir).lexically_relative(base.empty() ? "." : base).string();
  return rel.empty() ? "." : rel;
}

struct Pair {
  const check::ConfigSet* was = nullptr;
  const check::ConfigSet* now = nullptr;
};

std::map<std::string, Pair> pair_up(const DiffSide& was, const DiffSide& now) {
  std::map<std::string, Pair> pairs;
  if (was.found.sets.size() == 1 && now.found.sets.size() == 1) {
    pairs[name_of(now.found.sets.front(), now.root)] = {&was.found.sets.front(), &now.found.sets.front()};
    return pairs;
  }
  for (const check::ConfigSet& s : was.found.sets) pairs[name_of(s, was.root)].was = &s;
  for (const check::ConfigSet& s : now.found.sets) pairs[name_of(s, now.root)].now = &s;
  return pairs;
}

const std::vector<lint::Diagnostic>& findings_of(const std::unique_ptr<check::CheckedConfig>& c) {
  static const std::vector<lint::Diagnostic> none;
  return c ? c->findings : none;
}
}  // namespace

bool ConfigDiff::weakens() const {
  return std::any_of(scopes.begin(), scopes.end(), [](const ScopeDiff& s) { return s.weakens(); });
}

bool DiffReport::weakens() const {
  return std::any_of(configs.begin(), configs.end(), [](const ConfigDiff& c) { return c.weakens(); });
}

DiffReport run_diff(const DiffSide& was, const DiffSide& now, const check::CheckOptions& options,
                    std::span<const lint::Rule> rules, const UnchangedTest& unchanged) {
  DiffReport report;
  report.was_label = was.label;
  report.now_label = now.label;
  for (const DiffSide* side : {&was, &now}) {
    report.errors.insert(report.errors.end(), side->found.errors.begin(), side->found.errors.end());
    report.skipped.insert(report.skipped.end(), side->found.skipped.begin(), side->found.skipped.end());
  }
  const tls::TlsModel empty;
  for (const auto& [name, pair] : pair_up(was, now)) {
    ++report.compared;
    std::unique_ptr<check::CheckedConfig> a, b;
    if (pair.was) a = check::check_config_set(*pair.was, options, rules, report.errors, &report.skipped);
    if (pair.was && unchanged && unchanged() && pair.now) {
      ++report.skipped_unchanged;
      continue;
    }
    if (pair.now) b = check::check_config_set(*pair.now, options, rules, report.errors, &report.skipped);
    if (!a && !b) continue;
    ConfigDiff d;
    d.name = name;
    if (a) d.was_dir = a->files.dir;
    if (b) d.now_dir = b->files.dir;
    d.scopes = diff_policies(a ? a->tls : empty, b ? b->tls : empty);
    d.findings = diff_findings(findings_of(a), d.was_dir, findings_of(b), d.now_dir);
    if (d.changed() || !a || !b) report.configs.push_back(std::move(d));
  }
  std::stable_sort(report.skipped.begin(), report.skipped.end(),
                   [](const check::Skipped& x, const check::Skipped& y) { return x.path < y.path; });
  return report;
}

}  // namespace pflint::diff
