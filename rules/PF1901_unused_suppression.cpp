// PF1901 unused-suppression — a `# pflint: disable=` that suppresses nothing.
// The engine (src/lint/suppression.cpp) emits it; this file is its catalog entry.
#include "lint/context.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF1901_info;
const lint::RuleInfo PF1901_info{
    .code = "PF1901",
    .name = "unused-suppression",
    .severity = lint::Severity::info,
    .summary = "a pflint suppression comment that suppresses nothing",
    .doc = R"md(## What it flags
A `# pflint: disable=CODE` comment (or `disable-file=CODE`) for a rule that
ran and found nothing there to suppress.

## Why it matters
Stale suppressions hide the next real problem on that line: after the
setting was fixed, the comment stays and silences whatever comes later.

## Problematic config
```main.cf
# pflint: disable=PF1001
myhostname = mx.example.net
```

## Correct config
```main.cf
myhostname = mx.example.net
```

## Exceptions
Suppressions for rules that were not run (deselected with `--select` or
`--ignore`, or not applicable to the target Postfix version) are not
reported.

## How to fix
Delete the comment, or the code from its list.

## Fix
The fix removes the codes that suppress nothing from the directive, or
deletes the comment line when none is left. It is **safe**: the directive
is a comment, which Postfix never reads.
)md",
    .fix = lint::FixClass::safe,
};

void check_PF1901(lint::CheckContext& /*context*/) {}

}  // namespace pflint::rules
