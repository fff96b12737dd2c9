// PF2008 read-only-parameter — an assignment to a parameter Postfix sets itself.
#include <fmt/core.h>

#include "lint/context.hpp"
#include "rules/fix_edits.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF2008_info;
const lint::RuleInfo PF2008_info{
    .code = "PF2008",
    .name = "read-only-parameter",
    .severity = lint::Severity::warning,
    .summary = "process_name, process_id or service_name assigned in the configuration",
    .doc = R"md(## What it flags
A main.cf line or `-o` option that sets `process_name`, `process_id` or
`service_name`.

## Why it matters
Postfix fills these in for each running program; a setting is ignored
(postconf warns `read-only parameter assignment`). Whatever the line was
meant to achieve does not happen.

## Problematic config
```main.cf
service_name = relay
```

## Correct config
```main.cf
# use $service_name in values; it is set by Postfix for each service
smtp_helo_name = $myhostname
```

## Exceptions
None.

## How to fix
Remove the line; refer to the value as `$service_name` (etc.) where needed.

## Fix
For a main.cf line the fix deletes it. It is **safe**: Postfix skips the
assignment (and logs a warning) already. A `-o` of that name gets no fix:
it is passed to the daemon, and its effect there is not one to remove
blindly.
)md",
    .fix = lint::FixClass::safe,
};

void check_PF2008(lint::CheckContext& context) {
  for (const model::Setting& s : context.model().settings()) {
    if (s.name == "process_name" || s.name == "process_id" || s.name == "service_name") {
      lint::Diagnostic& d =
          context.report(s.origin.file, s.origin.name_span,
                         fmt::format("{} is set by Postfix for each program; this assignment is ignored", s.name));
      // Safe: Postfix skips the main.cf line (with a warning) already.
      if (s.origin.kind == model::OriginKind::main_cf && s.origin.file) {
        d.fixes.push_back({fmt::format("Remove the ignored {} line", s.name),
                           {{s.origin.file, fixe::line_delete_span(s.origin), ""}},
                           true});
      }
    }
  }
}

}  // namespace pflint::rules
