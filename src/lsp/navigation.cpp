// NAME
//   navigation — definition, references, rename and links of parameters.
// DESCRIPTION
//   Definition of a name (on a $name or a setting): the setting the scope
//   reads, i.e. the entry's own -o if it has one, else main.cf's effective
//   line; nothing for a built-in default. References: every line that sets
//   the name (main.cf and each -o) and every $name that reads it, in both
//   files. Rename: user-defined parameters only (built-in and
//   service-defined names are refused by prepareRename), one edit over
//   main.cf and master.cf that also renames the name where it stands as a
//   restriction class (in smtpd_restriction_classes and the
//   smtpd_*_restrictions lists). Document links: the file of each
//   `type:/path` table a value names, found through the path mappings.
#include <algorithm>
#include <sys/stat.h>

#include "lsp/features.hpp"
#include "lsp/target.hpp"
#include "params/params.hpp"
#include "tls/policy_table.hpp"

namespace pflint::lsp {
namespace {

struct Located {
  const Analysis* analysis = nullptr;
  const config::ParsedFile* file = nullptr;
  Target target;
};

std::optional<Located> locate_at(Context& cx, const Json& params) {
  const Document& d = document_param(cx, params);
  const LspPosition pos = position_param(params);
  if (!d.path) return std::nullopt;
  const Analysis* a = cx.workspace.analysis_of(d);
  if (a == nullptr || !a->checked) return std::nullopt;
  const config::ParsedFile* file = parsed_file_of(*a, d);
  if (file == nullptr) return std::nullopt;
  const LineIndex index(d.text);
  auto t = locate(*a, file->source, index.offset(pos, cx.encoding));
  if (!t) return std::nullopt;
  return Located{a, file, std::move(*t)};
}

Json location(const Context& cx, const syntax::SourceFile& file, syntax::Span span) {
  const LineIndex index(file.text());
  Json l(rapidjson::kObjectType);
  add(l, "uri", uri_of(cx, file.path()), cx.alloc);
  add(l, "range", range_json(index, span.begin, span.end, cx.encoding, cx.alloc), cx.alloc);
  return l;
}

struct Occurrence {
  const syntax::SourceFile* file;
  syntax::Span span;
  bool definition;
};

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// occurrences - where `name` is set, read as $name, or (with classes)
// listed as a restriction class.
std::vector<Occurrence> occurrences(const model::Model& m, std::string_view name, bool classes) {
  std::vector<Occurrence> out;
  for (const model::Setting& s : m.settings()) {
    if (s.origin.file == nullptr) continue;
    if (s.name == name) out.push_back({s.origin.file, s.origin.name_span, true});
    for (const auto& ref : m.references(s)) {
      if (ref.name != name) continue;
      const syntax::Span whole = model::value_span(s.origin, ref.span.begin, ref.span.end);
      out.push_back({s.origin.file, reference_name_span(*s.origin.file, whole, name), false});
    }
    const bool lists_classes = s.name == "smtpd_restriction_classes" ||
                               (s.name.substr(0, 6) == "smtpd_" && s.name.size() > 13 &&
                                s.name.substr(s.name.size() - 13) == "_restrictions");
    if (!classes || !lists_classes) continue;
    const std::string_view value = s.origin.file->slice(s.origin.value_span);
    for (std::size_t at = value.find(name); at != std::string_view::npos; at = value.find(name, at + 1)) {
      const bool starts = at == 0 || (!is_word_char(value[at - 1]) && value[at - 1] != '$' && value[at - 1] != '{' &&
                                      value[at - 1] != '(');
      const bool ends = at + name.size() == value.size() || !is_word_char(value[at + name.size()]);
      if (!starts || !ends) continue;
      const auto begin = static_cast<std::uint32_t>(s.origin.value_span.begin + at);
      out.push_back({s.origin.file, {begin, static_cast<std::uint32_t>(begin + name.size())}, false});
    }
  }
  return out;
}

// renamable - why `name` cannot be renamed, or "" when it can.
std::string not_renamable(const Analysis& a, std::string_view name) {
  const model::Model& m = *a.checked->model;
  if (params::is_known(name, m.version())) {
    return "\"" + std::string(name) + "\" is a built-in Postfix parameter: renaming it would change what Postfix reads";
  }
  if (params::find_param(name) != nullptr) {
    return "\"" + std::string(name) + "\" is a Postfix parameter of another release; pflint does not rename it";
  }
  for (const auto& e : a.checked->files.master.entries()) {
    for (const auto& p : params::service_params(e.service(), e.command(), m.version())) {
      if (p.name == name) return "\"" + std::string(name) + "\" is defined by the master.cf service " + e.name();
    }
  }
  return {};
}

bool valid_name(std::string_view n) {
  return !n.empty() && std::all_of(n.begin(), n.end(), is_word_char);
}

}  // namespace

Json definition(Context& cx, const Json& params) {
  const auto at = locate_at(cx, params);
  if (!at) return Json(rapidjson::kNullType);
  const model::Model& m = *at->analysis->checked->model;
  const model::Value v = m.raw(at->target.name, at->target.scope);
  if (v.origin.file == nullptr || v.origin.kind == model::OriginKind::built_in) return Json(rapidjson::kNullType);
  return location(cx, *v.origin.file, v.origin.name_span);
}

Json references(Context& cx, const Json& params) {
  const auto at = locate_at(cx, params);
  Json list(rapidjson::kArrayType);
  if (!at) return list;
  const bool declarations = get_bool(get_object(&params, "context"), "includeDeclaration").value_or(true);
  for (const auto& o : occurrences(*at->analysis->checked->model, at->target.name, false)) {
    if (o.definition && !declarations) continue;
    list.PushBack(location(cx, *o.file, o.span), cx.alloc);
  }
  return list;
}

Json prepare_rename(Context& cx, const Json& params) {
  const auto at = locate_at(cx, params);
  if (!at) throw RequestFailed("no parameter name here");
  if (const std::string why = not_renamable(*at->analysis, at->target.name); !why.empty()) throw RequestFailed(why);
  const LineIndex index(at->file->source.text());
  Json r(rapidjson::kObjectType);
  add(r, "range", range_json(index, at->target.span.begin, at->target.span.end, cx.encoding, cx.alloc), cx.alloc);
  add(r, "placeholder", at->target.name, cx.alloc);
  return r;
}

Json rename(Context& cx, const Json& params) {
  const auto new_name = get_string(&params, "newName");
  if (!new_name) throw InvalidParams("params.newName is missing");
  if (!valid_name(*new_name)) throw RequestFailed("\"" + std::string(*new_name) + "\" is not a parameter name (letters, digits, _)");
  const auto at = locate_at(cx, params);
  if (!at) throw RequestFailed("no parameter name here");
  if (const std::string why = not_renamable(*at->analysis, at->target.name); !why.empty()) throw RequestFailed(why);
  if (params::find_param(*new_name) != nullptr) {
    throw RequestFailed("\"" + std::string(*new_name) + "\" is a built-in Postfix parameter");
  }
  std::vector<FileEdit> edits;
  for (const auto& o : occurrences(*at->analysis->checked->model, at->target.name, true)) {
    edits.push_back({o.file->path(), o.span.begin, o.span.end, std::string(*new_name)});
  }
  return workspace_edit(cx, edits);
}

Json document_links(Context& cx, const Json& params) {
  const Document& d = document_param(cx, params);
  Json list(rapidjson::kArrayType);
  if (!d.path) return list;
  const Analysis* a = cx.workspace.analysis_of(d);
  if (a == nullptr || !a->checked) return list;
  const config::ParsedFile* file = parsed_file_of(*a, d);
  if (file == nullptr) return list;
  static constexpr std::array<std::string_view, 9> file_types = {"hash", "lmdb", "btree", "cdb", "dbm",
                                                                 "texthash", "regexp", "pcre", "cidr"};
  const LineIndex index(d.text);
  for (const model::Setting& s : a->checked->model->settings()) {
    if (s.origin.file != &file->source || s.value.find(':') == std::string_view::npos) continue;
    // A literal list maps each table to its own bytes; one built with
    // $names (${config_directory}/x) links the whole value instead.
    const bool literal = s.value.find('$') == std::string_view::npos;
    const std::string maps = literal ? std::string(s.value) : a->checked->model->expand(s.value, s.origin.service).value;
    for (const auto& ref : tls::split_maps(maps)) {
      std::string_view spec = ref.spec;
      std::uint32_t begin = ref.begin;
      if (spec.substr(0, 6) == "proxy:") {
        spec.remove_prefix(6);
        begin += 6;
      }
      const auto colon = spec.find(':');
      if (colon == std::string_view::npos ||
          std::find(file_types.begin(), file_types.end(), spec.substr(0, colon)) == file_types.end()) {
        continue;
      }
      const std::string target(spec.substr(colon + 1));
      if (target.empty() || target.front() != '/') continue;
      std::string path = mapped_path(cx.settings, target);
      struct stat st {};
      if (::stat(path.c_str(), &st) != 0) {
        // Not there: try the config directory's file of the same name.
        const std::string local = a->dir + target.substr(target.rfind('/'));
        if (::stat(local.c_str(), &st) == 0) path = local;
      }
      const syntax::Span span = literal ? model::value_span(s.origin, static_cast<std::uint32_t>(begin + colon + 1), ref.end)
                                        : s.origin.value_span;
      Json link(rapidjson::kObjectType);
      add(link, "range", range_json(index, span.begin, span.end, cx.encoding, cx.alloc), cx.alloc);
      add(link, "target", uri_of(cx, path), cx.alloc);
      add(link, "tooltip", std::string(spec.substr(0, colon)) + " table " + path, cx.alloc);
      list.PushBack(link, cx.alloc);
    }
  }
  return list;
}

}  // namespace pflint::lsp
