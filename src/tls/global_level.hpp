// NAME
//   global_level — the TLS security level of a client service before any
//   per-destination table is consulted.
// DESCRIPTION
//   global_tls_level() reimplements smtp(8)'s global_tls_level(): a
//   non-empty <prefix>_tls_security_level wins (its 3.11+ built-in default
//   `may` at compatibility_level >= 3.11 counts as non-empty, so obsolete
//   settings are then ignored — the DOC≠CODE trap); otherwise the obsolete
//   <prefix>_enforce_tls, <prefix>_tls_enforce_peername and <prefix>_use_tls
//   decide. The prefix is the service's process name: smtp → smtp_,
//   lmtp → lmtp_ (lmtp_tls_security_level has an empty default in every
//   version). A null service means main.cf alone, with the smtp_ prefix;
//   client_scope() gives a main.cf lmtp_* setting lmtp(8)'s view instead.
//   obsolete_level() is the obsolete booleans' part alone, for the rules
//   that ask what those settings would do.
// DIAGNOSTICS
//   None printed. An unknown level name yields Level::invalid with the text
//   kept; obsolete settings that are set but ignored are listed.
// SEE ALSO
//   src/smtp/smtp_tls_policy.c (global_tls_level), src/smtp/smtp.c (pre_init),
//   docs/policy.md; shared reference postfix-semantics.md §5.2.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "tls/level.hpp"
#include "tls/provenance.hpp"

namespace pflint::tls {

// An obsolete parameter (smtp_use_tls, smtp_enforce_tls, smtp_tls_enforce_peername).
struct ObsoleteSetting {
  std::string name;      // with the service's prefix: "lmtp_use_tls"
  std::string value;     // expanded: "yes"
  model::Origin origin;  // built_in when not set
  [[nodiscard]] bool set() const { return origin.kind != model::OriginKind::built_in; }
};

struct GlobalLevel {
  Level level = Level::none;  // Level::invalid for an unknown name
  std::string text;           // the level as written (expanded), e.g. "Encrypt"; derived levels: its name
  std::string parameter;      // what decided: "smtp_tls_security_level", or the obsolete parameter
  model::Origin origin;       // where `parameter` got its value
  // from_compat_default - the level is the 3.11+ built-in `may` that
  // compatibility_level >= 3.11 selects.
  bool from_compat_default = false;
  // derived_from_obsolete - the obsolete parameters consulted (in Postfix's
  // order), when the level parameter is empty.
  std::vector<ObsoleteSetting> derived_from_obsolete;
  // obsolete_ignored - obsolete parameters set (main.cf or -o) although the
  // level parameter is non-empty, explicitly or by the 3.11 default.
  std::vector<ObsoleteSetting> obsolete_ignored;
  // derived - an obsolete parameter set in main.cf/master.cf decided the level.
  [[nodiscard]] bool derived() const;
  // as_provenance - the origin as a Provenance for effective-policy items.
  [[nodiscard]] Provenance as_provenance() const;
};

// client_prefix - "lmtp" when the service's process name is lmtp, else "smtp".
std::string_view client_prefix(const config::MasterEntry* service);

// client_scope - the view a <prefix>_* setting is read in: its -o service,
// or for a main.cf setting the daemon of that prefix: smtp(8) (null: main.cf
// alone), or lmtp(8) (a stand-in entry whose process name is lmtp, so that
// client_prefix() and global_tls_level() take the lmtp_ names).
const config::MasterEntry* client_scope(std::string_view prefix, const config::MasterEntry* service);

// The level the obsolete switches ask for.
struct ObsoleteLevel {
  Level level = Level::none;
  // consulted - in Postfix's order: <prefix>_enforce_tls, then
  // <prefix>_tls_enforce_peername (enforce_tls yes) or <prefix>_use_tls.
  std::vector<ObsoleteSetting> consulted;
};

// obsolete_level - global_tls_level()'s reading of the pre-2.3 booleans,
// which decide when <prefix>_tls_security_level is empty.
// **Example**: smtp_enforce_tls = yes, smtp_tls_enforce_peername = no → encrypt.
ObsoleteLevel obsolete_level(const model::Model& model, const config::MasterEntry* service, std::string_view prefix);

// global_tls_level - the level smtp(8)/lmtp(8) runs with for `service`.
// **Example**: main.cf `smtp_enforce_tls = yes` at 3.7 → verify (derived);
// the same at 3.11 with compatibility_level = 3.11 → may, with smtp_enforce_tls in obsolete_ignored.
GlobalLevel global_tls_level(const model::Model& model, const config::MasterEntry* service);

}  // namespace pflint::tls
