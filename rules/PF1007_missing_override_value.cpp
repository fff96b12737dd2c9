// PF1007 missing-override-value — a master.cf -o option with nothing after it.
#include "rules/syntax_rule.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF1007_info;
const lint::RuleInfo PF1007_info{
    .code = "PF1007",
    .name = "missing-override-value",
    .severity = lint::Severity::error,
    .summary = "a master.cf -o option with nothing after it",
    .doc = R"md(## What it flags
A `-o` at the end of a master.cf entry, with no setting after it.

## Why it matters
The daemon cannot parse its command line and exits; the service does not
work.

## Problematic config
```master.cf
relay unix - - n - - smtp -o
```

## Correct config
```master.cf
relay unix - - n - - smtp -o smtp_tls_security_level=encrypt
```

## Exceptions
None.

## How to fix
Add the intended `name=value`, or remove the `-o`.

## Fix
No automatic fix: the setting that was meant is not in the file.
)md",
};

void check_PF1007(lint::CheckContext& context) { report_syntax_issue(context, syntax::SyntaxIssue::missing_override_value); }

}  // namespace pflint::rules
