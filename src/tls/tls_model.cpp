// NAME
//   tls_model — build the TLS model of a configuration (see tls_model.hpp).
// DESCRIPTION
//   Map lists are expanded like any parameter, except that
//   $config_directory is the directory being read (as `postfix -c DIR`
//   sets it; made absolute, as Postfix's always is), so tables named
//   ${config_directory}/x are found in a copy of /etc/postfix too.
#include "tls/tls_model.hpp"

#include <filesystem>
#include <map>
#include <set>

#include "expand/evaluate.hpp"
#include "syntax/tree.hpp"

namespace pflint::tls {
namespace {

// absolute_config_dir - $config_directory while reading map lists.
std::string absolute_config_dir(const model::Model& model) {
  if (model.files().dir.empty()) return {};
  std::error_code ec;
  std::string dir = std::filesystem::absolute(model.files().dir, ec).lexically_normal().string();
  if (dir.size() > 1 && dir.back() == '/') dir.pop_back();  // "." gives "/abs/dir/"
  return dir;
}

// expanded_list - the value `v` of a map list for `service`, $config_directory = `dir`.
std::string expanded_list(const model::Model& model, const model::Value& v, const config::MasterEntry* service,
                          const std::string& dir) {
  if (!v.defined()) return {};
  const expand::Lookup lookup = [&](std::string_view n, expand::LookupMode) -> std::optional<std::string> {
    if (n == "config_directory" && !dir.empty()) return dir;
    model::Value r = model.raw(n, service);
    if (!r.defined()) return std::nullopt;
    return std::move(r.raw);
  };
  expand::EvalOptions options;
  options.allow_functions = model.version() >= params::Version{3, 11, 0};
  options.allow_level_ops = model.version() >= params::Version{3, 6, 0};
  const expand::Result r = expand::expand(v.raw, lookup, options);
  if (!r.ok()) return {};
  const auto first = r.value.find_first_not_of(" \t\r\n\v\f");
  if (first == std::string::npos) return {};
  return r.value.substr(first, r.value.find_last_not_of(" \t\r\n\v\f") - first + 1);
}

Setting list_setting(const model::Model& model, const std::string& name, const config::MasterEntry* service,
                     const std::string& dir) {
  model::Value v = model.raw(name, service);
  Setting s;
  s.value = expanded_list(model, v, service, dir);
  s.from.kind = Provenance::Kind::parameter;
  s.from.parameter = name;
  s.from.origin = std::move(v.origin);
  return s;
}

// literal_map - where a map spec lies in main.cf/master.cf, when the
// parameter's own text contains it literally (expansion may surround it).
ValueMap literal_map(const Setting& s, std::string_view spec) {
  const model::Origin& o = s.from.origin;
  if (!o.file || (o.kind != model::OriginKind::main_cf && o.kind != model::OriginKind::master_override)) return {};
  const syntax::LogicalText lt = syntax::logical_text(*o.file, o.value_span);
  const std::size_t at = lt.text.find(spec);
  if (spec.empty() || at == std::string::npos) return {};
  return map_logical_text(lt, static_cast<std::uint32_t>(at), o.file);
}

class Builder {
 public:
  Builder(const model::Model& model, std::deque<PolicyTable>& tables)
      : model_(model), tables_(tables), config_dir_(absolute_config_dir(model)) {}

  // tables_of - read (once per spec and place) the maps listed in `s`.
  std::vector<const PolicyTable*> tables_of(const Setting& s) {
    std::vector<const PolicyTable*> out;
    if (s.value.empty()) return out;
    for (const MapRef& listed : split_maps(s.value)) {
      const std::string key = listed.spec + '\x01' + s.from.describe();
      auto it = cache_.find(key);
      if (it == cache_.end()) {
        ReadOptions options;
        options.version = model_.version();
        options.list_map = literal_map(s, listed.spec);
        options.files = model_.files().files.get();
        const MapRef ref{listed.spec, 0, static_cast<std::uint32_t>(listed.spec.size())};
        PolicyTable& t = tables_.emplace_back(read_table(ref, options));
        t.listed_in = s.from;
        it = cache_.emplace(key, &t).first;
      }
      out.push_back(it->second);
    }
    return out;
  }

  // routing_map - a main.cf map list that routes mail, with its tables.
  RoutingMap routing_map(const std::string& parameter) {
    RoutingMap r;
    r.list = list_setting(model_, parameter, nullptr, config_dir_);
    r.tables = tables_of(r.list);
    return r;
  }

  ServicePolicy service(const config::MasterEntry* entry) {
    ServicePolicy s;
    s.entry = entry;
    s.prefix = std::string(client_prefix(entry));
    s.name = entry ? entry->name() : s.prefix;
    s.global = global_tls_level(model_, entry);
    s.policy_maps = list_setting(model_, s.parameter("tls_policy_maps"), entry, config_dir_);
    s.per_site = list_setting(model_, s.parameter("tls_per_site"), entry, config_dir_);
    s.per_site_ignored = !s.policy_maps.value.empty() && !s.per_site.value.empty();
    s.policy_tables = tables_of(s.policy_maps);
    s.per_site_tables = tables_of(s.per_site);
    s.policy = effective_policy(model_, s, std::nullopt);
    add_destinations(s);
    return s;
  }

 private:
  // add_destinations - every key of the tables in use (static: as "*").
  void add_destinations(ServicePolicy& s) {
    const auto& in_use = s.policy_maps.value.empty() ? s.per_site_tables : s.policy_tables;
    std::set<std::string> seen;
    for (const PolicyTable* t : in_use) {
      if (!t->evaluable()) continue;
      for (const TableEntry& e : t->entries) {
        if (e.duplicate || !seen.insert(e.folded).second) continue;
        s.destinations.push_back(effective_policy(model_, s, e.key));
      }
    }
  }

  const model::Model& model_;
  std::deque<PolicyTable>& tables_;
  std::map<std::string, const PolicyTable*> cache_;
  const std::string config_dir_;  // absolute: computed once, not per list
};

}  // namespace

const EffectivePolicy* ServicePolicy::find_destination(std::string_view key) const {
  for (const EffectivePolicy& p : destinations) {
    if (p.destination == key) return &p;
  }
  return nullptr;
}

const ServicePolicy* TlsModel::find_service(std::string_view name) const {
  for (const ServicePolicy& s : services_) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

const RoutingMap* TlsModel::routing_map(std::string_view parameter) const {
  for (const RoutingMap& r : routing_) {
    if (r.list.from.parameter == parameter) return &r;
  }
  return nullptr;
}

EffectivePolicy TlsModel::resolve(const ServicePolicy& service, std::string_view destination) const {
  return effective_policy(*model_, service, destination);
}

TlsModel build_tls_model(const model::Model& model) {
  TlsModel m;
  m.model_ = &model;
  Builder builder(model, m.tables_);
  std::vector<const config::MasterEntry*> entries = model.client_services();
  if (entries.empty()) entries.push_back(nullptr);
  m.services_.reserve(entries.size());
  for (const config::MasterEntry* e : entries) m.services_.push_back(builder.service(e));
  Builder routing(model, m.routing_tables_);
  for (const char* parameter :
       {"transport_maps", "sender_dependent_default_transport_maps", "sender_dependent_relayhost_maps"}) {
    RoutingMap r = routing.routing_map(parameter);
    if (!r.list.value.empty()) m.routing_.push_back(std::move(r));
  }
  return m;
}

}  // namespace pflint::tls
