// NAME
//   main — entry point of the pflint executable: subcommand dispatch.
#include <fmt/core.h>

#include <CLI/CLI.hpp>

#include <cstring>

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

  ParseOptions parse_options;
  add_parse_command(app, parse_options);
  CheckCommandOptions check_options;
  add_check_command(app, check_options);
  RulesCommandOptions rules_options;
  add_rules_commands(app, rules_options);
  SimulateOptions simulate_options;
  add_simulate_command(app, simulate_options);
  PolicyOptions policy_options;
  add_policy_command(app, policy_options);

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
  if (app.got_subcommand("parse")) return run_parse(parse_options);
  if (app.got_subcommand("check")) return run_check(check_options);
  if (app.got_subcommand("rules")) return run_rules(rules_options);
  if (app.got_subcommand("explain")) return run_explain(rules_options);
  if (app.got_subcommand("policy")) return run_policy(policy_options);
  if (app.got_subcommand("simulate")) return run_simulate(simulate_options);
  return 2;
}
