// NAME
//   cmd_policy — `pflint policy`: the effective SMTP/LMTP client TLS policy
//   of every client service and every policy-table destination.
// DESCRIPTION
//   Loads DIR/main.cf and DIR/master.cf (DIR: -c, default /etc/postfix),
//   builds the TLS model and prints, per service and per destination, the
//   level, protocols, ciphers, peer matching, trust anchors and fingerprint
//   digest, each with where it comes from. Text for people, JSON
//   (docs/policy.md) for programs.
// DIAGNOSTICS
//   Exit 0 on success; 2 for usage errors, an unreadable directory or
//   main.cf, and main.cf/master.cf syntax errors (Postfix would not start),
//   which go to stderr as file:line:col: error: message.
// SEE ALSO
//   src/tls/tls_model.hpp, docs/policy.md.
#include <fmt/core.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "config/config_dir.hpp"
#include "model/model.hpp"
#include "report/json_text.hpp"
#include "tls/tls_model.hpp"

namespace pflint::cli {
namespace {
using namespace pflint::tls;
using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// ---- text ----

std::string origin_text(const Provenance& p) {
  switch (p.kind) {
    case Provenance::Kind::parameter: return fmt::format("{}, {}", p.describe(), p.parameter);
    case Provenance::Kind::table: return fmt::format("{}, {}", p.describe(), p.parameter);
    case Provenance::Kind::level: return p.describe();
  }
  return "?";
}

void row(std::string_view indent, std::string_view label, std::string_view value, const std::string& origin) {
  fmt::print("{}{:<12} {}{}\n", indent, label, value.empty() ? "(empty)" : value,
             origin.empty() ? "" : "  [" + origin + "]");
}

std::string joined(const std::vector<std::string>& v, std::string_view sep = " ") {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

void print_policy(const EffectivePolicy& p, std::string_view in) {
  std::string level(level_name(p.used_level()));
  if (p.level == Level::invalid && !p.level_setting.value.empty()) level += " (\"" + p.level_setting.value + "\")";
  if (p.used_level() != p.level) {
    // The DANE fallback: show what is used, then what was configured and why not.
    level += fmt::format(" (configured {}, not usable: {})", level_name(p.level), joined(p.dane->problems, "; "));
  }
  row(in, "level", level, origin_text(p.level_setting.from));
  if (!p.matched_key.empty() && p.matched_key != p.destination) row(in, "matched", p.matched_key, "");
  if (!p.per_site.empty()) row(in, "per-site", joined(p.per_site), "");
  for (const std::string& r : p.invalid_reasons) row(in, "deferred", r, "");
  if (p.uncertain) row(in, "uncertain", "a table that cannot be read offline is consulted first", "");
  if (p.protocols && p.protocols_setting) {
    const ProtocolList& pl = *p.protocols;
    std::string v = p.protocols_setting->value + " → " + (pl.invalid() ? "invalid: " + joined(pl.unknown)
                                                           : pl.enabled.empty() ? "nothing"
                                                                                : joined(pl.enabled));
    row(in, "protocols", v, origin_text(p.protocols_setting->from));
  }
  if (p.ciphers) {
    const CipherSettings& c = *p.ciphers;
    std::string v = c.grade.value;
    if (c.effective != c.parsed) v += fmt::format(" (= {})", cipher_grade_name(c.effective));
    row(in, "ciphers", v, origin_text(c.grade.from));
    for (const CipherExclusion& e : c.exclusions) row(in, "exclude", e.cipher, origin_text(e.from));
    row(in, "openssl", c.openssl.empty() ? "(invalid)" : c.openssl, "");
  }
  const MatchSettings& m = p.match;
  if (m.kind == MatchSettings::Kind::names || m.kind == MatchSettings::Kind::fingerprint) {
    std::string origins;
    for (const Provenance& f : m.from) origins += (origins.empty() ? "" : "; ") + origin_text(f);
    row(in, "match", joined(m.values), origins);
  } else if (m.kind == MatchSettings::Kind::dane) {
    row(in, "match", "TLSA records (DANE)", "");
  }
  if (m.digest) row(in, "digest", m.digest->value, origin_text(m.digest->from));
  if (p.trust.relevant) {
    row(in, "CAfile", p.trust.ca_file.value, origin_text(p.trust.ca_file.from));
    row(in, "CApath", p.trust.ca_path.value, origin_text(p.trust.ca_path.from));
    if (!p.trust.trust_anchor_file.value.empty()) {
      row(in, "anchors", p.trust.trust_anchor_file.value, origin_text(p.trust.trust_anchor_file.from));
    }
    for (const Setting& t : p.trust.tafiles) row(in, "tafile", t.value, origin_text(t.from));
    if (p.trust.none_loaded) row(in, "trust", "no CA or trust anchor configured: certificates never verify", "");
  }
  if (p.dane) {
    for (const std::string& problem : p.dane->problems) row(in, "dane", problem, "");
  }
  if (p.servername) row(in, "servername", p.servername->value, origin_text(p.servername->from));
}

void print_text(const config::ConfigDir& files, const model::Model& model, const TlsModel& tm) {
  fmt::print("TLS client policy of {} (Postfix {}, compatibility_level {})\n", files.dir, model.version().to_string(),
             model.compatibility_level());
  for (const ServicePolicy& s : tm.services()) {
    fmt::print("\nservice {} ({}_* parameters)\n", s.name, s.prefix);
    print_policy(s.policy, "  ");
    for (const ObsoleteSetting& o : s.global.obsolete_ignored) {
      row("  ", "ignored", fmt::format("{} = {}", o.name, o.value), o.origin.describe());
    }
    if (s.global.from_compat_default) row("  ", "note", "level is the 3.11 default (compatibility_level >= 3.11)", "");
    for (const PolicyTable* t : s.policy_tables) {
      row("  ", "policy map", fmt::format("{} ({}, {} entries)", t->spec, status_name(t->status), t->entries.size()),
          origin_text(t->listed_in));
    }
    for (const PolicyTable* t : s.per_site_tables) {
      row("  ", "per-site", fmt::format("{} ({}{})", t->spec, status_name(t->status),
                                        s.per_site_ignored ? ", ignored: policy maps are set" : ""),
          origin_text(t->listed_in));
    }
    for (const EffectivePolicy& d : s.destinations) {
      fmt::print("  destination {}\n", d.destination);
      print_policy(d, "    ");
    }
  }
}

// ---- JSON ----

void origin_json(Writer& w, const Provenance& p) {
  w.StartObject();
  w.Key("text");
  report::write_json_string(w, p.describe());
  w.Key("kind");
  switch (p.kind) {
    case Provenance::Kind::parameter:
      switch (p.origin.kind) {
        case model::OriginKind::built_in: w.String("default"); break;
        case model::OriginKind::main_cf: w.String("main.cf"); break;
        case model::OriginKind::master_override: w.String("master.cf"); break;
        case model::OriginKind::command_line: w.String("command-line"); break;
        case model::OriginKind::unset: w.String("unset"); break;
      }
      break;
    case Provenance::Kind::table: w.String("table"); break;
    case Provenance::Kind::level: w.String("level"); break;
  }
  w.Key(p.kind == Provenance::Kind::table ? "attribute" : "parameter");
  report::write_json_string(w, p.parameter);
  const syntax::SourceFile* file = p.kind == Provenance::Kind::table ? p.where.file : p.origin.file;
  const std::uint32_t line = p.kind == Provenance::Kind::table ? p.where.line : p.origin.line;
  w.Key("file");
  if (file) report::write_json_string(w, file->path());
  else w.Null();
  w.Key("line");
  if (file && line) w.Uint(line);
  else w.Null();
  w.EndObject();
}

void setting_json(Writer& w, const char* key, const Setting& s) {
  w.Key(key);
  w.StartObject();
  w.Key("value");
  report::write_json_string(w, s.value);
  w.Key("origin");
  origin_json(w, s.from);
  w.EndObject();
}

void strings_json(Writer& w, const char* key, const std::vector<std::string>& v) {
  w.Key(key);
  w.StartArray();
  for (const std::string& s : v) report::write_json_string(w, s);
  w.EndArray();
}

void optional_string(Writer& w, const char* key, const std::optional<std::string>& s) {
  w.Key(key);
  if (s) report::write_json_string(w, *s);
  else w.Null();
}

void protocols_json(Writer& w, const EffectivePolicy& p) {
  w.Key("protocols");
  if (!p.protocols || !p.protocols_setting) {
    w.Null();
    return;
  }
  const ProtocolList& pl = *p.protocols;
  w.StartObject();
  w.Key("value");
  report::write_json_string(w, p.protocols_setting->value);
  w.Key("origin");
  origin_json(w, p.protocols_setting->from);
  strings_json(w, "enabled", pl.enabled);
  strings_json(w, "included", pl.included);
  strings_json(w, "excluded", pl.excluded);
  optional_string(w, "floor", pl.floor);
  optional_string(w, "ceiling", pl.ceiling);
  strings_json(w, "unknown", pl.unknown);
  w.Key("excludes_everything");
  w.Bool(pl.excludes_everything());
  w.Key("floor_above_ceiling");
  w.Bool(pl.floor_above_ceiling);
  w.EndObject();
}

void ciphers_json(Writer& w, const EffectivePolicy& p) {
  w.Key("ciphers");
  if (!p.ciphers) {
    w.Null();
    return;
  }
  const CipherSettings& c = *p.ciphers;
  w.StartObject();
  w.Key("grade");
  report::write_json_string(w, c.grade.value);
  w.Key("effective_grade");
  report::write_json_string(w, cipher_grade_name(c.effective));
  w.Key("origin");
  origin_json(w, c.grade.from);
  w.Key("exclusions");
  w.StartArray();
  for (const CipherExclusion& e : c.exclusions) {
    w.StartObject();
    w.Key("cipher");
    report::write_json_string(w, e.cipher);
    w.Key("origin");
    origin_json(w, e.from);
    w.EndObject();
  }
  w.EndArray();
  strings_json(w, "bad_exclusions", c.bad_exclusions);
  w.Key("openssl");
  if (c.openssl.empty()) w.Null();
  else report::write_json_string(w, c.openssl);
  w.EndObject();
}

void match_json(Writer& w, const EffectivePolicy& p) {
  const MatchSettings& m = p.match;
  w.Key("match");
  w.StartObject();
  w.Key("kind");
  switch (m.kind) {
    case MatchSettings::Kind::none: w.String("none"); break;
    case MatchSettings::Kind::fingerprint: w.String("fingerprint"); break;
    case MatchSettings::Kind::names: w.String("names"); break;
    case MatchSettings::Kind::dane: w.String("dane"); break;
  }
  strings_json(w, "values", m.values);
  w.Key("origins");
  w.StartArray();
  for (const Provenance& f : m.from) origin_json(w, f);
  w.EndArray();
  if (m.digest) setting_json(w, "digest", *m.digest);
  else {
    w.Key("digest");
    w.Null();
  }
  strings_json(w, "malformed", m.malformed);
  w.EndObject();
}

void trust_json(Writer& w, const EffectivePolicy& p) {
  w.Key("trust");
  w.StartObject();
  w.Key("relevant");
  w.Bool(p.trust.relevant);
  w.Key("none_loaded");
  w.Bool(p.trust.none_loaded);
  if (p.level >= Level::may) {
    setting_json(w, "CAfile", p.trust.ca_file);
    setting_json(w, "CApath", p.trust.ca_path);
    setting_json(w, "trust_anchor_file", p.trust.trust_anchor_file);
  }
  w.Key("tafile");
  w.StartArray();
  for (const Setting& t : p.trust.tafiles) {
    w.StartObject();
    w.Key("value");
    report::write_json_string(w, t.value);
    w.Key("origin");
    origin_json(w, t.from);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void policy_json(Writer& w, const EffectivePolicy& p) {
  w.StartObject();
  w.Key("destination");
  if (p.destination.empty()) w.Null();
  else report::write_json_string(w, p.destination);
  w.Key("level");
  report::write_json_string(w, level_name(p.used_level()));
  w.Key("configured_level");
  report::write_json_string(w, level_name(p.level));
  w.Key("level_reason");
  if (p.used_level() == p.level) w.Null();
  else report::write_json_string(w, joined(p.dane->problems, "; "));
  setting_json(w, "level_setting", p.level_setting);
  w.Key("from_table");
  w.Bool(p.from_table);
  w.Key("table");
  if (p.table) report::write_json_string(w, p.table->spec);
  else w.Null();
  w.Key("matched_key");
  if (p.matched_key.empty()) w.Null();
  else report::write_json_string(w, p.matched_key);
  strings_json(w, "per_site", p.per_site);
  w.Key("valid");
  w.Bool(p.valid());
  strings_json(w, "invalid_reasons", p.invalid_reasons);
  w.Key("uncertain");
  w.Bool(p.uncertain);
  protocols_json(w, p);
  ciphers_json(w, p);
  match_json(w, p);
  trust_json(w, p);
  w.Key("dane");
  if (p.dane) {
    w.StartObject();
    setting_json(w, "dns_support_level", p.dane->dns_support_level);
    setting_json(w, "host_lookup", p.dane->host_lookup);
    setting_json(w, "dns_resolver_options", p.dane->resolver_options);
    strings_json(w, "problems", p.dane->problems);
    w.Key("fallback");
    if (p.dane->fallback == Level::not_found) w.Null();
    else report::write_json_string(w, level_name(p.dane->fallback));
    w.EndObject();
  } else {
    w.Null();
  }
  for (const auto& [key, s] : {std::pair{"servername", &p.servername}, std::pair{"connection_reuse", &p.connection_reuse},
                               std::pair{"enable_rpk", &p.enable_rpk}}) {
    if (*s) setting_json(w, key, **s);
    else {
      w.Key(key);
      w.Null();
    }
  }
  w.EndObject();
}

void obsolete_json(Writer& w, const char* key, const std::vector<ObsoleteSetting>& v) {
  w.Key(key);
  w.StartArray();
  for (const ObsoleteSetting& o : v) {
    w.StartObject();
    w.Key("name");
    report::write_json_string(w, o.name);
    w.Key("value");
    report::write_json_string(w, o.value);
    w.Key("origin");
    origin_json(w, Provenance{Provenance::Kind::parameter, o.name, o.origin, {}});
    w.EndObject();
  }
  w.EndArray();
}

void table_json(Writer& w, const PolicyTable& t) {
  w.StartObject();
  w.Key("spec");
  report::write_json_string(w, t.spec);
  w.Key("type");
  report::write_json_string(w, t.type);
  w.Key("name");
  report::write_json_string(w, t.name);
  w.Key("proxied");
  w.Bool(t.proxied);
  w.Key("status");
  report::write_json_string(w, status_name(t.status));
  w.Key("detail");
  report::write_json_string(w, t.status_detail);
  w.Key("source_path");
  if (t.source_path.empty()) w.Null();
  else report::write_json_string(w, t.source_path);
  w.Key("listed_in");
  origin_json(w, t.listed_in);
  w.Key("entries");
  w.StartArray();
  for (const TableEntry& e : t.entries) {
    w.StartObject();
    w.Key("key");
    report::write_json_string(w, e.key);
    w.Key("value");
    report::write_json_string(w, e.value);
    w.Key("location");
    report::write_json_string(w, e.where.describe());
    w.Key("duplicate");
    w.Bool(e.duplicate);
    w.EndObject();
  }
  w.EndArray();
  w.Key("problems");
  w.StartArray();
  for (const TableProblem& p : t.problems) {
    w.StartObject();
    w.Key("message");
    report::write_json_string(w, p.message);
    w.Key("location");
    report::write_json_string(w, p.where.describe());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void service_json(Writer& w, const ServicePolicy& s) {
  w.StartObject();
  w.Key("name");
  report::write_json_string(w, s.name);
  w.Key("prefix");
  report::write_json_string(w, s.prefix);
  w.Key("global");
  w.StartObject();
  w.Key("level");
  report::write_json_string(w, level_name(s.global.level));
  w.Key("text");
  report::write_json_string(w, s.global.text);
  w.Key("origin");
  origin_json(w, s.global.as_provenance());
  w.Key("from_compat_default");
  w.Bool(s.global.from_compat_default);
  w.Key("derived");
  w.Bool(s.global.derived());
  obsolete_json(w, "derived_from_obsolete", s.global.derived_from_obsolete);
  obsolete_json(w, "obsolete_ignored", s.global.obsolete_ignored);
  w.EndObject();
  setting_json(w, "policy_maps", s.policy_maps);
  setting_json(w, "per_site", s.per_site);
  w.Key("per_site_ignored");
  w.Bool(s.per_site_ignored);
  w.Key("policy");
  policy_json(w, s.policy);
  w.Key("destinations");
  w.StartArray();
  for (const EffectivePolicy& d : s.destinations) policy_json(w, d);
  w.EndArray();
  w.EndObject();
}

void print_json(const config::ConfigDir& files, const model::Model& model, const TlsModel& tm) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("config_directory");
  report::write_json_string(w, files.dir);
  w.Key("postfix_version");
  report::write_json_string(w, model.version().to_string());
  w.Key("compatibility_level");
  report::write_json_string(w, model.compatibility_level());
  w.Key("tables");
  w.StartArray();
  for (const PolicyTable& t : tm.tables()) table_json(w, t);
  w.EndArray();
  w.Key("services");
  w.StartArray();
  for (const ServicePolicy& s : tm.services()) service_json(w, s);
  w.EndArray();
  w.EndObject();
  fmt::print("{}\n", buffer.GetString());
}

// syntax_errors - print a file's syntax diagnostics; true if any is an error.
bool syntax_errors(const std::optional<config::ParsedFile>& f) {
  if (!f) return false;
  bool errors = false;
  for (const syntax::SyntaxDiagnostic& d : f->tree.diagnostics) {
    const syntax::Position p = f->source.position(d.span.begin);
    fmt::print(stderr, "{}:{}:{}: {}: {}\n", f->source.path(), p.line, p.column, to_string(d.severity), d.message);
    errors = errors || d.severity == syntax::Severity::error;
  }
  return errors;
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
  const bool errors = syntax_errors(files.main_file) | syntax_errors(files.master_file);
  if (errors) {
    fmt::print(stderr, "pflint: error: Postfix would not start with these syntax errors\n");
    return 2;
  }
  const model::Model model(files, {version, compat});
  const TlsModel tm = build_tls_model(model);
  if (options.format == "json") print_json(files, model, tm);
  else print_text(files, model, tm);
  std::fflush(stdout);
  return 0;
}

}  // namespace pflint::cli
