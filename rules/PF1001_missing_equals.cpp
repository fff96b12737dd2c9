// PF1001 missing-equals — a main.cf logical line without '='.
#include "rules/syntax_rule.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF1001_info;
const lint::RuleInfo PF1001_info{
    .code = "PF1001",
    .name = "missing-equals",
    .severity = lint::Severity::error,
    .summary = "a main.cf line has no '=' after the parameter name",
    .doc = R"md(## What it flags
A logical line in main.cf that is not of the form `name = value`: there is
no `=` after the first word.

## Why it matters
Every Postfix program reads main.cf at start-up and stops with a fatal error
at such a line (`missing '=' after attribute name`). Mail stops flowing at the
next restart or reload, not when you save the file.

## Problematic config
```main.cf
myhostname = mx.example.net
relayhost [smtp.example.net]:587
```

## Correct config
```main.cf
myhostname = mx.example.net
relayhost = [smtp.example.net]:587
```

## Exceptions
None: Postfix never accepts this line. A line that was meant as a comment
must start with `#` (there are no comments after text).

## How to fix
Add the missing `=`, or turn the line into a comment with a leading `#`.
Remember that an indented line continues the line before it.

## Fix
No automatic fix: whether the line is a setting without its `=`, a comment
without its `#` or a continuation without its indentation cannot be told
from the text.
)md",
};

void check_PF1001(lint::CheckContext& context) { report_syntax_issue(context, syntax::SyntaxIssue::missing_equals); }

}  // namespace pflint::rules
