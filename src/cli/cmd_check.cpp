// NAME
//   cmd_check — `pflint check`: the linter and CI gate.
// DESCRIPTION
//   Discovers config sets under the PATH arguments (or -c DIR, $MAIL_CONFIG,
//   /etc/postfix), checks each with the rule catalog, prints the findings in
//   the chosen format, and returns the exit status: 0 nothing at or above
//   --fail-on, 1 findings at or above it, 2 usage or I/O errors, or a fatal
//   parse error (a file that Postfix itself cannot read).
//   With --fix the fixes of the findings are applied first (safe ones; with
//   --unsafe-fixes all) and the files replaced atomically; the report shows
//   what remains. --diff prints the changes as a unified diff instead and
//   writes nothing: exit status 1 when there are changes, 0 when none.
#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>

#include "check/baseline.hpp"
#include "check/run.hpp"
#include "check/settings.hpp"
#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "fix/fix_config.hpp"
#include "postconf/atomic_file.hpp"
#include "report/fix_summary.hpp"
#include "report/reporter.hpp"
#include "report/unified_diff.hpp"
#include "rules/registry.hpp"

namespace pflint::cli {
namespace {

// Rules whose findings mean Postfix cannot read the file at all.
bool is_fatal_parse_error(std::string_view code) { return code == "PF1001" || code == "PF1002" || code == "PF1005"; }

bool use_color(const std::string& mode, const std::optional<std::string>& output) {
  if (mode == "always") return true;
  if (mode == "never" || output) return false;
  return ::isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
}

// diff_path - the path shown after a/ and b/ (no doubled slash for an absolute one).
std::string_view diff_path(std::string_view path) {
  while (path.starts_with('/')) path.remove_prefix(1);
  return path;
}

// command_line_settings - the settings the command line (and the
// environment) gives; they win over .pflint.toml.
check::ProjectSettings command_line_settings(const CheckCommandOptions& o) {
  check::ProjectSettings s;
  const std::string cli = "command line";
  if (!o.select.empty()) s.select = check::Sourced<std::vector<std::string>>{o.select, cli};
  if (!o.ignore.empty()) s.ignore = check::Sourced<std::vector<std::string>>{o.ignore, cli};
  if (o.fail_on) s.fail_on = check::Sourced<std::string>{*o.fail_on, cli};
  if (o.target.postfix_version) {
    s.postfix_version = check::Sourced<std::string>{*o.target.postfix_version, cli};
  } else if (const char* env = std::getenv("PFLINT_POSTFIX_VERSION"); env && *env) {
    s.postfix_version = check::Sourced<std::string>{env, "$PFLINT_POSTFIX_VERSION"};
  }
  if (o.target.compatibility_level) s.compatibility_level = check::Sourced<std::string>{*o.target.compatibility_level, cli};
  if (o.include_templates) s.include_templates = check::Sourced<bool>{true, cli};
  if (o.baseline) s.baseline = check::Sourced<std::string>{*o.baseline, cli};
  return s;
}

}  // namespace

void add_check_command(CLI::App& app, CheckCommandOptions& options) {
  CLI::App* cmd = app.add_subcommand("check", "Lint main.cf/master.cf: findings with stable rule codes, CI exit status");
  cmd->add_option("paths", options.paths,
                  "Config directories, single main.cf/master.cf files, or repositories to search recursively");
  cmd->add_option("-c,--config-directory", options.config_dir, "Config directory, as with postconf -c");
  add_version_options(*cmd, options.target);
  // One value per flag (repeatable), so `--ignore PF5007 DIR` keeps DIR a path.
  add_list_option(*cmd, "--select", options.select,
                  "Only these rule codes or prefixes (comma-separated; e.g. PF3,PF2001)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  add_list_option(*cmd, "--ignore", options.ignore, "Leave out these rule codes or prefixes (comma-separated)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--fail-on", options.fail_on, "Lowest severity that makes the exit status 1 (default: warning)")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  cmd->add_option("--format", options.format, "Output format (default: text)")
      ->check(CLI::IsMember({"text", "gcc", "json", "sarif", "github"}));
  cmd->add_option("--output", options.output, "Write the report to this file (atomically) instead of stdout");
  cmd->add_option("--color", options.color, "Colour in text output: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_flag("--include-templates", options.include_templates,
                "Also check files that look like Jinja/ERB templates (skipped by default)");
  cmd->add_flag("--fix", options.fix, "Apply the safe fixes of the findings, then report what remains");
  cmd->add_flag("--unsafe-fixes", options.unsafe_fixes, "With --fix or --diff: apply unsafe fixes too");
  cmd->add_flag("--diff", options.diff,
                "Print the changes --fix would make as a unified diff; write nothing (exit 1 if any)");
  cmd->add_option("--baseline", options.baseline,
                  "Leave out the findings recorded in this baseline file (and count the stale entries)");
  cmd->add_option("--write-baseline", options.write_baseline,
                  "Record every finding in this baseline file (exit status 0 unless an error)")
      ->excludes("--baseline");
  CLI::Option* config = cmd->add_option("--config", options.project_config,
                                        "Use this project config file for every path instead of the nearest .pflint.toml");
  cmd->add_flag("--no-config", options.no_config, "Read no .pflint.toml")->excludes(config);
  cmd->add_flag("--show-settings", options.show_settings,
                "Print the settings that apply to each PATH and where each value comes from; check nothing");
  cmd->add_option("-j,--jobs", options.jobs,
                  "Check this many configs in parallel (default: the number of cores); same report as -j 1")
      ->check(CLI::PositiveNumber);
}

int run_check(const CheckCommandOptions& options) {
  std::vector<std::string> paths = options.paths;
  if (options.config_dir) paths.push_back(*options.config_dir);
  if (paths.empty()) {
    const char* env = std::getenv("MAIL_CONFIG");
    paths.emplace_back(env && *env ? env : "/etc/postfix");
  }

  // Settings: command line over the nearest .pflint.toml (or --config) over
  // the defaults; per config set for the checks, the first PATH's for the run.
  using Source = check::Settings::Source;
  check::Settings settings(command_line_settings(options),
                           options.no_config ? Source::none : options.project_config ? Source::file : Source::nearest,
                           options.project_config);
  std::string error;
  if (options.show_settings) {
    for (const std::string& path : paths) {
      const auto applied = settings.for_dir(path, error);
      if (!applied) {
        fmt::print(stderr, "pflint: error: {}\n", error);
        return 2;
      }
      fmt::print("{}:\n{}", path, check::describe(*applied));
    }
    return 0;
  }
  const std::optional<check::ProjectSettings> run_settings = settings.for_dir(paths.front(), error);
  check::CheckOptions check_options;
  if (!run_settings || !check::to_check_options(*run_settings, check_options, error)) {
    fmt::print(stderr, "pflint: error: {}\n", error);
    return 2;
  }
  check_options.jobs = options.jobs.value_or(check::default_jobs());
  const std::string fail_on = run_settings->fail_on ? run_settings->fail_on->value : "warning";
  const std::optional<std::string> baseline_path =
      run_settings->baseline ? std::optional(run_settings->baseline->value) : std::nullopt;

  std::optional<check::Baseline> baseline;
  if (baseline_path && !options.write_baseline && !(baseline = check::Baseline::load(*baseline_path, error))) {
    fmt::print(stderr, "pflint: error: {}\n", error);
    return 2;
  }
  check::BaselineWriter recorded;

  const auto rules = rules::all_rules();
  report::Format format = report::Format::text;
  report::parse_format(options.format, format);
  const report::ReportHeader header{rules, PFLINT_VERSION, use_color(options.color, options.output)};
  lint::Severity threshold = lint::Severity::warning;
  lint::parse_severity(fail_on, threshold);

  // Each config is reported as soon as it is checked (and fixed), then freed.
  check::CheckRun run;
  bool fatal = false;
  bool failing = false;
  bool changed = false;
  std::size_t remaining = 0;
  std::map<std::string, int> fixed;
  std::string diff;
  const auto add = [&](report::ReportStream* report, const check::CheckedConfig& config) {
    std::vector<lint::Diagnostic> unrecorded;
    if (baseline) unrecorded = check::without_baselined(config.findings, *baseline);
    const std::span<const lint::Diagnostic> findings = baseline ? unrecorded : config.findings;
    if (options.write_baseline) {
      for (const lint::Diagnostic& d : findings) recorded.add(d);
    }
    if (report != nullptr) report->add(findings);
    remaining += findings.size();
    for (const lint::Diagnostic& d : findings) {
      fatal = fatal || is_fatal_parse_error(d.code);
      failing = failing || d.severity <= threshold;
    }
  };
  fix::FixOptions fix_options{check_options, options.unsafe_fixes};
  const auto fix_set = [&](report::ReportStream* report, const check::ConfigSet& set, check::CheckRun& r) {
    fix::FixResult result = fix::fix_config_set(set, fix_options, rules, r.errors, &r.skipped);
    if (!result.checked) return;
    r.checked.push_back(result.checked->files.dir);
    for (const auto& [code, n] : result.fixed) fixed[code] += n;
    for (const fix::FileChange& c : result.changes) {
      changed = true;
      if (options.diff) {
        diff += report::unified_diff(diff_path(c.path), c.before, c.after);
      } else if (auto e = postconf::edits::replace_file_if_unchanged(c.path, c.before, c.after)) {
        r.errors.push_back(*e);
      }
    }
    add(report, *result.checked);
  };
  const auto write = [&](std::FILE* out) {
    // --diff prints the diff instead of the report.
    const auto report = options.diff ? nullptr : report::open_report(format, header, out);
    if (options.fix || options.diff) {
      run = check::run_sets(paths, check_options.include_templates,
                            [&](const check::ConfigSet& set, check::CheckRun& r) { fix_set(report.get(), set, r); });
    } else {
      run = check::run_check(
          paths, check_options, rules, [&](const check::CheckedConfig& config) { add(report.get(), config); },
          [&](const check::ConfigSet& set, std::string& why) { return settings.options_for(set, why); });
    }
    if (options.diff) {
      fmt::print(out, "{}", diff);
      for (const std::string& e : run.errors) fmt::print(stderr, "pflint: error: {}\n", e);
      fmt::print(stderr, "pflint: {}\n", report::fix_summary(fixed, remaining, true));
      return;
    }
    for (const std::string& e : run.errors) fmt::print(stderr, "pflint: error: {}\n", e);
    report::ReportTail tail;
    for (const auto& s : run.skipped) tail.skipped.push_back({s.path, s.reason});
    tail.checked = std::move(run.checked);
    report->finish(tail);
    if (options.fix) fmt::print(stderr, "pflint: {}\n", report::fix_summary(fixed, remaining, false));
  };
  if (!write_output(options.output, write, error)) {
    fmt::print(stderr, "pflint: error: {}\n", error);
    return 2;
  }

  if (baseline) {
    fmt::print(stderr, "pflint: baseline {}: left out {} recorded findings; {} entries stale (no longer found)\n",
               *baseline_path, baseline->matched(), baseline->stale());
  }
  if (options.write_baseline) {
    const std::string text = recorded.text();
    if (!write_output(options.write_baseline, [&](std::FILE* out) { std::fputs(text.c_str(), out); }, error)) {
      fmt::print(stderr, "pflint: error: {}\n", error);
      return 2;
    }
    fmt::print(stderr, "pflint: wrote {} findings to the baseline {}\n", recorded.size(), *options.write_baseline);
  }
  if (!run.errors.empty()) return 2;
  if (options.write_baseline) return fatal ? 2 : 0;
  if (options.diff) return changed ? 1 : 0;
  if (fatal) return 2;
  if (fail_on == "never") return 0;
  return failing ? 1 : 0;
}

}  // namespace pflint::cli
