// NAME
//   main_config — builds the main.cf dictionary from a syntax tree.
#include "config/main_config.hpp"

#include <algorithm>

namespace pflint::config {

MainConfig MainConfig::build(const syntax::SourceFile& source, const syntax::Tree& tree) {
  MainConfig config;
  const auto parameters = std::count_if(tree.items.begin(), tree.items.end(),
                                        [](const syntax::Item& item) { return item.kind == syntax::ItemKind::parameter; });
  config.entries_.reserve(static_cast<std::size_t>(parameters));
  for (std::uint32_t i = 0; i < tree.items.size(); ++i) {
    const syntax::Item& item = tree.items[i];
    if (item.kind != syntax::ItemKind::parameter) continue;
    MainEntry entry{std::string(source.slice(item.name)), syntax::postfix_value(source, item), i,
                    source.position(item.span.begin).line, item.name, item.value};
    const auto index = static_cast<std::uint32_t>(config.entries_.size());
    auto [it, inserted] = config.last_.try_emplace(entry.name, index);
    if (!inserted) {
      const MainEntry& earlier = config.entries_[it->second];
      if (earlier.value != entry.value) config.redefinitions_.push_back({index, it->second, earlier.value});
      it->second = index;
    }
    config.entries_.push_back(std::move(entry));
  }
  for (const syntax::SyntaxDiagnostic& d : tree.diagnostics) {
    if (d.severity != syntax::Severity::error) continue;
    if (!config.first_error_ || d.span.begin < config.first_error_->span.begin) config.first_error_ = d;
  }
  return config;
}

const MainEntry* MainConfig::find(std::string_view name) const {
  const auto it = last_.find(name);
  return it == last_.end() ? nullptr : &entries_[it->second];
}

std::vector<const MainEntry*> MainConfig::effective() const {
  std::vector<const MainEntry*> out;
  out.reserve(last_.size());
  for (const auto& [name, index] : last_) out.push_back(&entries_[index]);
  std::sort(out.begin(), out.end(), [](const MainEntry* a, const MainEntry* b) { return a->item < b->item; });
  return out;
}

}  // namespace pflint::config
