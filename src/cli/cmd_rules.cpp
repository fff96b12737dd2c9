// NAME
//   cmd_rules — `pflint rules` (the catalog) and `pflint explain CODE` (one rule's doc).
#include <fmt/core.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "cli/commands.hpp"
#include "rules/registry.hpp"

namespace pflint::cli {
namespace {

std::string versions(const lint::RuleInfo& info) {
  if (info.since_version && info.until_version) {
    return fmt::format("{}–{}", info.since_version->to_string(), info.until_version->to_string());
  }
  if (info.since_version) return info.since_version->to_string() + "+";
  if (info.until_version) return "< " + info.until_version->to_string();
  return "all";
}

void print_json(std::span<const lint::Rule> rules) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const lint::Rule& r : rules) {
    const auto str = [&](const char* key, std::string_view v) {
      w.Key(key);
      w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
    };
    w.StartObject();
    str("code", r.info->code);
    str("name", r.info->name);
    str("severity", lint::to_string(r.info->severity));
    str("versions", versions(*r.info));
    str("summary", r.info->summary);
    str("doc", r.info->doc);
    w.EndObject();
  }
  w.EndArray();
  fmt::print("{}\n", buffer.GetString());
}

}  // namespace

void add_rules_commands(CLI::App& app, RulesCommandOptions& options) {
  CLI::App* rules = app.add_subcommand("rules", "List the rule catalog: code, name, severity, versions, summary");
  rules->add_option("--format", options.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  CLI::App* explain = app.add_subcommand("explain", "Print the documentation of one rule");
  explain->add_option("code", options.code, "Rule code (PF3001) or name (obsolete-tls-parameter)")->required();
}

int run_rules(const RulesCommandOptions& options) {
  const auto rules = rules::all_rules();
  if (options.format == "json") {
    print_json(rules);
    return 0;
  }
  for (const lint::Rule& r : rules) {
    fmt::print("{}  {:<34} {:<8} {:<9} {}\n", r.info->code, r.info->name, lint::to_string(r.info->severity),
               versions(*r.info), r.info->summary);
  }
  return 0;
}

int run_explain(const RulesCommandOptions& options) {
  const lint::Rule* rule = rules::find_rule(options.code);
  if (!rule) {
    fmt::print(stderr, "pflint: error: no rule \"{}\" (see `pflint rules`)\n", options.code);
    return 2;
  }
  const lint::RuleInfo& info = *rule->info;
  fmt::print("# {} {}\n\n{}\n\nDefault severity: {}. Postfix versions: {}.\n\n{}", info.code, info.name, info.summary,
             lint::to_string(info.severity), versions(info), info.doc);
  return 0;
}

}  // namespace pflint::cli
