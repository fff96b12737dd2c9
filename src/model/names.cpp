// NAME
//   names — known, defined and suggested parameter names (see names.hpp).
#include "model/names.hpp"

#include <algorithm>
#include <map>
#include <mutex>

#include "expand/scan.hpp"
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

// distance - edit distance with transpositions, capped (cheap early exit).
std::size_t distance(std::string_view a, std::string_view b, std::size_t cap) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > cap) return cap + 1;
  std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > cap) return cap + 1;
    prev2.swap(prev);
    prev.swap(cur);
  }
  return prev[b.size()];
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
  const std::size_t cap = std::max<std::size_t>(1, std::min<std::size_t>(3, name.size() / 5));
  std::optional<std::string_view> best;
  std::size_t best_distance = cap + 1;
  for (const params::param_info* p : params::known_params(model_.version())) {
    const std::size_t d = distance(name, p->name, cap);
    if (d < best_distance) {
      best_distance = d;
      best = p->name;
    }
  }
  return best;
}

}  // namespace pflint::model
