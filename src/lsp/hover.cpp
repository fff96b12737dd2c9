// NAME
//   hover — `postconf -x` at the cursor, and the rule behind a finding.
// DESCRIPTION
//   On a parameter name or a $name: what the parameter is (type and a line
//   on what it does), its default for the target version and
//   compatibility_level, the value as written here with its origin, the
//   value a daemon sees once every $name is expanded, the names the value
//   refers to, and, from main.cf, the master.cf services that override it
//   with -o; from a -o option, the main.cf value it shadows and whether the
//   entry's command reads the parameter at all. On a finding: its rule's
//   code, name and summary. Markdown when the client takes it, else the
//   same text as plain text (eglot without markdown-mode, ALE).
#include <algorithm>

#include "lsp/features.hpp"
#include "expand/scan.hpp"
#include "lsp/target.hpp"
#include "model/names.hpp"
#include "model/reads.hpp"
#include "params/param_docs.hpp"
#include "params/params.hpp"

namespace pflint::lsp {
namespace {

// Text in one of two forms: Markdown or plain.
class Doc {
 public:
  explicit Doc(bool markdown) : md_(markdown) {}
  void line(const std::string& s) { out_ += s + "\n"; }
  void para() {
    if (!out_.empty() && !out_.ends_with("\n\n")) out_ += "\n";
  }
  [[nodiscard]] std::string code(std::string_view s) const {
    if (s.empty()) return "(empty)";
    if (!md_) return std::string(s);
    // A backtick inside needs a longer fence; values rarely hold one.
    const std::string fence = s.find('`') == std::string_view::npos ? "`" : "``";
    return fence + (fence.size() > 1 ? " " : "") + std::string(s) + (fence.size() > 1 ? " " : "") + fence;
  }
  [[nodiscard]] std::string bold(std::string_view s) const { return md_ ? "**" + std::string(s) + "**" : std::string(s); }
  [[nodiscard]] std::string item(const std::string& s) const { return (md_ ? "- " : "  ") + s; }
  [[nodiscard]] const std::string& text() const { return out_; }

