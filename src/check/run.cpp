// NAME
//   run — checking config sets with the rule engine.
#include "check/run.hpp"

#include <sched.h>

#include <algorithm>
#include <thread>

#include "check/ordered_pool.hpp"
#include "lint/suppression.hpp"

namespace pflint::check {

unsigned default_jobs() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
  return std::max(1U, std::thread::hardware_concurrency());
}

std::vector<lint::Rule> rules_run(std::span<const lint::Rule> rules, const CheckOptions& options) {
  std::vector<lint::Rule> out;
  for (const lint::Rule& r : rules) {
    if (lint::is_selected(*r.info, options.engine) && r.info->applies_to(options.version)) out.push_back(r);
  }
  return out;
}

std::unique_ptr<CheckedConfig> check_config_set(const ConfigSet& set, const CheckOptions& options,
                                                std::span<const lint::Rule> rules, std::vector<std::string>& errors,
                                                std::vector<Skipped>* skipped) {
  auto checked = std::make_unique<CheckedConfig>();
  std::size_t templates = 0;
  config::FileFilter keep;
  if (set.skip_templates) {
    keep = [&](const syntax::SourceFile& file) {
      if (!looks_like_template_text(file.text())) return true;
      if (skipped != nullptr) skipped->push_back({file.path(), std::string(template_text_reason)});
      ++templates;
      return false;
    };
  }
  checked->files = config::load_config_files(set.dir, set.main_path, set.master_path, keep, set.files);
  const std::size_t named = (set.main_path ? 1 : 0) + (set.master_path ? 1 : 0);
  if (templates != 0 && templates == named) return nullptr;
  if (!checked->files.main_error.empty()) errors.push_back(checked->files.main_error);
  if (!checked->files.master_error.empty()) errors.push_back(checked->files.master_error);

  return check_loaded(std::move(checked->files), options, rules, set.only_file);
}

std::unique_ptr<CheckedConfig> check_loaded(config::ConfigDir files, const CheckOptions& options,
                                            std::span<const lint::Rule> rules,
                                            const std::optional<std::string>& only_file) {
  auto checked = std::make_unique<CheckedConfig>();
  checked->files = std::move(files);
  checked->model = std::make_unique<model::Model>(checked->files,
                                                  model::ModelOptions{options.version, options.compatibility_level});
  checked->tls = tls::build_tls_model(*checked->model);
  std::vector<lint::Diagnostic> findings = lint::run_rules(*checked->model, &checked->tls, rules, options.engine);

  std::vector<lint::Suppression> suppressions;
  for (const auto* file : {&checked->files.main_file, &checked->files.master_file}) {
    if (!*file) continue;
    auto found = lint::find_suppressions(**file, findings);
    suppressions.insert(suppressions.end(), std::make_move_iterator(found.begin()),
                        std::make_move_iterator(found.end()));
  }
  const std::vector<lint::Rule> ran = rules_run(rules, options);
  lint::apply_suppressions(findings, suppressions, ran);

  if (only_file) {
    std::erase_if(findings, [&](const lint::Diagnostic& d) { return d.file && d.file->path() != *only_file; });
  }
  checked->findings = std::move(findings);
  return checked;
}

namespace {

// start_run - the run's discovery; finish_run - its skipped files in one order.
CheckRun start_run(const std::vector<std::string>& paths, bool include_templates, std::vector<ConfigSet>& sets) {
  CheckRun run;
  Discovery found = discover(paths, include_templates);
  run.skipped = std::move(found.skipped);
  run.errors = std::move(found.errors);
  sets = std::move(found.sets);
  return run;
}

void finish_run(CheckRun& run) {
  // Skipped files were found both by the walk (by name, in directory order)
  // and while loading (by content): one order, whatever the file system's.
  std::stable_sort(run.skipped.begin(), run.skipped.end(),
                   [](const Skipped& a, const Skipped& b) { return a.path < b.path; });
}

// One config set checked on a worker: what it adds to the run.
struct SetResult {
  std::unique_ptr<CheckedConfig> checked;
  std::vector<std::string> errors;
  std::vector<Skipped> skipped;
};

}  // namespace

CheckRun run_sets(const std::vector<std::string>& paths, bool include_templates, const SetHandler& each) {
  std::vector<ConfigSet> sets;
  CheckRun run = start_run(paths, include_templates, sets);
  for (const ConfigSet& set : sets) each(set, run);
  finish_run(run);
  return run;
}

CheckRun run_check(const std::vector<std::string>& paths, const CheckOptions& options,
                   std::span<const lint::Rule> rules, const CheckedHandler& each, const OptionsFor& options_for) {
  std::vector<ConfigSet> sets;
  CheckRun run = start_run(paths, options.include_templates, sets);
  ordered_parallel(
      sets.size(), options.jobs,
      [&](std::size_t i) {
        SetResult r;
        std::string error;
        const CheckOptions* set_options = options_for ? options_for(sets[i], error) : &options;
        if (set_options == nullptr) {
          r.errors.push_back(error);
          return r;
        }
        r.checked = check_config_set(sets[i], *set_options, rules, r.errors, &r.skipped);
        return r;
      },
      [&](std::size_t, SetResult r) {
        run.errors.insert(run.errors.end(), std::make_move_iterator(r.errors.begin()),
                          std::make_move_iterator(r.errors.end()));
        run.skipped.insert(run.skipped.end(), std::make_move_iterator(r.skipped.begin()),
                           std::make_move_iterator(r.skipped.end()));
        if (!r.checked) return;
        run.checked.push_back(r.checked->files.dir);
        each(*r.checked);
      });
  finish_run(run);
  return run;
}

}  // namespace pflint::check
