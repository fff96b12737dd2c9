// PF3018 per-site-table-ignored — smtp_tls_per_site next to
// smtp_tls_policy_maps, which makes Postfix ignore it.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3018_info;
const lint::RuleInfo PF3018_info{
    .code = "PF3018",
    .name = "per-site-table-ignored",
    .severity = lint::Severity::warning,
    .summary = "smtp_tls_per_site is ignored because smtp_tls_policy_maps is set",
    .doc = R"md(## What it flags
A client service for which both `smtp_tls_per_site` and
`smtp_tls_policy_maps` (or the `lmtp_` forms) are non-empty.

## Why it matters
The legacy per-site table is consulted only when there is no policy table.
With both set, the client logs that it ignores the per-site table, and
every `MUST` or `NONE` written there has no effect. Destinations you
thought were protected get the global level instead.

## Problematic config
```main.cf
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
smtp_tls_per_site = texthash:${config_directory}/tls_per_site
```
```tls_policy
partner.example    encrypt
```
```tls_per_site
bank.example    MUST
```

## Correct config
```main.cf
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt
```
```tls_policy
partner.example    encrypt
bank.example       verify
```

## Exceptions
None.

## How to fix
Move the per-site entries into the policy table (`NONE` → `none`, `MAY` →
`may`, `MUST_NOPEERMATCH` → `encrypt`, `MUST` → `verify`), then delete
`smtp_tls_per_site`.

## Fix
No automatic fix: policy tables are not edited by `--fix` (a compiled table
also needs `postmap`), and the per-site entries would have to become policy
table entries.
)md",
};

void check_PF3018(lint::CheckContext& context) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  tlsr::Once once;
  for (const tls::ServicePolicy& svc : tls->services()) {
    if (!svc.per_site_ignored || !once.first(svc.per_site.from)) continue;
    lint::Diagnostic& d = tlsr::report_provenance(
        context, svc.per_site.from,
        fmt::format("{} is ignored for {}: {} ({}) is set, and Postfix then never consults the per-site table",
                    svc.parameter("tls_per_site"), svc.name, svc.parameter("tls_policy_maps"),
                    svc.policy_maps.from.describe()));
    d.notes.push_back("move its entries into the policy table: NONE=none, MAY=may, MUST_NOPEERMATCH=encrypt, "
                      "MUST=verify");
  }
}

}  // namespace pflint::rules
