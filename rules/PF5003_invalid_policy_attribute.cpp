// PF5003 invalid-policy-attribute — a policy table attribute Postfix rejects:
// unknown, malformed, repeated, empty, or with a bad value.
#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF5003_info;
const lint::RuleInfo PF5003_info{
    .code = "PF5003",
    .name = "invalid-policy-attribute",
    .severity = lint::Severity::error,
    .summary = "a policy table entry has an attribute Postfix rejects",
    .doc = R"md(## What it flags
In an entry of `smtp_tls_policy_maps` (or `lmtp_`):
- an empty policy (a key with no level);
- an attribute name Postfix does not know, or does not know yet in the
  target version (`servername=` before 3.4, `enable_rpk=` before 3.9, the
  TLSRPT attributes before 3.10), or text that is not `name=value`;
- `ciphers=`, `protocols=`, `exclude=`, `servername=` or `policy_type=`
  given twice;
- an empty `ciphers=`, `match=` or `tafile=`;
- `connection_reuse=` or `enable_rpk=` other than yes/no, an unknown
  `policy_type=` or `policy_failure=`, a `servername=` that is not a host
  name;
- a TLSRPT attribute (`policy_domain=`, `policy_string=`,
  `mx_host_pattern=`, …) without `policy_type=`.

## Why it matters
Each of these makes Postfix reject the whole entry when it looks it up: it
logs a warning and defers every message to the destination as a TLS
configuration problem.

## Problematic config
```main.cf
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
```
```tls_policy
partner.example    encrypt protocol=>=TLSv1.2
```

## Correct config
```main.cf
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
```
```tls_policy
partner.example    encrypt protocols=>=TLSv1.2
```

## Exceptions
None.

## How to fix
Correct the attribute as the finding says; attribute names are
`ciphers`, `protocols`, `exclude`, `match`, `tafile`, `servername`,
`connection_reuse`, `enable_rpk` and the TLSRPT `policy_*` names.

## Fix
No automatic fix: policy tables are not edited by `--fix` (a compiled table
also needs `postmap`), and the attribute meant cannot be guessed.
)md",
};

void check_PF5003(lint::CheckContext& context) {
  using K = tls::PolicyProblemKind;
  tlsr::report_policy_problems(context, [](K k) {
    return k == K::empty_policy || k == K::malformed_attribute || k == K::bad_braces || k == K::unknown_attribute ||
           k == K::attribute_too_new || k == K::duplicate_attribute || k == K::empty_value || k == K::bad_value ||
           k == K::invalid_servername || k == K::missing_policy_type;
  });
}

}  // namespace pflint::rules
