// NAME
//   effective_policy — policy_create() offline (see effective_policy.hpp).
// SEE ALSO
//   src/smtp/smtp_tls_policy.c (policy_create, tls_policy_lookup,
//   tls_site_lookup, set_cipher_grade, dane_init), src/tls/tls_misc.c
//   (tls_proto_mask_lims, tls_set_ciphers), src/util/valid_hostname.c.
#include "tls/effective_policy.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "tls/fingerprint.hpp"
#include "tls/text.hpp"
#include "tls/tls_model.hpp"

namespace pflint::tls {
namespace {

constexpr params::Version k_v3_8{3, 8, 0};
constexpr params::Version k_v3_9{3, 9, 0};

// ---- protocols ----

struct ProtocolName {
  std::string_view name;
  unsigned version;  // wire version; SSLv2 has no bit in OpenSSL >= 1.1
};
constexpr std::array<ProtocolName, 6> k_protocol_versions{{
    {"SSLv2", 0x0002},
    {"SSLv3", 0x0300},
    {"TLSv1", 0x0301},
    {"TLSv1.1", 0x0302},
    {"TLSv1.2", 0x0303},
    {"TLSv1.3", 0x0304},
}};

const ProtocolName* find_protocol(std::string_view name) {
  for (const ProtocolName& p : k_protocol_versions) {
    if (iequals(p.name, name)) return &p;
  }
  return nullptr;
}

// parse_tls_vers - a ">=" / "<=" operand: None, SSLv3..TLSv1.3, or hex.
std::optional<unsigned> parse_tls_vers(std::string_view text) {
  if (iequals(text, "None")) return 0U;
  if (const ProtocolName* p = find_protocol(text); p && p->name != "SSLv2") return p->version;
  std::string_view hex = text;
  if (hex.starts_with("0x") || hex.starts_with("0X")) hex.remove_prefix(2);
  if (hex.empty() || hex.size() > 4) return std::nullopt;
  unsigned v = 0;
  for (const char c : hex) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : ascii_lower(c) - 'a' + 10);
  }
  return v;
}

std::string version_text(std::string_view token, unsigned version) {
  if (version == 0) return "None";
  for (const ProtocolName& p : k_protocol_versions) {
    if (p.version == version) return std::string(p.name);
  }
  return std::string(token);
}

// ---- settings ----

// parameter_setting - `name` is taken by value: callers pass fresh names.
Setting parameter_setting(const model::Model& model, const config::MasterEntry* service, std::string name) {
  const model::Resolved& r = model.resolved(name, service);
  Setting s;
  s.value = r.value;
  s.from.kind = Provenance::Kind::parameter;
  s.from.parameter = std::move(name);
  s.from.origin = r.origin;
  return s;
}

Setting attribute_setting(const PolicyAttribute& a) {
  Setting s;
  s.value = a.value;
  s.from.kind = Provenance::Kind::table;
  s.from.parameter = a.name;
  s.from.where = a.where;
  return s;
}

Provenance implied_by(Level level) {
  Provenance p;
  p.kind = Provenance::Kind::level;
  p.parameter = "implied by level " + std::string(level_name(level));
  return p;
}

// setting_or_attribute - policy attribute `attr` if present, else parameter `name`.
Setting setting_or_attribute(const model::Model& model, const ServicePolicy& svc, const std::optional<ParsedPolicy>& pol,
                             std::string_view attr, std::string_view suffix) {
  if (pol) {
    if (const PolicyAttribute* a = pol->first(attr)) return attribute_setting(*a);
  }
  return parameter_setting(model, svc.entry, svc.parameter(suffix));
}

// ---- level lookup ----

// tls_policy_lookup - next hop, then its parent domains `.parent`; the first
// table with a hit answers for a key.
void tls_policy_lookup(EffectivePolicy& p, const ServicePolicy& svc, std::string_view dest) {
  std::vector<std::string> keys{std::string(dest)};
  if (valid_hostname(dest)) {
    for (std::size_t dot = dest.find('.', 1); dot != std::string_view::npos; dot = dest.find('.', dot + 1)) {
      keys.emplace_back(dest.substr(dot));
    }
  }
  for (const std::string& key : keys) {
    for (const PolicyTable* t : svc.policy_tables) {
      if (!t->evaluable()) {
        p.uncertain = true;
        continue;
      }
      if (const TableEntry* e = t->find(key)) {
        p.table = t;
        p.entry = e;
        p.matched_key = key;
        return;
      }
    }
  }
}

