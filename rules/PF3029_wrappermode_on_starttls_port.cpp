// PF3029 wrappermode-on-starttls-port — an SMTP client service with
// smtp_tls_wrappermode = yes that delivers to a plain-SMTP port (25 or 587),
// where the server greets in clear text and offers STARTTLS.
#include <fmt/core.h>

#include <array>

#include "rules/nexthop_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3029_info;
const lint::RuleInfo PF3029_info{
    .code = "PF3029",
    .name = "wrappermode-on-starttls-port",
    .severity = lint::Severity::error,
    .summary = "smtp_tls_wrappermode = yes is used for a next hop on port 25 or 587, which speaks STARTTLS",
    .doc = R"md(## What it flags
An SMTP client service with `smtp_tls_wrappermode = yes` (in main.cf, or
as an `-o` option of its master.cf entry) that delivers to a next hop on a
port where servers speak plain SMTP and offer STARTTLS:

- a next hop written with `:25`, `:smtp`, `:587` or `:submission`;
- a next hop without a port (the client then uses port 25);
- no next hop at all, so that the mail goes to the recipient domains' MX
  hosts on port 25.

The next hops looked at are `relayhost`, the next-hop part of
`default_transport` and `relay_transport` (the latter when
`relay_domains` is set), and `smtp_fallback_relay`, and the entries of
`transport_maps`, `sender_dependent_default_transport_maps` and
`sender_dependent_relayhost_maps` in tables that can be read offline
(`texthash:`, the source of `hash:` and similar, `inline:{ }`), each with the
service it names: `relay:[hub]:587` is judged by the `relay` service's wrapper
mode, and `smtps:` (no next hop) means that service's mail goes to MX hosts.

## Why it matters
With wrapper mode the client sends its TLS hello as soon as the TCP
connection is up. A server on port 25 or 587 first sends its plain `220`
greeting and expects SMTP commands, so the handshake fails ("wrong version
number") and every delivery through that next hop is deferred. Nothing
fails at start-up; the queue just grows.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_wrappermode = yes
smtp_tls_security_level = encrypt
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = encrypt
```

## Exceptions
A server that runs implicit TLS on port 25 or 587 (against the ports'
registration) works with wrapper mode; suppress the finding for that line.

## How to fix
For a submission relay on port 587 or any server on port 25, remove
`smtp_tls_wrappermode = yes` and keep `smtp_tls_security_level = encrypt`
(or stronger): the client then uses STARTTLS. If the relay really wants
implicit TLS, use its port 465. When only one relay needs wrapper mode,
set it as an `-o` option of a dedicated master.cf transport named by
`relayhost`'s transport or `default_transport`, not in main.cf.

## Fix
The fix deletes the `smtp_tls_wrappermode = yes` setting (main.cf line
or `-o`). It is **unsafe**: the client then uses STARTTLS on every
delivery that setting covers, including any that did go to a real
port-465 server.
)md",
    .fix = lint::FixClass::unsafe,
};

namespace {

// Port numbers and /etc/services names of plain SMTP with STARTTLS.
constexpr std::array<std::string_view, 4> starttls_ports = {"25", "smtp", "587", "submission"};

// add_unwrap_fix - unsafe: delete the wrapper-mode setting.
void add_unwrap_fix(const lint::CheckContext& context, lint::Diagnostic& d, const model::Origin& wrap) {
  if (const auto del = fixe::delete_setting(context.files(), wrap)) {
    d.fixes.push_back({"Remove smtp_tls_wrappermode = yes (use STARTTLS)", {*del}, false});
  }
}

}  // namespace

void check_PF3029(lint::CheckContext& context) {
  const model::Model& model = context.model();
  tlsr::Once once;
  nexthop::each_client_nexthop(context, [&](const nexthop::ClientHop& h) {
    if (!nexthop::wrappermode(model, *h.service)) return;
    const model::Origin wrap = nexthop::wrappermode_origin(model, *h.service);
    if (h.hop.empty()) {
      // Straight to MX hosts: the wrapper-mode line is the one to blame.
      if (!once.first(wrap.file, wrap.value_span, "mx")) return;
      lint::Diagnostic& d = context.report_at(wrap, fmt::format("{} delivers {} on port 25 with smtp_tls_wrappermode = yes: MX hosts "
                                          "greet in plain text and offer STARTTLS, so every TLS hello fails "
                                          "and all such mail is deferred",
                                          h.service->name, h.via));
      add_unwrap_fix(context, d, wrap);
      return;
    }
    const std::string_view port = nexthop::port_of(h.hop);
    if (!port.empty() && !nexthop::port_is(h.hop, starttls_ports)) return;
    if (!once.first(h.file(), h.span())) return;
    lint::Diagnostic& d = nexthop::report(context, h, fmt::format("{} is port {} (plain SMTP with STARTTLS), but {} delivers {} with "
                                           "smtp_tls_wrappermode = yes ({}): the client sends its TLS hello "
                                           "before the server's greeting and every delivery fails",
                                           h.hop, port.empty() ? std::string_view("25") : port, h.service->name,
                                           h.via, wrap.describe()));
    add_unwrap_fix(context, d, wrap);
  });
}

}  // namespace pflint::rules
