// NAME
//   policy_text — `pflint policy` as text (see policy_text.hpp).
// DESCRIPTION
//   Rows are `LABEL VALUE  [ORIGIN]`, the label padded to 12 columns; an
//   empty value shows as "(empty)". Service rows are indented two spaces,
//   destination rows four.
// SEE ALSO
//   src/report/policy_json.cpp, tests/cli/test_policy.sh.
#include "report/policy_text.hpp"

#include <fmt/format.h>

namespace pflint::report {
namespace {
using namespace pflint::tls;

// origin_text - where a setting comes from, for the bracket after a row.
std::string origin_text(const Provenance& p) { return origin_label(p); }

// Rows of one block, all with the same indent.
struct Rows {
  std::FILE* out;
  std::string_view indent;

  void row(std::string_view label, std::string_view value, const std::string& origin) const {
    fmt::print(out, "{}{:<12} {}{}\n", indent, label, value.empty() ? "(empty)" : value,
               origin.empty() ? "" : "  [" + origin + "]");
  }
};

std::string joined(const std::vector<std::string>& v, std::string_view sep = " ") {
  return fmt::format("{}", fmt::join(v, sep));
}

// level_row - the level used; an invalid level with its text, a DANE
// fallback with the configured level and why it is not usable.
void level_row(const Rows& r, const EffectivePolicy& p) {
  std::string level(level_name(p.used_level()));
  if (p.level == Level::invalid && !p.level_setting.value.empty()) level += " (\"" + p.level_setting.value + "\")";
  if (p.used_level() != p.level) {
    level += fmt::format(" (configured {}, not usable: {})", level_name(p.level), joined(p.dane->problems, "; "));
  }
  r.row("level", level, origin_text(p.level_setting.from));
}

void protocol_rows(const Rows& r, const EffectivePolicy& p) {
  if (!p.protocols || !p.protocols_setting) return;
  const std::string v = p.protocols_setting->value + " → " + protocols_summary(*p.protocols);
  r.row("protocols", v, origin_text(p.protocols_setting->from));
}

void cipher_rows(const Rows& r, const EffectivePolicy& p) {
  if (!p.ciphers) return;
  const CipherSettings& c = *p.ciphers;
  std::string v = c.grade.value;
  if (c.effective != c.parsed) v += fmt::format(" (= {})", cipher_grade_name(c.effective));
  r.row("ciphers", v, origin_text(c.grade.from));
  for (const CipherExclusion& e : c.exclusions) r.row("exclude", e.cipher, origin_text(e.from));
  r.row("openssl", c.openssl.empty() ? "(invalid)" : c.openssl, "");
}

void match_rows(const Rows& r, const EffectivePolicy& p) {
  const MatchSettings& m = p.match;
  if (m.kind == MatchSettings::Kind::names || m.kind == MatchSettings::Kind::fingerprint) {
    std::string origins;
    for (const Provenance& f : m.from) origins += (origins.empty() ? "" : "; ") + origin_text(f);
    r.row("match", joined(m.values), origins);
  } else if (m.kind == MatchSettings::Kind::dane) {
    r.row("match", "TLSA records (DANE)", "");
  }
  if (m.digest) r.row("digest", m.digest->value, origin_text(m.digest->from));
}

void trust_rows(const Rows& r, const EffectivePolicy& p) {
  if (!p.trust.relevant) return;
  r.row("CAfile", p.trust.ca_file.value, origin_text(p.trust.ca_file.from));
  r.row("CApath", p.trust.ca_path.value, origin_text(p.trust.ca_path.from));
  if (!p.trust.trust_anchor_file.value.empty()) {
    r.row("anchors", p.trust.trust_anchor_file.value, origin_text(p.trust.trust_anchor_file.from));
  }
  for (const Setting& t : p.trust.tafiles) r.row("tafile", t.value, origin_text(t.from));
  if (p.trust.none_loaded) r.row("trust", "no CA or trust anchor configured: certificates never verify", "");
}

// policy_rows - one effective policy (a service's, or a destination's).
void policy_rows(const Rows& r, const EffectivePolicy& p) {
  level_row(r, p);
  if (!p.matched_key.empty() && p.matched_key != p.destination) r.row("matched", p.matched_key, "");
  if (!p.per_site.empty()) r.row("per-site", joined(p.per_site), "");
  for (const std::string& reason : p.invalid_reasons) r.row("deferred", reason, "");
  if (p.uncertain) r.row("uncertain", "a table that cannot be read offline is consulted first", "");
  protocol_rows(r, p);
  cipher_rows(r, p);
  match_rows(r, p);
  trust_rows(r, p);
  if (p.dane) {
    for (const std::string& problem : p.dane->problems) r.row("dane", problem, "");
  }
  if (p.servername) r.row("servername", p.servername->value, origin_text(p.servername->from));
}

// service_rows - a service's global level notes and its tables.
void service_rows(const Rows& r, const ServicePolicy& s) {
  for (const ObsoleteSetting& o : s.global.obsolete_ignored) {
    r.row("ignored", fmt::format("{} = {}", o.name, o.value), o.origin.describe());
  }
  if (s.global.from_compat_default) r.row("note", "level is the 3.11 default (compatibility_level >= 3.11)", "");
  for (const PolicyTable* t : s.policy_tables) {
    r.row("policy map", fmt::format("{} ({}, {} entries)", t->spec, status_name(t->status), t->entries.size()),
          origin_text(t->listed_in));
  }
  for (const PolicyTable* t : s.per_site_tables) {
    r.row("per-site", fmt::format("{} ({}{})", t->spec, status_name(t->status),
                                  s.per_site_ignored ? ", ignored: policy maps are set" : ""),
          origin_text(t->listed_in));
  }
}
}  // namespace

void write_policy_text(std::string_view config_dir, const model::Model& model, const TlsModel& tm, std::FILE* out) {
  fmt::print(out, "TLS client policy of {} (Postfix {}, compatibility_level {})\n", config_dir,
             model.version().to_string(), model.compatibility_level());
  for (const ServicePolicy& s : tm.services()) {
    fmt::print(out, "\nservice {} ({}_* parameters)\n", s.name, s.prefix);
    const Rows service{out, "  "};
    policy_rows(service, s.policy);
    service_rows(service, s);
    for (const EffectivePolicy& d : s.destinations) {
      fmt::print(out, "  destination {}\n", d.destination);
      policy_rows(Rows{out, "    "}, d);
    }
  }
}

}  // namespace pflint::report
