// PF3024 invalid-tls-servername — smtp_tls_servername that is neither a
// keyword nor a valid host name.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3024_info;
const lint::RuleInfo PF3024_info{
    .code = "PF3024",
    .name = "invalid-tls-servername",
    .severity = lint::Severity::error,
    .summary = "smtp_tls_servername is not hostname, nexthop or a valid host name",
    .doc = R"md(## What it flags
A non-empty `smtp_tls_servername` or `lmtp_tls_servername` (main.cf or
`-o`) that is neither the keyword `hostname` or `nexthop` nor a valid host
name: brackets, a port, a URL, an IP address, or characters such as `/` and `@`
(`servername=` in policy tables is PF5003.)

## Why it matters
The value becomes the SNI name sent in the TLS handshake. Postfix checks
it for every TLS delivery; with an invalid name it logs a warning and
defers the message, so all mail through the client stays queued.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = encrypt
smtp_tls_servername = [smtp.example.net]
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = encrypt
smtp_tls_servername = smtp.example.net
```

## Exceptions
DANE levels ignore the setting (they send the TLSA base domain), but the
value is still wrong.

## How to fix
Write a plain host name, or `hostname` (the MX host's name) or `nexthop`
(the next-hop domain).

## Fix
No automatic fix: the server name meant cannot be guessed.
)md",
};

void check_PF3024(lint::CheckContext& context) {
  for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), "tls_servername")) {
    const std::string_view v = c.value;
    if (v.empty() || tls::iequals(v, "hostname") || tls::iequals(v, "nexthop") || tls::valid_hostname(v)) continue;
    context.report_at(c.setting.origin, fmt::format("{}: \"{}\" is not a valid host name; Postfix defers every TLS "
                                                    "delivery through {}(8) with a warning",
                                                    tlsr::shown(c), c.value, c.prefix));
  }
}

}  // namespace pflint::rules
