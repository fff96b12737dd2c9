// PF2006 macro-syntax-error — a `$name` expression Postfix cannot expand.
#include "expand/parse.hpp"
#include "lint/context.hpp"
#include "params/params.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF2006_info;
const lint::RuleInfo PF2006_info{
    .code = "PF2006",
    .name = "macro-syntax-error",
    .severity = lint::Severity::error,
    .summary = "a $name expression in a value is malformed",
    .doc = R"md(## What it flags
A value whose `$` expressions are malformed: a `$` followed by nothing that
can be a name (`$ `, `${}`), an unclosed `${`, a `${name?...}` with bad
syntax, a comparison with unbraced operands, an unknown operator.

## Why it matters
When a program uses the parameter it stops with `macro processing error`
(postconf too, for built-in parameters). The failure shows up at the first
delivery that needs the value, not at reload.

## Problematic config
```main.cf
smtpd_banner = ${myhostname ESMTP
```

## Correct config
```main.cf
smtpd_banner = ${myhostname} ESMTP
```

## Exceptions
Parameters that Postfix never expands (such as `smtpd_expansion_filter`)
are not checked. A literal dollar sign is written `$$`.

## How to fix
Close the braces, brace relational operands (`${{$a} == {b} ? {x} : {y}}`),
and write `$$` for a literal `$`.

## Fix
No automatic fix: where the missing brace or the `$$` belongs cannot be
told.
)md",
};

void check_PF2006(lint::CheckContext& context) {
  expand::ParseOptions options;
  options.allow_functions = context.version() >= params::Version{3, 11, 0};
  options.allow_level_ops = context.version() >= params::Version{3, 6, 0};
  for (const model::Setting& s : context.model().settings()) {
    if (const params::param_info* p = s.param; p && p->type == params::param_type::raw) continue;
    if (s.value.find('$') == std::string_view::npos) continue;
    const expand::ParseResult parsed = expand::parse(s.value, options);
    for (const expand::Diag& d : parsed.diagnostics) {
      context.report(s.origin.file, model::value_span(s.origin, d.span.begin, d.span.end), d.message);
    }
  }
}

}  // namespace pflint::rules
