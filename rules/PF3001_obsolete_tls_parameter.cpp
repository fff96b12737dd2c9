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
writes `smtp_tls_security_level` with exactly the level they give today in
place of the deciding switch and deletes the other switches of that scope
(for a master.cf `-o`, only when it is the one switch of that service):
Postfix uses the same level before and after. Where a level is already set,
the fix deletes the ignored main.cf line, which Postfix does not read
anyway.
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

// replacement_fix - turn the deciding setting into the level line and drop the
// other obsolete lines of the scope (main.cf), or -o with no others.
void add_replacement_fix(lint::Diagnostic& d, const model::Model& model, const tlsr::ClientSetting& c,
                         const std::string& level_param, tls::Level level) {
  const model::Origin& o = c.setting.origin;
  if (!o.file) return;
  const std::vector<tlsr::ClientSetting> all = scope_settings(model, c);
  if (o.kind == model::OriginKind::master_override && all.size() != 1) return;
  // Safe: the level written is the one the switches give today.
  lint::Fix fix{fmt::format("Replace with {} = {}", level_param, tls::level_name(level)), {}, true};
  fix.edits.push_back({o.file, fixe::setting_span(o), fixe::assignment(o, level_param, tls::level_name(level))});
  for (const tlsr::ClientSetting& other : all) {
    if (other.setting.origin.name_span == o.name_span) continue;
    fix.edits.push_back({o.file, fixe::line_delete_span(other.setting.origin), ""});
  }
  d.fixes.push_back(std::move(fix));
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
    if (c.setting.origin.kind == model::OriginKind::main_cf && c.setting.origin.file) {
      // Safe: Postfix ignores the line already.
      d.fixes.push_back({fmt::format("Remove the ignored {} line", name),
                         {{c.setting.origin.file, fixe::line_delete_span(c.setting.origin), ""}},
                         true});
    }
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
  if (decides) add_replacement_fix(d, model, c, level_param, g.level);
}

}  // namespace

void check_PF3001(lint::CheckContext& context) {
  for (const std::string_view suffix : k_suffixes) {
    for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), suffix)) check_one(context, c);
  }
}

}  // namespace pflint::rules
