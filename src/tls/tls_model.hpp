// NAME
//   tls_model — the SMTP/LMTP client TLS picture of a configuration, for
//   the lint rules and `pflint policy`.
// DESCRIPTION
//   build_tls_model() resolves, for every client service (master.cf entries
//   whose command is smtp or lmtp; main.cf alone as "smtp" when master.cf
//   has none), the global level, the policy tables it lists (each distinct
//   table spec read once), its policy without a destination, and the
//   policy of every destination (table key) listed in its tables. It also
//   reads the maps that route mail to next hops (transport_maps and the
//   sender-dependent default transport and relayhost maps) with the same
//   offline table reader, for the rules that judge a next hop's port; those
//   tables are kept apart from the policy tables.
//   Rules query it; nothing is reported here.
// DIAGNOSTICS
//   None; see the data types in global_level.hpp, policy_table.hpp,
//   effective_policy.hpp.
// SEE ALSO
//   src/lint/context.hpp (CheckContext::tls), src/report/policy_text.hpp, docs/policy.md.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "tls/effective_policy.hpp"
#include "tls/global_level.hpp"
#include "tls/policy_table.hpp"

namespace pflint::tls {

struct ServicePolicy {
  const config::MasterEntry* entry = nullptr;  // null: main.cf only
  std::string name;                 // "smtp/unix", or "smtp" for main.cf only
  std::string prefix;               // "smtp" or "lmtp"
  GlobalLevel global;
  Setting policy_maps;              // <prefix>_tls_policy_maps
  Setting per_site;                 // <prefix>_tls_per_site
  bool per_site_ignored = false;    // both set: per_site ignored (Postfix warns)
  std::vector<const PolicyTable*> policy_tables;    // tables of policy_maps, in order
  std::vector<const PolicyTable*> per_site_tables;  // tables of per_site, in order
  EffectivePolicy policy;                          // no destination
  std::vector<EffectivePolicy> destinations;       // one per key of the tables in use, table order

  // parameter - "<prefix>_<suffix>": parameter("tls_protocols") → "lmtp_tls_protocols".
  [[nodiscard]] std::string parameter(std::string_view suffix) const {
    std::string out;
    out.reserve(prefix.size() + 1 + suffix.size());
    out.append(prefix).append(1, '_').append(suffix);
    return out;
  }
  // find_destination - the listed destination with this key, or nullptr.
  [[nodiscard]] const EffectivePolicy* find_destination(std::string_view key) const;
};

// A map list that routes mail to next hops, and the tables it lists.
struct RoutingMap {
  Setting list;                            // e.g. transport_maps (expanded, with its origin)
  std::vector<const PolicyTable*> tables;  // in list order; entries are "transport:nexthop" or a relayhost
};

class TlsModel {
 public:
  TlsModel() = default;
  TlsModel(TlsModel&&) noexcept = default;  // tables_ is a deque: element addresses survive a move
  TlsModel& operator=(TlsModel&&) noexcept = default;
  TlsModel(const TlsModel&) = delete;
  TlsModel& operator=(const TlsModel&) = delete;

  [[nodiscard]] const std::vector<ServicePolicy>& services() const { return services_; }
  // find_service - by "service/type" ("relay/unix"), or nullptr.
  [[nodiscard]] const ServicePolicy* find_service(std::string_view name) const;
  // tables - every distinct table read, in first-use order.
  [[nodiscard]] const std::deque<PolicyTable>& tables() const { return tables_; }
  // routing - transport_maps, sender_dependent_default_transport_maps and
  // sender_dependent_relayhost_maps as set in main.cf (unset ones left out).
  [[nodiscard]] const std::vector<RoutingMap>& routing() const { return routing_; }
  // routing_map - one of routing() by parameter name, or nullptr.
  [[nodiscard]] const RoutingMap* routing_map(std::string_view parameter) const;
  // resolve - the policy of `service` for any next hop (not only listed ones).
  [[nodiscard]] EffectivePolicy resolve(const ServicePolicy& service, std::string_view destination) const;

 private:
  friend TlsModel build_tls_model(const model::Model& model);
  const model::Model* model_ = nullptr;
  std::vector<ServicePolicy> services_;
  std::deque<PolicyTable> tables_;  // stable addresses
  std::vector<RoutingMap> routing_;
  std::deque<PolicyTable> routing_tables_;  // apart from tables_: not TLS policy tables
};

// build_tls_model - see DESCRIPTION. The model must outlive the result.
TlsModel build_tls_model(const model::Model& model);

}  // namespace pflint::tls
