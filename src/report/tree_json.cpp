// NAME
//   tree_json — writes the syntax tree as JSON; the schema is documented in
//   docs/parse-json.md and must change only together with that file.
#include "report/tree_json.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "report/json_text.hpp"

namespace pflint::report {
namespace {
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;
using namespace pflint::syntax;

void write_key(Writer& w, const char* key) { w.Key(key); }

void write_span(Writer& w, const SourceFile& src, Span span) {
  const Position start = src.position(span.begin);
  const Position end = src.position(span.end);
  const Utf16Position u_start = src.utf16_position(span.begin);
  const Utf16Position u_end = src.utf16_position(span.end);
  w.StartObject();
  write_key(w, "begin"); w.Uint(span.begin);
  write_key(w, "end"); w.Uint(span.end);
  write_key(w, "start"); w.StartArray(); w.Uint(start.line); w.Uint(start.column); w.Uint(u_start.character); w.EndArray();
  write_key(w, "stop"); w.StartArray(); w.Uint(end.line); w.Uint(end.column); w.Uint(u_end.character); w.EndArray();
  w.EndObject();
}

void write_override(Writer& w, const SourceFile& src, const Override& o) {
  w.StartObject();
  write_key(w, "name"); write_json_string(w, src.slice(o.name));
  write_key(w, "value"); write_json_string(w, logical_text(src, o.value).text);
  write_key(w, "braced"); w.Bool(o.braced);
  write_key(w, "span"); write_span(w, src, Span{o.option.begin, o.whole.end});
  write_key(w, "name_span"); write_span(w, src, o.name);
  write_key(w, "value_span"); write_span(w, src, o.value);
  w.EndObject();
}

void write_service(Writer& w, const SourceFile& src, const Service& s) {
  write_key(w, "fields");
  w.StartObject();
  for (std::size_t i = 0; i < field_names.size(); ++i) {
    w.Key(field_names[i].data(), static_cast<rapidjson::SizeType>(field_names[i].size()));
    write_json_string(w, src.slice(s.fields[i]));
  }
  w.EndObject();
  write_key(w, "args");
  w.StartArray();
  for (const Arg& a : s.args) {
    w.StartObject();
    write_key(w, "kind");
    w.String(a.kind == ArgKind::option ? "option" : a.kind == ArgKind::override ? "override" : "plain");
    write_key(w, "text"); write_json_string(w, logical_text(src, a.span).text);
    write_key(w, "span"); write_span(w, src, a.span);
    w.EndObject();
  }
  w.EndArray();
  write_key(w, "overrides");
  w.StartArray();
  for (const Override& o : s.overrides) write_override(w, src, o);
  w.EndArray();
}

void write_item(Writer& w, const SourceFile& src, const Tree& tree, const Item& item) {
  w.StartObject();
  write_key(w, "kind"); w.String(to_string(item.kind).data());
  write_key(w, "span"); write_span(w, src, item.span);
  write_key(w, "raw"); write_json_string(w, src.slice(item.span));
  if (item.kind == ItemKind::parameter) {
    write_key(w, "name"); write_json_string(w, src.slice(item.name));
    write_key(w, "value"); write_json_string(w, postfix_value(src, item));
    write_key(w, "name_span"); write_span(w, src, item.name);
    write_key(w, "value_span"); write_span(w, src, item.value);
  }
  if (item.kind == ItemKind::service) write_service(w, src, tree.services[item.service]);
  write_key(w, "tokens");
  w.StartArray();
  for (std::uint32_t i = item.first_token; i < item.first_token + item.token_count; ++i) {
    const Token& t = tree.tokens[i];
    w.StartObject();
    write_key(w, "kind"); w.String(to_string(t.kind).data());
    write_key(w, "text"); write_json_string(w, src.slice(t.span));
    write_key(w, "span"); write_span(w, src, t.span);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}
}  // namespace

std::string tree_json(const SourceFile& src, const Tree& tree) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  write_key(w, "path"); write_json_string(w, src.path());
  write_key(w, "kind"); w.String(tree.kind == FileKind::master_cf ? "master" : "main");
  write_key(w, "size"); w.Uint(src.size());
  write_key(w, "items");
  w.StartArray();
  for (const Item& item : tree.items) write_item(w, src, tree, item);
  w.EndArray();
  write_key(w, "diagnostics");
  w.StartArray();
  for (const SyntaxDiagnostic& d : tree.diagnostics) {
    w.StartObject();
    write_key(w, "severity"); w.String(to_string(d.severity).data());
    write_key(w, "message"); write_json_string(w, d.message);
    write_key(w, "span"); write_span(w, src, d.span);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace pflint::report
