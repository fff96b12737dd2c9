// PF2003 duplicate-parameter — a main.cf parameter set twice with different values.
#include <fmt/core.h>

#include "lint/context.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF2003_info;
const lint::RuleInfo PF2003_info{
    "PF2003", "duplicate-parameter", lint::Severity::warning,
    "a parameter is set more than once in main.cf with different values", std::nullopt, std::nullopt,
    R"md(## What it flags
A parameter that main.cf sets twice (or more) with different values.

## Why it matters
Postfix keeps the last value and logs `overriding earlier entry` from every
program, every time it reads main.cf. Whoever edits the first line later
changes nothing, and a tool that appended a line "wins" without anyone
noticing.

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
Keep one line per parameter. `postconf -e name=value` (or
`pflint postconf -e`) edits in place instead of appending.
)md"};

void check_PF2003(lint::CheckContext& context) {
  const auto& main = context.files().main;
  if (!context.files().main_file) return;
  const syntax::SourceFile& source = context.files().main_file->source;
  for (const config::Redefinition& r : main.redefinitions()) {
    const config::MainEntry& later = main.entries()[r.entry];
    const config::MainEntry& earlier = main.entries()[r.earlier];
    context
        .report(&source, later.name_span,
                fmt::format("{} is set again; this value overrides \"{}\" from line {}", later.name, r.old_value,
                            earlier.line))
        .notes.push_back(fmt::format("Postfix logs: overriding earlier entry: {}={}", later.name, r.old_value));
  }
}

}  // namespace pflint::rules
