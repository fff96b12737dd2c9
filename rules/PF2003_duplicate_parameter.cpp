// PF2003 duplicate-parameter — a parameter set twice with different values
// in main.cf, or by two -o options of one master.cf entry.
#include <fmt/core.h>

#include "lint/context.hpp"
#include "rules/fix_edits.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF2003_info;
const lint::RuleInfo PF2003_info{
    .code = "PF2003",
    .name = "duplicate-parameter",
    .severity = lint::Severity::warning,
    .summary = "a parameter is set more than once in main.cf, or in one master.cf entry's -o options, with different values",
    .doc = R"md(## What it flags
A parameter that main.cf sets twice (or more) with different values, or
that one master.cf entry sets with two `-o` options of different values
(for example `-o smtp_tls_security_level=may` and, further down,
`-o smtp_tls_security_level=encrypt`).

## Why it matters
Postfix keeps the last value and logs `overriding earlier entry` from every
program, every time it reads main.cf. Whoever edits the first line later
changes nothing, and a tool that appended a line "wins" without anyone
noticing. In master.cf the daemon applies the `-o` options in order, so the
last one wins, and nothing is logged at all.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:587
myhostname = mx.example.net
relayhost = [backup.example.net]:587
```

## Correct config
```main.cf
relayhost = [backup.example.net]:587
myhostname = mx.example.net
```

## Exceptions
Identical repeated lines are harmless and Postfix says nothing about them;
this rule does not report them either.

## How to fix
Keep one line per parameter, and one `-o` per parameter in an entry. `postconf -e name=value` (or
`pflint postconf -e`) edits in place instead of appending.

## Fix
The fix deletes the earlier definition: the main.cf line, or the earlier
`-o` of the entry. It is **safe**: Postfix uses the last definition
anyway (and `$name` references always see that one), so the effective
configuration is the same, without the "overriding earlier entry" warning.
)md",
    .fix = lint::FixClass::safe,
};

namespace {

// Two -o options of one entry naming the same parameter: the daemon applies
// them in order, so the later one wins silently.
void check_master_overrides(lint::CheckContext& context) {
  if (!context.files().master_file) return;
  const syntax::SourceFile& source = context.files().master_file->source;
  for (const config::MasterEntry& e : context.files().master.entries()) {
    for (std::size_t i = 1; i < e.overrides.size(); ++i) {
      const config::OverrideSetting& later = e.overrides[i];
      for (std::size_t j = i; j-- > 0;) {
        const config::OverrideSetting& earlier = e.overrides[j];
        if (earlier.name != later.name) continue;
        if (earlier.value != later.value) {
          lint::Diagnostic& d =
              context.report(&source, later.name_span,
                             fmt::format("-o {} is given again in {}; this value overrides \"{}\" from line {}, "
                                         "which Postfix ignores",
                                         later.name, e.name(), earlier.value, earlier.line));
          const model::Origin at{model::OriginKind::master_override, &source, earlier.name_span, earlier.value_span,
                                 earlier.line, &e};
          // Safe: the daemon applies the -o options in order; the last wins.
          if (const auto del = fixe::delete_setting(context.files(), at)) {
            d.fixes.push_back({fmt::format("Remove the earlier -o {}", earlier.name), {*del}, true});
          }
        }
        break;  // compare with the nearest earlier one only
      }
    }
  }
}

}  // namespace

void check_PF2003(lint::CheckContext& context) {
  check_master_overrides(context);
  const auto& main = context.files().main;
  if (!context.files().main_file) return;
  const syntax::SourceFile& source = context.files().main_file->source;
  for (const config::Redefinition& r : main.redefinitions()) {
    const config::MainEntry& later = main.entries()[r.entry];
    const config::MainEntry& earlier = main.entries()[r.earlier];
    lint::Diagnostic& d =
        context.report(&source, later.name_span,
                       fmt::format("{} is set again; this value overrides \"{}\" from line {}, which Postfix ignores",
                                   later.name, r.old_value, earlier.line));
    d.notes.push_back(fmt::format("Postfix logs: overriding earlier entry: {}={}", later.name, r.old_value));
    // Safe: the last definition wins; the earlier line is never used.
    d.fixes.push_back({fmt::format("Remove the earlier {} line ({})", earlier.name, earlier.line),
                       {{&source, fixe::logical_line_span(source, earlier.line, earlier.name_span, earlier.value_span), ""}},
                       true});
  }
}

}  // namespace pflint::rules
