// PF2005 deprecated-parameter — a parameter the target Postfix version has
// deprecated or removed.
#include <fmt/core.h>

#include "lint/context.hpp"
#include "params/params.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF2005_info;
const lint::RuleInfo PF2005_info{
    .code = "PF2005",
    .name = "deprecated-parameter",
    .severity = lint::Severity::warning,
    .summary = "a parameter that the target Postfix version deprecates or no longer has",
    .since_version = params::Version{3, 9, 0},
    .doc = R"md(## What it flags
A setting of a parameter that Postfix lists in its deprecation table for the
target version (from 3.9): either still supported but due for removal, or
already removed. The finding quotes Postfix's own advice on what to use
instead.

## Why it matters
A deprecated parameter will stop working in a later upgrade; a removed one
is already ignored (Postfix 3.9+ warns "support for parameter ... has been
removed"). For the obsolete TLS switches (`smtp_use_tls`, `smtp_enforce_tls`,
`smtp_tls_enforce_peername`, `smtp_tls_per_site`) the replacement is
`smtp_tls_security_level` / `smtp_tls_policy_maps` — see PF3001 for what the
old settings amount to.

## Problematic config
```main.cf postfix=3.9
disable_dns_lookups = yes
```

## Correct config
```main.cf postfix=3.9
smtp_dns_support_level = disabled
```

## Exceptions
Targets before 3.9 have no deprecation table; the rule does not run for
them.

## How to fix
Replace the parameter as the message says and remove the old line.

## Fix
No automatic fix: the replacements are rarely plain renames (values map
onto another parameter's values); for the obsolete TLS switches PF3001 and
PF3002 offer the fix.
)md",
};

void check_PF2005(lint::CheckContext& context) {
  const params::Version v = context.version();
  for (const model::Setting& s : context.model().settings()) {
    const params::deprecation* d = params::find_deprecation(s.name, v);
    if (!d) continue;
    const bool known = params::is_known(s.name, v);
    auto& finding = context.report(s.origin.file, s.origin.name_span,
                                   fmt::format("{} (Postfix {})", params::deprecation_message(*d, known), v.to_string()));
    if (!known) finding.severity = lint::Severity::error;
  }
}

}  // namespace pflint::rules
