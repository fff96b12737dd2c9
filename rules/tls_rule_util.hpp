// NAME
//   tls_rule_util — small helpers shared by the TLS rules (PF3xxx, PF5xxx).
// DESCRIPTION
//   Finding the explicit smtp_/lmtp_ settings a rule inspects, expanding them
//   in their own scope, reporting at a TLS Provenance or table Location,
//   and reporting each place once although several client services share
//   it (the edits of fixes: rules/fix_edits.hpp).
// SEE ALSO
//   src/tls/*.hpp (the TLS model), src/lint/context.hpp.
#pragma once

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "lint/context.hpp"
#include "model/model.hpp"
#include "rules/fix_edits.hpp"
#include "tls/compiled_table.hpp"
#include "tls/effective_policy.hpp"
#include "tls/global_level.hpp"
#include "tls/level.hpp"
#include "tls/policy_table.hpp"
#include "tls/provenance.hpp"
#include "tls/text.hpp"
#include "tls/tls_model.hpp"
#include "util/ascii.hpp"

namespace pflint::rules::tlsr {

// trim - util::trim() as a string (the rules keep the trimmed value).
inline std::string trim(std::string_view s) { return std::string(util::trim(s)); }

// A client parameter setting: main.cf line or -o, with its expanded value.
struct ClientSetting {
  model::Setting setting;
  std::string prefix;    // "smtp" or "lmtp"
  std::string value;     // expanded, trimmed
  bool literal = false;  // the raw text is the value (token offsets map into the file)
};

// client_settings - effective explicit settings named <smtp|lmtp>_<suffix>.
inline std::vector<ClientSetting> client_settings(const model::Model& model, std::string_view suffix) {
  std::vector<ClientSetting> out;
  for (const model::Setting& s : model.settings()) {
    if (!s.effective) continue;
    std::string prefix;
    for (const std::string_view p : {std::string_view("smtp"), std::string_view("lmtp")}) {
      if (s.name.size() == p.size() + 1 + suffix.size() && s.name.starts_with(p) && s.name[p.size()] == '_' &&
          s.name.substr(p.size() + 1) == suffix) {
        prefix = std::string(p);
      }
    }
    if (prefix.empty()) continue;
    const expand::Result r = model.expand(s.value, s.origin.service);
    if (!r.ok()) continue;
    ClientSetting c{s, prefix, trim(r.value), false};
    c.literal = trim(s.value) == c.value && s.value.find('$') == std::string_view::npos;
    out.push_back(std::move(c));
  }
  return out;
}

// token_span - the file bytes of a token of a literal setting's value (the
// whole value otherwise).
inline syntax::Span token_span(const ClientSetting& c, std::uint32_t begin, std::uint32_t size) {
  if (!c.literal) return c.setting.origin.value_span.empty() ? c.setting.origin.name_span : c.setting.origin.value_span;
  const std::string_view raw = c.setting.value;
  const auto lead = static_cast<std::uint32_t>(raw.find_first_not_of(" \t\r\n") == std::string_view::npos
                                                   ? 0
                                                   : raw.find_first_not_of(" \t\r\n"));
  return model::value_span(c.setting.origin, lead + begin, lead + begin + size);
}

// report_token - a finding at one token of a setting's value.
inline lint::Diagnostic& report_token(lint::CheckContext& context, const ClientSetting& c, std::uint32_t begin,
                                      std::uint32_t size, std::string message) {
  return context.report(c.setting.origin.file, token_span(c, begin, size), std::move(message));
}

// shown - `name = value` as the user wrote it (with the expansion if different).
inline std::string shown(const ClientSetting& c) {
  if (c.literal) return fmt::format("{} = {}", c.setting.name, c.value);
  return fmt::format("{} = {} (= \"{}\")", c.setting.name, trim(c.setting.value), c.value);
}

// report_location - a finding at a table position (file-less when unknown).
inline lint::Diagnostic& report_location(lint::CheckContext& context, const tls::Location& where, std::string message) {
  return context.report(where.file, where.span, std::move(message));
}

// report_provenance - a finding where a TLS setting came from.
inline lint::Diagnostic& report_provenance(lint::CheckContext& context, const tls::Provenance& from,
                                           std::string message) {
  switch (from.kind) {
    case tls::Provenance::Kind::parameter: return context.report_at(from.origin, std::move(message));
    case tls::Provenance::Kind::table: return report_location(context, from.where, std::move(message));
    case tls::Provenance::Kind::level: break;
  }
  return context.report(nullptr, {}, std::move(message));
}

// describe_setting - "smtp_tls_CAfile = x (main.cf:3)", "smtp_tls_CAfile (empty, default)".
inline std::string describe_setting(const tls::Setting& s) {
  const std::string where = s.from.describe();
  if (s.value.empty()) return fmt::format("{} (empty, {})", s.from.parameter, where);
  if (s.from.kind == tls::Provenance::Kind::table) return fmt::format("{}={} ({})", s.from.parameter, s.value, where);
  return fmt::format("{} = {} ({})", s.from.parameter, s.value, where);
}

// Once - remembers the places already reported (several services share
// main.cf settings and tables).
class Once {
 public:
  bool first(const syntax::SourceFile* file, syntax::Span span, std::string_view extra = {}) {
    return seen_.insert({file, span.begin, span.end, std::string(extra)}).second;
  }
  bool first(const tls::Provenance& p, std::string_view extra = {}) {
    if (p.kind == tls::Provenance::Kind::table) return first(p.where.file, p.where.span, extra);
    if (p.origin.file) return first(p.origin.file, p.origin.value_span.empty() ? p.origin.name_span : p.origin.value_span, extra);
    return first(nullptr, syntax::Span{}, std::string(p.parameter) + "|" + std::string(extra));
  }

