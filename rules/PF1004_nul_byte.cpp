// PF1004 nul-byte — a NUL byte in a configuration line.
#include "rules/syntax_rule.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF1004_info;
const lint::RuleInfo PF1004_info{
    .code = "PF1004",
    .name = "nul-byte",
    .severity = lint::Severity::warning,
    .summary = "a NUL byte in a configuration line",
    .doc = R"md(## What it flags
A NUL byte (a zero byte) inside a logical line, usually from a binary file or
an editor accident.

## Why it matters
Postfix reads configuration lines as C strings: everything after the NUL is
ignored. Postfix 3.9 and later warn `text after null byte may be ignored`;
older versions say nothing.

## Problematic config
Not shown: the byte is invisible. `cat -v main.cf` shows it as `^@`.

## Correct config
A file without NUL bytes.

## Exceptions
None.

## How to fix
Delete the byte, e.g. `tr -d '\000' < main.cf > main.cf.new`, check the
result, and replace the file.

## Fix
No automatic fix: Postfix ignores the text after the byte, so deleting the
byte would bring back text it does not read today; which of the two was
meant needs a look at the bytes.
)md",
};

void check_PF1004(lint::CheckContext& context) { report_syntax_issue(context, syntax::SyntaxIssue::nul_byte); }

}  // namespace pflint::rules
