// NAME
//   policy_diff — what changed in the effective SMTP/LMTP client TLS policy
//   between two configs: per client service and per policy-table
//   destination, each changed setting old → new with each side's origin,
//   and whether the change weakens security.
// DESCRIPTION
//   Both sides are tls::TlsModel (the policy `pflint policy` shows);
//   nothing is recomputed here. Services are matched by name ("relay/unix");
//   destinations by next hop, over the union of both sides' table keys: a
//   key listed on one side only is resolved on the other with
//   TlsModel::resolve(), so a destination whose entry was removed shows the
//   global level it falls back to. Items compared: level (the level Postfix
//   uses), policy entry, protocols, cipher grade, exclusions, match,
//   digest, CAfile/CApath/trust anchors, tls_append_default_CA, DANE
//   prerequisites, servername, deferral reasons. Weakenings (weaken.hpp):
//   level lowered, a protocol admitted, cipher grade lowered, an exclusion
//   dropped, matching dropped or widened, a weaker digest, default CAs
//   appended, a destination falling back from a policy entry.
// DIAGNOSTICS
//   None; a change is data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tls/tls_model.hpp"

namespace pflint::diff {

// One side of a changed item.
struct SideValue {
  std::optional<std::string> value;  // nullopt: the item does not apply on this side
  std::string origin;                // tls::origin_label(), e.g. "main.cf:12, smtp_tls_security_level"
};

struct Change {
  std::string item;  // "level", "protocols", "exclude", "match", "CAfile", "dane dns_support_level", …
  SideValue was;
  SideValue now;
  std::string weakening;  // why this weakens security; empty when it does not
};

// The changes of one service's own policy (destination empty) or of one destination.
struct ScopeDiff {
  enum class Presence : std::uint8_t { both, added, removed };
  std::string service;
  std::string destination;
  Presence presence = Presence::both;
  std::vector<Change> changes;
  [[nodiscard]] bool weakens() const;
};

// diff_policies - every scope with a change, services in the new side's
// order (removed ones last), each service's own policy before its destinations.
std::vector<ScopeDiff> diff_policies(const tls::TlsModel& was, const tls::TlsModel& now);

// diff_policy - the changed items between two effective policies.
std::vector<Change> diff_policy(const tls::EffectivePolicy& was, const tls::EffectivePolicy& now);

}  // namespace pflint::diff
