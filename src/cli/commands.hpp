// NAME
//   commands — the subcommands of the pflint executable.
// DESCRIPTION
//   Each subcommand registers its options on a CLI11 app and returns the
//   process exit status from its run function: 0 clean, 1 findings, 2 usage
//   or I/O errors. postconf is dispatched before CLI11, because it keeps
//   postconf(1)'s own getopt-style flags.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace pflint::cli {

struct ParseOptions {
  bool json = false;
  std::string kind = "auto";
  std::vector<std::string> files;
};
void add_parse_command(CLI::App& app, ParseOptions& options);
int run_parse(const ParseOptions& options);

}  // namespace pflint::cli
