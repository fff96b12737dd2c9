// NAME
//   run_diff — `pflint diff` as a library: pair the configs of two sides,
//   check both with the same pipeline, and compare their TLS models and
//   findings.
// DESCRIPTION
//   A side is a discovery (check::discover or check::discover_files) with a
//   root that names its configs: configs are paired by their directory
//   relative to the root (when each side has exactly one config, those two
//   are paired whatever their names). Each side of a pair is checked with
//   check::check_config_set (its ConfigSet says which FileSource reads it),
//   then the pair is compared (policy_diff, findings_diff) and freed before
//   the next, so memory stays that of two configs.
//   An optional `unchanged` test, asked after the old side of a pair is
//   checked, lets the caller skip the new side when none of the files the
//   old side read has changed (a Git diff knows that without reading them).
// DIAGNOSTICS
//   Unreadable files go to DiffReport::errors, templates to ::skipped, as
//   with `pflint check`.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "check/discover.hpp"
#include "check/run.hpp"
#include "diff/findings_diff.hpp"
#include "diff/policy_diff.hpp"

namespace pflint::diff {

struct ConfigDiff {
  std::string name;     // directory relative to its side's root ("." for the root)
  std::string was_dir;  // empty: no such config on the old side
  std::string now_dir;  // empty: none on the new side
  std::vector<ScopeDiff> scopes;
  FindingsDiff findings;
  [[nodiscard]] bool weakens() const;
  [[nodiscard]] bool changed() const { return !scopes.empty() || !findings.added.empty() || !findings.resolved.empty(); }
};

struct DiffSide {
  std::string label;  // "HEAD~1", "working tree", or the directory given
  std::string root;
  check::Discovery found;
};

struct DiffReport {
  std::string was_label;
  std::string now_label;
  std::vector<ConfigDiff> configs;  // only the changed ones, by name
  std::size_t compared = 0;         // config pairs (or lone configs) looked at
  std::size_t skipped_unchanged = 0;  // pairs whose new side was not checked: nothing it reads changed
  std::vector<std::string> errors;
  std::vector<check::Skipped> skipped;
  [[nodiscard]] bool weakens() const;
};

// Called right after the old side of a pair is checked: true when the new
// side reads the very same bytes (so nothing can differ).
using UnchangedTest = std::function<bool()>;

DiffReport run_diff(const DiffSide& was, const DiffSide& now, const check::CheckOptions& options,
                    std::span<const lint::Rule> rules, const UnchangedTest& unchanged = {});

}  // namespace pflint::diff
