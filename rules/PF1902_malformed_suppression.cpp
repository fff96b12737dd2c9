// PF1902 malformed-suppression — a `# pflint:` comment pflint cannot read.
// The engine (src/lint/suppression.cpp) emits it; this file is its catalog entry.
#include "lint/context.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF1902_info;
const lint::RuleInfo PF1902_info{
    .code = "PF1902",
    .name = "malformed-suppression",
    .severity = lint::Severity::warning,
    .summary = "a pflint directive comment that cannot be understood",
    .doc = R"md(## What it flags
A comment starting with `# pflint:` that is not `disable=CODES` or
`disable-file=CODES`, names no rule code, names something that is not a rule
code, or is the last line of the file (nothing follows it to apply to).

## Why it matters
The suppression you meant to write does not take effect.

## Problematic config
```main.cf
# pflint: ignore=PF1001
myhostname = mx.example.net
```

## Correct config
```main.cf
# pflint: disable=PF2001
my_unusual_name = 1
```

## Exceptions
None.

## How to fix
Write `# pflint: disable=PF2001,PF3004` on the line above the setting, or
`# pflint: disable-file=PF2001` anywhere in the file. Codes may be prefixes
(`PF3`) or `ALL`.

## Fix
No automatic fix: the codes that were meant are not known.
)md",
};

void check_PF1902(lint::CheckContext& /*context*/) {}

}  // namespace pflint::rules
