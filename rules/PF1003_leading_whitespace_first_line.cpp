// PF1003 leading-whitespace-first-line — the first setting of a file starts with whitespace and is ignored.
#include "rules/syntax_rule.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF1003_info;
const lint::RuleInfo PF1003_info{
    .code = "PF1003",
    .name = "leading-whitespace-first-line",
    .severity = lint::Severity::warning,
    .summary = "the first setting of a file starts with whitespace and is ignored",
    .doc = R"md(## What it flags
The first logical line of main.cf (or master.cf) starts with a space or a
tab. Any other indented line continues the line above it; the first one has
nothing to continue.

## Why it matters
Postfix warns (`logical line must not start with whitespace`) and ignores
the whole line, with its continuation lines. The setting you wrote there
silently does not exist.

## Problematic config
```main.cf
# mail relay
  relayhost = [smtp.example.net]:587
myhostname = mx.example.net
```

## Correct config
```main.cf
# mail relay
relayhost = [smtp.example.net]:587
myhostname = mx.example.net
```

## Exceptions
None.

## How to fix
Remove the indentation of the first setting.

## Fix
The fix removes the blanks in front of the first line. It is **unsafe**:
today Postfix ignores the whole logical line; after the fix it reads it,
and the setting takes effect.
)md",
    .fix = lint::FixClass::unsafe,
};

namespace {

// Unsafe: Postfix ignores the line today and reads it after the fix.
void unindent(const syntax::SourceFile& source, const syntax::SyntaxDiagnostic& problem, lint::Diagnostic& finding) {
  const std::string_view text = source.slice(problem.span);
  const std::size_t n = text.find_first_not_of(" \t");
  if (n == 0 || n == std::string_view::npos || text[n] == '\n') return;
  const syntax::Span lead{problem.span.begin, problem.span.begin + static_cast<std::uint32_t>(n)};
  finding.fixes.push_back({"Remove the indentation of the first line", {{&source, lead, ""}}, false});
}

}  // namespace

void check_PF1003(lint::CheckContext& context) {
  report_syntax_issue(context, syntax::SyntaxIssue::leading_whitespace, unindent);
}

}  // namespace pflint::rules
