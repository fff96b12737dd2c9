// NAME
//   cmd_check — `pflint check`: the linter and CI gate.
// DESCRIPTION
//   Discovers config sets under the PATH arguments (or -c DIR, $MAIL_CONFIG,
//   /etc/postfix), checks each with the rule catalog, prints the findings in
//   the chosen format, and returns the exit status: 0 nothing at or above
//   --fail-on, 1 findings at or above it, 2 usage or I/O errors, or a fatal
//   parse error (a file that Postfix itself cannot read).
#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "check/run.hpp"
#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "report/reporter.hpp"
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
}

int run_check(const CheckCommandOptions& options) {
  check::CheckOptions check_options;
  std::string error;
  if (!resolve_version_options(options.target, check_options.version, check_options.compatibility_level, error)) {
    fmt::print(stderr, "pflint: error: {}\n", error);
    return 2;
  }
  check_options.engine.select = options.select;
  check_options.engine.ignore = options.ignore;
  check_options.include_templates = options.include_templates;

  std::vector<std::string> paths = options.paths;
  if (options.config_dir) paths.push_back(*options.config_dir);
  if (paths.empty()) {
    const char* env = std::getenv("MAIL_CONFIG");
    paths.emplace_back(env && *env ? env : "/etc/postfix");
  }

  const auto rules = rules::all_rules();
  report::Format format = report::Format::text;
  report::parse_format(options.format, format);
  const report::ReportHeader header{rules, PFLINT_VERSION, use_color(options.color, options.output)};
  lint::Severity threshold = lint::Severity::warning;
  lint::parse_severity(options.fail_on, threshold);

  // Each config is reported as soon as it is checked, then freed.
  check::CheckRun run;
  bool fatal = false;
  bool failing = false;
  const auto write = [&](std::FILE* out) {
    const auto report = report::open_report(format, header, out);
    run = check::run_check(paths, check_options, rules, [&](const check::CheckedConfig& config) {
      report->add(config.findings);
      for (const lint::Diagnostic& d : config.findings) {
        fatal = fatal || is_fatal_parse_error(d.code);
        failing = failing || d.severity <= threshold;
      }
    });
    for (const std::string& e : run.errors) fmt::print(stderr, "pflint: error: {}\n", e);
    report::ReportTail tail;
    for (const auto& s : run.skipped) tail.skipped.push_back({s.path, s.reason});
    tail.checked = std::move(run.checked);
    report->finish(tail);
  };
  if (!write_output(options.output, write, error)) {
    fmt::print(stderr, "pflint: error: {}\n", error);
    return 2;
  }

  if (!run.errors.empty() || fatal) return 2;
  if (options.fail_on == "never") return 0;
  return failing ? 1 : 0;
}

}  // namespace pflint::cli
