// NAME
//   cmd_parse — `pflint parse`: show the syntax tree of main.cf/master.cf.
// DESCRIPTION
//   Without --json, a short outline: one line per logical line with its
//   position, kind and meaning. With --json, the tree as documented in
//   docs/parse-json.md. Syntax problems go to stderr as
//   file:line:col: severity: message (the gcc format without a code).
// SEE ALSO
//   src/report/tree_text.hpp, src/report/tree_json.hpp.
#include <fmt/core.h>

#include <cstdio>

#include "cli/commands.hpp"
#include "report/reporter.hpp"
#include "report/tree_json.hpp"
#include "report/tree_text.hpp"
#include "syntax/tree.hpp"

namespace pflint::cli {
using namespace pflint::syntax;

void add_parse_command(CLI::App& app, ParseOptions& options) {
  CLI::App* cmd = app.add_subcommand("parse", "Show the syntax tree of main.cf/master.cf files and their syntax errors");
  cmd->add_flag("--json", options.json, "Print the tree as JSON (schema: docs/parse-json.md)");
  cmd->add_option("--kind", options.kind, "File kind: main, master, or auto (from the file name)")
      ->check(CLI::IsMember({"main", "master", "auto"}));
  cmd->add_option("files", options.files, "Files to parse")->required();
}

int run_parse(const ParseOptions& options) {
  bool errors = false;
  bool io_error = false;
  bool first = true;
  if (options.json) fmt::print("[");
  for (const std::string& path : options.files) {
    std::string error;
    auto source = SourceFile::load(path, error);
    if (!source) {
      fmt::print(stderr, "pflint: error: {}\n", error);
      io_error = true;
      continue;
    }
    const FileKind kind = options.kind == "master" ? FileKind::master_cf
                          : options.kind == "main" ? FileKind::main_cf
                                                   : guess_kind(path);
    const Tree tree = parse(*source, kind);
    if (options.json) {
      fmt::print("{}{}", first ? "" : ",\n", report::tree_json(*source, tree));
    } else {
      report::write_tree_outline(*source, tree, stdout);
    }
    first = false;
    report::write_syntax_diagnostics(*source, tree.diagnostics, stderr);
    errors = errors || tree.has_errors();
  }
  if (options.json) fmt::print("]\n");
  std::fflush(stdout);
  if (io_error) return 2;
  return errors ? 1 : 0;
}

}  // namespace pflint::cli
