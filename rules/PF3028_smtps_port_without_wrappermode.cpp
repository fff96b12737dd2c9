// PF3028 smtps-port-without-wrappermode — a next hop on port 465 (SMTPS)
// reached by an SMTP client service that does not use wrapper mode.
#include <fmt/core.h>

#include <array>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3028_info;
const lint::RuleInfo PF3028_info{
    "PF3028", "smtps-port-without-wrappermode", lint::Severity::error,
    "a next hop on port 465 (SMTPS) is reached without smtp_tls_wrappermode = yes", std::nullopt, std::nullopt,
    R"md(## What it flags
A next hop on port 465 (written `:465`, `:smtps` or `:submissions`) in
`relayhost`, in the next-hop part of `default_transport` or
`relay_transport`, or in `smtp_fallback_relay`, when the SMTP client service
that delivers to it has `smtp_tls_wrappermode = no` (the default).

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
)md"};

namespace {

// Port names that /etc/services maps to 465.
constexpr std::array<std::string_view, 4> smtps_ports = {"465", "smtps", "submissions", "ssmtp"};

// port_of - the port of a next hop "[host]:port", "host:port" (empty if none).
std::string_view port_of(std::string_view nexthop) {
  if (nexthop.starts_with('[')) {
    const auto close = nexthop.find(']');
    if (close == std::string_view::npos || close + 1 >= nexthop.size() || nexthop[close + 1] != ':') return {};
    return nexthop.substr(close + 2);
  }
  const auto colon = nexthop.find(':');
  return colon == std::string_view::npos ? std::string_view() : nexthop.substr(colon + 1);
}

bool is_smtps_port(std::string_view nexthop) {
  const std::string_view port = port_of(nexthop);
  return std::any_of(smtps_ports.begin(), smtps_ports.end(), [&](std::string_view p) { return tlsr::iequals(port, p); });
}

// The port-465 next hops of a list value (relayhost and smtp_fallback_relay
// take several, separated by commas or whitespace).
std::vector<std::string> smtps_hops(std::string_view list) {
  std::vector<std::string> out;
  for (const tlsr::Token& t : tlsr::split(list, ", \t\r\n")) {
    if (is_smtps_port(t.text)) out.emplace_back(t.text);
  }
  return out;
}

// The client service that delivers through `transport` ("smtp", "relay").
const tls::ServicePolicy* service_for(const tls::TlsModel& tls, std::string_view transport) {
  for (const tls::ServicePolicy& svc : tls.services()) {
    if (svc.prefix != "smtp") continue;
    if (svc.entry == nullptr ? transport == "smtp" : svc.entry->service() == transport) return &svc;
  }
  return nullptr;
}

bool wrappermode(const model::Model& model, const tls::ServicePolicy& svc) {
  return tlsr::iequals(tlsr::trim(model.expanded("smtp_tls_wrappermode", svc.entry)), "yes");
}

// A "transport:nexthop" value split at its first ':'.
struct Route {
  std::string transport;
  std::string nexthop;
};
Route route_of(const std::string& value) {
  const std::string v = tlsr::trim(value);
  const auto colon = v.find(':');
  if (colon == std::string::npos) return Route{v, {}};
  return Route{v.substr(0, colon), v.substr(colon + 1)};
}

void report(lint::CheckContext& context, const model::Origin& where, std::string_view hop, std::string_view via,
            const tls::ServicePolicy& svc) {
  const model::Origin wrap = context.model().raw("smtp_tls_wrappermode", svc.entry).origin;
  context.report_at(where, fmt::format("{} is port 465 (SMTPS, TLS from the first byte), but {} delivers {} with "
                                       "smtp_tls_wrappermode = no ({}): the client waits for a plain greeting "
                                       "that never comes and every delivery times out",
                                       hop, svc.name, via, wrap.describe()));
}

}  // namespace

void check_PF3028(lint::CheckContext& context) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  const model::Model& model = context.model();

  // Mail to remote destinations: default_transport, whose own next hop (if
  // any) wins over relayhost; relay domains likewise through relay_transport,
  // when relay_domains is set (its compatibility default lists only local
  // domains, which never reach relay_transport).
  const bool relays = model.raw("relay_domains").origin.kind != model::OriginKind::built_in &&
                      !tlsr::trim(model.expanded("relay_domains")).empty();
  tlsr::Once once;
  for (const std::string_view parameter : {std::string_view("default_transport"), std::string_view("relay_transport")}) {
    if (parameter == "relay_transport" && !relays) continue;
    const Route route = route_of(model.expanded(parameter));
    const tls::ServicePolicy* svc = service_for(*tls, route.transport);
    if (svc == nullptr || wrappermode(model, *svc)) continue;
    const bool own_hop = !route.nexthop.empty();
    const std::string_view source = own_hop ? parameter : std::string_view("relayhost");
    const model::Value value = model.raw(source);
    const std::string hops_text = own_hop ? route.nexthop : model.expanded("relayhost");
    for (const std::string& hop : smtps_hops(hops_text)) {
      if (!once.first(value.origin.file, value.origin.value_span)) continue;
      report(context, value.origin, hop,
             own_hop ? fmt::format("the mail of {}", parameter) : fmt::format("relayhost mail (as {})", parameter),
             *svc);
    }
  }

  // The fallback relays are read by each SMTP client service itself.
  for (const tls::ServicePolicy& svc : tls->services()) {
    if (svc.prefix != "smtp" || wrappermode(model, svc)) continue;
    const model::Value value = model.raw("smtp_fallback_relay", svc.entry);
    if (!value.defined()) continue;
    for (const std::string& hop : smtps_hops(model.expanded("smtp_fallback_relay", svc.entry))) {
      if (once.first(value.origin.file, value.origin.value_span)) {
        report(context, value.origin, hop, "its fallback relay mail", svc);
      }
    }
  }
}

}  // namespace pflint::rules