 private:
  std::set<std::tuple<const syntax::SourceFile*, std::uint32_t, std::uint32_t, std::string>> seen_;
};

// each_policy - the no-destination policy of every service, then every
// listed destination's policy, with the service they belong to.
template <typename F>
void each_policy(const tls::TlsModel& tls, F&& f) {
  for (const tls::ServicePolicy& svc : tls.services()) {
    f(svc, svc.policy);
    for (const tls::EffectivePolicy& d : svc.destinations) f(svc, d);
  }
}

// setting_use - whether some client service reads the setting `c` (a
// main.cf line reaches the services without their own -o of that name) and
// whether one of them, or a destination of its policy tables, runs at a
// policy for which `applies(policy)` holds. A table that cannot be read
// offline, or a lookup it makes uncertain, counts as a use.
struct SettingUse {
  bool read = false;
  bool used = false;
};
template <typename Applies>
SettingUse setting_use(const tls::TlsModel& tls, const ClientSetting& c, Applies&& applies) {
  SettingUse out;
  for (const tls::ServicePolicy& svc : tls.services()) {
    if (svc.prefix != c.prefix) continue;
    const config::MasterEntry* on = c.setting.origin.service;
    if (on ? svc.entry != on : (svc.entry && svc.entry->find_override(c.setting.name))) continue;
    out.read = true;
    out.used |= applies(svc.policy) || svc.policy.uncertain;
    for (const tls::EffectivePolicy& d : svc.destinations) out.used |= applies(d) || d.uncertain;
    for (const tls::PolicyTable* t : svc.policy_tables) out.used |= !t->evaluable();
    for (const tls::PolicyTable* t : svc.per_site_tables) out.used |= !svc.per_site_ignored && !t->evaluable();
  }
  return out;
}

// describe_global - "smtp_tls_security_level = encrypt (main.cf:3)", or the
// level the obsolete switches give.
inline std::string describe_global(const tls::GlobalLevel& g) {
  if (g.from_compat_default) {
    return fmt::format("{} = may (the 3.11 default at compatibility_level >= 3.11)", g.parameter);
  }
  if (g.derived()) {
    return fmt::format("TLS level {} from the obsolete {} ({})", tls::level_name(g.level), g.parameter,
                       g.origin.describe());
  }
  return fmt::format("{} = {} ({})", g.parameter, g.text, g.origin.describe());
}

// level_from - where the level of a policy comes from, in words.
inline std::string level_from(const tls::ServicePolicy& svc, const tls::EffectivePolicy& p) {
  if (p.from_table) {
    return fmt::format("the policy table entry for \"{}\" ({})", p.matched_key.empty() ? p.destination : p.matched_key,
                       p.level_setting.from.describe());
  }
  return describe_global(svc.global);
}

// for_whom - "mail to example.com via smtp/unix" or "every destination of smtp/unix".
inline std::string for_whom(const tls::ServicePolicy& svc, const tls::EffectivePolicy& p) {
  if (p.destination.empty()) return fmt::format("every destination of {} without its own policy", svc.name);
  return fmt::format("mail to \"{}\" via {}", p.destination, svc.name);
}

// is_policy_table - a table listed in <prefix>_tls_policy_maps (not per-site).
inline bool is_policy_table(const tls::PolicyTable& t) { return t.listed_in.parameter.ends_with("_tls_policy_maps"); }

// each_policy_entry - f(table, entry, parsed) for every entry of every
// readable TLS policy table, with the entry's value parsed for the target
// version (duplicates included: the caller decides).
template <typename F>
void each_policy_entry(lint::CheckContext& context, F&& f) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  for (const tls::PolicyTable& t : tls->tables()) {
    if (!is_policy_table(t) || !t.evaluable()) continue;
    for (const tls::TableEntry& e : t.entries) f(t, e, tls::parse_policy(e.value, context.version(), e.value_map));
  }
}

// report_policy_problems - the problems parse_policy() finds in every
// readable policy table entry (duplicates skipped: Postfix never reads
// them), those of the kinds `wanted` accepts, at the token concerned.
template <typename Pred>
void report_policy_problems(lint::CheckContext& context, Pred wanted) {
  each_policy_entry(context, [&](const tls::PolicyTable& t, const tls::TableEntry& e, const tls::ParsedPolicy& p) {
    if (e.duplicate) return;
    for (const tls::PolicyProblem& pr : p.problems) {
      if (!wanted(pr.kind)) continue;
      report_location(context, pr.where.file ? pr.where : e.where,
                      fmt::format("policy for \"{}\" ({}): {}; {}", e.key, t.listed_in.parameter, pr.message,
                                  pr.defers ? "Postfix defers all mail to this destination (4.7.5, client TLS "
                                              "configuration problem)"
                                            : "Postfix logs a warning and ignores it"));
    }
  });
}

// outside_config_dir - a missing file table whose path is not under the
// checked directory: it may well exist on the server (checking a copy of
// /etc/postfix elsewhere), so it cannot be judged missing.
inline bool outside_config_dir(const tls::PolicyTable& t, const std::string& config_dir) {
  if (t.status != tls::TableStatus::missing || t.source_path.empty() || config_dir.empty()) return false;
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = fs::weakly_canonical(fs::absolute(config_dir, ec), ec);
  const fs::path path = fs::weakly_canonical(fs::path(t.source_path), ec);
  const auto [d, p] = std::mismatch(dir.begin(), dir.end(), path.begin(), path.end());
  return d != dir.end();
}

}  // namespace pflint::rules::tlsr
