// PF3023 invalid-dns-support-level — smtp_dns_support_level outside
// disabled, enabled, dnssec.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3023_info;
const lint::RuleInfo PF3023_info{
    .code = "PF3023",
    .name = "invalid-dns-support-level",
    .severity = lint::Severity::error,
    .summary = "smtp_dns_support_level is not disabled, enabled or dnssec",
    .doc = R"md(## What it flags
A non-empty value of `smtp_dns_support_level` or `lmtp_dns_support_level`
(main.cf or `-o`), after `$name` expansion, other than `disabled`,
`enabled` or `dnssec`. A common slip is `dane`.

## Why it matters
The client checks the value at start-up and stops with a fatal error on
any other word; no mail is delivered through it. DANE needs exactly
`dnssec` here.

## Problematic config
```main.cf
smtp_dns_support_level = dane
smtp_tls_security_level = dane
# expect: PF3017
```

## Correct config
```main.cf
smtp_dns_support_level = dnssec
smtp_tls_security_level = dane
```

## Exceptions
An empty value is valid (DNS lookups on, unless `disable_dns_lookups =
yes`).

## How to fix
Write `dnssec` (for DANE), `enabled` or `disabled`.

## Fix
No automatic fix: the value meant cannot be guessed from an invalid one.
)md",
};

void check_PF3023(lint::CheckContext& context) {
  for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), "dns_support_level")) {
    const std::string_view v = c.value;
    if (v.empty() || tls::iequals(v, "disabled") || tls::iequals(v, "enabled") || tls::iequals(v, "dnssec")) {
      continue;
    }
    context.report_at(c.setting.origin, fmt::format("{}: only disabled, enabled and dnssec are allowed; {}(8) "
                                                    "stops with a fatal error and mail through it stays queued",
                                                    tlsr::shown(c), c.prefix));
  }
}

}  // namespace pflint::rules
