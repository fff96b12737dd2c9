// PF3002 obsolete-tls-enforcement-ignored — compatibility_level >= 3.11 makes
// smtp_tls_security_level default to may, which silently overrides
// smtp_enforce_tls = yes.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3002_info;
const lint::RuleInfo PF3002_info{
    .code = "PF3002",
    .name = "obsolete-tls-enforcement-ignored",
    .severity = lint::Severity::error,
    .summary = "smtp_enforce_tls = yes is overridden by the 3.11 default level may",
    .since_version = params::Version{3, 11, 0},
    .doc = R"md(## What it flags
`smtp_enforce_tls = yes` without an explicit `smtp_tls_security_level`,
on Postfix 3.11 or later with `compatibility_level` 3.11 or later.

## Why it matters
From 3.11 the level's built-in default is `may` once `compatibility_level`
reaches 3.11. The SMTP client only looks at the old yes/no switches when the
level is empty, and a built-in `may` is not empty. So raising the
compatibility level quietly turns mandatory, verified TLS into
opportunistic TLS: mail to a server that offers no STARTTLS, or presents
any certificate at all, goes out without the protection you configured, and
nothing is logged about it.

## Problematic config
```main.cf postfix=3.11 compat=3.11
compatibility_level = 3.11
relayhost = [smtp.example.net]:587
smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt
smtp_enforce_tls = yes
# expect: PF2005
```

## Correct config
```main.cf postfix=3.11 compat=3.11
compatibility_level = 3.11
relayhost = [smtp.example.net]:587
smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt
smtp_tls_security_level = verify
```

## Exceptions
Older Postfix versions, and a `compatibility_level` below 3.11, still honour
the switches (PF3001 suggests the replacement there). `lmtp_enforce_tls` is
not affected: `lmtp_tls_security_level` keeps an empty default.

## How to fix
Write the level the switches meant explicitly: `verify` for
`smtp_enforce_tls = yes`, or `encrypt` when `smtp_tls_enforce_peername = no`
as well, and delete the switches. The fix does this for you.

## Fix
The fix writes the level the switches ask for as `smtp_tls_security_level`
in place of `smtp_enforce_tls` and deletes the other main.cf switches. It
is **unsafe**: today Postfix uses `may`, so after the fix mail to a server
without STARTTLS or without a verifiable certificate is deferred instead of
sent. That is what the switches were written for, but it changes what
Postfix does; apply it with `--unsafe-fixes`.
)md",
    .fix = lint::FixClass::unsafe,
};

void check_PF3002(lint::CheckContext& context) {
  const model::Model& model = context.model();
  for (const tlsr::ClientSetting& c : tlsr::client_settings(model, "enforce_tls")) {
    if (!tls::iequals(c.value, "yes")) continue;
    const config::MasterEntry* scope = tls::client_scope(c.prefix, c.setting.origin.service);
    const tls::GlobalLevel g = tls::global_tls_level(model, scope);
    if (!g.from_compat_default) continue;
    const tls::Level asked = tls::obsolete_level(model, scope, c.prefix).level;
    if (asked <= g.level) continue;
    const std::string level_param = c.prefix + "_tls_security_level";
    lint::Diagnostic& d = context.report_at(
        c.setting.origin,
        fmt::format("{} = yes is ignored: compatibility_level = {} ({}) gives {} its 3.11 default \"may\", which "
                    "overrides the obsolete switches, so TLS is optional and unverified instead of level {}; mail "
                    "goes out in plaintext to servers without STARTTLS",
                    c.setting.name, model.compatibility_level(), model.raw("compatibility_level").origin.describe(),
                    level_param, tls::level_name(asked)));
    d.notes.push_back(fmt::format("replace with: {} = {}", level_param, tls::level_name(asked)));
    const model::Origin& o = c.setting.origin;
    if (!o.file) continue;
    // Unsafe: today Postfix uses "may"; the fix makes TLS mandatory again.
    lint::Fix fix{fmt::format("Replace with {} = {}", level_param, tls::level_name(asked)), {}, false};
    fix.edits.push_back({o.file, fixe::setting_span(o), fixe::assignment(o, level_param, tls::level_name(asked))});
    if (o.kind == model::OriginKind::main_cf) {
      for (const std::string_view suffix : {std::string_view("use_tls"), std::string_view("tls_enforce_peername")}) {
        for (const tlsr::ClientSetting& other : tlsr::client_settings(model, suffix)) {
          if (other.prefix == c.prefix && other.setting.origin.kind == model::OriginKind::main_cf) {
            fix.edits.push_back({o.file, fixe::line_delete_span(other.setting.origin), ""});
          }
        }
      }
      d.fixes.push_back(std::move(fix));
    } else if (o.kind == model::OriginKind::master_override) {
      d.fixes.push_back(std::move(fix));
    }
  }
}

}  // namespace pflint::rules