// tls_site_lookup - the legacy per-site combination for the next hop.
Level tls_site_lookup(EffectivePolicy& p, const ServicePolicy& svc, std::string_view dest) {
  Level site = Level::not_found;
  for (const PolicyTable* t : svc.per_site_tables) {
    if (!t->evaluable()) {
      p.uncertain = true;
      continue;
    }
    const TableEntry* e = t->find(dest);
    if (!e) continue;
    p.table = t;
    p.entry = e;
    p.matched_key = std::string(dest);
    p.per_site.push_back(e->value);
    switch (parse_site_value(e->value)) {
      case SiteValue::none:
        if (site <= Level::may) site = Level::none;
        break;
      case SiteValue::may:
        if (site < Level::none) site = Level::may;
        break;
      case SiteValue::must_nopeermatch: site = std::max(site, Level::encrypt); break;
      case SiteValue::must: site = std::max(site, Level::verify); break;
      case SiteValue::invalid:
        p.invalid_reasons.push_back(
            fmt::format("{}: unknown TLS policy '{}' for next-hop destination {}", t->spec, e->value, dest));
        return Level::invalid;
    }
    break;  // maps_find: the first table with a hit answers
  }
  // A per-site MAY yields to a stronger global level.
  if (site == Level::may && svc.global.level > Level::may) site = svc.global.level;
  return site;
}

// resolve_level - policy_create()'s level decision.
void resolve_level(EffectivePolicy& p, const model::Model& model, const ServicePolicy& svc,
                   std::optional<std::string_view> dest) {
  p.level = svc.global.level;
  p.level_setting = Setting{svc.global.text, svc.global.as_provenance()};
  if (svc.global.level == Level::invalid) {
    p.invalid_reasons.push_back(fmt::format("Invalid TLS level \"{}\"", svc.global.text));
  }
  if (!dest) return;
  if (!svc.policy_maps.value.empty()) {
    tls_policy_lookup(p, svc, *dest);
    if (!p.entry) return;
    p.from_table = true;
    p.invalid_reasons.clear();  // the table replaces the global level entirely
    p.policy = parse_policy(p.entry->value, model.version(), p.entry->value_map);
    p.level_setting.value = p.policy->level_text;
    p.level_setting.from = Provenance{Provenance::Kind::table, "level", {}, p.policy->level_where};
    if (!p.level_setting.from.where.file) p.level_setting.from.where = p.entry->where;
    for (const PolicyProblem& problem : p.policy->problems) {
      if (problem.defers) p.invalid_reasons.push_back(problem.message);
    }
    p.level = p.policy->valid() ? p.policy->level : Level::invalid;
  } else if (!svc.per_site.value.empty()) {
    const Level site = tls_site_lookup(p, svc, *dest);
    if (site == Level::not_found) return;
    p.from_table = true;
    p.invalid_reasons.clear();
    if (site == Level::invalid) {
      p.level = Level::invalid;
      p.invalid_reasons.push_back(fmt::format("unknown TLS policy '{}'", p.entry ? p.entry->value : ""));
      return;
    }
    p.level = site;
    p.level_setting.value = std::string(level_name(site));
    if (site == svc.global.level && p.entry && parse_site_value(p.entry->value) == SiteValue::may) {
      p.level_setting.from = svc.global.as_provenance();  // MAY yielded to the global level
    } else {
      p.level_setting.from = Provenance{Provenance::Kind::table, "per-site", {}, p.entry->where};
    }
  }
}

// add_exclusions - the tokens of one exclusion list (smtp_tls_exclude_ciphers,
// exclude=); "!", "+", "-", "@" in front make the session fail.
void add_exclusions(CipherSettings& c, const std::string& list, const Provenance& from) {
  for (const Token& t : tokens(list, k_comma_sp_colon)) {
    if (std::string_view("!+-@").find(t.text.front()) != std::string_view::npos) {
      c.bad_exclusions.emplace_back(t.text);
    }
    c.exclusions.push_back({std::string(t.text), from});
  }
}

// ---- matching, trust, DANE ----

