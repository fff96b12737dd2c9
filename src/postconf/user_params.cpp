// NAME
//   user_params — which user-defined names are valid (postconf_user.c).
// DESCRIPTION
//   A name that postconf does not know is "used" when it has a name=value
//   and is referenced as $name (either branch of ${name?...:...}) from a
//   main.cf value, a master.cf -o value or a built-in default left at its
//   default, or is listed in smtpd_restriction_classes. Scope: $name in
//   main.cf validates main.cf and every master.cf name space; $name in an
//   entry validates that entry's -o and main.cf. Assignments to read-only
//   names are dropped with a warning; a legacy name that is set becomes a
//   user-defined name (so -n prints it). The value of every built-in or
//   service-defined name is also expanded for the legacy database name
//   scan (dbms.cpp); user-defined and legacy values are not.
// DIAGNOSTICS
//   "DIR/main.cf: undefined parameter: NAME" (or master.cf), "DIR/main.cf:
//   read-only parameter assignment: NAME=VALUE"; expansion warnings and
//   fatal "macro processing error".
// SEE ALSO
//   src/postconf/postconf_user.c in Postfix.
#include <string>
#include <vector>

#include "expand/evaluate.hpp"
#include "expand/scan.hpp"
#include "postconf/dbms.hpp"
#include "postconf/diag.hpp"
#include "postconf/session.hpp"
#include "util/mystrtok.hpp"

namespace pflint::postconf {

namespace {

// flag_user_parameter - flag name "valid" where it has a name=value.
void flag_user_parameter(Session& s, std::string_view name, unsigned param_class, MasterEntry* scope) {
  bool user_supplied = false;
  if (scope != nullptr && scope->params != nullptr && scope->params->get(name) != nullptr) {
    user_supplied = true;
    scope->valid_names.emplace(name);
  } else if (s.main.get(name) != nullptr) {
    user_supplied = true;
    s.enter_user(name, param_class);
  }
  if (scope == nullptr) {
    for (MasterEntry& entry : s.master) {
      if (entry.params != nullptr && entry.params->get(name) != nullptr) {
        user_supplied = true;
        entry.valid_names.emplace(name);
      }
    }
  }
  if (!user_supplied && (param_class & k_dbms) == 0 && s.find(name) == nullptr)
    warn(s.config_dir + "/" + (scope ? "master.cf" : "main.cf") + ": undefined parameter: " + std::string(name));
}

// scan_user_parameter_value - SCAN_USER_PARAMETER_VALUE().
void scan_user_parameter_value(Session& s, std::string_view value, MasterEntry* scope) {
  if (value.find('$') == std::string_view::npos) return;
  const expand::ScanResult r = expand::scan(value, s.version >= params::Version{3, 11, 0});
  for (const expand::NameRef& ref : r.names) flag_user_parameter(s, ref.name, k_user, scope);
  for (const std::string& w : r.warnings) warn(w);
}

// lookup_eval - dict_lookup + dict_eval within one dictionary.
std::optional<std::string> lookup_eval(Session& s, const Dict& dict, std::string_view name,
                                       std::string_view dict_name) {
  const std::string* value = dict.get(name);
  if (value == nullptr) return std::nullopt;
  if (value->find('$') == std::string::npos) return *value;
  expand::Lookup lookup = [&dict](std::string_view n, expand::LookupMode) -> std::optional<std::string> {
    if (const std::string* v = dict.get(n)) return *v;
    return std::nullopt;
  };
  expand::EvalOptions eval;
  eval.allow_functions = s.version >= params::Version{3, 11, 0};
  expand::Result r = expand::expand(*value, lookup, eval);
  for (const std::string& w : r.warnings) warn(w);
  if (r.error) fatal("dictionary " + std::string(dict_name) + ": macro processing error");
  return std::move(r.value);
}

// scan_user_parameter_namespace - one name space (main.cf or an entry).
void scan_user_parameter_namespace(Session& s, Dict& dict, MasterEntry* scope) {
  const std::string_view dict_name = scope ? std::string_view(scope->name_space) : std::string_view("mail_dict");
  if (auto classes = lookup_eval(s, dict, "smtpd_restriction_classes", dict_name)) {
    for (const util::Token& e : util::mystrtok(*classes)) {
      if (scope == nullptr) s.rest_classes.emplace(e.text);
      flag_user_parameter(s, e.text, k_user, scope);
    }
  }
  const std::string source = scope ? "master.cf" : "main.cf";
  for (std::size_t i = 0; i < dict.entries().size(); ++i) {
    const Dict::Entry& entry = dict.entries()[i];
    if (entry.deleted) continue;
    if (scope != nullptr && s.rest_classes.count(entry.name) != 0) scope->valid_names.emplace(entry.name);
    ParamNode* node = s.find(entry.name);
    if (node != nullptr) {
      if (node->flags & k_readonly) {
        warn(s.config_dir + "/" + source + ": read-only parameter assignment: " + entry.name + "=" + entry.value);
        dict.erase(entry.name);
        continue;
      }
      if (node->flags & k_legacy) node->flags = (node->flags & ~k_class_mask) | k_user;
      if (node->flags & k_raw) continue;
    }
    scan_user_parameter_value(s, entry.value, scope);
    // Only built-in and service-defined names get the expanding database
    // scan (fatal on a macro error); postconf 3.7 gives user-defined and set
    // legacy names only the scan above (case macro_empty_name_user_param).
    if (node != nullptr && (node->flags & k_user) == 0)
      register_dbms_parameters(s, entry.value, flag_user_parameter, scope);
  }
}

// unknown_names - names set in main.cf or a master.cf entry that the
// table does not know: the only names a default value can validate.
std::vector<std::string> unknown_names(Session& s) {
  std::vector<std::string> names;
  auto collect = [&](const Dict& dict) {
    for (const Dict::Entry& e : dict.entries())
      if (!e.deleted && s.find(e.name) == nullptr) names.push_back(e.name);
  };
  collect(s.main);
  for (const MasterEntry& entry : s.master)
    if (entry.params != nullptr) collect(*entry.params);
  return names;
}

// scan_default_parameter_values - defaults may reference legacy names.
// Defaults reference only names postconf knows, so a default needs a scan
// only when it mentions a name that is set but unknown.
void scan_default_parameter_values(Session& s) {
  const std::vector<std::string> unknown = unknown_names(s);
  if (unknown.empty()) return;
  s.for_each_param([&](std::string_view name, ParamNode& node) {
    if (node.flags & k_raw) return;
    if (node.info != nullptr && node.info->is_computed()) return;
    if (s.main.get(name) != nullptr) return;
    const std::string& value = s.default_value(name, node);
    if (value.find('$') == std::string::npos) return;
    bool mentions = false;
    for (const std::string& u : unknown)
      if (value.find(u) != std::string::npos) mentions = true;
    if (mentions) scan_user_parameter_value(s, value, nullptr);
  });
}

}  // namespace

void Session::register_user_parameters() {
  for (MasterEntry& entry : master)
    if (entry.params != nullptr) scan_user_parameter_namespace(*this, *entry.params, &entry);
  scan_default_parameter_values(*this);
  scan_user_parameter_namespace(*this, main, nullptr);
}

}  // namespace pflint::postconf
