// NAME
//   names — which parameter names Postfix knows for a configuration.
// DESCRIPTION
//   A name is known when it is built in (for the target version, legacy and
//   read-only names included), service-defined (a master.cf entry whose
//   command is local, error, virtual, smtp, lmtp, pipe or spawn defines
//   <service>_destination_concurrency_limit and friends), a user variable
//   that is set and used (listed in smtpd_restriction_classes, or referenced
//   as $name by another value in a scope that sees it), or a setting of a
//   legacy lookup table (ldap:foo makes foo_* valid). Everything else set
//   in main.cf or with -o is ignored by Postfix ("unused parameter").
// SEE ALSO
//   src/postconf/postconf_user.c, postconf_service.c, postconf_dbms.c in
//   Postfix; postfix-semantics.md §4.1.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/model.hpp"

namespace pflint::model {

class Names {
 public:
  explicit Names(const Model& model);

  // known - would Postfix use a setting of `name` in this scope (null: main.cf)?
  [[nodiscard]] bool known(std::string_view name, const config::MasterEntry* scope) const;
  // defined - does `$name` in this scope resolve to something (a built-in,
  // service-defined name, or a setting main.cf or the entry makes)?
  [[nodiscard]] bool defined(std::string_view name, const config::MasterEntry* scope) const;
  // suggestion - the closest built-in name, for "did you mean".
  [[nodiscard]] std::optional<std::string_view> suggestion(std::string_view name) const;

 private:
  [[nodiscard]] bool builtin_or_service(std::string_view name) const;
  // referenced_by_default - does a built-in default that main.cf leaves
  // alone reference $name?
  [[nodiscard]] bool referenced_by_default(std::string_view name) const;

  const Model& model_;
  struct Service {
    std::string_view name;                       // a master.cf entry's service field
    const std::vector<std::string>* suffixes;    // of the names its command defines (sorted)
  };
  std::vector<Service> services_;               // entries whose command defines names
  std::unordered_set<std::string> dbms_prefixes_;                // "foo_" for ldap:foo
  std::unordered_set<std::string> referenced_globally_;         // $x in main.cf values
  // name -> the built-in parameters whose defaults reference it (per
  // version; set on first use by referenced_by_default)
  mutable const std::unordered_map<std::string, std::vector<std::string_view>>* default_references_ = nullptr;
  std::unordered_map<const config::MasterEntry*, std::unordered_set<std::string>> referenced_in_entry_;
  std::unordered_set<std::string> restriction_classes_;         // main.cf smtpd_restriction_classes
};

}  // namespace pflint::model
