// NAME
//   main — entry point of the pflint executable: subcommand dispatch.
#include <fmt/core.h>

#include <CLI/CLI.hpp>

#include <cstring>
#include <string_view>

#include "cli/commands.hpp"

#ifndef PFLINT_VERSION
#define PFLINT_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace pflint::cli;
  // postconf keeps postconf(1)'s own getopt-style flags: dispatch before CLI11.
  if (argc >= 2 && std::strcmp(argv[1], "postconf") == 0) return run_postconf(argc, argv, 2);
  CLI::App app{"pflint — reads Postfix main.cf and master.cf exactly as Postfix does, and tells the truth about them.",
               "pflint"};
  app.set_version_flag("-V,--version", std::string("pflint ") + PFLINT_VERSION);
  app.require_subcommand(1);
  app.footer("Exit status: 0 clean, 1 findings, 2 usage or I/O errors. `pflint COMMAND --help` for each command.");

  // Build only the named command's options (a CLI11 tree of every command
  // costs each run ~0.1 ms); anything else (--help, a typo) gets them all.
  const std::string_view first = argc >= 2 ? argv[1] : "";
  const bool all = first != "parse" && first != "check" && first != "rules" && first != "explain" &&
                   first != "simulate" && first != "policy" && first != "diff" && first != "lsp" && first != "-V" &&
                   first != "--version";
  ParseOptions parse_options;
  if (all || first == "parse") add_parse_command(app, parse_options);
  CheckCommandOptions check_options;
  if (all || first == "check") add_check_command(app, check_options);
  RulesCommandOptions rules_options;
  if (all || first == "rules" || first == "explain") add_rules_commands(app, rules_options);
  SimulateOptions simulate_options;
  if (all || first == "simulate") add_simulate_command(app, simulate_options);
  PolicyOptions policy_options;
  if (all || first == "policy") add_policy_command(app, policy_options);
  LspCommandOptions lsp_options;
  if (all || first == "lsp") add_lsp_command(app, lsp_options);
  DiffOptions diff_options;
  if (all || first == "diff") add_diff_command(app, diff_options);
  // Listed for --help only: postconf is dispatched above, before CLI11.
  if (all) app.add_subcommand("postconf", "postconf(1)'s flags and views, byte-identical output, and its edits (-e, -X, -M…)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  // The command given (got_subcommand() throws for a command not built).
  const CLI::App* given = app.get_subcommands().empty() ? nullptr : app.get_subcommands().front();
  const std::string name = given != nullptr ? given->get_name() : std::string();
  if (name == "parse") return run_parse(parse_options);
  if (name == "check") return run_check(check_options);
  if (name == "rules") return run_rules(rules_options);
  if (name == "explain") return run_explain(rules_options);
  if (name == "policy") return run_policy(policy_options);
  if (name == "simulate") return run_simulate(simulate_options);
  if (name == "lsp") return run_lsp(lsp_options);
  if (name == "diff") return run_diff(diff_options);
  return 2;
}
