// PF3021 invalid-cert-match-name — a lone "." in the certificate name checks
// of verify or secure.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3021_info;
const lint::RuleInfo PF3021_info{
    .code = "PF3021",
    .name = "invalid-cert-match-name",
    .severity = lint::Severity::warning,
    .summary = "a certificate match list contains a lone \".\"",
    .doc = R"md(## What it flags
A lone `.` in `smtp_tls_verify_cert_match` or `smtp_tls_secure_cert_match`
(or `lmtp_`), or in the `match=` of a policy table entry at level `verify`
or `secure`.

## Why it matters
A leading dot means "any subdomain of"; a dot alone is meant as "any name"
but Postfix rejects it: it logs that it ignores the invalid match name.
If nothing else is in the list, no name can match and every delivery at
that level is deferred.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt
smtp_tls_security_level = verify
smtp_tls_verify_cert_match = hostname, .
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt
smtp_tls_security_level = verify
smtp_tls_verify_cert_match = hostname
```

## Exceptions
None.

## How to fix
Remove the `.`. To accept any name that chains to a trusted CA, there is
no wildcard: use `encrypt` (no name check) or list the domains
(`.example.com`).

## Fix
No automatic fix: a lone `.` has no equivalent; the names to accept are a
trust decision.
)md",
};

void check_PF3021(lint::CheckContext& context) {
  for (const std::string_view suffix :
       {std::string_view("tls_verify_cert_match"), std::string_view("tls_secure_cert_match")}) {
    for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), suffix)) {
      const std::vector<tls::Token> names = tls::tokens(c.value, tls::k_comma_sp_colon);
      bool others = false;
      for (const tls::Token& t : names) others |= t.text != ".";
      for (const tls::Token& t : names) {
        if (t.text != ".") continue;
        tlsr::report_token(context, c, t.begin, 1,
                           fmt::format("\".\" in {} is not a valid match name: Postfix ignores it{}", c.setting.name,
                                       others ? "" : ", leaves no name to match and defers every delivery at this level"));
      }
    }
  }
  tlsr::each_policy_entry(context, [&](const tls::PolicyTable&, const tls::TableEntry& e, const tls::ParsedPolicy& p) {
    if (p.level != tls::Level::verify && p.level != tls::Level::secure) return;
    for (const tls::PolicyAttribute* a : p.all("match")) {
      for (const tls::Token& t : tls::tokens(a->value, ":")) {
        if (t.text != ".") continue;
        tlsr::report_location(context, a->where.file ? a->where : e.where,
                              fmt::format("\".\" in the match= of \"{}\" is not a valid match name: Postfix "
                                          "ignores it",
                                          e.key));
      }
    }
  });
}

}  // namespace pflint::rules
