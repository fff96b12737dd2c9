// NAME
//   session — parameter table, main.cf/master.cf loading, value lookup and
//   expansion for one postconf run (see session.hpp).
#include "postconf/session.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "expand/evaluate.hpp"
#include "params/host.hpp"
#include "postconf/diag.hpp"
#include "postconf/master_parse.hpp"
#include "util/read_file.hpp"
#include "util/split_nameval.hpp"

namespace pflint::postconf {

namespace {

constexpr std::array<std::string_view, 8> k_field_names = {
    "service", "type", "private", "unprivileged", "chroot", "wakeup", "process_limit", "command"};

std::string_view basename_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string_view service_attribute_name(int field) {
  return field >= 0 && field < 8 ? k_field_names[static_cast<std::size_t>(field)] : std::string_view("*");
}

int service_attribute_index(std::string_view name) {
  const auto it = std::find(k_field_names.begin(), k_field_names.end(), name);
  return it == k_field_names.end() ? -1 : static_cast<int>(it - k_field_names.begin());
}

Session::Session(const Options& opts) : options(opts), version(opts.version) {
  if (opts.config_dir) {
    config_dir = *opts.config_dir;
  } else if (const char* env = std::getenv("MAIL_CONFIG"); env != nullptr) {
    config_dir = env;
  } else {
    config_dir = "/etc/postfix";
  }
  // pcf_set_config_dir: an explicit directory is also a main.cf setting.
  if (opts.config_dir || std::getenv("MAIL_CONFIG") != nullptr) main.put("config_directory", config_dir);
  build_table();
}

// build_table - pcf_register_builtin_parameters().
void Session::build_table() {
  const std::vector<const params::param_info*> known = params::known_params(version, true);
  table_.reserve(known.size() + 256);
  for (const params::param_info* p : known) {
    ParamNode node;
    node.info = p;
    if (p->is_legacy()) {
      node.flags = k_legacy;
    } else {
      node.flags = k_builtin;
      if (p->is_read_only()) node.flags |= k_readonly;
      if (p->type == params::param_type::raw) node.flags |= k_raw;
    }
    table_.emplace(p->name, std::move(node));
  }
}

ParamNode* Session::find(std::string_view name) {
  const auto it = table_.find(name);
  return it == table_.end() ? nullptr : &it->second;
}

void Session::enter_user(std::string_view name, unsigned flags) {
  if (find(name) != nullptr) return;
  names_.emplace_back(name);
  ParamNode node;
  node.flags = flags;
  table_.emplace(names_.back(), std::move(node));
}

std::vector<std::pair<std::string_view, ParamNode*>> Session::sorted_names() {
  std::vector<std::pair<std::string_view, ParamNode*>> list;
  list.reserve(table_.size());
  for (auto& [name, node] : table_) list.emplace_back(name, &node);
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return list;
}

void Session::read_main() {
  load_main_cf(main_path(), main);
  for (const auto& [name, value] : options.overrides) main.put(name, value);
}

void Session::read_master(bool fail_on_open) {
  const std::string path = master_path();
  std::string error;
  const std::optional<std::string> data = util::read_file(path, error);
  if (!data) {
    if (fail_on_open) fatal("open " + path + ": " + error);
    warn("open " + path + ": " + error);
    return;
  }
  util::LogicalLines lines(*data);
  std::string text;
  while (next_logical_line(lines, text, path)) {
    std::vector<std::string> warnings;
    ParsedMasterEntry parsed = parse_master_entry(text, warnings);
    if (parsed.bad_field_count) fatal("file " + path + ": line " + std::to_string(lines.first_line()) + ": bad field count");
    if (parsed.fatal) fatal(std::move(*parsed.fatal));
    for (const std::string& w : warnings) warn(w);
    MasterEntry entry;
    entry.argv = std::move(parsed.argv);
    entry.name_space = entry.argv[0] + "/" + entry.argv[1];
    entry.process_name = std::string(basename_of(entry.argv[7]));
    master.push_back(std::move(entry));
  }
  // The -o name spaces (register_user_parameters' first step): one dict
  // per "service/type" name, shared by entries with the same name.
  for (MasterEntry& entry : master) {
    Dict* dict = nullptr;
    if (auto it = name_spaces_.find(entry.name_space); it != name_spaces_.end()) dict = it->second.get();
    for (std::size_t field = 8; field < entry.argv.size(); ++field) {
      const std::string& arg = entry.argv[field];
      if (arg.empty() || arg[0] != '-' || arg == "--") break;
      if (arg == "-o" && field + 1 < entry.argv.size()) {
        util::NameValue nv;
        if (util::split_nameval(entry.argv[field + 1], nv) == nullptr) {
          if (dict == nullptr) {
            auto owned = std::make_unique<Dict>();
            dict = owned.get();
            name_spaces_.emplace(entry.name_space, std::move(owned));
          }
          dict->put(nv.name, nv.value);
        }
        field += 1;
      }
    }
    entry.params = dict;
  }
}

void Session::register_service_parameters() {
  for (const MasterEntry& entry : master) {
    for (params::service_param& sp : params::service_params(entry.argv[0], entry.argv[7], version)) {
      if (ParamNode* node = find(sp.name); node != nullptr) {
        node->flags = (node->flags & ~k_class_mask) | k_service;
        continue;
      }
      names_.emplace_back(std::move(sp.name));
      ParamNode node;
      node.flags = k_service;
      node.tmpl = sp.tmpl;
      table_.emplace(names_.back(), std::move(node));
    }
  }
}

// main_lookup_eval - mail_conf_lookup_eval(): a main.cf value expanded
// against main.cf only.
static std::optional<std::string> main_lookup_eval(const Dict& dict, std::string_view name) {
  const std::string* value = dict.get(name);
  if (value == nullptr) return std::nullopt;
  expand::Lookup lookup = [&dict](std::string_view n, expand::LookupMode) -> std::optional<std::string> {
    if (const std::string* v = dict.get(n)) return *v;
    return std::nullopt;
  };
  expand::Result r = expand::expand(*value, lookup);
  return std::move(r.value);
}

std::string Session::computed_default(std::string_view name) {
  if (name == "myhostname" || name == "mydomain") {
    std::string host;
    if (name == "mydomain") {
      if (auto v = main_lookup_eval(main, "myhostname")) host = *v;
    }
    if (host.empty()) {
      const std::optional<std::string> domain = main_lookup_eval(main, "mydomain");
      host = params::compute_myhostname(params::system_host_name(),
                                        domain ? std::optional<std::string_view>(*domain) : std::nullopt);
    }
    return name == "myhostname" ? host : params::compute_mydomain(host);
  }
  if (name == "mynetworks") {
    std::string style;
    std::string protocols = "all";
    if (!options.defaults) {
      if (auto v = main_lookup_eval(main, "mynetworks_style")) style = *v;
      if (auto v = main_lookup_eval(main, "inet_protocols")) protocols = *v;
    }
    if (style.empty()) style = expand_value(LookupMode{options.defaults, false}, params::default_value("mynetworks_style", version).value_or("host"), nullptr);
    std::optional<std::string> nets =
        params::compute_mynetworks(style, params::local_interface_addresses(protocols));
    std::string result = nets.value_or("");
    while (!result.empty() && result.back() == ' ') result.pop_back();
    return result;
  }
  return {};
}

const std::string& Session::default_value(std::string_view name, const ParamNode& node) {
  if (node.cached_default) return *node.cached_default;
  std::string value;
  if (node.info != nullptr) {
    const params::param_info& p = *node.info;
    if (name == "process_id") {
      value = std::to_string(params::current_process_id());
    } else if (p.is_computed()) {
      value = computed_default(name);
    } else if (name == "process_name") {
      value = "postconf";
    } else if (name == "process_id") {
      value = std::to_string(params::current_process_id());
    } else if (name == "mail_version") {
      value = version.to_string();
    } else {
      value = std::string(params::default_value(p, version));
    }
  } else if (node.tmpl != nullptr) {
    value.append("$").append(node.tmpl->generic);
  }
  node.cached_default = std::move(value);
  return *node.cached_default;
}

const std::string* Session::lookup_value(LookupMode mode, std::string_view name, const MasterEntry* scope,
                                         ParamNode* node) {
  if (!mode.defaults) {
    if (scope != nullptr) {
      if (name == "service_name") return &scope->argv[0];
      if (name == "process_name") return &scope->process_name;
      if (scope->params != nullptr)
        if (const std::string* v = scope->params->get(name)) return v;
    }
    if (const std::string* v = main.get(name)) return v;
    if (mode.non_default) return nullptr;
  }
  if (node == nullptr) node = find(name);
  if (node == nullptr) return nullptr;
  return &default_value(name, *node);
}

std::string Session::expand_value(LookupMode mode, std::string_view value, const MasterEntry* scope) {
  mode.non_default = false;
  expand::Lookup lookup = [this, mode, scope](std::string_view name,
                                              expand::LookupMode) -> std::optional<std::string> {
    if (const std::string* v = lookup_value(mode, name, scope, nullptr)) return *v;
    return std::nullopt;
  };
  expand::EvalOptions eval;
  eval.allow_functions = version >= params::Version{3, 11, 0};
  expand::Result r = expand::expand(value, lookup, eval);
  for (const std::string& w : r.warnings) warn(w);
  if (r.fatal) fatal(*r.fatal);
  if (r.error) fatal("macro processing error");
  return std::move(r.value);
}

}  // namespace pflint::postconf
