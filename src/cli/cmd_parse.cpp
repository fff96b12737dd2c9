// NAME
//   cmd_parse — `pflint parse`: show the syntax tree of main.cf/master.cf.
// DESCRIPTION
//   Without --json, a short outline: one line per logical line with its
//   position, kind and meaning. With --json, the tree as documented in
//   docs/parse-json.md. Syntax problems go to stderr as
//   file:line:col: severity: message (the gcc format without a code). Text
//   from the file is escaped with report::terminal_safe.
#include <fmt/core.h>

#include <cstdio>

#include "cli/commands.hpp"
#include "report/reporter.hpp"
#include "report/terminal_util.hpp"
#include "report/tree_json.hpp"
#include "syntax/tree.hpp"

namespace pflint::cli {
namespace {
using namespace pflint::syntax;

// shown - a value for the outline: escaped (report::terminal_safe), long
// text cut.
std::string shown(std::string_view text) {
  return text.size() > 120 ? report::terminal_safe(text.substr(0, 120)) + "..." : report::terminal_safe(text);
}

void print_outline(const SourceFile& src, const Tree& tree) {
  fmt::print("{}: {} file, {} bytes, {} lines, {} items\n", src.path(),
             tree.kind == FileKind::master_cf ? "master.cf" : "main.cf", src.size(), src.line_count(), tree.items.size());
  for (const Item& item : tree.items) {
    const Position start = src.position(item.span.begin);
    const Position last = src.position(item.span.end == 0 ? 0 : item.span.end - 1);
    const std::string lines = last.line > start.line ? fmt::format(" (lines {}-{})", start.line, last.line) : "";
    switch (item.kind) {
      case ItemKind::comment:
      case ItemKind::blank: break;  // not shown: the outline is about settings
      case ItemKind::parameter:
        fmt::print("{:>6}:{:<3} parameter {} = \"{}\"{}\n", start.line, start.column, shown(src.slice(item.name)),
                   shown(postfix_value(src, item)), lines);
        break;
      case ItemKind::service: {
        const Service& s = tree.services[item.service];
        fmt::print("{:>6}:{:<3} service {}/{}", start.line, start.column, shown(src.slice(s.fields[0])),
                   shown(src.slice(s.fields[1])));
        for (std::size_t f = 2; f < 8; ++f) {
          fmt::print(" {}={}", field_names[f], shown(src.slice(s.fields[f])));
        }
        fmt::print("{}\n", lines);
        for (const Override& o : s.overrides) {
          fmt::print("{:>6}:{:<3}   -o {}={}\n", src.position(o.option.begin).line, src.position(o.option.begin).column,
                     shown(src.slice(o.name)), shown(logical_text(src, o.value).text));
        }
        break;
      }
      case ItemKind::ignored:
      case ItemKind::error:
        fmt::print("{:>6}:{:<3} {} \"{}\"{}\n", start.line, start.column, to_string(item.kind),
                   shown(logical_text(src, item.span).text), lines);
        break;
    }
  }
}
}  // namespace

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
      print_outline(*source, tree);
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
