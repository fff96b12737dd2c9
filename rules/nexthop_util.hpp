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
//   reads its own smtp_fallback_relay. The readable tables of
//   transport_maps and the sender-dependent default transport and relayhost
//   maps (tls::TlsModel::routing) add their entries, with positions in the
//   table. each_client_nexthop() walks all of these once, so the rules
//   differ only in which ports they flag.
// SEE ALSO
//   src/trivial-rewrite/resolve.c, transport.c (update_entry) in Postfix.
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
                     [&](std::string_view p) { return tls::iequals(port, p); });
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
  tls::Provenance where;              // the setting or table entry that names it (MX delivery: the transport)
  std::string via;                    // "relayhost mail (as default_transport)", ...
  const tls::ServicePolicy* service;  // the SMTP client service that delivers it

  // file / span - where a finding about this hop goes.
  [[nodiscard]] const syntax::SourceFile* file() const {
    return where.kind == tls::Provenance::Kind::table ? where.where.file : where.origin.file;
  }
  [[nodiscard]] syntax::Span span() const {
    return where.kind == tls::Provenance::Kind::table ? where.where.span : where.origin.value_span;
  }
};

// report - a finding at the place that names the hop.
inline lint::Diagnostic& report(lint::CheckContext& context, const ClientHop& h, std::string message) {
  return tlsr::report_provenance(context, h.where, std::move(message));
}

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
// several, separated by commas or whitespace), with their offsets.
inline std::vector<tls::Token> hops_of(std::string_view list) { return tls::tokens(list, ", \t\r\n"); }

// parameter_origin - a Provenance for a main.cf/master.cf setting.
inline tls::Provenance parameter_origin(const model::Model& model, std::string_view parameter,
                                        const config::MasterEntry* scope = nullptr) {
  tls::Provenance p;
  p.parameter = std::string(parameter);
  p.origin = model.raw(parameter, scope).origin;
  return p;
}

// entry_origin - a Provenance for bytes [begin, end) of a table entry's value.
inline tls::Provenance entry_origin(std::string_view parameter, const tls::TableEntry& e, std::size_t begin,
                                    std::size_t end) {
  tls::Provenance p;
  p.kind = tls::Provenance::Kind::table;
  p.parameter = std::string(parameter);
  p.where = e.value_map.file ? e.value_map.locate(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end))
                             : e.where;
  return p;
}

// each_entry - f(entry) for every entry of the readable tables of a routing map.
template <typename F>
void each_entry(const tls::TlsModel& tls, std::string_view parameter, F&& f) {
  const tls::RoutingMap* r = tls.routing_map(parameter);
  if (r == nullptr) return;
  for (const tls::PolicyTable* t : r->tables) {
    if (!t->evaluable()) continue;
    for (const tls::TableEntry& e : t->entries) {
      if (!e.duplicate) f(e);
    }
  }
}

// A transport setting: its client service, next hop and where it is set.
struct Transport {
  const tls::ServicePolicy* service = nullptr;
  std::string nexthop;
  tls::Provenance where;
  std::string via;
};

// Calls f(ClientHop) for each hop of `nexthop` (offset `at` in the value
// of a table entry, when `entry` is given), or once for MX delivery.
template <typename F>
void emit(const Transport& t, const tls::TableEntry* entry, std::size_t at, F& f) {
  if (t.nexthop.empty()) {
    f(ClientHop{{}, t.where, t.via + " straight to MX hosts", t.service});
    return;
  }
  for (const tls::Token& hop : hops_of(t.nexthop)) {
    tls::Provenance where =
        entry ? entry_origin(t.where.parameter, *entry, at + hop.begin, at + hop.end) : t.where;
    f(ClientHop{std::string(hop.text), std::move(where), t.via, t.service});
  }
}

}  // namespace detail

