// NAME
//   model — effective parameter values with origins (see model.hpp).
#include "model/model.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "expand/compare.hpp"
#include "expand/scan.hpp"
#include "model/names.hpp"
#include "params/host.hpp"
#include "params/params.hpp"
#include "util/ascii.hpp"

namespace pflint::model {

std::string Origin::describe() const {
  switch (kind) {
    case OriginKind::built_in: return "default";
    case OriginKind::unset: return "unset";
    case OriginKind::command_line: return "command line";
    case OriginKind::main_cf: return fmt::format("{}:{}", file ? file->path() : "main.cf", line);
    case OriginKind::master_override:
      return fmt::format("{}:{} (-o of {})", file ? file->path() : "master.cf", line,
                         service ? service->name() : std::string("?"));
  }
  return "?";
}

Model::Model(const config::ConfigDir& files, ModelOptions options) : files_(&files), options_(std::move(options)) {
  if (options_.compatibility_level) {
    compatibility_level_ = *options_.compatibility_level;
  } else {
    compatibility_level_ = expanded("compatibility_level");
  }
}

Model::~Model() = default;

const Names& Model::names() const {
  if (!names_) names_ = std::make_unique<Names>(*this);
  return *names_;
}

bool Model::compatibility_at_least(std::string_view level) const {
  const auto have = expand::compat_level_from_string(compatibility_level_);
  const auto want = expand::compat_level_from_string(level);
  return have && want && *have >= *want;
}

namespace {

// myhostname_from_main_cf - what postconf derives the mydomain default from:
// main.cf's myhostname expanded against main.cf settings alone
// (mail_conf_lookup_eval), else the built-in default. Never through the
// model's defaults: `myhostname = mx.$mydomain` would recurse without end.
std::string myhostname_from_main_cf(const config::MainConfig& main, const expand::EvalOptions& options) {
  if (const config::MainEntry* e = main.find("myhostname")) {
    const expand::Lookup lookup = [&main](std::string_view n, expand::LookupMode) -> std::optional<std::string> {
      if (const config::MainEntry* f = main.find(n)) return f->value;
      return std::nullopt;
    };
    std::string host = expand::expand(e->value, lookup, options).value;
    if (!host.empty()) return host;
  }
  return params::compute_myhostname(params::system_host_name(), std::nullopt);
}

}  // namespace

std::optional<std::string> Model::default_of(std::string_view name) const {
  if (const params::param_info* p = params::find_param(name); p && params::is_known(*p, options_.version)) {
    // Like postconf -c DIR, the directory read is the config directory.
    if (name == "config_directory" && !files_->dir.empty()) return files_->dir;
    if (name == "myhostname") return params::compute_myhostname(params::system_host_name(), std::nullopt);
    if (name == "mydomain") return params::compute_mydomain(myhostname_from_main_cf(files_->main, eval_options()));
    return std::string(params::default_value(*p, options_.version));
  }
  return std::nullopt;
}

Value Model::raw(std::string_view name, const config::MasterEntry* service) const {
  // --compatibility-level stands in for every setting of it.
  if (options_.compatibility_level && name == "compatibility_level") {
    return Value{*options_.compatibility_level, Origin{OriginKind::command_line}};
  }
  if (service) {
    if (const config::OverrideSetting* o = service->find_override(name)) {
      const syntax::SourceFile* file = files_->master_file ? &files_->master_file->source : nullptr;
      return Value{o->value, Origin{OriginKind::master_override, file, o->name_span, o->value_span, o->line, service}};
    }
  }
  if (const config::MainEntry* e = files_->main.find(name)) {
    const syntax::SourceFile* file = files_->main_file ? &files_->main_file->source : nullptr;
    return Value{e->value, Origin{OriginKind::main_cf, file, e->name_span, e->value_span, e->line, nullptr}};
  }
  if (auto d = default_of(name)) return Value{std::move(*d), Origin{OriginKind::built_in}};
  return Value{};
}

expand::Result Model::expand(std::string_view text, const config::MasterEntry* service) const {
  const expand::Lookup lookup = [this, service](std::string_view name,
                                               expand::LookupMode /*mode*/) -> std::optional<std::string> {
    Value v = raw(name, service);
    if (!v.defined()) return std::nullopt;
    return std::move(v.raw);
  };
  return expand::expand(text, lookup, eval_options());
}

expand::EvalOptions Model::eval_options() const {
  expand::EvalOptions options;
  options.allow_functions = options_.version >= params::Version{3, 11, 0};
  options.allow_level_ops = options_.version >= params::Version{3, 6, 0};
  return options;
}

std::string Model::expanded(std::string_view name, const config::MasterEntry* service) const {
  return resolved(name, service).value;
}

bool mail_conf_bool(std::string_view value) { return util::iequals(util::trim(value), "yes"); }

bool Model::boolean(std::string_view name, const config::MasterEntry* service) const {
  return mail_conf_bool(resolved(name, service).value);
}

const Resolved& Model::resolved(std::string_view name, const config::MasterEntry* service) const {
  // The TLS model and the rules ask for the same parameters of every client
  // service; an entry without -o options shares main.cf's answers.
  if (service && service->overrides.empty()) service = nullptr;
  ResolvedMap& global = resolved_;
  auto it = global.find(name);
  if (it == global.end()) {
    Cached c;
    c.own = resolve(name, nullptr, &c.overridable);
    if (const auto n = overridden_name(name)) c.overridable.push_back(*n);
    it = global.emplace(std::string(name), std::move(c)).first;
  }
  if (!service) return it->second.own;
  auto in_entry = std::find_if(resolved_in_entry_.begin(), resolved_in_entry_.end(),
                               [&](const auto& e) { return e.first == service; });
  if (in_entry == resolved_in_entry_.end()) {
    in_entry = resolved_in_entry_.insert(resolved_in_entry_.end(), {service, std::make_unique<ResolvedMap>()});
  }
  ResolvedMap& scope = *in_entry->second;
  if (const auto found = scope.find(name); found != scope.end()) return found->second.get();
  const Cached& main = it->second;
  Cached c;
  const bool same = std::none_of(main.overridable.begin(), main.overridable.end(),
                                 [&](std::string_view n) { return service->find_override(n) != nullptr; });
  if (same) {
    c.shared = &main.own;
  } else {
    c.own = resolve(name, service);
  }
  return scope.emplace(std::string(name), std::move(c)).first->second.get();
}

std::optional<std::string_view> Model::overridden_name(std::string_view name) const {
  if (!overridden_) {
    std::vector<std::string_view>& names = overridden_.emplace();
    for (const config::MasterEntry& e : files_->master.entries()) {
      for (const config::OverrideSetting& o : e.overrides) names.push_back(o.name);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
  }
  const auto at = std::lower_bound(overridden_->begin(), overridden_->end(), name);
  if (at == overridden_->end() || *at != name) return std::nullopt;
  return *at;
}

Resolved Model::resolve(std::string_view name, const config::MasterEntry* service,
                        std::vector<std::string_view>* looked_up) const {
  Value v = raw(name, service);
  Resolved out{{}, std::move(v.origin)};
  if (out.origin.kind == OriginKind::unset) return out;
  expand::Result r;
  if (looked_up) {
    const expand::Lookup lookup = [&](std::string_view n, expand::LookupMode) -> std::optional<std::string> {
      if (const auto o = overridden_name(n)) looked_up->push_back(*o);
      Value looked = raw(n, service);
      if (!looked.defined()) return std::nullopt;
      return std::move(looked.raw);
    };
    r = expand::expand(v.raw, lookup, eval_options());
  } else {
    r = expand(v.raw, service);
  }
  if (!r.ok()) return out;
  // Postfix trims the expanded value of surrounding whitespace.
  const std::string& s = r.value;
  const auto first = s.find_first_not_of(" \t\r\n\v\f");
  if (first == std::string::npos) return out;
  const auto last = s.find_last_not_of(" \t\r\n\v\f");
  out.value = s.substr(first, last - first + 1);
  return out;
}

syntax::Span value_span(const Origin& origin, std::uint32_t begin, std::uint32_t end) {
  if (!origin.file) return {};
  const syntax::LogicalText text = syntax::logical_text(*origin.file, origin.value_span);
  if (text.text.empty()) return syntax::Span{origin.value_span.begin, origin.value_span.begin};
  const auto clamp = [&](std::uint32_t i) { return std::min<std::uint32_t>(i, static_cast<std::uint32_t>(text.text.size())); };
  const std::uint32_t b = text.file_offset(clamp(begin));
  // The end maps through its last byte, so a span never swallows a line break.
  const std::uint32_t e = end > begin ? text.file_offset(clamp(end) - 1) + 1 : b;
  return syntax::Span{b, e};
}

const std::vector<Setting>& Model::settings() const {
  if (settings_) return *settings_;
  std::vector<Setting>& out = settings_.emplace();
  const syntax::SourceFile* main_file = files_->main_file ? &files_->main_file->source : nullptr;
  const syntax::SourceFile* master_file = files_->master_file ? &files_->master_file->source : nullptr;
  for (const config::MainEntry& e : files_->main.entries()) {
    out.push_back(Setting{e.name, e.value, Origin{OriginKind::main_cf, main_file, e.name_span, e.value_span, e.line, nullptr},
                          files_->main.find(e.name) == &e, params::find_param(e.name)});
  }
  for (const config::MasterEntry& entry : files_->master.entries()) {
    for (const config::OverrideSetting& o : entry.overrides) {
      out.push_back(Setting{o.name, o.value,
                            Origin{OriginKind::master_override, master_file, o.name_span, o.value_span, o.line, &entry},
                            entry.find_override(o.name) == &o, params::find_param(o.name)});
    }
  }
  return out;
}

const std::vector<expand::NameRef>& Model::references(const Setting& s) const {
  const std::vector<Setting>& all = settings();
  const auto index = static_cast<std::size_t>(&s - all.data());
  if (references_.size() != all.size()) references_.resize(all.size());
  std::optional<std::vector<expand::NameRef>>& cached = references_.at(index);
  if (!cached) cached = expand::referenced_names(s.value, options_.version >= params::Version{3, 11, 0});
  return *cached;
}

std::vector<const config::MasterEntry*> Model::client_services() const {
  std::vector<const config::MasterEntry*> out;
  for (const config::MasterEntry& e : files_->master.entries()) {
    const std::string_view p = e.process_name();
    if (p == "smtp" || p == "lmtp") out.push_back(&e);
  }
  return out;
}

}  // namespace pflint::model