 private:
  bool md_;
  std::string out_;
};

std::string shorten(std::string_view s, std::size_t max = 200) {
  if (s.size() <= max) return std::string(s);
  return std::string(s.substr(0, max)) + "…";
}

void describe_parameter(Doc& doc, const Analysis& a, const Target& t) {
  const model::Model& m = *a.checked->model;
  const params::Version v = m.version();
  const params::param_info* p = params::find_param(t.name);
  const bool builtin = p != nullptr && params::is_known(*p, v);
  std::string title = doc.bold(t.name);
  if (builtin) title += " (" + std::string(params::to_string(p->type)) + ")";
  else if (m.names().known(t.name, t.scope)) title += " (user-defined)";
  else title += " (not a parameter Postfix " + v.to_string() + " knows)";
  doc.line(title);
  if (const std::string line = params::describe_param(t.name); !line.empty()) {
    doc.para();
    doc.line(line);
  }
  doc.para();
  if (builtin) {
    std::string def = "Default (Postfix " + v.to_string() + "): " +
                      (p->is_computed() ? std::string("computed on the host") : doc.code(shorten(params::default_value(*p, v))));
    if (const auto c = params::compat_default(*p, v); c && c->level) {
      def += "; " + doc.code(shorten(c->new_value)) + " from compatibility_level " + c->level->to_string() + ", " +
             doc.code(shorten(c->old_value)) + " below (here: " + m.compatibility_level() + ")";
    }
    doc.line(def);
  }
  const model::Value raw = m.raw(t.name, t.scope);
  if (raw.defined() && raw.origin.kind != model::OriginKind::built_in) {
    doc.line("Value: " + doc.code(shorten(raw.raw)) + " (" + raw.origin.describe() + ")");
  }
  if (raw.defined()) {
    const model::Resolved& r = m.resolved(t.name, t.scope);
    if (r.value != raw.raw) doc.line("Expanded: " + doc.code(shorten(r.value)));
    // The names the value refers to, one level down.
    std::vector<std::string> via;
    for (const auto& ref : expand::referenced_names(raw.raw)) {
      if (std::find(via.begin(), via.end(), ref.name) != via.end()) continue;
      via.push_back(ref.name);
      if (via.size() > 8) break;
    }
    for (const auto& name : via) {
      const model::Value inner = m.raw(name, t.scope);
      doc.line(doc.item(doc.code("$" + name) + " = " +
                        (inner.defined() ? doc.code(shorten(inner.raw, 120)) + " (" + inner.origin.describe() + ")"
                                         : std::string("undefined"))));
    }
  }
  doc.para();
  if (t.scope == nullptr) {
    // The services that override it.
    bool first = true;
    for (const auto& e : a.checked->files.master.entries()) {
      const config::OverrideSetting* o = e.find_override(t.name);
      if (o == nullptr) continue;
      if (first) doc.line("Overridden in master.cf:");
      first = false;
      std::string line = doc.code(e.name()) + " " + doc.code("-o " + t.name + "=" + shorten(o->value, 120)) +
                         " (master.cf:" + std::to_string(o->line) + ")";
      if (const auto why = model::not_read_by(e.process_name(), t.name)) line += ", ignored: " + *why;
      doc.line(doc.item(line));
    }
  } else {
    const model::Value global = m.raw(t.name, nullptr);
    doc.line("In " + doc.code(t.scope->name()) + " this -o replaces " +
             (global.defined() ? doc.code(shorten(global.raw, 120)) + " (" + global.origin.describe() + ")"
                               : std::string("nothing (the name has no value outside this entry)")) +
             ".");
    if (const auto why = model::not_read_by(t.scope->process_name(), t.name)) {
      doc.line("It has no effect: " + *why + ".");
    }
  }
}

void describe_findings(Doc& doc, const Context& cx, const Analysis& a, const Document& d, std::uint32_t offset) {
  std::vector<std::string_view> seen;
  for (const auto& f : a.checked->findings) {
    if (f.file == nullptr || f.file->path() != *d.path) continue;
    if (offset < f.span.begin || offset > f.span.end) continue;
    if (std::find(seen.begin(), seen.end(), f.code) != seen.end()) continue;
    seen.push_back(f.code);
    for (const auto& rule : cx.rules) {
      if (rule.info->code != f.code) continue;
      doc.para();
      doc.line(doc.bold(std::string(rule.info->code)) + " " + std::string(rule.info->name) + ": " +
               std::string(rule.info->summary) + " (`pflint explain " + std::string(rule.info->code) + "`)");
    }
  }
}

}  // namespace

Json hover(Context& cx, const Json& params) {
  const Document& d = document_param(cx, params);
  const LspPosition pos = position_param(params);
  if (!d.path) return Json(rapidjson::kNullType);
  const Analysis* a = cx.workspace.analysis_of(d);
  if (a == nullptr || !a->checked) return Json(rapidjson::kNullType);
  const config::ParsedFile* file = parsed_file_of(*a, d);
  if (file == nullptr) return Json(rapidjson::kNullType);
  const LineIndex index(d.text);
  const std::uint32_t offset = index.offset(pos, cx.encoding);
  Doc doc(cx.caps.hover_markdown);
  const auto target = locate(*a, file->source, offset);
  if (target) describe_parameter(doc, *a, *target);
  describe_findings(doc, cx, *a, d, offset);
  if (doc.text().empty()) return Json(rapidjson::kNullType);
  Json result(rapidjson::kObjectType);
  Json contents(rapidjson::kObjectType);
  add(contents, "kind", cx.caps.hover_markdown ? "markdown" : "plaintext", cx.alloc);
  std::string text = doc.text();
  while (!text.empty() && text.back() == '\n') text.pop_back();
  add(contents, "value", text, cx.alloc);
  add(result, "contents", std::move(contents), cx.alloc);
  if (target) add(result, "range", range_json(index, target->span.begin, target->span.end, cx.encoding, cx.alloc), cx.alloc);
  return result;
}

}  // namespace pflint::lsp
