// PF2002 undefined-parameter — a $name reference to a name nothing defines.
#include <fmt/core.h>

#include "lint/context.hpp"
#include "model/names.hpp"
#include "params/params.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF2002_info;
const lint::RuleInfo PF2002_info{
    .code = "PF2002",
    .name = "undefined-parameter",
    .severity = lint::Severity::warning,
    .summary = "a $name reference to a parameter that is not defined anywhere",
    .doc = R"md(## What it flags
A `$name` (or `${name}`, `$(name)`, `${name?...}`) in a value, where `name`
is neither a Postfix parameter nor set in main.cf or in the same master.cf
entry.

## Why it matters
An undefined name expands to nothing. `relayhost = $relay_host` with no
`relay_host` line sends mail directly to the Internet instead of through the
relay; a map list loses an entry. postconf warns `undefined parameter`, the
daemons say nothing.

## Problematic config
```main.cf
relayhost = $smarthost
```

## Correct config
```main.cf
smarthost = [smtp.example.net]:587
relayhost = $smarthost
```

## Exceptions
`${name?...}` and `${name:...}` test whether a name is set; they are
reported too, because postconf reports them — set the name to an empty
value to make the intent explicit.

## How to fix
Define the name, or fix its spelling.

## Fix
No automatic fix: defining the name and correcting a misspelt reference are
both possible, and the value meant is not known.
)md",
};

void check_PF2002(lint::CheckContext& context) {
  const model::Names& names = context.model().names();
  for (const model::Setting& s : context.model().settings()) {
    if (!s.effective || s.value.find('$') == std::string_view::npos) continue;
    if (const params::param_info* p = s.param; p && p->type == params::param_type::raw) continue;
    for (const expand::NameRef& ref : context.model().references(s)) {
      if (names.defined(ref.name, s.origin.service)) continue;
      context.report(s.origin.file, model::value_span(s.origin, ref.span.begin, ref.span.end),
                     fmt::format("undefined parameter {}: ${} expands to nothing in {}", ref.name, ref.name, s.name));
    }
  }
}

}  // namespace pflint::rules
