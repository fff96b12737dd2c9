// PF3028 smtps-port-without-wrappermode — a next hop on port 465 (SMTPS)
// reached by an SMTP client service that does not use wrapper mode.
#include <fmt/core.h>

#include <array>

#include "rules/nexthop_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3028_info;
const lint::RuleInfo PF3028_info{
    .code = "PF3028",
    .name = "smtps-port-without-wrappermode",
    .severity = lint::Severity::error,
    .summary = "a next hop on port 465 (SMTPS) is reached without smtp_tls_wrappermode = yes",
    .doc = R"md(## What it flags
A next hop on port 465 (written `:465`, `:smtps` or `:submissions`) in
`relayhost`, in the next-hop part of `default_transport` or
`relay_transport`, or in `smtp_fallback_relay`, when the SMTP client service
that delivers to it has `smtp_tls_wrappermode = no` (the default).

Next hops in tables count too, where pflint can read the table without a
running Postfix (`texthash:`, the source file of `hash:` and the other
indexed types, `inline:{ }`): each entry of `transport_maps`
(`transport:nexthop`), of `sender_dependent_default_transport_maps` and of
`sender_dependent_relayhost_maps`, delivered by the service the entry names.
The finding then points at the entry.

## Why it matters
Port 465 speaks TLS from the first byte ("implicit TLS", SMTPS): the server
waits for a TLS handshake. Without wrapper mode the Postfix SMTP client
connects and waits for a plain SMTP greeting that never comes, so every
delivery through that next hop ends in a time-out and the mail is deferred.
Nothing is logged at start-up; the mistake shows only as a growing queue.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:465
smtp_tls_security_level = encrypt
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:465
smtp_tls_wrappermode = yes
smtp_tls_security_level = encrypt
```

## Exceptions
A server that listens on port 465 with plain SMTP and STARTTLS (against
the port's registration) works without wrapper mode; suppress the finding
for that line.

## How to fix
Either set `smtp_tls_wrappermode = yes` together with
`smtp_tls_security_level = encrypt` (or stronger) for the service that
delivers to this next hop — in main.cf, or as `-o` options on a dedicated
master.cf transport — or use the submission port 587, which speaks
STARTTLS and needs no wrapper mode.

## Fix
No automatic fix: wrapper mode with a mandatory level, or port 587 with
STARTTLS, and for which service, is a choice only the admin can make.
)md",
};

namespace {

// Port names that /etc/services maps to 465.
constexpr std::array<std::string_view, 4> smtps_ports = {"465", "smtps", "submissions", "ssmtp"};

}  // namespace

void check_PF3028(lint::CheckContext& context) {
  const model::Model& model = context.model();
  tlsr::Once once;
  nexthop::each_client_nexthop(context, [&](const nexthop::ClientHop& h) {
    if (!nexthop::port_is(h.hop, smtps_ports) || nexthop::wrappermode(model, *h.service)) return;
    if (!once.first(h.file(), h.span())) return;
    nexthop::report(context, h, fmt::format("{} is port 465 (SMTPS, TLS from the first byte), but {} delivers {} with "
                                           "smtp_tls_wrappermode = no ({}): the client waits for a plain greeting "
                                           "that never comes and every delivery times out",
                                           h.hop, h.service->name, h.via,
                                           nexthop::wrappermode_origin(model, *h.service).describe()));
  });
}

}  // namespace pflint::rules
