// PF1002 missing-parameter-name — a main.cf line starts with '='.
#include "rules/syntax_rule.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF1002_info;
const lint::RuleInfo PF1002_info{
    .code = "PF1002",
    .name = "missing-parameter-name",
    .severity = lint::Severity::error,
    .summary = "a main.cf line starts with '='",
    .doc = R"md(## What it flags
A logical line in main.cf that starts with `=`: the value has no name.

## Why it matters
Postfix stops every program that reads main.cf with the fatal error
`missing attribute name`. Often a line break slipped in between a name and
its `=`, or a continuation line lost its indentation.

## Problematic config
```main.cf
relayhost
# expect: PF1001
= [smtp.example.net]:587
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:587
```

## Exceptions
None.

## How to fix
Put the name back in front of the `=`, or indent the line if it continues
the value of the line above.

## Fix
No automatic fix: the name that was meant is not in the file.
)md",
};

void check_PF1002(lint::CheckContext& context) { report_syntax_issue(context, syntax::SyntaxIssue::missing_name); }

}  // namespace pflint::rules
