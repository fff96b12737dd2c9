// NAME
//   fix_config — apply the fixes that the findings of one config set carry.
// DESCRIPTION
//   fix_config_set() checks the set as `pflint check` does (same selection,
//   suppressions, single-file restriction), then repeats: take, of each
//   finding, its first fix that is allowed (safe ones, unsafe ones too with
//   allow_unsafe), skip a fix whose edits conflict with each other or with a
//   fix already taken in this pass, apply the taken fixes to the text in
//   memory, re-check. It stops when a pass takes nothing or after
//   max_passes passes (a fix that keeps offering itself cannot loop for
//   ever, as with ruff's fix loop). Each fix is applied whole or not at all.
//   A fix that would leave a file with a fatal syntax error (one Postfix
//   refuses to read: PF1001, PF1002, PF1005) is dropped, and a file that
//   has one to begin with is never edited. Nothing is written here: the
//   caller gets the old and new text of each changed file.
// SEE ALSO
//   src/fix/apply_edits.hpp, src/check/run.hpp, src/cli/cmd_check.cpp.
#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "check/run.hpp"

namespace pflint::fix {

struct FixOptions {
  check::CheckOptions check;
  bool allow_unsafe = false;
  int max_passes = 10;
};

struct FileChange {
  std::string path;
  std::string before;
  std::string after;
};

struct FixResult {
  std::vector<FileChange> changes;                // only files whose text changed
  std::map<std::string, int> fixed;               // findings fixed, per code
  int passes = 0;                                 // passes that applied something
  std::unique_ptr<check::CheckedConfig> checked;  // the last check: the findings that remain
};

// fix_config_set - fix one config set in memory; nullptr `checked` (and no
// changes) when check_config_set() found no file to check.
FixResult fix_config_set(const check::ConfigSet& set, const FixOptions& options, std::span<const lint::Rule> rules,
                         std::vector<std::string>& errors, std::vector<check::Skipped>* skipped = nullptr);

// fix_checked - the same loop from a config set already checked (by
// check_config_set, or check::check_loaded on text in memory, as the fuzzer
// does); only_file as in check::check_loaded.
FixResult fix_checked(std::unique_ptr<check::CheckedConfig> checked, const FixOptions& options,
                      std::span<const lint::Rule> rules, const std::optional<std::string>& only_file);

}  // namespace pflint::fix
