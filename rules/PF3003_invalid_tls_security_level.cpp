// PF3003 invalid-tls-security-level — smtp_tls_security_level (or the lmtp_
// twin) names no level smtp(8) knows.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3003_info;
const lint::RuleInfo PF3003_info{
    .code = "PF3003",
    .name = "invalid-tls-security-level",
    .severity = lint::Severity::error,
    .summary = "smtp_tls_security_level has a value that is not a TLS security level",
    .doc = R"md(## What it flags
A value of `smtp_tls_security_level` or `lmtp_tls_security_level` (main.cf
or `-o`), after `$name` expansion, that is not one of `none`, `may`,
`encrypt`, `fingerprint`, `dane`, `dane-only`, `verify`, `secure` (case does
not matter). Typical slips: quotes around the word (`"may"`), `halfdane`
(a state Postfix logs, never a setting), `enforce`, `mandatory`.

## Why it matters
The SMTP client checks the name when it starts and stops with a fatal
error on an unknown one. Nothing is delivered through that transport until
the value is fixed; mail piles up in the queue as deferred.

## Problematic config
```main.cf
smtp_tls_security_level = "may"
```

## Correct config
```main.cf
smtp_tls_security_level = may
```

## Exceptions
An empty value is valid (the obsolete switches then decide, see PF3001).
Unknown levels in policy tables are PF5001.

## How to fix
Write one of the level names without quotes. If you meant DANE with a
fallback for MX hosts found without DNSSEC, use `dane`.

## Fix
For a quoted level (`"may"`) the fix removes the quotes. It is **unsafe**:
today the client stops at start-up and mail stays queued; after the fix it
starts delivering at that level, which the admin should confirm. Other
unknown levels get no fix: which level was meant cannot be guessed.
)md",
    .fix = lint::FixClass::unsafe,
};

void check_PF3003(lint::CheckContext& context) {
  for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), "tls_security_level")) {
    if (c.value.empty() || tls::parse_level(c.value) != tls::Level::invalid) continue;
    lint::Diagnostic& d = context.report_at(
        c.setting.origin, fmt::format("{} is not a TLS security level; {}(8) stops with a fatal error (Invalid "
                                      "TLS level) and mail through it stays queued",
                                      tlsr::shown(c), c.prefix));
    const std::string_view v = c.value;
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
      const std::string_view inner = v.substr(1, v.size() - 2);
      d.notes.push_back("quotes are not special in main.cf or master.cf: they become part of the value");
      if (c.literal && tls::parse_level(inner) != tls::Level::invalid) {
        d.fixes.push_back({fmt::format("Remove the quotes: {}", inner),
                           {{c.setting.origin.file, tlsr::token_span(c, 0, static_cast<std::uint32_t>(v.size())),
                             std::string(inner)}},
                           false});  // unsafe: the client starts delivering again
      }
    } else if (tls::iequals(v, "halfdane")) {
      d.notes.push_back("halfdane is a state Postfix reports for DANE with an insecure MX lookup; configure dane");
    }
    d.notes.push_back("valid levels: none, may, encrypt, fingerprint, dane, dane-only, verify, secure");
  }
}

}  // namespace pflint::rules
