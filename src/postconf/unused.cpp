// NAME
//   unused — warn about main.cf and master.cf settings that nothing uses.
// DESCRIPTION
//   pcf_flag_unused_parameters(): a name=value whose name is not in the
//   parameter table (nor valid in that master.cf entry) is "unused"; from
//   3.9 a name in the deprecation table gets the "has been removed" /
//   "will be removed" texts instead. Postfix prints these in hash order
//   (random) up to 3.10; from 3.11 they are sorted by name per name space
//   and followed by one DEPRECATION_README footer when any was deprecated.
// DIAGNOSTICS
//   "DIR/main.cf: unused parameter: NAME=VALUE" and the deprecation texts.
// SEE ALSO
//   src/postconf/postconf_unused.c in Postfix.
#include <algorithm>
#include <vector>

#include "postconf/diag.hpp"
#include "postconf/views.hpp"

namespace pflint::postconf {

namespace {

bool& deprecation_seen() {
  static bool seen = false;
  return seen;
}

void flag_unused(Session& s, const Dict& dict, std::string_view conf_name, const MasterEntry* scope) {
  std::vector<const Dict::Entry*> list;
  for (const Dict::Entry& e : dict.entries())
    if (!e.deleted) list.push_back(&e);
  if (s.version >= params::Version{3, 11, 0})
    std::stable_sort(list.begin(), list.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
  const std::string prefix = s.config_dir + "/" + std::string(conf_name) + ": ";
  for (const Dict::Entry* e : list) {
    const bool known = s.find(e->name) != nullptr || (scope != nullptr && scope->valid_names.count(e->name) != 0);
    const params::deprecation* d = params::find_deprecation(e->name, s.version);
    if (!known) {
      flush_out();
      if (d != nullptr) {
        warn(prefix + params::deprecation_message(*d, false));
        deprecation_seen() = true;
      } else {
        warn(prefix + "unused parameter: " + e->name + "=" + e->value);
      }
    } else if (d != nullptr) {
      flush_out();
      warn(prefix + params::deprecation_message(*d, true));
      deprecation_seen() = true;
    }
  }
}

}  // namespace

void flag_unused_main_parameters(Session& s) { flag_unused(s, s.main, "main.cf", nullptr); }

void flag_unused_master_parameters(Session& s) {
  for (const MasterEntry& entry : s.master)
    if (entry.params != nullptr) flag_unused(s, *entry.params, "master.cf", &entry);
  const std::string_view footer = params::deprecation_footer(s.version);
  if (deprecation_seen() && !footer.empty()) warn(footer);
}

}  // namespace pflint::postconf
