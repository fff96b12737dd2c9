// PF2001 unknown-parameter — a setting Postfix ignores because it knows no such name.
#include <fmt/core.h>

#include "lint/context.hpp"
#include "model/names.hpp"
#include "params/params.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF2001_info;
const lint::RuleInfo PF2001_info{
    .code = "PF2001",
    .name = "unknown-parameter",
    .severity = lint::Severity::warning,
    .summary = "a parameter name that the target Postfix version does not know",
    .doc = R"md(## What it flags
A main.cf line or master.cf `-o` option whose name is not a parameter of the
target Postfix version, nor a service-specific name that master.cf defines,
nor a variable that another setting uses as `$name`.

## Why it matters
Postfix ignores the setting without a word at run time (only postconf warns
`unused parameter`). A typo like `smtp_tls_securty_level` leaves the real
parameter at its default: TLS you believe is required is not. A parameter of
a newer Postfix than the one installed is ignored the same way.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_securty_level = encrypt
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = encrypt
```

## Exceptions
Your own variables are fine when some value uses them: `my_relay = ...`
together with `relayhost = $my_relay`. Names listed in
`smtpd_restriction_classes` are fine. If a name belongs to a newer Postfix,
set `--postfix-version` to the version you run.

## How to fix
Correct the spelling (the message suggests the closest parameter), or
remove the line.

## Fix
When a known name is close, the fix renames the setting to it. It is
**unsafe**: the setting that Postfix ignored takes effect, and the closest
name is a guess from spelling. Names with no close match get no fix.
)md",
    .fix = lint::FixClass::unsafe,
};

void check_PF2001(lint::CheckContext& context) {
  const model::Names& names = context.model().names();
  const params::Version v = context.version();
  for (const model::Setting& s : context.model().settings()) {
    if (!s.effective || names.known(s.name, s.origin.service)) continue;
    std::string message = fmt::format("unknown parameter {}: Postfix {} ignores this setting", s.name, v.to_string());
    if (const params::param_info* p = s.param) {
      if (p->removed_in() && v >= *p->removed_in()) {
        message = fmt::format("{} was removed in Postfix {}: this setting is ignored", s.name, p->removed_in()->to_string());
      } else if (!p->since_old() && v < p->since()) {
        message = fmt::format("{} is a Postfix {} parameter: Postfix {} ignores it", s.name, p->since().to_string(),
                              v.to_string());
      }
    }
    auto& d = context.report(s.origin.file, s.origin.name_span, message);
    if (const auto near = names.suggestion(s.name); near && !s.param) {
      d.notes.push_back(fmt::format("did you mean {}?", *near));
      d.fixes.push_back(lint::Fix{fmt::format("Rename to {}", *near), {lint::Edit{s.origin.file, s.origin.name_span,
                                                                                    std::string(*near)}},
                                  false});  // unsafe: the renamed setting takes effect
    }
  }
}

}  // namespace pflint::rules