void set_match(EffectivePolicy& p, const model::Model& model, const ServicePolicy& svc) {
  MatchSettings& m = p.match;
  const std::vector<const PolicyAttribute*> attrs = p.policy ? p.policy->all("match") : std::vector<const PolicyAttribute*>{};
  if (p.level == Level::fingerprint) {
    m.kind = MatchSettings::Kind::fingerprint;
    m.digest = parameter_setting(model, svc.entry, svc.parameter("tls_fingerprint_digest"));
    if (!attrs.empty()) {
      for (const PolicyAttribute* a : attrs) {
        for (const Token& t : tokens(a->value, "|")) m.values.emplace_back(t.text);
        m.from.push_back(attribute_setting(*a).from);
      }
    } else {
      const Setting s = parameter_setting(model, svc.entry, svc.parameter("tls_fingerprint_cert_match"));
      for (const Token& t : tokens(s.value, k_comma_sp)) m.values.emplace_back(t.text);
      m.from.push_back(s.from);
    }
    for (const std::string& v : m.values) {
      if (!parse_fingerprint(v)) m.malformed.push_back(v);
    }
    if (m.values.empty()) {
      p.invalid_reasons.push_back(fmt::format("nexthop domain {}: configured at fingerprint security level, but with "
                                              "no fingerprints to match.",
                                              p.destination.empty() ? "(any)" : p.destination));
    }
  } else if (p.level == Level::verify || p.level == Level::secure) {
    m.kind = MatchSettings::Kind::names;
    if (!attrs.empty()) {
      for (const PolicyAttribute* a : attrs) {
        for (const Token& t : tokens(a->value, ":")) m.values.emplace_back(t.text);
        m.from.push_back(attribute_setting(*a).from);
      }
    } else {
      const Setting s = parameter_setting(
          model, svc.entry, svc.parameter(p.level == Level::verify ? "tls_verify_cert_match" : "tls_secure_cert_match"));
      for (const Token& t : tokens(s.value, k_comma_sp_colon)) m.values.emplace_back(t.text);
      m.from.push_back(s.from);
    }
  } else if (tls_dane_based(p.level)) {
    m.kind = MatchSettings::Kind::dane;
  }
}

void set_trust(EffectivePolicy& p, const model::Model& model, const ServicePolicy& svc) {
  TrustAnchors& t = p.trust;
  t.ca_file = parameter_setting(model, svc.entry, svc.parameter("tls_CAfile"));
  t.ca_path = parameter_setting(model, svc.entry, svc.parameter("tls_CApath"));
  t.trust_anchor_file = parameter_setting(model, svc.entry, svc.parameter("tls_trust_anchor_file"));
  t.append_default_ca = parameter_setting(model, svc.entry, "tls_append_default_CA");
  if (p.policy) {
    for (const PolicyAttribute* a : p.policy->all("tafile")) t.tafiles.push_back(attribute_setting(*a));
  }
  t.relevant = tls_must_pkix(p.level);
  t.none_loaded = t.relevant && t.ca_file.value.empty() && t.ca_path.value.empty() &&
                  t.trust_anchor_file.value.empty() && t.tafiles.empty();
}

// dane_init - the static DANE prerequisites (smtp_tls_policy.c dane_init).
void dane_init(EffectivePolicy& p, const model::Model& model, const ServicePolicy& svc) {
  DanePrerequisites d;
  const bool smtp = svc.prefix == "smtp";
  const std::string dest = p.destination.empty() ? "(any)" : p.destination;
  const std::string_view level = level_name(p.level);
  d.dns_support_level = parameter_setting(model, svc.entry, svc.parameter("dns_support_level"));
  d.host_lookup = parameter_setting(model, svc.entry, svc.parameter("host_lookup"));
  d.resolver_options = parameter_setting(model, svc.entry, svc.parameter("dns_resolver_options"));
  if (smtp) {
    d.ignore_mx_lookup_error = parameter_setting(model, svc.entry, "ignore_mx_lookup_error");
    d.insecure_mx_policy = parameter_setting(model, svc.entry, "smtp_tls_dane_insecure_mx_policy");
  }
  if (d.dns_support_level.value != "dnssec" || !has_token(d.host_lookup.value, "dns")) {
    d.problems.push_back(fmt::format("{}: {} configured with dnssec lookups disabled", dest, level));
  }
  if (d.ignore_mx_lookup_error && iequals(d.ignore_mx_lookup_error->value, "yes")) {
    d.problems.push_back(fmt::format("{}: {} configured with MX lookup errors ignored", dest, level));
  }
  if (has_token(d.resolver_options.value, "res_defnames") || has_token(d.resolver_options.value, "res_dnsrch")) {
    d.problems.push_back(fmt::format("{}: dns resolver options incompatible with {} TLS", dest, level));
  }
  if (!d.problems.empty()) d.fallback = p.level == Level::dane ? Level::may : Level::invalid;
  p.dane = std::move(d);
}

