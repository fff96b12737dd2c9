// PF1005 master-field-count — a master.cf entry has fewer than 8 fields.
#include "rules/syntax_rule.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF1005_info;
const lint::RuleInfo PF1005_info{
    .code = "PF1005",
    .name = "master-field-count",
    .severity = lint::Severity::error,
    .summary = "a master.cf entry has fewer than 8 fields",
    .doc = R"md(## What it flags
A master.cf entry with fewer than the eight fields service, type, private,
unprivileged, chroot, wakeup, process_limit and command.

## Why it matters
master(8) refuses to start (`missing "<field>" field`), and postconf reports
`bad field count`. A continuation line that lost its indentation is the
usual cause: it becomes an entry of its own.

## Problematic config
```master.cf
submission inet n - y - - smtpd
-o syslog_name=postfix/submission
```

## Correct config
```master.cf
submission inet n - y - - smtpd
  -o syslog_name=postfix/submission
```

## Exceptions
None.

## How to fix
Indent continuation lines, or complete the entry; use `-` for a field's
default.

## Fix
No automatic fix: the missing fields, or the missing indentation of a
continuation, cannot be guessed.
)md",
};

void check_PF1005(lint::CheckContext& context) { report_syntax_issue(context, syntax::SyntaxIssue::bad_field_count); }

}  // namespace pflint::rules
