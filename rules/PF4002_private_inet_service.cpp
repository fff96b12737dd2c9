// PF4002 private-inet-service — an inet service marked private.
#include <fmt/core.h>

#include "lint/context.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF4002_info;
const lint::RuleInfo PF4002_info{
    .code = "PF4002",
    .name = "private-inet-service",
    .severity = lint::Severity::error,
    .summary = "an inet service with private = y or - (the default y)",
    .doc = R"md(## What it flags
A master.cf `inet` entry whose third field (private) is `y`, or `-`, which
means `y`.

## Why it matters
A network service cannot be private: master(8) stops with `inet service
cannot be private`. The stock master.cf always writes `n` for inet services
for this reason; `-` is an easy slip when copying a `unix` line.

## Problematic config
```master.cf
2525 inet - - y - - smtpd
```

## Correct config
```master.cf
2525 inet n - y - - smtpd
```

## Exceptions
None.

## How to fix
Write `n` in the private field of every inet entry.

## Fix
The fix writes `n` in the private field. It is **unsafe**: today master(8)
will not start; after the fix it starts and the service listens on the
network, which the admin should mean.
)md",
    .fix = lint::FixClass::unsafe,
};

void check_PF4002(lint::CheckContext& context) {
  const auto& files = context.files();
  if (!files.master_file) return;
  for (const syntax::Service& service : files.master_file->tree.services) {
    const syntax::SourceFile& src = files.master_file->source;
    const std::string_view type = src.slice(service.fields[1]);
    const std::string_view priv = src.slice(service.fields[2]);
    if (type != "inet" || (priv != "y" && priv != "-")) continue;
    auto& d = context.report(&src, service.fields[2],
                             fmt::format("inet service {} cannot be private (private field \"{}\"{}); master(8) "
                                         "will not start",
                                         src.slice(service.fields[0]), priv, priv == "-" ? ", the default y" : ""));
    // Unsafe: master(8) starts, with a network listener it did not have.
    d.fixes.push_back(lint::Fix{"Set the private field to n", {lint::Edit{&src, service.fields[2], "n"}}, false});
  }
}

}  // namespace pflint::rules
