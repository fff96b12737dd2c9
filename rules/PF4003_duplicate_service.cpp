// PF4003 duplicate-service — two master.cf entries with the same service/type.
#include <fmt/core.h>

#include "lint/context.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF4003_info;
const lint::RuleInfo PF4003_info{
    .code = "PF4003",
    .name = "duplicate-service",
    .severity = lint::Severity::warning,
    .summary = "two master.cf entries with the same service name and type",
    .doc = R"md(## What it flags
A master.cf entry whose service name and type repeat an earlier entry.

## Why it matters
master(8) uses only the last entry (`duplicate master.cf entry ... -- using
the last entry`); the settings of the earlier one, including its `-o`
options, silently do nothing.

## Problematic config
```master.cf
relay unix - - n - - smtp
  -o smtp_tls_security_level=may
relay unix - - n - - smtp
```

## Correct config
```master.cf
relay unix - - n - - smtp
  -o smtp_tls_security_level=may
```

## Exceptions
None.

## How to fix
Merge the entries into one, or give one of them another service name.

## Fix
No automatic fix: merging the entries and renaming one of them change
different daemons; that is a choice.
)md",
};

void check_PF4003(lint::CheckContext& context) {
  const auto& files = context.files();
  if (!files.master_file) return;
  const auto& entries = files.master.entries();
  for (const auto& [earlier, later] : files.master.duplicates()) {
    const config::MasterEntry& e = entries[later];
    const syntax::Service& service = files.master_file->tree.services[e.service_index];
    context.report(&files.master_file->source, service.fields[0],
                   fmt::format("{} is defined again (first at line {}); master(8) uses only this later entry",
                               e.name(), entries[earlier].line));
  }
}

}  // namespace pflint::rules
