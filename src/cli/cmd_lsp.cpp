// NAME
//   cmd_lsp — `pflint lsp`: run the language server on stdin/stdout.
// DESCRIPTION
//   Flags set the starting settings; the client's initializationOptions and
//   didChangeConfiguration come on top. --lit-test FILE replays a
//   transcript instead (see src/lsp/server.hpp) for the protocol tests.
#include <fmt/core.h>

#include <cstdio>

#include "cli/commands.hpp"
#include "lsp/server.hpp"
#include "rules/registry.hpp"
#include "util/read_file.hpp"

namespace pflint::cli {

void add_lsp_command(CLI::App& app, LspCommandOptions& options) {
  CLI::App* cmd = app.add_subcommand("lsp", "Run the pflint language server (LSP over stdin/stdout)");
  add_version_options(*cmd, options.target);
  add_list_option(*cmd, "--select", options.select, "Run only these rule codes or prefixes (comma-separated)");
  add_list_option(*cmd, "--ignore", options.ignore, "Do not run these rule codes or prefixes (comma-separated)");
  cmd->add_flag("--inlay-hints", options.inlay_hints, "Offer inlay hints with the effective TLS level");
  cmd->add_flag("--include-templates", options.include_templates, "Check Jinja/ERB templates too");
  cmd->add_option("--path-mapping", options.path_mappings,
                  "FROM=TO: look for files under FROM (e.g. /etc/postfix) in TO (repeatable)");
  cmd->add_option("--offset-encoding", options.offset_encoding,
                  "Force the position encoding instead of negotiating it")
      ->check(CLI::IsMember({"utf-8", "utf-16", "utf-32"}));
  cmd->add_option("--lit-test", options.lit_test, "Replay a transcript file ('---' between messages) and print replies");
}

int run_lsp(const LspCommandOptions& options) {
  lsp::ServerOptions server;
  std::string error;
  if (!resolve_version_options(options.target, server.settings.check.version,
                               server.settings.check.compatibility_level, error)) {
    fmt::print(stderr, "pflint lsp: {}\n", error);
    return 2;
  }
  server.settings.check.engine.select = options.select;
  server.settings.check.engine.ignore = options.ignore;
  server.settings.check.include_templates = options.include_templates;
  server.settings.inlay_hints = options.inlay_hints;
  for (const auto& m : options.path_mappings) {
    const auto eq = m.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == m.size()) {
      fmt::print(stderr, "pflint lsp: --path-mapping \"{}\": expected FROM=TO\n", m);
      return 2;
    }
    server.settings.path_mappings.emplace_back(m.substr(0, eq), m.substr(eq + 1));
  }
  if (options.offset_encoding == "utf-8") server.forced_encoding = lsp::Encoding::utf8;
  else if (options.offset_encoding == "utf-16") server.forced_encoding = lsp::Encoding::utf16;
  else if (options.offset_encoding == "utf-32") server.forced_encoding = lsp::Encoding::utf32;
#ifdef PFLINT_VERSION
  server.version = PFLINT_VERSION;
#endif
  const auto rules = rules::all_rules();
  if (options.lit_test) {
    const auto text = util::read_file(*options.lit_test, error);
    if (!text) {
      fmt::print(stderr, "pflint lsp: {}: {}\n", *options.lit_test, error);
      return 2;
    }
    return lsp::run_lit_test(*text, std::move(server), rules, stdout);
  }
  return lsp::run_stdio(std::move(server), rules);
}

}  // namespace pflint::cli
