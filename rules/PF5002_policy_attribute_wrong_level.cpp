// PF5002 policy-attribute-wrong-level — match= or tafile= at a level that does
// not use it.
#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF5002_info;
const lint::RuleInfo PF5002_info{
    .code = "PF5002",
    .name = "policy-attribute-wrong-level",
    .severity = lint::Severity::error,
    .summary = "match= or tafile= in a policy entry whose level does not take it",
    .doc = R"md(## What it flags
A policy table entry with `match=` at a level other than `fingerprint`,
`verify` or `secure`, or with `tafile=` at a level other than `verify` or
`secure`. A frequent case: `encrypt match=...`, written in the belief that
it adds a name check.

## Why it matters
Postfix treats the attribute as a configuration error, not as a hint: it
logs that the attribute is invalid at that level and defers all mail to
the destination.

## Problematic config
```main.cf
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
```
```tls_policy
partner.example    encrypt match=mx.partner.example
```

## Correct config
```main.cf
smtp_tls_security_level = may
smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
```
```tls_policy
partner.example    verify match=mx.partner.example
```

## Exceptions
None.

## How to fix
Raise the level to one that checks what the attribute names (`verify` or
`secure` for names and trust anchors, `fingerprint` for digests), or drop
the attribute.

## Fix
No automatic fix: policy tables are not edited by `--fix` (a compiled table
also needs `postmap`), and raising the level and dropping the attribute are
both possible.
)md",
};

void check_PF5002(lint::CheckContext& context) {
  tlsr::report_policy_problems(context,
                               [](tls::PolicyProblemKind k) { return k == tls::PolicyProblemKind::invalid_at_level; });
}

}  // namespace pflint::rules
