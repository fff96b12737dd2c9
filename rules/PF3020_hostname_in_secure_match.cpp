// PF3020 hostname-in-secure-match — the `hostname` strategy in the name
// checks of level secure, which re-opens the DNS forgery secure guards against.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3020_info;
const lint::RuleInfo PF3020_info{
    .code = "PF3020",
    .name = "hostname-in-secure-match",
    .severity = lint::Severity::warning,
    .summary = "smtp_tls_secure_cert_match or a secure match= contains hostname",
    .doc = R"md(## What it flags
`hostname` in `smtp_tls_secure_cert_match` (or `lmtp_`), or in the `match=`
attribute of a policy table entry at level `secure`.

## Why it matters
`secure` differs from `verify` in one point: the certificate must carry a
name derived from the destination you addressed, not the name of the MX
host that DNS returned. `hostname` accepts the MX host's own name again,
so whoever can forge the MX lookup can send your mail to a host with a
perfectly valid certificate for its own name. The level then only looks
stronger than `verify`.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt
smtp_tls_security_level = secure
smtp_tls_secure_cert_match = hostname, nexthop
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt
smtp_tls_security_level = secure
smtp_tls_secure_cert_match = nexthop
```

## Exceptions
When the next hop is written as an explicit `[host]` (relayhost, transport
map) no MX lookup happens and `hostname` equals the next hop; the setting
is then harmless but redundant.

## How to fix
Use `nexthop`, `dot-nexthop` or explicit names (`example.com`,
`.example.com`) instead of `hostname`.

## Fix
No automatic fix: which names to accept instead (`nexthop`, `dot-nexthop`,
explicit domains) is a trust decision.
)md",
};

void check_PF3020(lint::CheckContext& context) {
  for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), "tls_secure_cert_match")) {
    for (const tls::Token& t : tls::tokens(c.value, tls::k_comma_sp_colon)) {
      if (!tls::iequals(t.text, "hostname")) continue;
      tlsr::report_token(context, c, t.begin, static_cast<std::uint32_t>(t.text.size()),
                         fmt::format("\"hostname\" in {} lets a forged MX lookup lead to a server that is accepted "
                                     "with a certificate for its own name, which level secure exists to prevent",
                                     c.setting.name));
    }
  }
  tlsr::each_policy_entry(context, [&](const tls::PolicyTable&, const tls::TableEntry& e, const tls::ParsedPolicy& p) {
    if (p.level != tls::Level::secure) return;
    for (const tls::PolicyAttribute* a : p.all("match")) {
      for (const tls::Token& t : tls::tokens(a->value, ":")) {
        if (!tls::iequals(t.text, "hostname")) continue;
        tlsr::report_location(context, a->where.file ? a->where : e.where,
                              fmt::format("\"hostname\" in the match= of \"{}\" (level secure) lets a forged MX "
                                          "lookup lead to a server accepted with a certificate for its own name",
                                          e.key));
      }
    }
  });
}

}  // namespace pflint::rules
