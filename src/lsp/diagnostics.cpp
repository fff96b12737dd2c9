// NAME
//   diagnostics — pflint findings as LSP diagnostics.
// DESCRIPTION
//   One LSP diagnostic per finding of the file: the rule's code, its
//   severity, a link to the rule's page (the same address SARIF gives), the
//   message with its notes, and the Unnecessary / Deprecated tags for the
//   rules whose finding is a setting Postfix ignores or is phasing out (the
//   editor then greys or strikes it through). A finding about the config as
//   a whole lands on the first line of main.cf; a file left out as a
//   template gets one information diagnostic that says so.
#include <algorithm>
#include <map>

#include "lsp/features.hpp"
#include "report/rule_catalog.hpp"

namespace pflint::lsp {
namespace {

constexpr int k_tag_unnecessary = 1;
constexpr int k_tag_deprecated = 2;

// tags_of - LSP DiagnosticTag values for a rule's findings.
std::vector<int> tags_of(std::string_view code) {
  static const std::map<std::string_view, std::vector<int>> tags = {
      {"PF1901", {k_tag_unnecessary}},                    // a suppression that suppresses nothing
      {"PF2001", {k_tag_unnecessary}},                    // Postfix ignores an unknown name
      {"PF2005", {k_tag_deprecated}},                     // deprecated parameter
      {"PF3001", {k_tag_deprecated}},                     // pre-2.3 TLS switch
      {"PF3005", {k_tag_deprecated}},                     // pre-3.6 protocol syntax
      {"PF3011", {k_tag_unnecessary}},                    // mandatory settings nobody uses
      {"PF3018", {k_tag_unnecessary}},                    // per-site table ignored
      {"PF3033", {k_tag_unnecessary}},                    // opportunistic settings nobody uses
      {"PF5004", {k_tag_unnecessary}},                    // attributes ignored at level none
  };
  const auto it = tags.find(code);
  return it == tags.end() ? std::vector<int>{} : it->second;
}

int lsp_severity(lint::Severity s) {
  switch (s) {
    case lint::Severity::error: return 1;
    case lint::Severity::warning: return 2;
    case lint::Severity::info: return 3;
  }
  return 3;
}

Json one(const Context& cx, const lint::Diagnostic& d, const LineIndex& index, std::uint32_t begin,
         std::uint32_t end) {
  Allocator& a = cx.alloc;
  Json o(rapidjson::kObjectType);
  add(o, "range", range_json(index, begin, end, cx.encoding, a), a);
  add(o, "severity", static_cast<std::int64_t>(lsp_severity(d.severity)), a);
  add(o, "code", d.code, a);
  Json href(rapidjson::kObjectType);
  add(href, "href", report::rule_help_uri(d.code), a);
  add(o, "codeDescription", std::move(href), a);
  add(o, "source", "pflint", a);
  std::string message = d.message;
  for (const auto& note : d.notes) message += "\n" + note;
  add(o, "message", message, a);
  if (const auto tags = tags_of(d.code); !tags.empty()) {
    Json t(rapidjson::kArrayType);
    for (const int tag : tags) t.PushBack(tag, a);
    add(o, "tags", std::move(t), a);
  }
  return o;
}

}  // namespace

Json file_diagnostics(const Context& cx, const Analysis& a, const std::string& path) {
  Json list(rapidjson::kArrayType);
  if (const auto it = a.skipped.find(path); it != a.skipped.end()) {
    Json o(rapidjson::kObjectType);
    Json r(rapidjson::kObjectType);
    add(r, "start", position_json({0, 0}, cx.alloc), cx.alloc);
    add(r, "end", position_json({0, 0}, cx.alloc), cx.alloc);
    add(o, "range", std::move(r), cx.alloc);
    add(o, "severity", std::int64_t{3}, cx.alloc);
    add(o, "source", "pflint", cx.alloc);
    add(o, "message", "pflint skipped this file: " + it->second, cx.alloc);
    list.PushBack(o, cx.alloc);
    return list;
  }
  if (!a.checked) return list;
  const auto& files = a.checked->files;
  const syntax::SourceFile* main = files.main_file ? &files.main_file->source : nullptr;
  const syntax::SourceFile* fallback = main ? main : (files.master_file ? &files.master_file->source : nullptr);
  std::optional<LineIndex> index;
  for (const auto& d : a.checked->findings) {
    const syntax::SourceFile* file = d.file ? d.file : fallback;
    if (file == nullptr || file->path() != path) continue;
    if (!index) index.emplace(file->text());
    const std::uint32_t size = file->size();
    const std::uint32_t begin = d.file ? std::min(d.span.begin, size) : 0;
    const std::uint32_t end = d.file ? std::min(std::max(d.span.end, begin), size) : 0;
    list.PushBack(one(cx, d, *index, begin, end), cx.alloc);
  }
  return list;
}

Json pull_diagnostics(Context& cx, const Json& params) {
  const Document& d = document_param(cx, params);
  Json report(rapidjson::kObjectType);
  add(report, "kind", "full", cx.alloc);
  const Analysis* a = cx.workspace.analysis_of(d);
  add(report, "items", a != nullptr && d.path ? file_diagnostics(cx, *a, *d.path) : Json(rapidjson::kArrayType),
      cx.alloc);
  return report;
}

}  // namespace pflint::lsp
