// PF3001 obsolete-tls-parameter — smtp_use_tls, smtp_enforce_tls or
// smtp_tls_enforce_peername (or an lmtp_ twin) is set.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3001_info;
const lint::RuleInfo PF3001_info{
    .code = "PF3001",
    .name = "obsolete-tls-parameter",
    .severity = lint::Severity::warning,
    .summary = "a pre-2.3 TLS switch (smtp_use_tls, smtp_enforce_tls, smtp_tls_enforce_peername) is set",
    .doc = R"md(## What it flags
An explicit `smtp_use_tls`, `smtp_enforce_tls` or `smtp_tls_enforce_peername`
(or the `lmtp_` forms), in main.cf or as a master.cf `-o` option. The
finding says which security level the switches amount to, or, when
`smtp_tls_security_level` has a value, that they are ignored and whether
they contradict it.

## Why it matters
These yes/no switches predate security levels. The SMTP client consults them
only while `smtp_tls_security_level` is empty; any value there, even one
you did not write yourself, makes them dead text that still looks like it
enforces something. Readers of the file, and auditors, are misled: an
`smtp_enforce_tls = yes` next to `smtp_tls_security_level = may` does not
enforce anything.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:587
smtp_use_tls = yes
smtp_enforce_tls = yes
smtp_tls_enforce_peername = no
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = encrypt
```

## Exceptions
When `compatibility_level` is 3.11 or later and the level is left empty,
the switches are silently overridden by the new default; that case is
PF3002 (an error), not this rule.

## How to fix
Replace the switches with the one `smtp_tls_security_level` line the
finding shows (`use_tls` alone is `may`; `enforce_tls` is `verify`, or
`encrypt` with `enforce_peername = no`). Where a level is already set,
delete the switches. The fix does either for main.cf lines.

## Fix
Two fixes, both **safe**. Where the switches decide the level, the fix
writes `smtp_tls_security_level` (or `lmtp_…`) with exactly the level they
give today in place of the deciding switch and deletes the other switches
of that scope: the main.cf lines, or, for a master.cf `-o`, the entry's
other `-o` switches, the level going in as `-o` of that entry. Postfix uses
the same level before and after (`smtp_enforce_tls = yes` alone is
`verify`: `smtp_tls_enforce_peername` defaults to yes). A main.cf line is
rewritten only when every service that reads it would keep its level.
Where a level is already set, or a switch is not consulted, the fix
deletes it; Postfix does not read it anyway.
)md",
    .fix = lint::FixClass::safe,
};

namespace {

constexpr std::string_view k_suffixes[] = {"use_tls", "enforce_tls", "tls_enforce_peername"};

// same_scope - every explicit obsolete setting of this prefix and scope.
std::vector<tlsr::ClientSetting> scope_settings(const model::Model& model, const tlsr::ClientSetting& c) {
  std::vector<tlsr::ClientSetting> out;
  for (const std::string_view suffix : k_suffixes) {
    for (tlsr::ClientSetting& o : tlsr::client_settings(model, suffix)) {
      if (o.prefix == c.prefix && o.setting.origin.service == c.setting.origin.service &&
          o.setting.origin.kind == c.setting.origin.kind) {
        out.push_back(std::move(o));
      }
    }
  }
  return out;
}

bool same_setting(const model::Origin& a, const model::Origin& b) {
  return a.file == b.file && a.name_span.begin == b.name_span.begin && a.kind == b.kind;
}

// consulted_elsewhere - whether some client service of the prefix derives
// its level from the main.cf switch at `o` (a service with -o switches of
// its own may read main.cf switches that the main.cf scope does not).
bool consulted_elsewhere(const tls::TlsModel* tls, const std::string& prefix, const model::Origin& o) {
  if (!tls) return true;
  for (const tls::ServicePolicy& svc : tls->services()) {
    if (svc.prefix != prefix) continue;
    for (const tls::ObsoleteSetting& s : svc.global.derived_from_obsolete) {
      if (s.set() && same_setting(s.origin, o)) return true;
    }
  }
  return false;
}

// services_keep_level - whether every client service of the prefix keeps
// its level once main.cf sets the level parameter to `level`: a service
// whose level the switches decide must have that level already and must not
// empty the parameter with a -o (it would then lose the main.cf switches).
bool services_keep_level(const tls::TlsModel* tls, const std::string& prefix, tls::Level level) {
  if (!tls) return false;
  for (const tls::ServicePolicy& svc : tls->services()) {
    if (svc.prefix != prefix || svc.global.derived_from_obsolete.empty()) continue;
    const bool own_level = svc.entry && svc.entry->find_override(svc.parameter("tls_security_level"));
    if (own_level || svc.global.level != level) return false;
  }
  return true;
}

// replacement_fix - safe: the deciding switch becomes the level line with the
// level the switches give today, and the other switches of its scope go
// (the main.cf lines, or the entry's other -o options).
void add_replacement_fix(lint::CheckContext& context, lint::Diagnostic& d, const tlsr::ClientSetting& c,
                         const std::string& level_param, tls::Level level) {
  const model::Origin& o = c.setting.origin;
  if (!o.file) return;
  const std::vector<tlsr::ClientSetting> all = scope_settings(context.model(), c);
  if (o.kind == model::OriginKind::main_cf && !services_keep_level(context.tls(), c.prefix, level)) return;
  lint::Fix fix{fmt::format("Replace with {} = {}", level_param, tls::level_name(level)), {}, true};
  fix.edits.push_back({o.file, fixe::setting_span(o), fixe::assignment(o, level_param, tls::level_name(level))});
  for (const tlsr::ClientSetting& other : all) {
    if (same_setting(other.setting.origin, o)) continue;
    const auto del = fixe::delete_setting(context.files(), other.setting.origin);
    if (!del) return;
    fix.edits.push_back(*del);
  }
  d.fixes.push_back(std::move(fix));
}

// add_removal_fix - safe: delete a switch Postfix does not consult (in its
// scope, nor, for main.cf, in any service).
void add_removal_fix(lint::CheckContext& context, lint::Diagnostic& d, const tlsr::ClientSetting& c) {
  const model::Origin& o = c.setting.origin;
  if (o.kind == model::OriginKind::main_cf && consulted_elsewhere(context.tls(), c.prefix, o)) return;
  if (const auto del = fixe::delete_setting(context.files(), o)) {
    d.fixes.push_back({fmt::format("Remove the ignored {}", c.setting.name), {*del}, true});
  }
}

void check_one(lint::CheckContext& context, const tlsr::ClientSetting& c) {
  const model::Model& model = context.model();
  const config::MasterEntry* scope = tls::client_scope(c.prefix, c.setting.origin.service);
  const tls::GlobalLevel g = tls::global_tls_level(model, scope);
  const tls::Level asked = tls::obsolete_level(model, scope, c.prefix).level;
  const std::string level_param = c.prefix + "_tls_security_level";
  const std::string name(c.setting.name);

  if (g.derived_from_obsolete.empty()) {
    // The level parameter is non-empty: the switches are ignored.
    if (g.from_compat_default && asked > tls::Level::may) return;  // PF3002
    std::string why = g.from_compat_default
                          ? fmt::format("{} has its 3.11 default \"may\" (compatibility_level = {}, {})", level_param,
                                        model.compatibility_level(), model.raw("compatibility_level").origin.describe())
                          : fmt::format("{} = {} ({}) decides the level", level_param, g.text, g.origin.describe());
    std::string message = fmt::format("{} is obsolete and ignored: {}", name, why);
    if (asked != g.level && g.level != tls::Level::invalid) {
      message += fmt::format("; the obsolete switches ask for level {} but Postfix uses {}", tls::level_name(asked),
                             tls::level_name(g.level));
    }
    lint::Diagnostic& d = context.report_at(c.setting.origin, std::move(message));
    add_removal_fix(context, d, c);  // safe: Postfix ignores it already
    return;
  }

  const bool decides = g.origin.file == c.setting.origin.file && g.origin.name_span == c.setting.origin.name_span;
  bool consulted = false;
  for (const tls::ObsoleteSetting& s : g.derived_from_obsolete) consulted |= s.name == name && s.set();
  const tls::ObsoleteSetting& first = g.derived_from_obsolete.front();
  std::string message =
      consulted ? fmt::format("{} is obsolete: with {} empty, the obsolete switches set the TLS level to {}", name,
                              level_param, tls::level_name(g.level))
                : fmt::format("{} is obsolete and has no effect: {} = {} ({}) already decides, giving TLS level {}",
                              name, first.name, first.value, first.origin.describe(), tls::level_name(g.level));
  lint::Diagnostic& d = context.report_at(c.setting.origin, std::move(message));
  d.notes.push_back(fmt::format("replace with: {} = {}", level_param, tls::level_name(g.level)));
  if (c.prefix == "smtp" && g.level > tls::Level::may) {
    d.notes.push_back(
        "with compatibility_level 3.11 or later, Postfix 3.11 ignores these switches and uses level may (see PF3002)");
  }
  // A -o that counts in its service can always carry the service's level;
  // main.cf only through the switch that decides.
  const bool master = c.setting.origin.kind == model::OriginKind::master_override;
  if (decides || (master && consulted)) {
    add_replacement_fix(context, d, c, level_param, g.level);
  } else if (!consulted) {
    add_removal_fix(context, d, c);
  }
}

}  // namespace

void check_PF3001(lint::CheckContext& context) {
  for (const std::string_view suffix : k_suffixes) {
    for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), suffix)) check_one(context, c);
  }
}

}  // namespace pflint::rules
