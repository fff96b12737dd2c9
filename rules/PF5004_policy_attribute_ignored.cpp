// PF5004 policy-attribute-ignored — attributes after level none, which
// Postfix ignores.
#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF5004_info;
const lint::RuleInfo PF5004_info{
    .code = "PF5004",
    .name = "policy-attribute-ignored",
    .severity = lint::Severity::warning,
    .summary = "a policy entry at level none has attributes, which are ignored",
    .doc = R"md(## What it flags
An entry of `smtp_tls_policy_maps` (or `lmtp_`) with level `none` followed
by attributes (`none protocols=...`, `none match=...`).

## Why it matters
At `none` no TLS is attempted, so the attributes cannot apply. Postfix
logs a warning for each one on every lookup. Often the level was meant to
be something else and the destination gets plaintext by mistake.

## Problematic config
```main.cf
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
```
```tls_policy
legacy.example    none protocols=TLSv1
```

## Correct config
```main.cf
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
```
```tls_policy
legacy.example    may protocols=>=TLSv1
```

## Exceptions
None.

## How to fix
Remove the attributes, or choose the level they were written for.

## Fix
No automatic fix: policy tables are not edited by `--fix` (a compiled table
also needs `postmap`), and removing the attributes and changing the level
are both possible.
)md",
};

void check_PF5004(lint::CheckContext& context) {
  tlsr::report_policy_problems(
      context, [](tls::PolicyProblemKind k) { return k == tls::PolicyProblemKind::ignored_with_tls_disabled; });
}

}  // namespace pflint::rules
