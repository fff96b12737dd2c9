// NAME
//   policy_diff — comparing two TLS models item by item (see policy_diff.hpp).
// DESCRIPTION
//   Each item becomes a SideValue per side (its text and origin) and is a
//   change when the texts differ; the weakening checks then look at the
//   parsed data, never at the texts.
#include "diff/policy_diff.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diff/weaken.hpp"

namespace pflint::diff {
namespace {
using namespace pflint::tls;

SideValue absent() { return {}; }
SideValue of(const Setting& s) { return {s.value, origin_label(s.from)}; }
SideValue of(const std::optional<Setting>& s) { return s ? of(*s) : absent(); }

std::string joined(const std::vector<std::string>& v) { return fmt::format("{}", fmt::join(v, " ")); }

struct Collector {
  std::vector<Change>& out;
  void add(std::string item, SideValue was, SideValue now, std::string weakening = {}) const {
    if (was.value == now.value) return;
    out.push_back({std::move(item), std::move(was), std::move(now), std::move(weakening)});
  }
};

SideValue level_value(const EffectivePolicy& p) {
  std::string v(level_name(p.used_level()));
  if (p.level == Level::invalid && !p.level_setting.value.empty()) v += " (\"" + p.level_setting.value + "\")";
  if (p.used_level() != p.level) v += fmt::format(" (configured {}, not usable)", level_name(p.level));
  return {v, origin_label(p.level_setting.from)};
}

void level_items(const Collector& c, const EffectivePolicy& a, const EffectivePolicy& b) {
  c.add("level", level_value(a), level_value(b), level_weakening(a.used_level(), b.used_level()));
  const auto entry = [](const EffectivePolicy& p) -> SideValue {
    if (!p.from_table) return {"none (global level)", origin_label(p.level_setting.from)};
    return {fmt::format("{} = {}", p.matched_key, p.level_setting.value), origin_label(p.level_setting.from)};
  };
  if (a.destination.empty() && b.destination.empty()) return;
  std::string why;
  if (a.from_table && !b.from_table) {
    why = fmt::format("falls back from the policy entry for {} to the global level", a.matched_key);
  }
  c.add("policy entry", entry(a), entry(b), why);
}

void protocol_items(const Collector& c, const EffectivePolicy& a, const EffectivePolicy& b) {
  const auto value = [](const EffectivePolicy& p) -> SideValue {
    if (!p.protocols || !p.protocols_setting) return absent();
    return {p.protocols_setting->value + " → " + protocols_summary(*p.protocols), origin_label(p.protocols_setting->from)};
  };
  std::vector<std::string> admitted;
  if (a.protocols && b.protocols && !b.protocols->invalid()) {
    for (const std::string& proto : b.protocols->enabled) {
      if (std::find(a.protocols->enabled.begin(), a.protocols->enabled.end(), proto) == a.protocols->enabled.end()) {
        admitted.push_back(proto);
      }
    }
  }
  c.add("protocols", value(a), value(b), admitted.empty() ? "" : "protocol admitted: " + joined(admitted));
}

void cipher_items(const Collector& c, const EffectivePolicy& a, const EffectivePolicy& b) {
  const auto grade = [](const EffectivePolicy& p) -> SideValue {
    if (!p.ciphers) return absent();
    std::string v = p.ciphers->grade.value;
    if (p.ciphers->effective != p.ciphers->parsed) v += fmt::format(" (= {})", cipher_grade_name(p.ciphers->effective));
    return {v, origin_label(p.ciphers->grade.from)};
  };
  const bool both = a.ciphers && b.ciphers;
  c.add("ciphers", grade(a), grade(b), both ? grade_weakening(a.ciphers->effective, b.ciphers->effective) : "");
  // Exclusions one by one: dropped ones admit a cipher again.
  const auto find = [](const std::optional<CipherSettings>& s, const std::string& cipher) -> const CipherExclusion* {
    if (!s) return nullptr;
    for (const CipherExclusion& e : s->exclusions) {
      if (e.cipher == cipher) return &e;
    }
    return nullptr;
  };
  const auto side = [](const CipherExclusion* e) { return e ? SideValue{"!" + e->cipher, origin_label(e->from)} : absent(); };
  if (a.ciphers) {
    for (const CipherExclusion& e : a.ciphers->exclusions) {
      if (find(b.ciphers, e.cipher) == nullptr) {
        c.add("exclude", side(&e), absent(), b.ciphers ? "exclusion dropped: " + e.cipher + " admitted" : "");
      }
    }
  }
  if (b.ciphers) {
    for (const CipherExclusion& e : b.ciphers->exclusions) {
      if (find(a.ciphers, e.cipher) == nullptr) c.add("exclude", absent(), side(&e));
    }
  }
}

std::string_view kind_name(MatchSettings::Kind k) {
  switch (k) {
    case MatchSettings::Kind::none: return "none";
    case MatchSettings::Kind::fingerprint: return "fingerprint";
    case MatchSettings::Kind::names: return "names";
    case MatchSettings::Kind::dane: return "TLSA records (DANE)";
  }
  return "none";
}

void match_items(const Collector& c, const EffectivePolicy& a, const EffectivePolicy& b) {
  const auto value = [](const MatchSettings& m) -> SideValue {
    std::string origins;
    for (const Provenance& f : m.from) origins += (origins.empty() ? "" : "; ") + origin_label(f);
    if (m.kind == MatchSettings::Kind::names || m.kind == MatchSettings::Kind::fingerprint) {
      return {fmt::format("{}: {}", kind_name(m.kind), joined(m.values)), origins};
    }
    return {std::string(kind_name(m.kind)), origins};
  };
  std::string why;
  const MatchSettings& ma = a.match;
  const MatchSettings& mb = b.match;
  if (ma.kind != MatchSettings::Kind::none && mb.kind == MatchSettings::Kind::none) {
    why = "peer matching dropped";
  } else if (ma.kind == mb.kind && ma.kind != MatchSettings::Kind::dane) {
    std::vector<std::string> wider;
    for (const std::string& v : mb.values) {
      if (std::find(ma.values.begin(), ma.values.end(), v) == ma.values.end()) wider.push_back(v);
    }
    if (!wider.empty()) why = "matches more peers: " + joined(wider);
  }
  c.add("match", value(ma), value(mb), why);
  const bool digests_used = mb.kind == MatchSettings::Kind::fingerprint || mb.kind == MatchSettings::Kind::dane;
  c.add("digest", of(ma.digest), of(mb.digest),
        ma.digest && mb.digest && digests_used ? digest_weakening(ma.digest->value, mb.digest->value) : "");
}

// trust_items - only between two levels that verify a chain (the level
// change says the rest).
void trust_items(const Collector& c, const EffectivePolicy& a, const EffectivePolicy& b) {
  if (!a.trust.relevant || !b.trust.relevant) return;
  c.add("CAfile", of(a.trust.ca_file), of(b.trust.ca_file));
  c.add("CApath", of(a.trust.ca_path), of(b.trust.ca_path));
  c.add("anchors", of(a.trust.trust_anchor_file), of(b.trust.trust_anchor_file));
  const auto tafiles = [](const EffectivePolicy& p) -> SideValue {
    if (p.trust.tafiles.empty()) return absent();
    SideValue v{std::string(), std::string()};
    for (const Setting& t : p.trust.tafiles) {
      *v.value += (v.value->empty() ? "" : " ") + t.value;
      v.origin += (v.origin.empty() ? "" : "; ") + origin_label(t.from);
    }
    return v;
  };
  c.add("tafile", tafiles(a), tafiles(b));
  const bool appended = b.trust.append_default_ca.value == "yes" && a.trust.append_default_ca.value != "yes";
  c.add("append default CA", of(a.trust.append_default_ca), of(b.trust.append_default_ca),
        appended ? "every default CA of the system trusted too" : "");
}

// dane_items - only between two DANE levels (the level change says the rest).
void dane_items(const Collector& c, const EffectivePolicy& a, const EffectivePolicy& b) {
  if (!a.dane || !b.dane) return;
  const auto item = [&](std::string_view name, auto member) {
    const auto side = [&](const EffectivePolicy& p) { return of(p.dane.value().*member); };
    c.add(fmt::format("dane {}", name), side(a), side(b));
  };
  item("dns_support_level", &DanePrerequisites::dns_support_level);
  item("host_lookup", &DanePrerequisites::host_lookup);
  item("ignore_mx_lookup_error", &DanePrerequisites::ignore_mx_lookup_error);
  item("resolver_options", &DanePrerequisites::resolver_options);
  item("insecure_mx_policy", &DanePrerequisites::insecure_mx_policy);
}

void other_items(const Collector& c, const EffectivePolicy& a, const EffectivePolicy& b) {
  c.add("servername", of(a.servername), of(b.servername));
  const auto deferred = [](const EffectivePolicy& p) {
    return p.invalid_reasons.empty() ? absent() : SideValue{fmt::format("{}", fmt::join(p.invalid_reasons, "; ")), {}};
  };
  c.add("deferred", deferred(a), deferred(b));
}

void push_scope(std::vector<ScopeDiff>& out, ScopeDiff scope) {
  if (!scope.changes.empty() || scope.presence != ScopeDiff::Presence::both) out.push_back(std::move(scope));
}

// service_scopes - a service on both sides: its policy, then every destination.
void service_scopes(std::vector<ScopeDiff>& out, const TlsModel& was, const ServicePolicy& sa, const TlsModel& now,
                    const ServicePolicy& sb) {
  push_scope(out, {sb.name, {}, ScopeDiff::Presence::both, diff_policy(sa.policy, sb.policy)});
  std::vector<std::string> keys;
  std::set<std::string> seen;
  for (const auto* list : {&sa.destinations, &sb.destinations}) {
    for (const EffectivePolicy& d : *list) {
      if (seen.insert(d.destination).second) keys.push_back(d.destination);
    }
  }
  for (const std::string& key : keys) {
    const EffectivePolicy* da = sa.find_destination(key);
    const EffectivePolicy* db = sb.find_destination(key);
    const EffectivePolicy ra = da ? EffectivePolicy{} : was.resolve(sa, key);
    const EffectivePolicy rb = db ? EffectivePolicy{} : now.resolve(sb, key);
    push_scope(out, {sb.name, key, ScopeDiff::Presence::both, diff_policy(da ? *da : ra, db ? *db : rb)});
  }
}

// lone_scope - a service on one side only: its level.
ScopeDiff lone_scope(const ServicePolicy& s, ScopeDiff::Presence presence) {
  ScopeDiff scope{s.name, {}, presence, {}};
  const SideValue level = level_value(s.policy);
  scope.changes.push_back(presence == ScopeDiff::Presence::added ? Change{"level", absent(), level, {}}
                                                                 : Change{"level", level, absent(), {}});
  return scope;
}
}  // namespace

bool ScopeDiff::weakens() const {
  return std::any_of(changes.begin(), changes.end(), [](const Change& c) { return !c.weakening.empty(); });
}

std::vector<Change> diff_policy(const EffectivePolicy& was, const EffectivePolicy& now) {
  std::vector<Change> out;
  const Collector c{out};
  level_items(c, was, now);
  protocol_items(c, was, now);
  cipher_items(c, was, now);
  match_items(c, was, now);
  trust_items(c, was, now);
  dane_items(c, was, now);
  other_items(c, was, now);
  return out;
}

// used_service - the entry master(8) uses for a name: the last of duplicates.
const ServicePolicy* used_service(const TlsModel& tm, std::string_view name) {
  const ServicePolicy* found = nullptr;
  for (const ServicePolicy& s : tm.services()) {
    if (s.name == name) found = &s;
  }
  return found;
}

std::vector<ScopeDiff> diff_policies(const TlsModel& was, const TlsModel& now) {
  std::vector<ScopeDiff> out;
  for (const ServicePolicy& sb : now.services()) {
    if (used_service(now, sb.name) != &sb) continue;
    const ServicePolicy* sa = used_service(was, sb.name);
    if (sa)
      service_scopes(out, was, *sa, now, sb);
    else
      out.push_back(lone_scope(sb, ScopeDiff::Presence::added));
  }
  for (const ServicePolicy& sa : was.services()) {
    if (used_service(was, sa.name) == &sa && now.find_service(sa.name) == nullptr) out.push_back(lone_scope(sa, ScopeDiff::Presence::removed));
  }
  return out;
}

}  // namespace pflint::diff
