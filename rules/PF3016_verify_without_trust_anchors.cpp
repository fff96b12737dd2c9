// PF3016 verify-without-trust-anchors — level verify or secure with no CA
// file, CA directory or trust-anchor file.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3016_info;
const lint::RuleInfo PF3016_info{
    .code = "PF3016",
    .name = "verify-without-trust-anchors",
    .severity = lint::Severity::error,
    .summary = "level verify or secure, but no CA or trust anchor is configured",
    .doc = R"md(## What it flags
A `verify` or `secure` level (global, `-o`, or a policy table entry) while
`smtp_tls_CAfile`, `smtp_tls_CApath` and `smtp_tls_trust_anchor_file` (or
their `lmtp_` forms) are all empty and the table entry has no `tafile=`.

## Why it matters
These levels accept a server only when its certificate chain leads to a
trusted CA. With nothing configured the client loads no CA at all: the
system's CA bundle is not used by default, and `tls_append_default_CA =
yes` only adds it to a CAfile or CApath that is set. Every certificate
fails to verify, so every delivery at that level is deferred.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = secure
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = secure
smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt
```

## Exceptions
None.

## How to fix
Point `smtp_tls_CAfile` at a CA bundle (Debian: 
`/etc/ssl/certs/ca-certificates.crt`) or `smtp_tls_CApath` at a hashed
directory (`/etc/ssl/certs`), or give the server's own trust anchor in
`smtp_tls_trust_anchor_file` or the table's `tafile=`.

## Fix
No automatic fix: which CA bundle or trust anchor to trust is not in the
configuration, and it may not exist on the host.
)md",
};

void check_PF3016(lint::CheckContext& context) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  tlsr::Once once;
  tlsr::each_policy(*tls, [&](const tls::ServicePolicy& svc, const tls::EffectivePolicy& p) {
    if (!p.trust.none_loaded) return;
    if (!p.destination.empty() && !p.from_table) return;  // the global finding covers it
    if (!once.first(p.level_setting.from)) return;
    lint::Diagnostic& d = tlsr::report_provenance(
        context, p.level_setting.from,
        fmt::format("level {} for {} ({}) needs a trusted CA, but {}, {} and {} are all empty: no CA is loaded and "
                    "every delivery at this level is deferred (Server certificate not verified)",
                    tls::level_name(p.level), tlsr::for_whom(svc, p), tlsr::level_from(svc, p),
                    svc.parameter("tls_CAfile"), svc.parameter("tls_CApath"), svc.parameter("tls_trust_anchor_file")));
    if (tls::iequals(p.trust.append_default_ca.value, "yes")) {
      d.notes.push_back(fmt::format("tls_append_default_CA = yes ({}) adds the system CAs only to a CAfile or CApath "
                                    "that is set",
                                    p.trust.append_default_ca.from.describe()));
    }
  });
}

}  // namespace pflint::rules
