// NAME
//   context — request helpers shared by the feature handlers (context.hpp).
#include "lsp/context.hpp"

namespace pflint::lsp {

const Document& document_param(const Context& cx, const Json& params) {
  const auto uri = get_string(get_object(&params, "textDocument"), "uri");
  if (!uri) throw InvalidParams("params.textDocument.uri is missing or not a string");
  const Document* d = cx.documents.find(*uri);
  if (d == nullptr) throw InvalidParams("document not open: " + std::string(*uri));
  return *d;
}

LspPosition position_param(const Json& params) {
  const Json* p = get_object(&params, "position");
  const auto line = get_uint32(p, "line");
  const auto character = get_uint32(p, "character");
  if (!line || !character) throw InvalidParams("params.position must be {line, character} with non-negative integers");
  return {*line, *character};
}

Json position_json(LspPosition p, Allocator& a) {
  Json o(rapidjson::kObjectType);
  add(o, "line", static_cast<std::int64_t>(p.line), a);
  add(o, "character", static_cast<std::int64_t>(p.character), a);
  return o;
}

Json range_json(const LineIndex& index, std::uint32_t begin, std::uint32_t end, Encoding e, Allocator& a) {
  Json r(rapidjson::kObjectType);
  add(r, "start", position_json(index.position(begin, e), a), a);
  add(r, "end", position_json(index.position(end, e), a), a);
  return r;
}

const config::ParsedFile* parsed_file_of(const Analysis& a, const Document& d) {
  if (!a.checked || !d.path) return nullptr;
  for (const auto* f : {&a.checked->files.main_file, &a.checked->files.master_file}) {
    if (*f && (*f)->source.path() == *d.path) return &**f;
  }
  return nullptr;
}

}  // namespace pflint::lsp
