// PF1006 bad-override — a master.cf -o option without name=value.
#include "rules/syntax_rule.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF1006_info;
const lint::RuleInfo PF1006_info{
    .code = "PF1006",
    .name = "bad-override",
    .severity = lint::Severity::error,
    .summary = "a master.cf -o option without name=value",
    .doc = R"md(## What it flags
A `-o` option in master.cf whose setting is not `name=value`.

## Why it matters
The daemon started for that service exits with `invalid "-o ..." option
value: missing '=' after attribute name`, so the service does not work at
all.

## Problematic config
```master.cf
relay unix - - n - - smtp
  -o smtp_tls_security_level encrypt
```

## Correct config
```master.cf
relay unix - - n - - smtp
  -o smtp_tls_security_level=encrypt
```

## Exceptions
None.

## How to fix
Write `-o name=value` without spaces, or use the long form
`-o { name = value with spaces }` (Postfix 3.0 and later).

## Fix
No automatic fix: removing the blanks and bracing the whole setting are
both possible, and they give different values.
)md",
};

void check_PF1006(lint::CheckContext& context) { report_syntax_issue(context, syntax::SyntaxIssue::bad_override); }

}  // namespace pflint::rules
