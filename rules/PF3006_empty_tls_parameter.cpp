// PF3006 empty-tls-parameter — a client TLS parameter that must not be empty
// (cipher grades, fingerprint digest, certificate match lists) is empty.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3006_info;
const lint::RuleInfo PF3006_info{
    .code = "PF3006",
    .name = "empty-tls-parameter",
    .severity = lint::Severity::error,
    .summary = "a client TLS parameter that needs a value is empty",
    .doc = R"md(## What it flags
An explicit empty value (after `$name` expansion) for one of the SMTP/LMTP
client TLS parameters that Postfix reads with a minimum length of one:
`smtp_tls_ciphers`, `smtp_tls_mandatory_ciphers`,
`smtp_tls_fingerprint_digest`, `smtp_tls_verify_cert_match`,
`smtp_tls_secure_cert_match`, and their `lmtp_` forms.

## Why it matters
An empty line is often written to mean "use the default". For these
parameters it does not: the client stops at start-up with a fatal error
about the string length, whatever the security level, and all mail for
that transport stays queued.

## Problematic config
```main.cf
smtp_tls_security_level = may
smtp_tls_ciphers =
```

## Correct config
```main.cf
smtp_tls_security_level = may
smtp_tls_ciphers = medium
```

## Exceptions
None: the check happens for every delivery agent start.

## How to fix
Delete the line to get the built-in default, or give a value (`medium`,
`sha256`, `hostname`, `nexthop, dot-nexthop`). The fix deletes main.cf
lines.

## Fix
The fix deletes the empty main.cf line (not one whose value comes from a
`$name`). It is **unsafe**: today the client stops at start-up; after the
fix it runs with the built-in default, which may not be the value that was
meant.
)md",
    .fix = lint::FixClass::unsafe,
};

void check_PF3006(lint::CheckContext& context) {
  for (const std::string_view suffix :
       {"tls_ciphers", "tls_mandatory_ciphers", "tls_fingerprint_digest", "tls_verify_cert_match",
        "tls_secure_cert_match"}) {
    for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), suffix)) {
      if (!c.value.empty()) continue;
      lint::Diagnostic& d = context.report_at(
          c.setting.origin, fmt::format("{} is empty: {}(8) requires at least one character and stops with a fatal "
                                        "error at start-up, so no mail is delivered through it",
                                        c.setting.name, c.prefix));
      const model::Origin& o = c.setting.origin;
      if (o.kind == model::OriginKind::main_cf && o.file && c.setting.value.find('$') == std::string_view::npos) {
        d.fixes.push_back({fmt::format("Delete the line (use the default of {})", c.setting.name),
                           {{o.file, fixe::line_delete_span(o), ""}},
                           false});  // unsafe: the client starts with the default
      }
    }
  }
}

}  // namespace pflint::rules
