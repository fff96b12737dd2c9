// PF3022 invalid-dane-insecure-mx-policy — smtp_tls_dane_insecure_mx_policy
// outside may, encrypt, dane.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3022_info;
const lint::RuleInfo PF3022_info{
    .code = "PF3022",
    .name = "invalid-dane-insecure-mx-policy",
    .severity = lint::Severity::error,
    .summary = "smtp_tls_dane_insecure_mx_policy is not may, encrypt or dane",
    .doc = R"md(## What it flags
A value of `smtp_tls_dane_insecure_mx_policy` (main.cf or `-o`), after
`$name` expansion, other than `may`, `encrypt` or `dane`.

## Why it matters
The SMTP client validates the value when it starts and stops with a fatal
error on anything else, whatever the security level. No mail leaves
through that transport until it is fixed.

## Problematic config
```main.cf
smtp_dns_support_level = dnssec
smtp_tls_security_level = dane
smtp_tls_dane_insecure_mx_policy = verify
```

## Correct config
```main.cf
smtp_dns_support_level = dnssec
smtp_tls_security_level = dane
smtp_tls_dane_insecure_mx_policy = dane
```

## Exceptions
None.

## How to fix
Use `dane` (the default since 3.6: keep enforcing TLSA records found for
the MX host), `encrypt` or `may`, or delete the line.

## Fix
No automatic fix: the value meant cannot be guessed from an invalid one.
)md",
};

void check_PF3022(lint::CheckContext& context) {
  for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), "tls_dane_insecure_mx_policy")) {
    if (c.prefix != "smtp") continue;
    const std::string_view v = c.value;
    if (tls::iequals(v, "may") || tls::iequals(v, "encrypt") || tls::iequals(v, "dane")) continue;
    context.report_at(c.setting.origin, fmt::format("{}: only may, encrypt and dane are allowed; smtp(8) stops "
                                                    "with a fatal error and mail through it stays queued",
                                                    tlsr::shown(c)));
  }
}

}  // namespace pflint::rules
