// PF3019 wrappermode-without-mandatory-tls — smtp_tls_wrappermode = yes at a
// level below encrypt.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3019_info;
const lint::RuleInfo PF3019_info{
    .code = "PF3019",
    .name = "wrappermode-without-mandatory-tls",
    .severity = lint::Severity::error,
    .summary = "smtp_tls_wrappermode = yes with a security level below encrypt",
    .doc = R"md(## What it flags
A client service with `smtp_tls_wrappermode = yes` (or `lmtp_`) whose
security level, globally or for a destination in its policy table, is
`none` or `may`.

## Why it matters
In wrapper mode (SMTPS, usually port 465) TLS starts before the SMTP
greeting, so it cannot be optional. Postfix refuses the combination: it
logs that wrapper mode requires level encrypt or stronger, skips every
server of the destination, and the mail is deferred.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:465
smtp_tls_wrappermode = yes
smtp_tls_security_level = may
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:465
smtp_tls_wrappermode = yes
smtp_tls_security_level = encrypt
```

## Exceptions
None.

## How to fix
Raise the level to `encrypt` (or `verify`/`secure` with a CA configured).
Usually wrapper mode belongs on a dedicated master.cf transport with
`-o smtp_tls_wrappermode=yes -o smtp_tls_security_level=encrypt`, used only
for the port-465 relay.

## Fix
No automatic fix: raising the level here would require TLS from every
destination; where wrapper mode belongs (usually a dedicated transport for
the port-465 relay) is a design choice.
)md",
};

void check_PF3019(lint::CheckContext& context) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  const model::Model& model = context.model();
  tlsr::Once once;
  for (const tls::ServicePolicy& svc : tls->services()) {
    const std::string name = svc.parameter("tls_wrappermode");
    if (!model.boolean(name, svc.entry)) continue;
    const model::Origin wrap = model.raw(name, svc.entry).origin;
    if (svc.global.level >= tls::Level::none && svc.global.level < tls::Level::encrypt &&
        once.first(wrap.file, wrap.value_span)) {
      context.report_at(wrap, fmt::format("{} = yes for {}, but the level is {}: Postfix skips every server "
                                          "(wrapper mode requires encrypt or stronger) and defers the mail",
                                          name, svc.name, tlsr::describe_global(svc.global)));
    }
    for (const tls::EffectivePolicy& d : svc.destinations) {
      if (!d.from_table || d.level < tls::Level::none || d.level >= tls::Level::encrypt) continue;
      if (!once.first(d.level_setting.from)) continue;
      tlsr::report_provenance(context, d.level_setting.from,
                              fmt::format("level {} for {} while {} = yes ({}): Postfix skips every server and "
                                          "defers the mail",
                                          tls::level_name(d.level), tlsr::for_whom(svc, d), name, wrap.describe()));
    }
  }
}

}  // namespace pflint::rules
