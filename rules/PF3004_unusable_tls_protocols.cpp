// PF3004 unusable-tls-protocols — a TLS protocol list that Postfix rejects, or
// that leaves no protocol to negotiate.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3004_info;
const lint::RuleInfo PF3004_info{
    .code = "PF3004",
    .name = "unusable-tls-protocols",
    .severity = lint::Severity::error,
    .summary = "a TLS protocol list has unknown names or excludes every protocol",
    .doc = R"md(## What it flags
`smtp_tls_protocols` or `smtp_tls_mandatory_protocols` (and the `lmtp_`
forms) when the list
- contains a token Postfix does not know: a misspelt name (`TLSv1.4`,
  `TLS1.2`), `>=SSLv2`, or the `>=`/`<=` forms before Postfix 3.6;
- excludes every protocol (`!TLSv1, !TLSv1.1, !TLSv1.2, !TLSv1.3`), or has a
  lower bound above its upper bound (`>=TLSv1.3, <=TLSv1.2`).

## Why it matters
Postfix does not check these lists when it starts. With an unknown token it
refuses to start TLS on each connection that uses the list ("Invalid TLS
protocol list"); with nothing left, every handshake fails. At level `may`
that silently means plaintext delivery; at mandatory levels every message
is deferred.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = encrypt
smtp_tls_mandatory_protocols = >=TLSv1.2, TLSv1.4
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = encrypt
smtp_tls_mandatory_protocols = >=TLSv1.2
```

## Exceptions
Names the linked OpenSSL no longer supports (`SSLv2`) are accepted and have
no effect; that is not flagged here.

## How to fix
Use `SSLv3`, `TLSv1`, `TLSv1.1`, `TLSv1.2`, `TLSv1.3`, each optionally
negated with `!`, or (3.6+) a range with `>=` and `<=`. Keep at least one
protocol that current servers speak (TLSv1.2 and TLSv1.3).

## Fix
No automatic fix: the protocol meant by an unknown name cannot be guessed.
)md",
};

void check_PF3004(lint::CheckContext& context) {
  const bool ranges = context.version() >= params::Version{3, 6, 0};
  for (const std::string_view suffix : {std::string_view("tls_protocols"), std::string_view("tls_mandatory_protocols")}) {
    for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), suffix)) {
      const tls::ProtocolList list = tls::parse_protocols(c.value);
      bool unknown = false;
      for (const tls::Token& t : tls::tokens(c.value, tls::k_comma_sp_colon)) {
        const bool range = t.text.starts_with(">=") || t.text.starts_with("<=");
        const bool bad = std::find(list.unknown.begin(), list.unknown.end(), t.text) != list.unknown.end();
        if (!bad && !(range && !ranges)) continue;
        unknown = true;
        const std::string why = bad ? fmt::format("\"{}\" is not a protocol Postfix knows", t.text)
                                    : fmt::format("\"{}\": the >= and <= forms need Postfix 3.6 or later", t.text);
        lint::Diagnostic& d = tlsr::report_token(
            context, c, t.begin, static_cast<std::uint32_t>(t.text.size()),
            fmt::format("{} in {}: Postfix refuses to start TLS with this list (Invalid TLS protocol list), so "
                        "TLS fails on every connection that uses it",
                        why, c.setting.name));
        d.notes.push_back("known protocols: SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3 (>=/<= bounds from 3.6)");
      }
      if (unknown) continue;
      if (list.floor_above_ceiling) {
        context.report_at(c.setting.origin,
                          fmt::format("{}: the lower bound >={} is above the upper bound <={}, so no protocol is "
                                      "left and every TLS handshake that uses this list fails",
                                      tlsr::shown(c), *list.floor, *list.ceiling));
      } else if (list.excludes_everything()) {
        context.report_at(c.setting.origin, fmt::format("{} excludes every protocol: every TLS handshake that uses "
                                                        "this list fails",
                                                        tlsr::shown(c)));
      }
    }
  }
}

}  // namespace pflint::rules