void set_session_options(EffectivePolicy& p, const model::Model& model, const ServicePolicy& svc) {
  if (Setting s = setting_or_attribute(model, svc, p.policy, "servername", "tls_servername"); !s.value.empty()) {
    p.servername = std::move(s);
  }
  p.connection_reuse = setting_or_attribute(model, svc, p.policy, "connection_reuse", "tls_connection_reuse");
  if (model.version() >= k_v3_9) {
    p.enable_rpk = setting_or_attribute(model, svc, p.policy, "enable_rpk", "tls_enable_rpk");
  }
}

}  // namespace

ProtocolSettings resolve_protocols(const model::Model& model, const ServicePolicy& service,
                                   const std::optional<ParsedPolicy>& policy, Level level) {
  const std::string_view suffix = level == Level::may ? "tls_protocols" : "tls_mandatory_protocols";
  ProtocolSettings out;
  out.setting = setting_or_attribute(model, service, policy, "protocols", suffix);
  out.list = parse_protocols(out.setting.value, tls_dane_based(level));
  return out;
}

CipherSettings resolve_ciphers(const model::Model& model, const ServicePolicy& service,
                               const std::optional<ParsedPolicy>& policy, Level level) {
  CipherSettings c;
  const bool mandatory = level > Level::may;
  c.grade = setting_or_attribute(model, service, policy, "ciphers", mandatory ? "tls_mandatory_ciphers" : "tls_ciphers");
  c.parsed = parse_cipher_grade(c.grade.value);
  c.effective = effective_grade(c.parsed, model.version());
  const PolicyAttribute* exclude = policy ? policy->first("exclude") : nullptr;
  if (exclude) {
    add_exclusions(c, exclude->value, attribute_setting(*exclude).from);
  } else {
    for (const std::string_view suffix : {std::string_view("tls_exclude_ciphers"),
                                          std::string_view("tls_mandatory_exclude_ciphers")}) {
      if (!mandatory && suffix == "tls_mandatory_exclude_ciphers") continue;
      const Setting s = parameter_setting(model, service.entry, service.parameter(suffix));
      add_exclusions(c, s.value, s.from);
    }
  }
  if (level == Level::encrypt) c.exclusions.push_back({"eNULL", implied_by(level)});
  if (level > Level::encrypt) c.exclusions.push_back({"aNULL", implied_by(level)});
  if (c.effective != CipherGrade::invalid) {
    c.cipherlist =
        parameter_setting(model, service.entry, "tls_" + std::string(cipher_grade_name(c.effective)) + "_cipherlist");
    if (c.bad_exclusions.empty()) {
      c.openssl = c.cipherlist.value;
      for (const CipherExclusion& e : c.exclusions) c.openssl += ":!" + e.cipher;
    }
  }
  return c;
}

std::string protocols_summary(const ProtocolList& list) {
  const auto joined = [](const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : " ") + s;
    return out;
  };
  if (list.invalid()) return "invalid: " + joined(list.unknown);
  return list.enabled.empty() ? "nothing" : joined(list.enabled);
}

ProtocolList parse_protocols(std::string_view text, bool dane) {
  ProtocolList out;
  out.text = std::string(text);
  std::optional<unsigned> floor;
  std::optional<unsigned> ceiling;
  for (const Token& t : tokens(text, k_comma_sp_colon)) {
    std::string_view tok = t.text;
    if (tok.starts_with(">=") || tok.starts_with("<=")) {
      const std::optional<unsigned> v = parse_tls_vers(tok.substr(2));
      if (!v) {
        out.unknown.emplace_back(tok);
        continue;
      }
      const bool is_floor = tok.front() == '>';
      (is_floor ? floor : ceiling) = *v;
      (is_floor ? out.floor : out.ceiling) = version_text(tok.substr(2), *v);
      continue;
    }
    const bool exclude = tok.starts_with('!');
    if (exclude) tok.remove_prefix(1);
    const ProtocolName* p = find_protocol(tok);
    if (!p) {
      out.unknown.emplace_back(t.text);
      continue;
    }
    (exclude ? out.excluded : out.included).emplace_back(p->name);
  }
  const auto in = [](const std::vector<std::string>& v, std::string_view n) {
    return std::find(v.begin(), v.end(), n) != v.end();
  };
  // SSLv2 has no bit: an include list of SSLv2 alone restricts nothing.
  const bool includes = std::any_of(out.included.begin(), out.included.end(), [](const std::string& n) { return n != "SSLv2"; });
  out.only_unsupported_includes = !out.included.empty() && !includes;
  if (floor && ceiling && *floor && *ceiling && *floor > *ceiling) out.floor_above_ceiling = true;
  for (const ProtocolName& p : k_protocol_versions) {
    if (p.name == "SSLv2") continue;
    if (includes && !in(out.included, p.name)) continue;
    if (in(out.excluded, p.name)) continue;
    if (dane && p.name == "SSLv3") continue;
    if (floor && *floor && p.version < *floor) continue;
    if (ceiling && *ceiling && p.version > *ceiling) continue;
    out.enabled.emplace_back(p.name);
  }
  return out;
}

