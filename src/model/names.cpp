// NAME
//   names — known, defined and suggested parameter names (see names.hpp).
#include "model/names.hpp"

#include <algorithm>
#include <map>
#include <mutex>

#include "expand/scan.hpp"
#include "model/suggest.hpp"
#include "params/params.hpp"
#include "util/mystrtok.hpp"

namespace pflint::model {
namespace {

// The legacy table types whose "type:name" values make name_* parameters valid.
constexpr std::string_view dbms_types[] = {"ldap", "mysql", "pgsql", "sqlite", "memcache", "mongodb"};

void add_references(std::unordered_set<std::string>& into, const std::vector<expand::NameRef>& refs) {
  for (const expand::NameRef& ref : refs) into.insert(ref.name);
}

void add_dbms_prefixes(std::unordered_set<std::string>& into, std::string_view value) {
  if (value.find(':') == std::string_view::npos) return;  // no type:name element; most values
  for (const auto& element : util::mystrtokq(value)) {
    const std::string_view text = element.text;
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view type = text.substr(0, colon);
    const std::string_view name = text.substr(colon + 1);
    if (name.empty() || name.front() == '/') continue;  // a path: a client config file, not a legacy name
    if (std::find(std::begin(dbms_types), std::end(dbms_types), type) != std::end(dbms_types)) {
      into.insert(std::string(name) + "_");
    }
  }
}

// default_references - for a version: each name that built-in defaults
// reference, with the parameters whose defaults reference it. Computed once
// per version: scanning ~900 defaults per checked config would dominate.
const std::unordered_map<std::string, std::vector<std::string_view>>& default_references(params::Version v) {
  static std::mutex mutex;
  static std::map<params::Version, std::unordered_map<std::string, std::vector<std::string_view>>> cache;
  const std::lock_guard lock(mutex);
  auto [it, inserted] = cache.try_emplace(v);
  if (inserted) {
    const bool functions = v >= params::Version{3, 11, 0};
    for (const params::param_info* p : params::known_params(v)) {
      for (const expand::NameRef& ref : expand::referenced_names(params::default_value(*p, v), functions)) {
        it->second[ref.name].push_back(p->name);
      }
    }
  }
  return it->second;
}

// service_suffixes - for a master.cf command and version: the suffixes of
// the names service_params() defines (service_params("", command, v)),
// sorted. Cached: every configuration has the same few commands.
const std::vector<std::string>& service_suffixes(std::string_view command, params::Version v) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, params::Version>, std::vector<std::string>, std::less<>> cache;
  const std::lock_guard lock(mutex);
  auto key = std::make_pair(std::string(command), v);
  auto it = cache.find(key);
  if (it == cache.end()) {
    std::vector<std::string> suffixes;
    for (params::service_param& p : params::service_params("", command, v)) suffixes.push_back(std::move(p.name));
    std::sort(suffixes.begin(), suffixes.end());
    it = cache.emplace(std::move(key), std::move(suffixes)).first;
  }
  return it->second;
}

}  // namespace

Names::Names(const Model& model) : model_(model) {
  const params::Version v = model.version();
  // Most entries share a few commands: ask the (locked) cache once per command.
  std::vector<std::pair<std::string_view, const std::vector<std::string>*>> by_command;
  for (const config::MasterEntry& e : model.files().master.entries()) {
    auto it = std::find_if(by_command.begin(), by_command.end(), [&](const auto& c) { return c.first == e.command(); });
    if (it == by_command.end()) it = by_command.insert(by_command.end(), {e.command(), &service_suffixes(e.command(), v)});
    if (!it->second->empty()) services_.push_back(Service{e.service(), it->second});
  }
  for (const Setting& s : model.settings()) {
    auto& into = s.origin.service ? referenced_in_entry_[s.origin.service] : referenced_globally_;
    add_references(into, model.references(s));
    if (s.param) add_dbms_prefixes(dbms_prefixes_, s.value);
  }
  // Built-in defaults left at their default reference names too
  // ($virtual_maps): looked up when asked (referenced_by_default), not
  // walked here for every configuration.
  const std::string classes = model.raw("smtpd_restriction_classes").raw;  // mystrtokq returns views into it
  for (const auto& element : util::mystrtokq(classes)) {
    restriction_classes_.insert(std::string(element.text));
  }
}

bool Names::builtin_or_service(std::string_view name) const {
  if (params::is_known(name, model_.version())) return true;
  // service_params(service, command) names are service + a suffix.
  return std::any_of(services_.begin(), services_.end(), [&](const Service& s) {
    return name.starts_with(s.name) &&
           std::binary_search(s.suffixes->begin(), s.suffixes->end(), name.substr(s.name.size()),
                              [](std::string_view a, std::string_view b) { return a < b; });
  });
}

bool Names::referenced_by_default(std::string_view name) const {
  // Computed on first use: most configurations set no unknown name at all,
  // and a one-shot check need not pay for scanning every default.
  if (default_references_ == nullptr) default_references_ = &default_references(model_.version());
  const auto it = default_references_->find(std::string(name));
  if (it == default_references_->end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](std::string_view user) { return model_.files().main.find(user) == nullptr; });
}

bool Names::known(std::string_view name, const config::MasterEntry* scope) const {
  if (builtin_or_service(name)) return true;
  const std::string key(name);
  if (restriction_classes_.count(key)) return true;
  if (scope) {
    if (const config::OverrideSetting* rc = scope->find_override("smtpd_restriction_classes")) {
      for (const auto& element : util::mystrtokq(rc->value)) {
        if (element.text == name) return true;
      }
    }
  }
  // $x in main.cf validates x everywhere; $x in an entry validates that entry's x.
  if (referenced_globally_.count(key) || referenced_by_default(name)) return true;
  if (scope) {
    const auto it = referenced_in_entry_.find(scope);
    if (it != referenced_in_entry_.end() && it->second.count(key)) return true;
  } else {
    for (const auto& [entry, names] : referenced_in_entry_) {
      if (names.count(key)) return true;
    }
  }
  return std::any_of(dbms_prefixes_.begin(), dbms_prefixes_.end(),
                     [&](const std::string& prefix) { return name.starts_with(prefix); });
}

bool Names::defined(std::string_view name, const config::MasterEntry* scope) const {
  if (builtin_or_service(name)) return true;
  if (model_.files().main.find(name)) return true;
  if (scope) return scope->find_override(name) != nullptr;
  // From main.cf, a name set only with -o is still found when that entry expands it.
  return std::any_of(model_.files().master.entries().begin(), model_.files().master.entries().end(),
                     [&](const config::MasterEntry& e) { return e.find_override(name) != nullptr; });
}

std::optional<std::string_view> Names::suggestion(std::string_view name) const {
  return closest_param(name, model_.version());
}

}  // namespace pflint::model
