// NAME
//   session — the state of one postconf run: main.cf, master.cf and the
//   parameter name table, with postconf's value lookup and expansion.
// DESCRIPTION
//   Mirrors postconf's globals: CONFIG_DICT (main.cf plus -o overrides),
//   the master table (entries as normalized argv with a per-"service/type"
//   -o name space), and pcf_param_table (built-in, legacy, read-only,
//   service-defined and valid user-defined names). lookup_value() and
//   expand_value() are pcf_lookup_parameter_value() and
//   pcf_expand_parameter_value(): an entry's own -o settings, then main.cf,
//   then built-in defaults (defaults only with -d).
// DIAGNOSTICS
//   expand_value() prints mac_expand's warnings and throws Fatal "macro
//   processing error" on a syntax error or nesting beyond 100 levels.
// SEE ALSO
//   src/postconf/postconf_lookup.c, postconf_builtin.c, postconf_service.c,
//   postconf_node.c in Postfix.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <memory_resource>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "params/params.hpp"
#include "postconf/options.hpp"
#include "postconf/reader.hpp"

namespace pflint::postconf {

// Parameter classes and properties (PCF_PARAM_FLAG_*).
enum ParamFlag : unsigned {
  k_builtin = 1U << 0,
  k_service = 1U << 1,
  k_user = 1U << 2,
  k_class_mask = k_builtin | k_service | k_user,
  k_legacy = 1U << 3,
  k_readonly = 1U << 4,
  k_raw = 1U << 5,
  k_dbms = 1U << 6,
};

struct ParamNode {
  unsigned flags = 0;
  const params::param_info* info = nullptr;  // built-in, legacy, read-only
  const params::service_template* tmpl = nullptr;  // service-defined: default "$generic"
  mutable std::optional<std::string> cached_default;
};

struct MasterEntry {
  std::vector<std::string> argv;  // normalized fields and arguments
  std::string name_space;         // "service/type"
  Dict* params = nullptr;         // the -o name space (shared by equal names), or null
  std::unordered_set<std::string> valid_names;
  std::string process_name;       // read-only per-entry values
};

// Mode bits that change lookups (PCF_SHOW_DEFS, PCF_SHOW_NONDEF, PCF_SHOW_EVAL).
struct LookupMode {
  bool defaults = false;
  bool non_default = false;
};

class Session {
 public:
  explicit Session(const Options& options);

  const Options& options;
  params::Version version;
  std::string config_dir;  // var_config_dir
  Dict main;               // CONFIG_DICT
  std::vector<MasterEntry> master;

  // read_main - pcf_read_parameters() plus -o overrides (pcf_set_parameters).
  void read_main();
  // read_master - pcf_read_master(); fatal on open error if `fail_on_open`.
  void read_master(bool fail_on_open);
  // register_service_parameters - pcf_register_service_parameters().
  void register_service_parameters();
  // register_user_parameters - postconf_user.c (see user_params.cpp).
  void register_user_parameters();

  // find - the name's node in pcf_param_table, or null.
  [[nodiscard]] ParamNode* find(std::string_view name);
  // enter_user - add a user-defined name (no-op if known).
  void enter_user(std::string_view name, unsigned flags);
  // for_each_param - every table entry, in no particular order (the
  // callback may enter user names; those may or may not be visited).
  template <typename F>
  void for_each_param(F&& f) {
    std::vector<std::pair<std::string_view, ParamNode*>> list;
    list.reserve(table_.size());
    for (auto& [name, node] : table_) list.emplace_back(name, &node);
    for (auto& [name, node] : list) f(name, *node);
  }
  // sorted_names - all table names in strcmp order.
  [[nodiscard]] std::vector<std::pair<std::string_view, ParamNode*>> sorted_names();

  // default_value - pcf_convert_param_node(PCF_SHOW_DEFS, ...).
  const std::string& default_value(std::string_view name, const ParamNode& node);
  // lookup_value - pcf_lookup_parameter_value(); null when none.
  const std::string* lookup_value(LookupMode mode, std::string_view name, const MasterEntry* scope,
                                  ParamNode* node);
  // expand_value - pcf_expand_parameter_value().
  std::string expand_value(LookupMode mode, std::string_view value, const MasterEntry* scope);

  [[nodiscard]] std::string main_path() const { return config_dir + "/main.cf"; }
  [[nodiscard]] std::string master_path() const { return config_dir + "/master.cf"; }

  std::unordered_set<std::string> rest_classes;  // global smtpd_restriction_classes names

 private:
  void build_table();
  std::string computed_default(std::string_view name);
  // The table's nodes (a thousand or more) come from one arena: building
  // it was a quarter of a small `postconf -n` in malloc calls.
  std::pmr::monotonic_buffer_resource arena_{std::size_t{128} << 10};
  std::pmr::unordered_map<std::string_view, ParamNode> table_{&arena_};
  std::deque<std::string> names_;  // storage for service/user names
  std::unordered_map<std::string, std::unique_ptr<Dict>> name_spaces_;
  std::string scratch_;
};

// service_attribute_name - pcf_str_field_pattern(): the -F name of field i.
std::string_view service_attribute_name(int field);
// service_attribute_index - the field number of an -F name, or -1.
int service_attribute_index(std::string_view name);

}  // namespace pflint::postconf
