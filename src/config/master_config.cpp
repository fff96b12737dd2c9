// NAME
//   master_config — builds master.cf entries from a syntax tree.
#include "config/master_config.hpp"

namespace pflint::config {

std::string_view MasterEntry::process_name() const {
  const std::string_view cmd = command();
  const auto slash = cmd.find_last_of('/');
  return slash == std::string_view::npos ? cmd : cmd.substr(slash + 1);
}

const OverrideSetting* MasterEntry::find_override(std::string_view name) const {
  for (auto it = overrides.rbegin(); it != overrides.rend(); ++it) {
    if (it->name == name) return &*it;
  }
  return nullptr;
}

MasterConfig MasterConfig::build(const syntax::SourceFile& source, const syntax::Tree& tree) {
  MasterConfig config;
  config.entries_.reserve(tree.services.size());
  for (std::uint32_t i = 0; i < tree.items.size(); ++i) {
    const syntax::Item& item = tree.items[i];
    if (item.kind != syntax::ItemKind::service) continue;
    const syntax::Service& service = tree.services[item.service];
    MasterEntry entry;
    entry.item = i;
    entry.service_index = item.service;
    entry.line = source.position(item.span.begin).line;
    for (std::size_t f = 0; f < entry.fields.size(); ++f) entry.fields[f] = std::string(source.slice(service.fields[f]));
    for (const syntax::Override& o : service.overrides) {
      std::string value = syntax::logical_string(source, o.value);
      entry.overrides.push_back(OverrideSetting{std::string(source.slice(o.name)), std::move(value), o.name, o.value,
                                                source.position(o.option.begin).line});
    }
    for (const syntax::Arg& a : service.args) {
      const syntax::Span span = a.kind == syntax::ArgKind::override
                                    ? syntax::Span{service.overrides[a.override_index].option.begin, a.span.end}
                                    : a.span;
      entry.args.push_back(syntax::logical_string(source, span));
    }
    for (std::uint32_t k = 0; k < config.entries_.size(); ++k) {
      if (config.entries_[k].service() == entry.service() && config.entries_[k].type() == entry.type()) {
        config.duplicates_.emplace_back(k, static_cast<std::uint32_t>(config.entries_.size()));
      }
    }
    config.entries_.push_back(std::move(entry));
  }
  for (const syntax::SyntaxDiagnostic& d : tree.diagnostics) {
    if (d.severity != syntax::Severity::error) continue;
    if (!config.first_error_ || d.span.begin < config.first_error_->span.begin) config.first_error_ = d;
  }
  return config;
}

const MasterEntry* MasterConfig::find(std::string_view service, std::string_view type) const {
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    if (it->service() == service && it->type() == type) return &*it;
  }
  return nullptr;
}

}  // namespace pflint::config
