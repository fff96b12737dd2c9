// NAME
//   baseline — findings recorded once, so a check reports only new ones.
// DESCRIPTION
//   `pflint check --write-baseline FILE` records every finding's identity
//   (lint/identity.hpp: code, file, subject, normalised message; no line
//   numbers); `--baseline FILE` then leaves out the findings it holds, each
//   entry covering one finding, and counts the entries no finding matched
//   (stale: fixed since). The file is JSON (docs/baseline.md):
//     {"pflint_baseline": 1, "findings": [{"fingerprint": ..., "code": ...,
//      "file": ..., "subject": ..., "message": ...}, ...]}
//   sorted by file, code, subject and message, so it diffs well in review.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "lint/diagnostic.hpp"
#include "lint/identity.hpp"

namespace pflint::check {

class Baseline {
 public:
  // load - read FILE; nullopt with "FILE: ..." in `error` when it cannot be
  // read or is not a baseline.
  static std::optional<Baseline> load(const std::string& path, std::string& error);

  // covers - is `d` one of the recorded findings not yet matched? (Then it
  // is matched now.)
  bool covers(const lint::Diagnostic& d);
  [[nodiscard]] std::size_t matched() const { return matched_; }
  [[nodiscard]] std::size_t stale() const { return total_ - matched_; }

 private:
  std::unordered_map<std::string, std::size_t> left_;  // fingerprint -> entries not matched yet
  std::size_t total_ = 0;
  std::size_t matched_ = 0;
};

// without_baselined - the findings `baseline` does not cover.
std::vector<lint::Diagnostic> without_baselined(std::span<const lint::Diagnostic> findings, Baseline& baseline);

// Collects findings for --write-baseline.
class BaselineWriter {
 public:
  void add(const lint::Diagnostic& d) { entries_.push_back(lint::identity_of(d)); }
  [[nodiscard]] std::size_t size() const { return entries_.size(); }
  // text - the baseline file.
  [[nodiscard]] std::string text() const;

 private:
  std::vector<lint::FindingIdentity> entries_;
};

}  // namespace pflint::check
