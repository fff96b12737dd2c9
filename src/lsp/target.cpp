// NAME
//   target — cursor to setting or $name reference (target.hpp).
#include "lsp/target.hpp"

namespace pflint::lsp {
namespace {

bool inside(syntax::Span s, std::uint32_t offset) { return s.begin <= offset && offset <= s.end; }

}  // namespace

syntax::Span reference_name_span(const syntax::SourceFile& file, syntax::Span whole, std::string_view name) {
  const std::string_view text = file.slice(whole);
  const auto at = text.find(name);
  if (at == std::string_view::npos) return whole;
  const auto begin = static_cast<std::uint32_t>(whole.begin + at);
  return {begin, static_cast<std::uint32_t>(begin + name.size())};
}

std::optional<Target> locate(const Analysis& a, const syntax::SourceFile& file, std::uint32_t offset) {
  if (!a.checked) return std::nullopt;
  const model::Model& m = *a.checked->model;
  for (const model::Setting& s : m.settings()) {
    if (s.origin.file != &file) continue;
    if (inside(s.origin.name_span, offset) && !s.origin.name_span.empty()) {
      return Target{Target::Kind::setting_name, std::string(s.name), s.origin.name_span, s.origin.name_span, &s,
                    s.origin.service};
    }
    if (!inside(s.origin.value_span, offset)) continue;
    for (const auto& ref : m.references(s)) {
      const syntax::Span whole = model::value_span(s.origin, ref.span.begin, ref.span.end);
      if (!inside(whole, offset)) continue;
      return Target{Target::Kind::reference, ref.name, reference_name_span(file, whole, ref.name), whole, &s,
                    s.origin.service};
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace pflint::lsp
