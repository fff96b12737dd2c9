// PF1008 unbalanced-braces — a { } group in a master.cf argument does not close.
#include "rules/syntax_rule.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF1008_info;
const lint::RuleInfo PF1008_info{
    .code = "PF1008",
    .name = "unbalanced-braces",
    .severity = lint::Severity::error,
    .summary = "a { } group in a master.cf argument does not close",
    .doc = R"md(## What it flags
A `{` in a master.cf argument without its `}`, or text glued after the
closing `}` of a `{ ... }` argument.

## Why it matters
master(8) treats malformed braces as a fatal error; an unclosed `{` takes
the rest of the entry into one argument, so every setting after it is lost.

## Problematic config
```master.cf
submission inet n - y - - smtpd
  -o { smtpd_tls_mandatory_protocols = >=TLSv1.2
```

## Correct config
```master.cf
submission inet n - y - - smtpd
  -o { smtpd_tls_mandatory_protocols = >=TLSv1.2 }
```

## Exceptions
None.

## How to fix
Close every `{` with a `}` and leave a space after the `}`.

## Fix
No automatic fix: where the missing brace belongs cannot be told.
)md",
};

void check_PF1008(lint::CheckContext& context) { report_syntax_issue(context, syntax::SyntaxIssue::unbalanced_braces); }

}  // namespace pflint::rules
