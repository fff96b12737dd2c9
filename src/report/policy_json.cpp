// NAME
//   policy_json — writes `pflint policy --format json`; the schema is
//   documented in docs/policy.md and must change only together with it.
// DESCRIPTION
//   Members are written with field() (src/report/json_text.hpp), overloaded
//   here for the TLS model's Provenance and Setting; what is absent is null,
//   never left out, so every object has the same keys.
// SEE ALSO
//   src/report/tree_json.cpp, src/report/policy_text.cpp.
#include "report/policy_json.hpp"

#include <fmt/format.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "report/json_text.hpp"

namespace pflint::report {
namespace {
using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;
using namespace pflint::tls;
using report::field;  // the overloads below add to it, not hide it

void key(Writer& w, std::string_view k) { w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }

// origin_kind - the "kind" of an origin: default, main.cf, master.cf,
// command-line, unset, table or level.
std::string_view origin_kind(const Provenance& p) {
  switch (p.kind) {
    case Provenance::Kind::parameter:
      switch (p.origin.kind) {
        case model::OriginKind::built_in: return "default";
        case model::OriginKind::main_cf: return "main.cf";
        case model::OriginKind::master_override: return "master.cf";
        case model::OriginKind::command_line: return "command-line";
        case model::OriginKind::unset: return "unset";
      }
      break;
    case Provenance::Kind::table: return "table";
    case Provenance::Kind::level: return "level";
  }
  return "unset";
}

void origin_object(Writer& w, const Provenance& p) {
  const bool table = p.kind == Provenance::Kind::table;
  const syntax::SourceFile* file = table ? p.where.file : p.origin.file;
  const std::uint32_t line = table ? p.where.line : p.origin.line;
  w.StartObject();
  field(w, "text", p.describe());
  field(w, "kind", origin_kind(p));
  field(w, table ? "attribute" : "parameter", p.parameter);
  field(w, "file", file ? std::optional<std::string_view>(file->path()) : std::nullopt);
  field(w, "line", file && line ? std::optional<std::uint32_t>(line) : std::nullopt);
  w.EndObject();
}

void field(Writer& w, std::string_view k, const Provenance& p) {
  key(w, k);
  origin_object(w, p);
}

void setting_members(Writer& w, const Setting& s) {
  field(w, "value", s.value);
  field(w, "origin", s.from);
}

// field - a Setting as {"value", "origin"}; null when there is none.
void field(Writer& w, std::string_view k, const Setting& s) {
  key(w, k);
  w.StartObject();
  setting_members(w, s);
  w.EndObject();
}

void field(Writer& w, std::string_view k, const std::optional<Setting>& s) {
  if (s) return field(w, k, *s);
  field(w, k, std::nullopt);
}

void protocols_json(Writer& w, const EffectivePolicy& p) {
  if (!p.protocols || !p.protocols_setting) return field(w, "protocols", std::nullopt);
  const ProtocolList& pl = *p.protocols;
  key(w, "protocols");
  w.StartObject();
  field(w, "value", p.protocols_setting->value);
  field(w, "origin", p.protocols_setting->from);
  field(w, "enabled", pl.enabled);
  field(w, "included", pl.included);
  field(w, "excluded", pl.excluded);
  field(w, "floor", pl.floor);
  field(w, "ceiling", pl.ceiling);
  field(w, "unknown", pl.unknown);
  field(w, "excludes_everything", pl.excludes_everything());
  field(w, "floor_above_ceiling", pl.floor_above_ceiling);
  w.EndObject();
}

void ciphers_json(Writer& w, const EffectivePolicy& p) {
  if (!p.ciphers) return field(w, "ciphers", std::nullopt);
  const CipherSettings& c = *p.ciphers;
  key(w, "ciphers");
  w.StartObject();
  field(w, "grade", c.grade.value);
  field(w, "effective_grade", cipher_grade_name(c.effective));
  field(w, "origin", c.grade.from);
  objects(w, "exclusions", c.exclusions, [&w](const CipherExclusion& e) {
    field(w, "cipher", e.cipher);
    field(w, "origin", e.from);
  });
  field(w, "bad_exclusions", c.bad_exclusions);
  field(w, "openssl", non_empty(c.openssl));
  w.EndObject();
}

std::string_view match_kind(MatchSettings::Kind kind) {
  switch (kind) {
    case MatchSettings::Kind::none: return "none";
    case MatchSettings::Kind::fingerprint: return "fingerprint";
    case MatchSettings::Kind::names: return "names";
    case MatchSettings::Kind::dane: return "dane";
  }
  return "none";
}

void match_json(Writer& w, const MatchSettings& m) {
  key(w, "match");
  w.StartObject();
  field(w, "kind", match_kind(m.kind));
  field(w, "values", m.values);
  key(w, "origins");
  w.StartArray();
  for (const Provenance& f : m.from) origin_object(w, f);
  w.EndArray();
  field(w, "digest", m.digest);
  field(w, "malformed", m.malformed);
  w.EndObject();
}

void trust_json(Writer& w, const EffectivePolicy& p) {
  key(w, "trust");
  w.StartObject();
  field(w, "relevant", p.trust.relevant);
  field(w, "none_loaded", p.trust.none_loaded);
  if (p.level >= Level::may) {
    field(w, "CAfile", p.trust.ca_file);
    field(w, "CApath", p.trust.ca_path);
    field(w, "trust_anchor_file", p.trust.trust_anchor_file);
  }
  objects(w, "tafile", p.trust.tafiles, [&w](const Setting& t) { setting_members(w, t); });
  w.EndObject();
}

void dane_json(Writer& w, const EffectivePolicy& p) {
  if (!p.dane) return field(w, "dane", std::nullopt);
  key(w, "dane");
  w.StartObject();
  field(w, "dns_support_level", p.dane->dns_support_level);
  field(w, "host_lookup", p.dane->host_lookup);
  field(w, "dns_resolver_options", p.dane->resolver_options);
  field(w, "problems", p.dane->problems);
  const Level fallback = p.dane->fallback;
  field(w, "fallback", fallback == Level::not_found ? std::nullopt : std::optional(level_name(fallback)));
  w.EndObject();
}

// policy_object - one effective policy (a service's, or a destination's).
void policy_object(Writer& w, const EffectivePolicy& p) {
  w.StartObject();
  field(w, "destination", non_empty(p.destination));
  field(w, "level", level_name(p.used_level()));
  field(w, "configured_level", level_name(p.level));
  field(w, "level_reason", p.used_level() == p.level
                               ? std::nullopt
                               : std::optional<std::string>(fmt::format("{}", fmt::join(p.dane->problems, "; "))));
  field(w, "level_setting", p.level_setting);
  field(w, "from_table", p.from_table);
  field(w, "table", p.table ? std::optional<std::string_view>(p.table->spec) : std::nullopt);
  field(w, "matched_key", non_empty(p.matched_key));
  field(w, "per_site", p.per_site);
  field(w, "valid", p.valid());
  field(w, "invalid_reasons", p.invalid_reasons);
  field(w, "uncertain", p.uncertain);
  protocols_json(w, p);
  ciphers_json(w, p);
  match_json(w, p.match);
  trust_json(w, p);
  dane_json(w, p);
  field(w, "servername", p.servername);
  field(w, "connection_reuse", p.connection_reuse);
  field(w, "enable_rpk", p.enable_rpk);
  w.EndObject();
}

void obsolete_json(Writer& w, std::string_view k, const std::vector<ObsoleteSetting>& v) {
  objects(w, k, v, [&w](const ObsoleteSetting& o) {
    field(w, "name", o.name);
    field(w, "value", o.value);
    field(w, "origin", Provenance{Provenance::Kind::parameter, o.name, o.origin, {}});
  });
}

void table_object(Writer& w, const PolicyTable& t) {
  w.StartObject();
  field(w, "spec", t.spec);
  field(w, "type", t.type);
  field(w, "name", t.name);
  field(w, "proxied", t.proxied);
  field(w, "status", status_name(t.status));
  field(w, "detail", t.status_detail);
  field(w, "source_path", non_empty(t.source_path));
  field(w, "listed_in", t.listed_in);
  objects(w, "entries", t.entries, [&w](const TableEntry& e) {
    field(w, "key", e.key);
    field(w, "value", e.value);
    field(w, "location", e.where.describe());
    field(w, "duplicate", e.duplicate);
  });
  objects(w, "problems", t.problems, [&w](const TableProblem& p) {
    field(w, "message", p.message);
    field(w, "location", p.where.describe());
  });
  w.EndObject();
}

void global_json(Writer& w, const GlobalLevel& g) {
  key(w, "global");
  w.StartObject();
  field(w, "level", level_name(g.level));
  field(w, "text", g.text);
  field(w, "origin", g.as_provenance());
  field(w, "from_compat_default", g.from_compat_default);
  field(w, "derived", g.derived());
  obsolete_json(w, "derived_from_obsolete", g.derived_from_obsolete);
  obsolete_json(w, "obsolete_ignored", g.obsolete_ignored);
  w.EndObject();
}

void service_object(Writer& w, const ServicePolicy& s) {
  w.StartObject();
  field(w, "name", s.name);
  field(w, "prefix", s.prefix);
  global_json(w, s.global);
  field(w, "policy_maps", s.policy_maps);
  field(w, "per_site", s.per_site);
  field(w, "per_site_ignored", s.per_site_ignored);
  key(w, "policy");
  policy_object(w, s.policy);
  key(w, "destinations");
  w.StartArray();
  for (const EffectivePolicy& d : s.destinations) policy_object(w, d);
  w.EndArray();
  w.EndObject();
}
}  // namespace

std::string policy_json(std::string_view config_dir, const model::Model& model, const TlsModel& tm) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  field(w, "config_directory", config_dir);
  field(w, "postfix_version", model.version().to_string());
  field(w, "compatibility_level", model.compatibility_level());
  key(w, "tables");
  w.StartArray();
  for (const PolicyTable& t : tm.tables()) table_object(w, t);
  w.EndArray();
  key(w, "services");
  w.StartArray();
  for (const ServicePolicy& s : tm.services()) service_object(w, s);
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace pflint::report