// each_client_nexthop - calls f(const ClientHop&) for every next hop an SMTP
// client service of the model delivers to (see the header comment). The
// readable tables of transport_maps, sender_dependent_default_transport_maps
// and sender_dependent_relayhost_maps count, entry by entry: a transport_maps
// value "transport:nexthop" as trivial-rewrite reads it (":nexthop" keeps the
// default transport, "transport:" delivers to the recipient domain's MX
// hosts), a sender-dependent default transport like default_transport, and a
// sender-dependent relayhost in place of relayhost (DUNNO: relayhost).
template <typename F>
void each_client_nexthop(lint::CheckContext& context, F&& f) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  const model::Model& model = context.model();
  using detail::Transport;

  // A transport's own next hop wins; without one, relayhost (or each
  // sender-dependent relayhost), else MX delivery.
  const auto deliver = [&](const Transport& t, const tls::TableEntry* entry, std::size_t at) {
    if (!t.nexthop.empty()) return detail::emit(t, entry, at, f);
    detail::each_entry(*tls, "sender_dependent_relayhost_maps", [&](const tls::TableEntry& e) {
      if (tls::iequals(e.value, "DUNNO")) return;
      const Transport sender{t.service, e.value,
                             detail::entry_origin("sender_dependent_relayhost_maps", e, 0, e.value.size()),
                             fmt::format("the sender-dependent relayhost mail of {} (as {})", e.key,
                                         t.where.parameter)};
      detail::emit(sender, &e, 0, f);
    });
    const std::string relayhost = model.expanded("relayhost");
    if (!tlsr::trim(relayhost).empty()) {
      const Transport relay{t.service, relayhost, detail::parameter_origin(model, "relayhost"),
                            fmt::format("relayhost mail (as {})", t.where.parameter)};
      return detail::emit(relay, nullptr, 0, f);
    }
    detail::emit(t, nullptr, 0, f);  // senders without a table entry: MX hosts
  };
  // transport_of - a "transport:nexthop" value, when it names an SMTP client service.
  const auto transport_of = [&](std::string_view value, tls::Provenance where, std::string via) {
    const model::Route route = model::route_of(value);
    return Transport{service_for(*tls, route.transport), std::string(route.nexthop), std::move(where),
                     std::move(via)};
  };

  // relay_domains' compatibility default lists only local domains, which
  // never reach relay_transport.
  const bool relays = model.raw("relay_domains").origin.kind != model::OriginKind::built_in &&
                      !tlsr::trim(model.expanded("relay_domains")).empty();
  Transport default_transport;
  for (const std::string_view parameter : {std::string_view("default_transport"), std::string_view("relay_transport")}) {
    if (parameter == "relay_transport" && !relays) continue;
    const Transport t = transport_of(model.expanded(parameter), detail::parameter_origin(model, parameter),
                                     fmt::format("the mail of {}", parameter));
    if (parameter == "default_transport") default_transport = t;
    if (t.service != nullptr) deliver(t, nullptr, 0);
  }

  detail::each_entry(*tls, "sender_dependent_default_transport_maps", [&](const tls::TableEntry& e) {
    if (tls::iequals(e.value, "DUNNO")) return;
    const model::Route route = model::route_of(e.value);
    Transport t = transport_of(e.value, detail::entry_origin("sender_dependent_default_transport_maps", e, 0, e.value.size()),
                               fmt::format("the sender-dependent default transport mail of {}", e.key));
    t.where.parameter = "sender_dependent_default_transport_maps";
    if (t.service != nullptr) deliver(t, &e, e.value.size() - route.nexthop.size());
  });

  detail::each_entry(*tls, "transport_maps", [&](const tls::TableEntry& e) {
    const model::Route route = model::route_of(e.value);
    if (route.transport.empty() && route.nexthop.empty()) return;  // ":" changes nothing
    Transport t = route.transport.empty() ? default_transport
                                          : transport_of(e.value, {}, {});
    if (t.service == nullptr) return;
    t.nexthop = std::string(route.nexthop);
    t.where = detail::entry_origin("transport_maps", e, 0, e.value.size());
    t.via = fmt::format("the mail transport_maps routes for {}", e.key);
    detail::emit(t, &e, e.value.size() - route.nexthop.size(), f);
  });

  for (const tls::ServicePolicy& svc : tls->services()) {
    if (svc.prefix != "smtp") continue;
    const model::Value value = model.raw("smtp_fallback_relay", svc.entry);
    if (!value.defined()) continue;
    const Transport fallback{&svc, model.expanded("smtp_fallback_relay", svc.entry),
                             detail::parameter_origin(model, "smtp_fallback_relay", svc.entry),
                             "its fallback relay mail"};
    if (!fallback.nexthop.empty()) detail::emit(fallback, nullptr, 0, f);
  }
}

}  // namespace pflint::rules::nexthop