CipherGrade parse_cipher_grade(std::string_view text) {
  if (iequals(text, "high")) return CipherGrade::high;
  if (iequals(text, "medium")) return CipherGrade::medium;
  if (iequals(text, "low")) return CipherGrade::low;
  if (iequals(text, "export")) return CipherGrade::export_;
  if (iequals(text, "null")) return CipherGrade::null;
  return CipherGrade::invalid;
}

std::string_view cipher_grade_name(CipherGrade grade) {
  switch (grade) {
    case CipherGrade::high: return "high";
    case CipherGrade::medium: return "medium";
    case CipherGrade::low: return "low";
    case CipherGrade::export_: return "export";
    case CipherGrade::null: return "null";
    case CipherGrade::invalid: return "invalid";
  }
  return "invalid";
}

CipherGrade effective_grade(CipherGrade grade, params::Version version) {
  if (version >= k_v3_8 && (grade == CipherGrade::low || grade == CipherGrade::export_)) return CipherGrade::medium;
  return grade;
}

std::string default_cipherlist(CipherGrade grade, params::Version version) {
  const CipherGrade g = effective_grade(grade, version);
  if (version >= k_v3_8) {
    constexpr std::string_view excl = ":!SEED:!IDEA:!3DES:!RC2:!RC4:!RC5:!kDH:!kECDH:!aDSS:!MD5";
    switch (g) {
      case CipherGrade::high: return fmt::format("aNULL:-aNULL:HIGH{}:@STRENGTH", excl);
      case CipherGrade::medium: return fmt::format("aNULL:-aNULL:HIGH:MEDIUM{}:+RC4:@STRENGTH", excl);
      case CipherGrade::null: return "eNULL:!kDH:!kECDH:!aDSS:!MD5:!aNULL";
      default: return "";
    }
  }
  switch (g) {
    case CipherGrade::high: return "aNULL:-aNULL:HIGH:@STRENGTH";
    case CipherGrade::medium: return "aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH";
    case CipherGrade::low: return "aNULL:-aNULL:HIGH:MEDIUM:LOW:+RC4:@STRENGTH";
    case CipherGrade::export_: return "aNULL:-aNULL:HIGH:MEDIUM:LOW:EXPORT:+RC4:@STRENGTH";
    case CipherGrade::null: return "eNULL:!aNULL";
    case CipherGrade::invalid: return "";
  }
  return "";
}

bool valid_hostname(std::string_view name) {
  if (name.empty() || name.size() > 255) return false;
  bool all_numeric = true;
  std::size_t label = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '.') {
      if (label == 0 || name[i - 1] == '-') return false;
      label = 0;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '_') {
      if (!std::isdigit(u)) all_numeric = false;
    } else if (c == '-') {
      if (label == 0) return false;
      all_numeric = false;
    } else {
      return false;
    }
    if (++label > 63) return false;
  }
  return label > 0 && name.back() != '-' && !all_numeric;
}

EffectivePolicy effective_policy(const model::Model& model, const ServicePolicy& service,
                                 std::optional<std::string_view> destination) {
  EffectivePolicy p;
  if (destination) p.destination = std::string(*destination);
  resolve_level(p, model, service, destination);
  if (p.level < Level::may) return p;  // none, invalid: no TLS settings apply
  if (tls_dane_based(p.level)) dane_init(p, model, service);
  // Postfix applies a DANE fallback before it picks the level's protocols,
  // ciphers and matching (smtp_tls_policy.c policy_create), so the settings
  // are those of the level used; `level` keeps the configured one.
  const Level configured = p.level;
  p.level = p.used_level();
  if (p.level >= Level::may) {
    ProtocolSettings protocols = resolve_protocols(model, service, p.policy, p.level);
    p.protocols = std::move(protocols.list);
    p.protocols_setting = std::move(protocols.setting);
    p.ciphers = resolve_ciphers(model, service, p.policy, p.level);
    set_match(p, model, service);
    set_trust(p, model, service);
    set_session_options(p, model, service);
  }
  p.level = configured;
  return p;
}

}  // namespace pflint::tls
