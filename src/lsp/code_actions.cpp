// NAME
//   code_actions — quick fixes: the rules' own fixes and "disable PFnnnn".
// DESCRIPTION
//   For every finding whose range meets the requested range: each of its
//   fixes (the same edits `pflint check --fix` applies; a safe fix is the
//   preferred action, and an unsafe one says so in its title), then an
//   action that writes `# pflint: disable=PFnnnn` on a line of its own
//   above the logical line (a comment line changes nothing Postfix reads).
//   Clients that take CodeAction literals get them; others get nothing
//   (every client pflint is tested with takes literals).
#include <algorithm>

#include "lsp/features.hpp"
#include "lsp/uri.hpp"

namespace pflint::lsp {
namespace {

struct ByteRange {
  std::uint32_t begin;
  std::uint32_t end;
};

// touches - do [a) and [b) overlap, or touch (an empty range at an edge counts)?
bool touches(ByteRange a, ByteRange b) { return a.begin <= b.end && b.begin <= a.end; }

// line_start - the offset of the first byte of the line holding `offset`.
std::uint32_t line_start(std::string_view text, std::uint32_t offset) {
  const auto nl = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  return offset == 0 || nl == std::string_view::npos ? 0 : static_cast<std::uint32_t>(nl + 1);
}

// item_start - where the top-level item (logical line) holding `offset` begins.
std::uint32_t item_start(const config::ParsedFile& file, std::uint32_t offset) {
  const auto& items = file.tree.items;
  const auto it = std::upper_bound(items.begin(), items.end(), offset,
                                   [](std::uint32_t o, const syntax::Item& i) { return o < i.span.begin; });
  if (it == items.begin()) return 0;
  return std::prev(it)->span.begin;
}

}  // namespace

std::string uri_of(const Context& cx, const std::string& path) {
  if (const Document* d = cx.documents.find_by_path(path)) return d->uri;
  return path_to_uri(path);
}

Json workspace_edit(const Context& cx, const std::vector<FileEdit>& edits) {
  Allocator& a = cx.alloc;
  // Group by file, in first-seen order.
  std::vector<std::string> order;
  for (const auto& e : edits) {
    if (std::find(order.begin(), order.end(), e.path) == order.end()) order.push_back(e.path);
  }
  Json result(rapidjson::kObjectType);
  Json changes(rapidjson::kObjectType);
  Json document_changes(rapidjson::kArrayType);
  for (const auto& path : order) {
    const Document* open = cx.documents.find_by_path(path);
    std::string disk;
    std::string_view text;
    if (open != nullptr) {
      text = open->text;
    } else {
      std::string error;
      if (auto f = syntax::SourceFile::load(path, error)) disk = std::string(f->text());
      text = disk;
    }
    const LineIndex index(text);
    Json list(rapidjson::kArrayType);
    for (const auto& e : edits) {
      if (e.path != path) continue;
      Json te(rapidjson::kObjectType);
      add(te, "range", range_json(index, e.begin, e.end, cx.encoding, a), a);
      add(te, "newText", e.text, a);
      list.PushBack(te, a);
    }
    const std::string uri = uri_of(cx, path);
    if (cx.caps.document_changes) {
      Json doc(rapidjson::kObjectType);
      Json id(rapidjson::kObjectType);
      add(id, "uri", uri, a);
      if (open != nullptr) add(id, "version", open->version, a);
      else add(id, "version", Json(rapidjson::kNullType), a);
      add(doc, "textDocument", std::move(id), a);
      add(doc, "edits", std::move(list), a);
      document_changes.PushBack(doc, a);
    } else {
      add(changes, uri, std::move(list), a);
    }
  }
  if (cx.caps.document_changes) add(result, "documentChanges", std::move(document_changes), a);
  else add(result, "changes", std::move(changes), a);
  return result;
}

Json code_actions(Context& cx, const Json& params) {
  const Document& d = document_param(cx, params);
  Json actions(rapidjson::kArrayType);
  if (!cx.caps.code_action_literals || !d.path) return actions;
  const Json* range = get_object(&params, "range");
  const auto start_line = get_uint32(get_object(range, "start"), "line");
  const auto start_char = get_uint32(get_object(range, "start"), "character");
  const auto end_line = get_uint32(get_object(range, "end"), "line");
  const auto end_char = get_uint32(get_object(range, "end"), "character");
  if (!start_line || !start_char || !end_line || !end_char) throw InvalidParams("params.range is malformed");
  const LineIndex index(d.text);
  // Whole lines: a cursor anywhere on a line offers the fixes of its findings.
  const ByteRange wanted{index.offset({*start_line, 0}, cx.encoding),
                         index.line_content_end(std::min(*end_line, index.line_count() - 1))};
  (void)start_char;
  (void)end_char;
  // "only" filters by kind: we offer quickfix actions only.
  if (const Json* only = get_array(get_object(&params, "context"), "only")) {
    bool quickfix = false;
    for (const auto& k : only->GetArray()) {
      const auto s = as_string(&k);
      if (s && (*s == "quickfix" || *s == "")) quickfix = true;
    }
    if (!quickfix) return actions;
  }

  const Analysis* a = cx.workspace.analysis_of(d);
  if (a == nullptr || !a->checked) return actions;
  const config::ParsedFile* file = parsed_file_of(*a, d);
  const Json all = file_diagnostics(cx, *a, *d.path);
  std::size_t index_in_file = 0;  // findings of this file, in file_diagnostics' order
  const auto& files = a->checked->files;
  const syntax::SourceFile* fallback = files.main_file ? &files.main_file->source
                                                       : (files.master_file ? &files.master_file->source : nullptr);
  std::vector<std::string> disabled;  // one "disable" action per code and line
  for (const auto& f : a->checked->findings) {
    const syntax::SourceFile* where = f.file ? f.file : fallback;
    if (where == nullptr || where->path() != *d.path) continue;
    const std::size_t mine = index_in_file++;
    const ByteRange span{f.file ? f.span.begin : 0, f.file ? f.span.end : 0};
    if (!touches(span, wanted)) continue;
    const Json& lsp_diag = all[static_cast<rapidjson::SizeType>(mine)];
    for (const auto& fix : f.fixes) {
      std::vector<FileEdit> edits;
      for (const auto& e : fix.edits) {
        if (e.file == nullptr) continue;
        edits.push_back({e.file->path(), e.span.begin, e.span.end, e.replacement});
      }
      if (edits.empty()) continue;
      Json action(rapidjson::kObjectType);
      add(action, "title", fix.safe ? fix.title : fix.title + " (unsafe: changes what Postfix does)", cx.alloc);
      add(action, "kind", "quickfix", cx.alloc);
      Json diags(rapidjson::kArrayType);
      diags.PushBack(Json(lsp_diag, cx.alloc), cx.alloc);
      add(action, "diagnostics", std::move(diags), cx.alloc);
      add(action, "isPreferred", fix.safe, cx.alloc);
      add(action, "edit", workspace_edit(cx, edits), cx.alloc);
      actions.PushBack(action, cx.alloc);
    }
    if (file == nullptr || f.file == nullptr) continue;
    const std::uint32_t at = line_start(d.text, item_start(*file, f.span.begin));
    const std::string key = std::string(f.code) + "@" + std::to_string(at);
    if (std::find(disabled.begin(), disabled.end(), key) != disabled.end()) continue;
    disabled.push_back(key);
    Json action(rapidjson::kObjectType);
    add(action, "title", "Disable " + std::string(f.code) + " for this line", cx.alloc);
    add(action, "kind", "quickfix", cx.alloc);
    Json diags(rapidjson::kArrayType);
    diags.PushBack(Json(lsp_diag, cx.alloc), cx.alloc);
    add(action, "diagnostics", std::move(diags), cx.alloc);
    add(action, "edit", workspace_edit(cx, {{*d.path, at, at, "# pflint: disable=" + std::string(f.code) + "\n"}}),
        cx.alloc);
    actions.PushBack(action, cx.alloc);
  }
  return actions;
}

}  // namespace pflint::lsp
