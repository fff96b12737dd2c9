// PF4001 invalid-master-field — a master.cf field value master(8) rejects.
#include <fmt/core.h>

#include <algorithm>

#include "lint/context.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF4001_info;
const lint::RuleInfo PF4001_info{
    .code = "PF4001",
    .name = "invalid-master-field",
    .severity = lint::Severity::error,
    .summary = "a master.cf field has a value master(8) does not accept",
    .doc = R"md(## What it flags
A master.cf entry whose fields 2–7 are not what master(8) accepts:
- type: `inet`, `unix`, `unix-dgram`, `fifo` or `pass`;
- private, unprivileged, chroot: `y`, `n` or `-` (lower case);
- wakeup: `-` or a number, optionally followed by `?`;
- process_limit: `-` or a number.

## Why it matters
postconf stops with a fatal error on such an entry, and master(8) refuses to
start: no mail moves at all.

## Problematic config
```master.cf
smtp inet n - yes - - smtpd
```

## Correct config
```master.cf
smtp inet n - y - - smtpd
```

## Exceptions
`-?` as wakeup passes postconf but not master(8); it is flagged too.

## How to fix
Use one of the accepted values; `-` selects the built-in default.

## Fix
No automatic fix: the value meant cannot be guessed from an invalid one.
)md",
};

namespace {
bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
std::string problem(std::size_t field, std::string_view v) {
  switch (field) {
    case 1:
      return (v == "inet" || v == "unix" || v == "unix-dgram" || v == "fifo" || v == "pass")
                 ? ""
                 : "the type must be inet, unix, unix-dgram, fifo or pass";
    case 2:
    case 3:
    case 4: return (v == "y" || v == "n" || v == "-") ? "" : "must be y, n or -";
    case 5: {
      if (v == "-") return "";
      const std::string_view n = v.ends_with('?') ? v.substr(0, v.size() - 1) : v;
      return digits(n) ? "" : "must be -, a number of seconds, or a number followed by ?";
    }
    case 6: return (v == "-" || digits(v)) ? "" : "must be - or a number";
    default: return "";
  }
}
}  // namespace

void check_PF4001(lint::CheckContext& context) {
  const auto& files = context.files();
  if (!files.master_file) return;
  const syntax::Tree& tree = files.master_file->tree;
  for (const syntax::Service& service : tree.services) {
    for (std::size_t f = 1; f <= 6; ++f) {
      const std::string_view value = files.master_file->source.slice(service.fields[f]);
      const std::string why = problem(f, value);
      if (why.empty()) continue;
      context.report(&files.master_file->source, service.fields[f],
                     fmt::format("invalid \"{}\" field \"{}\": {}", syntax::field_names[f], value, why));
    }
  }
}

}  // namespace pflint::rules
