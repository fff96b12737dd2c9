// PF5005 braced-policy-attribute — the `{ name = value }` attribute form on
// Postfix before 3.10.
#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF5005_info;
const lint::RuleInfo PF5005_info{
    .code = "PF5005",
    .name = "braced-policy-attribute",
    .severity = lint::Severity::error,
    .summary = "a policy attribute uses the { name = value } form, which needs Postfix 3.10",
    .until_version = params::Version{3, 10, 0},
    .doc = R"md(## What it flags
A policy table attribute written as `{ name = value }`, or containing
braces, when the target Postfix is older than 3.10.

## Why it matters
Before 3.10 the policy value is split at every blank, braces included, so
`{ servername = mx.example.net }` becomes several malformed pieces. Postfix
rejects the entry and defers all mail to the destination.

## Problematic config
```main.cf postfix=3.7
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
```
```tls_policy
partner.example    encrypt { servername = mx.partner.example }
```

## Correct config
```main.cf postfix=3.7
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
```
```tls_policy
partner.example    encrypt servername=mx.partner.example
```

## Exceptions
Postfix 3.10 and later accept the form (the rule does not run there).

## How to fix
Write `name=value` without blanks, or upgrade Postfix.

## Fix
No automatic fix: policy tables are not edited by `--fix` (a compiled table
also needs `postmap`), and a value with blanks has no unbraced form.
)md",
};

void check_PF5005(lint::CheckContext& context) {
  tlsr::report_policy_problems(
      context, [](tls::PolicyProblemKind k) { return k == tls::PolicyProblemKind::braced_before_3_10; });
}

}  // namespace pflint::rules
