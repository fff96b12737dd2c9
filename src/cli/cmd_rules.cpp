// NAME
//   cmd_rules — `pflint rules` (the catalog) and `pflint explain CODE` (one rule's doc).
// DESCRIPTION
//   The options, --write-docs and --check-docs; the catalog and the pages
//   are rendered by src/report/rule_catalog.cpp.
#include <fmt/core.h>

#include <filesystem>

#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "report/rule_catalog.hpp"
#include "rules/registry.hpp"
#include "util/read_file.hpp"

namespace pflint::cli {
namespace {

// read_all - the file's bytes, or "" when it cannot be read (then it differs).
std::string read_all(const std::filesystem::path& p) {
  std::string error;
  return util::read_file(p.string(), error).value_or(std::string());
}

// docs_pages - file name → content for every generated page.
std::vector<std::pair<std::string, std::string>> docs_pages(std::span<const lint::Rule> rules) {
  std::vector<std::pair<std::string, std::string>> pages;
  pages.emplace_back("README.md", report::rule_index_page(rules));
  for (const lint::Rule& r : rules) pages.emplace_back(std::string(r.info->code) + ".md", report::rule_page(*r.info));
  return pages;
}

int write_docs(const std::string& dir, std::span<const lint::Rule> rules) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  for (const auto& page : docs_pages(rules)) {
    const std::string& name = page.first;  // not a structured binding: clang 14 cannot capture one
    const std::string& text = page.second;
    std::string error;
    const std::string path = dir + "/" + name;
    if (!write_output(path, [&](std::FILE* out) { std::fwrite(text.data(), 1, text.size(), out); }, error)) {
      fmt::print(stderr, "pflint: error: {}\n", error);
      return 2;
    }
  }
  return 0;
}

int check_docs(const std::string& dir, std::span<const lint::Rule> rules) {
  int stale = 0;
  for (const auto& page : docs_pages(rules)) {
    const std::string& name = page.first;  // not a structured binding: clang 14 cannot capture one
    const std::string& text = page.second;
    const std::filesystem::path path = std::filesystem::path(dir) / name;
    if (read_all(path) != text) {
      fmt::print(stderr, "pflint: {} is out of date; run: pflint rules --write-docs {}\n", path.string(), dir);
      ++stale;
    }
  }
  return stale ? 1 : 0;
}

}  // namespace

void add_rules_commands(CLI::App& app, RulesCommandOptions& options) {
  CLI::App* rules = app.add_subcommand("rules", "List the rule catalog: code, name, severity, versions, summary");
  rules->add_option("--format", options.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  rules->add_option("--write-docs", options.write_docs, "Write one Markdown page per rule (and an index) into DIR");
  rules->add_option("--check-docs", options.check_docs, "Exit 1 if the pages in DIR differ from the catalog");
  CLI::App* explain = app.add_subcommand("explain", "Print the documentation of one rule");
  explain->add_option("code", options.code, "Rule code (PF3001) or name (obsolete-tls-parameter)")->required();
}

int run_rules(const RulesCommandOptions& options) {
  const auto rules = rules::all_rules();
  if (options.write_docs) return write_docs(*options.write_docs, rules);
  if (options.check_docs) return check_docs(*options.check_docs, rules);
  if (options.format == "json") fmt::print("{}\n", report::rule_catalog_json(rules));
  else report::write_rule_catalog_text(rules, stdout);
  return 0;
}

int run_explain(const RulesCommandOptions& options) {
  const lint::Rule* rule = rules::find_rule(options.code);
  if (!rule) {
    fmt::print(stderr, "pflint: error: no rule \"{}\" (see `pflint rules`)\n", options.code);
    return 2;
  }
  fmt::print("{}", report::rule_page(*rule->info));
  return 0;
}

}  // namespace pflint::cli
