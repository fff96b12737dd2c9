// NAME
//   symbols — the outline (document symbols) and folding ranges of a file.
// DESCRIPTION
//   main.cf: one symbol per parameter line, its value as the detail.
//   master.cf: one symbol per service entry ("submission/inet", the
//   command as detail) with its -o settings as children. Folding: logical
//   lines that continue over several physical lines, and runs of two or
//   more comment lines (kind "comment").
#include <algorithm>

#include "lsp/features.hpp"

namespace pflint::lsp {
namespace {

// LSP SymbolKind values.
constexpr std::int64_t k_symbol_class = 5;
constexpr std::int64_t k_symbol_property = 7;

std::uint32_t without_newline(std::string_view text, syntax::Span s) {
  std::uint32_t end = s.end;
  while (end > s.begin && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  return end;
}

std::string shorten(std::string_view s) {
  return s.size() <= 80 ? std::string(s) : std::string(s.substr(0, 80)) + "…";
}

Json symbol(const Context& cx, const LineIndex& index, std::string_view name, std::string_view detail,
            std::int64_t kind, syntax::Span whole, syntax::Span selection) {
  Json s(rapidjson::kObjectType);
  add(s, "name", name.empty() ? std::string_view("(empty)") : name, cx.alloc);
  if (!detail.empty()) add(s, "detail", shorten(detail), cx.alloc);
  add(s, "kind", kind, cx.alloc);
  add(s, "range", range_json(index, whole.begin, whole.end, cx.encoding, cx.alloc), cx.alloc);
  add(s, "selectionRange", range_json(index, selection.begin, selection.end, cx.encoding, cx.alloc), cx.alloc);
  return s;
}

}  // namespace

Json document_symbols(Context& cx, const Json& params) {
  const Document& d = document_param(cx, params);
  Json list(rapidjson::kArrayType);
  const Analysis* a = d.path ? cx.workspace.analysis_of(d) : nullptr;
  const config::ParsedFile* file = a != nullptr ? parsed_file_of(*a, d) : nullptr;
  if (file == nullptr) return list;
  const std::string_view text = file->source.text();
  const LineIndex index(text);
  for (const auto& item : file->tree.items) {
    const syntax::Span whole{item.span.begin, without_newline(text, item.span)};
    if (item.kind == syntax::ItemKind::parameter) {
      list.PushBack(symbol(cx, index, file->source.slice(item.name), syntax::postfix_value(file->source, item),
                           k_symbol_property, whole, item.name),
                    cx.alloc);
    } else if (item.kind == syntax::ItemKind::service && item.service < file->tree.services.size()) {
      const syntax::Service& svc = file->tree.services[item.service];
      const auto f = [&](syntax::Field field) { return file->source.slice(svc.fields[static_cast<int>(field)]); };
      const std::string name = std::string(f(syntax::Field::service)) + "/" + std::string(f(syntax::Field::type));
      const syntax::Span first = svc.fields[0];
      Json s = symbol(cx, index, name, f(syntax::Field::command), k_symbol_class, whole, first);
      Json children(rapidjson::kArrayType);
      for (const auto& o : svc.overrides) {
        const syntax::Span all{o.option.begin, std::max(o.whole.end, o.value.end)};
        children.PushBack(symbol(cx, index, file->source.slice(o.name), file->source.slice(o.value),
                                 k_symbol_property, all, o.name),
                          cx.alloc);
      }
      add(s, "children", std::move(children), cx.alloc);
      list.PushBack(s, cx.alloc);
    }
  }
  return list;
}

Json folding_ranges(Context& cx, const Json& params) {
  const Document& d = document_param(cx, params);
  Json list(rapidjson::kArrayType);
  const Analysis* a = d.path ? cx.workspace.analysis_of(d) : nullptr;
  const config::ParsedFile* file = a != nullptr ? parsed_file_of(*a, d) : nullptr;
  if (file == nullptr) return list;
  const std::string_view text = file->source.text();
  const LineIndex index(text);
  const auto range = [&](std::uint32_t first, std::uint32_t last, const char* kind) {
    Json r(rapidjson::kObjectType);
    add(r, "startLine", static_cast<std::int64_t>(first), cx.alloc);
    add(r, "endLine", static_cast<std::int64_t>(last), cx.alloc);
    if (kind != nullptr) add(r, "kind", kind, cx.alloc);
    list.PushBack(r, cx.alloc);
  };
  const auto& items = file->tree.items;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    const std::uint32_t first = index.position(item.span.begin, cx.encoding).line;
    if (item.kind == syntax::ItemKind::comment) {
      std::size_t j = i;
      while (j + 1 < items.size() && items[j + 1].kind == syntax::ItemKind::comment) ++j;
      const std::uint32_t last = index.position(without_newline(text, items[j].span), cx.encoding).line;
      if (last > first) range(first, last, "comment");
      i = j;
      continue;
    }
    if (item.kind != syntax::ItemKind::parameter && item.kind != syntax::ItemKind::service) continue;
    const std::uint32_t last = index.position(without_newline(text, item.span), cx.encoding).line;
    if (last > first) range(first, last, nullptr);
  }
  return list;
}

}  // namespace pflint::lsp
