// NAME
//   nexthop_util — the next hops each SMTP client service delivers to, for
//   the rules that judge a next hop's port against wrapper mode (PF3028,
//   PF3029).
// DESCRIPTION
//   A transport setting names the client service by its master.cf service
//   name (model::route_of, serves, service_for; PF3025 asks too). Postfix
//   sends remote mail through default_transport (and relay domains through
//   relay_transport when relay_domains is set); a transport's own
//   next hop wins over relayhost, and with neither the client looks up the
//   recipient domain's MX hosts on port 25. Each SMTP client service also
//   reads its own smtp_fallback_relay. each_client_nexthop() walks these
//   once, so the rules differ only in which ports they flag.
#pragma once

#include <fmt/core.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "model/route.hpp"
#include "rules/tls_rule_util.hpp"

namespace pflint::rules::nexthop {

// port_of - the port of a next hop "[host]:port" or "host:port" (empty when
// none is given, which means the smtp service, port 25).
inline std::string_view port_of(std::string_view nexthop) {
  if (nexthop.starts_with('[')) {
    const auto close = nexthop.find(']');
    if (close == std::string_view::npos || close + 1 >= nexthop.size() || nexthop[close + 1] != ':') return {};
    return nexthop.substr(close + 2);
  }
  const auto colon = nexthop.find(':');
  return colon == std::string_view::npos ? std::string_view() : nexthop.substr(colon + 1);
}

// port_is - whether a next hop's port is one of `ports` (numbers or
// /etc/services names, compared without case).
template <typename Ports>
bool port_is(std::string_view nexthop, const Ports& ports) {
  const std::string_view port = port_of(nexthop);
  return std::any_of(std::begin(ports), std::end(ports),
                     [&](std::string_view p) { return tlsr::iequals(port, p); });
}

// wrappermode - smtp_tls_wrappermode as the service sees it.
inline bool wrappermode(const model::Model& model, const tls::ServicePolicy& svc) {
  return model.boolean("smtp_tls_wrappermode", svc.entry);
}

// wrappermode_origin - where the service's smtp_tls_wrappermode comes from.
inline model::Origin wrappermode_origin(const model::Model& model, const tls::ServicePolicy& svc) {
  return model.raw("smtp_tls_wrappermode", svc.entry).origin;
}

// One next hop of one client service.
struct ClientHop {
  std::string hop;                    // "[host]:port", "host"; empty: the recipient domain's MX hosts
  model::Origin where;                // the setting that names it (for MX delivery: the transport parameter)
  std::string via;                    // "relayhost mail (as default_transport)", ...
  const tls::ServicePolicy* service;  // the SMTP client service that delivers it
};

// serves - whether `svc` is the master.cf service a route's transport names
// (main.cf alone: the service named after the client, smtp or lmtp).
inline bool serves(const tls::ServicePolicy& svc, std::string_view transport) {
  return svc.entry == nullptr ? transport == svc.prefix : svc.entry->service() == transport;
}

// service_for - the SMTP client service that delivers through `transport`
// ("smtp", "relay"), or nullptr.
inline const tls::ServicePolicy* service_for(const tls::TlsModel& tls, std::string_view transport) {
  for (const tls::ServicePolicy& svc : tls.services()) {
    if (svc.prefix == "smtp" && serves(svc, transport)) return &svc;
  }
  return nullptr;
}

namespace detail {

// The next hops of a list value (relayhost and smtp_fallback_relay take
// several, separated by commas or whitespace).
inline std::vector<std::string> hops_of(std::string_view list) {
  std::vector<std::string> out;
  for (const tlsr::Token& t : tlsr::split(list, ", \t\r\n")) out.emplace_back(t.text);
  return out;
}

}  // namespace detail

// each_client_nexthop - calls f(const ClientHop&) for every next hop an SMTP
// client service of the model delivers to (see the header comment).
template <typename F>
void each_client_nexthop(lint::CheckContext& context, F&& f) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  const model::Model& model = context.model();

  // relay_domains' compatibility default lists only local domains, which
  // never reach relay_transport.
  const bool relays = model.raw("relay_domains").origin.kind != model::OriginKind::built_in &&
                      !tlsr::trim(model.expanded("relay_domains")).empty();
  for (const std::string_view parameter : {std::string_view("default_transport"), std::string_view("relay_transport")}) {
    if (parameter == "relay_transport" && !relays) continue;
    const model::Route route = model::route_of(model.expanded(parameter));
    const tls::ServicePolicy* svc = service_for(*tls, route.transport);
    if (svc == nullptr) continue;
    if (!route.nexthop.empty()) {
      const model::Origin where = model.raw(parameter).origin;
      for (std::string& hop : detail::hops_of(route.nexthop)) {
        f(ClientHop{std::move(hop), where, fmt::format("the mail of {}", parameter), svc});
      }
      continue;
    }
    const std::vector<std::string> relay = detail::hops_of(model.expanded("relayhost"));
    if (relay.empty()) {
      f(ClientHop{{}, model.raw(parameter).origin, fmt::format("the mail of {} straight to MX hosts", parameter), svc});
      continue;
    }
    const model::Origin where = model.raw("relayhost").origin;
    for (const std::string& hop : relay) {
      f(ClientHop{hop, where, fmt::format("relayhost mail (as {})", parameter), svc});
    }
  }

  for (const tls::ServicePolicy& svc : tls->services()) {
    if (svc.prefix != "smtp") continue;
    const model::Value value = model.raw("smtp_fallback_relay", svc.entry);
    if (!value.defined()) continue;
    for (std::string& hop : detail::hops_of(model.expanded("smtp_fallback_relay", svc.entry))) {
      f(ClientHop{std::move(hop), value.origin, "its fallback relay mail", &svc});
    }
  }
}

}  // namespace pflint::rules::nexthop
