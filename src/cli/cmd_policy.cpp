// NAME
//   cmd_policy — `pflint policy`: the effective SMTP/LMTP client TLS policy
//   of every client service and every policy-table destination.
// DESCRIPTION
//   Loads DIR/main.cf and DIR/master.cf (DIR: -c, default /etc/postfix),
//   builds the TLS model and prints, per service and per destination, the
//   level, protocols, ciphers, peer matching, trust anchors and fingerprint
//   digest, each with where it comes from. Text for people, JSON
//   (docs/policy.md) for programs; both are written by src/report/.
// DIAGNOSTICS
//   Exit 0 on success; 2 for usage errors, an unreadable directory or
//   main.cf, and main.cf/master.cf syntax errors (Postfix would not start),
//   which go to stderr as file:line:col: error: message.
// SEE ALSO
//   src/tls/tls_model.hpp, src/report/policy_text.hpp,
//   src/report/policy_json.hpp, docs/policy.md.
#include <fmt/core.h>

#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "config/config_dir.hpp"
#include "model/model.hpp"
#include "report/policy_json.hpp"
#include "report/policy_text.hpp"
#include "report/reporter.hpp"
#include "tls/tls_model.hpp"

namespace pflint::cli {
namespace {

// syntax_errors - print a file's syntax diagnostics; true if any is an error.
bool syntax_errors(const std::optional<config::ParsedFile>& f) {
  if (!f) return false;
  report::write_syntax_diagnostics(f->source, f->tree.diagnostics, stderr);
  return f->tree.has_errors();
}
}  // namespace

void add_policy_command(CLI::App& app, PolicyOptions& options) {
  CLI::App* cmd = app.add_subcommand(
      "policy", "Show the effective SMTP/LMTP client TLS policy per service and per policy-table destination");
  cmd->add_option("-c,--config-dir", options.config_dir, "Postfix configuration directory (default /etc/postfix)");
  cmd->add_option("--format", options.format, "Output format: text or json (schema: docs/policy.md)")
      ->check(CLI::IsMember({"text", "json"}));
  add_version_options(*cmd, options.target);
}

int run_policy(const PolicyOptions& options) {
  params::Version version = params::default_version();
  std::optional<std::string> compat;
  std::string error;
  if (!resolve_version_options(options.target, version, compat, error)) {
    fmt::print(stderr, "pflint: error: {}\n", error);
    return 2;
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(options.config_dir, ec)) {
    fmt::print(stderr, "pflint: error: {}: No such directory\n", options.config_dir);
    return 2;
  }
  const config::ConfigDir files = config::load_config_dir(options.config_dir);
  if (!files.main_file) {
    fmt::print(stderr, "pflint: error: {}\n", files.main_error);
    return 2;
  }
  if (!files.master_file) fmt::print(stderr, "pflint: warning: {} (using main.cf alone)\n", files.master_error);
  const bool main_errors = syntax_errors(files.main_file);  // both files print theirs
  const bool errors = syntax_errors(files.master_file) || main_errors;
  if (errors) {
    fmt::print(stderr, "pflint: error: Postfix would not start with these syntax errors\n");
    return 2;
  }
  const model::Model model(files, {version, compat});
  const tls::TlsModel tm = tls::build_tls_model(model);
  if (options.format == "json") fmt::print("{}\n", report::policy_json(files.dir, model, tm));
  else report::write_policy_text(files.dir, model, tm, stdout);
  std::fflush(stdout);
  return 0;
}

}  // namespace pflint::cli
