// PF3025 lmtp-unix-socket-tls — LMTP over a UNIX-domain socket at level may
// or dane.
#include <fmt/core.h>

#include "model/route.hpp"
#include "rules/nexthop_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3025_info;
const lint::RuleInfo PF3025_info{
    .code = "PF3025",
    .name = "lmtp-unix-socket-tls",
    .severity = lint::Severity::warning,
    .summary = "LMTP to a unix: socket with TLS level may or dane",
    .doc = R"md(## What it flags
An LMTP client whose TLS level is `may`, `dane` or `dane-only` while a
transport setting (`mailbox_transport`, `virtual_transport`,
`local_transport`, `default_transport`, `relay_transport`,
`fallback_transport`) sends mail through it to a `unix:` socket.

## Why it matters
TLS over a local socket protects nothing. Postfix knows this: with `may`
it logs a warning for every delivery and uses `none`; with `dane` or
`dane-only` the destination is invalid and every message is deferred
(reported as an error).

## Problematic config
```main.cf
mailbox_transport = lmtp:unix:private/dovecot-lmtp
lmtp_tls_security_level = may
```
```master.cf
lmtp      unix  -       -       y       -       -       lmtp
```

## Correct config
```main.cf
mailbox_transport = lmtp:unix:private/dovecot-lmtp
```
```master.cf
lmtp      unix  -       -       y       -       -       lmtp
```

## Exceptions
LMTP over TCP (`lmtp:inet:host:port`) to another machine can use TLS.

## How to fix
Leave `lmtp_tls_security_level` empty (or `none`) for LMTP services that
talk to local sockets; give TCP destinations their own master.cf service
with `-o lmtp_tls_security_level=...`.

## Fix
No automatic fix: the TCP destinations would need a master.cf service of
their own; that is a restructuring, not an edit.
)md",
};

void check_PF3025(lint::CheckContext& context) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  const model::Model& model = context.model();
  tlsr::Once once;
  for (const tls::ServicePolicy& svc : tls->services()) {
    const tls::Level level = svc.global.level;
    if (svc.prefix != "lmtp" || (level != tls::Level::may && level != tls::Level::dane && level != tls::Level::dane_only)) {
      continue;
    }
    for (const char* param : {"mailbox_transport", "virtual_transport", "local_transport", "default_transport",
                              "relay_transport", "fallback_transport"}) {
      const std::string value = model.expanded(param);
      const model::Route route = model::route_of(value);
      if (!nexthop::serves(svc, route.transport) || !route.nexthop.starts_with("unix:")) continue;
      const model::Origin at = svc.global.origin.file ? svc.global.origin : model.raw(param).origin;
      if (!once.first(at.file, at.value_span)) continue;
      const bool dane = level != tls::Level::may;
      lint::Diagnostic& d = context.report_at(
          at, fmt::format("{} for {}, which {} = {} ({}) uses for a UNIX-domain socket: {}",
                          tlsr::describe_global(svc.global), svc.name, param, value, model.raw(param).origin.describe(),
                          dane ? "the dane levels are invalid there and every message is deferred"
                               : "Postfix warns on every delivery and uses level none"));
      if (dane) d.severity = lint::Severity::error;
    }
  }
}

}  // namespace pflint::rules
