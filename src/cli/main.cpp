// NAME
//   main — entry point of the pflint executable: subcommand dispatch.
#include <fmt/core.h>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

#ifndef PFLINT_VERSION
#define PFLINT_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace pflint::cli;
  CLI::App app{"pflint — reads Postfix main.cf and master.cf exactly as Postfix does, and tells the truth about them.",
               "pflint"};
  app.set_version_flag("-V,--version", std::string("pflint ") + PFLINT_VERSION);
  app.require_subcommand(1);
  app.footer("Exit status: 0 clean, 1 findings (syntax errors), 2 usage or I/O errors.");

  ParseOptions parse_options;
  add_parse_command(app, parse_options);

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
  return 2;
}
