// NAME
//   run — one `pflint check` run: discover config sets, check each, collect.
// DESCRIPTION
//   For each config set: load and parse its files, build the model (target
//   version, compatibility level) and the TLS model, run the selected rules,
//   apply inline suppressions, and keep the findings (only those of the
//   named file when a single file was given). The CLI and the language
//   server both call check_config_set(). run_check() hands each checked
//   config to the caller and frees it before the next, so a repository of
//   thousands of configs is checked in the memory of one.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "check/discover.hpp"
#include "config/config_dir.hpp"
#include "lint/diagnostic.hpp"
#include "lint/engine.hpp"
#include "lint/rule.hpp"
#include "model/model.hpp"
#include "params/version.hpp"
#include "tls/tls_model.hpp"

namespace pflint::check {

struct CheckOptions {
  params::Version version = params::default_version();
  std::optional<std::string> compatibility_level;
  lint::EngineOptions engine;
  bool include_templates = false;
  // run_check: config sets checked at once on worker threads (the report
  // order and bytes stay those of 1); 0 or 1: one at a time, on the caller's.
  unsigned jobs = 1;
};

// One checked config set. Findings point into `files` and into the policy
// tables the TLS model read, so all three live (and die) together.
struct CheckedConfig {
  config::ConfigDir files;
  std::unique_ptr<model::Model> model;
  tls::TlsModel tls;
  std::vector<lint::Diagnostic> findings;
};

struct CheckRun {
  std::vector<std::string> checked;  // the directory of every config set checked
  std::vector<Skipped> skipped;
  std::vector<std::string> errors;  // I/O problems: each makes the exit status 2
};

// check_config_set - check one config set. Files that turn out to be
// templates (set.skip_templates) are left out and added to `skipped`;
// nullptr when no file was left to check.
std::unique_ptr<CheckedConfig> check_config_set(const ConfigSet& set, const CheckOptions& options,
                                                std::span<const lint::Rule> rules, std::vector<std::string>& errors,
                                                std::vector<Skipped>* skipped = nullptr);

// check_loaded - check a config set whose files are already loaded (by
// check_config_set, or from edited text by the fixer); with only_file, keep
// the findings of that file (and those of no file) only.
std::unique_ptr<CheckedConfig> check_loaded(config::ConfigDir files, const CheckOptions& options,
                                            std::span<const lint::Rule> rules,
                                            const std::optional<std::string>& only_file);

// Receives each checked config; it is freed when the call returns.
using CheckedHandler = std::function<void(const CheckedConfig&)>;

// Checks one discovered config set inside run_sets(), adding to run.checked,
// run.errors and run.skipped as it goes.
using SetHandler = std::function<void(const ConfigSet&, CheckRun& run)>;

// run_sets - discover the config sets under `paths` and hand them over one by
// one; the skipped files come back sorted by path.
CheckRun run_sets(const std::vector<std::string>& paths, bool include_templates, const SetHandler& each);

// The options one config set is checked with (nullptr with an error: the
// set is not checked and the error joins run.errors). Called from the
// worker threads.
using OptionsFor = std::function<const CheckOptions*(const ConfigSet&, std::string& error)>;

// run_check - discover the config sets under `paths`, check them
// (options.jobs at a time) and hand them to `each` in discovery order;
// each set with options_for(set) when given, else with `options`.
CheckRun run_check(const std::vector<std::string>& paths, const CheckOptions& options,
                   std::span<const lint::Rule> rules, const CheckedHandler& each,
                   const OptionsFor& options_for = {});

// default_jobs - the cores this process may run on (its CPU affinity: 1
// under `taskset -c 0`), at least 1.
unsigned default_jobs();

// rules_run - the rules a run with these options executes.
std::vector<lint::Rule> rules_run(std::span<const lint::Rule> rules, const CheckOptions& options);

}  // namespace pflint::check
