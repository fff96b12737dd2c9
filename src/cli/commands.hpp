// NAME
//   commands — the subcommands of the pflint executable.
// DESCRIPTION
//   Each subcommand registers its options on a CLI11 app and returns the
//   process exit status from its run function: 0 clean, 1 findings, 2 usage
//   or I/O errors. postconf is dispatched before CLI11, because it keeps
//   postconf(1)'s own getopt-style flags.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "params/version.hpp"

namespace pflint::cli {

struct ParseOptions {
  bool json = false;
  std::string kind = "auto";
  std::vector<std::string> files;
};
void add_parse_command(CLI::App& app, ParseOptions& options);
int run_parse(const ParseOptions& options);

// run_postconf - `pflint postconf ARGS`: argv[first..] are postconf's arguments.
int run_postconf(int argc, char** argv, int first);

// --postfix-version (or $PFLINT_POSTFIX_VERSION) and --compatibility-level,
// shared by the commands that build a config model.
struct VersionOptions {
  std::optional<std::string> postfix_version;
  std::optional<std::string> compatibility_level;
};
void add_version_options(CLI::App& command, VersionOptions& options);
// resolve_version_options - the target version (default: params::default_version());
// false with `error` for a malformed version or level.
bool resolve_version_options(const VersionOptions& options, params::Version& version,
                             std::optional<std::string>& compatibility_level, std::string& error);

// add_list_option - a repeatable option of comma-separated lists, appended
// to `values` item by item; empty items are dropped (list_option.cpp).
CLI::Option* add_list_option(CLI::App& command, const std::string& name, std::vector<std::string>& values,
                             const std::string& description);

struct CheckCommandOptions {
  std::vector<std::string> paths;
  std::optional<std::string> config_dir;
  VersionOptions target;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::optional<std::string> fail_on;  // default: .pflint.toml's, else warning
  std::string format = "text";
  std::optional<std::string> output;
  std::string color = "auto";
  bool include_templates = false;
  bool fix = false;           // --fix: write the fixed files
  bool unsafe_fixes = false;  // --unsafe-fixes: unsafe fixes too
  bool diff = false;          // --diff: print what --fix would change
  std::optional<std::string> baseline;        // --baseline FILE: leave out the findings it records
  std::optional<std::string> write_baseline;  // --write-baseline FILE: record today's findings
  std::optional<std::string> project_config;  // --config FILE: this .pflint.toml for every path
  bool no_config = false;                     // --no-config: no .pflint.toml at all
  bool show_settings = false;                 // --show-settings: print what applies to each PATH
  std::optional<unsigned> jobs;  // -j N: config sets checked in parallel (default: the cores)
};
void add_check_command(CLI::App& app, CheckCommandOptions& options);
int run_check(const CheckCommandOptions& options);

struct RulesCommandOptions {
  std::string format = "text";
  std::string code;                         // explain: the rule to print
  std::optional<std::string> write_docs;    // rules --write-docs DIR
  std::optional<std::string> check_docs;    // rules --check-docs DIR
};
void add_rules_commands(CLI::App& app, RulesCommandOptions& options);
int run_rules(const RulesCommandOptions& options);
int run_explain(const RulesCommandOptions& options);

struct PolicyOptions {
  std::string config_dir = "/etc/postfix";
  std::string format = "text";
  VersionOptions target;
};
void add_policy_command(CLI::App& app, PolicyOptions& options);
int run_policy(const PolicyOptions& options);

struct DiffOptions {
  std::vector<std::string> paths;   // OLD NEW, or with --git the paths to compare
  std::optional<std::string> git;   // REV or REV..REV
  std::string format = "text";
  std::optional<std::string> output;
  bool fail_on_weaken = false;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  bool include_templates = false;
  VersionOptions target;
};
void add_diff_command(CLI::App& app, DiffOptions& options);
int run_diff(const DiffOptions& options);

struct SimulateOptions {
  std::optional<std::string> config_dir;
  std::vector<std::string> services;
  std::vector<std::string> destinations;
  std::vector<std::string> scenarios;
  std::string scenario_file;
  bool all_levels = false;
  std::string format = "text";
  std::vector<std::string> expect;
  std::vector<std::string> serve;
  unsigned port = 0;
  std::string pki_dir;
  unsigned serve_seconds = 0;
  std::string connect;
  std::string mx_host;
  double timeout = 10;
  unsigned jobs = 0;
  VersionOptions target;
};
void add_simulate_command(CLI::App& app, SimulateOptions& options);
int run_simulate(const SimulateOptions& options);

struct LspCommandOptions {
  VersionOptions target;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  bool inlay_hints = false;
  bool include_templates = false;
  std::vector<std::string> path_mappings;  // FROM=TO
  std::string offset_encoding;
  std::optional<std::string> lit_test;
};
void add_lsp_command(CLI::App& app, LspCommandOptions& options);
int run_lsp(const LspCommandOptions& options);

}  // namespace pflint::cli
