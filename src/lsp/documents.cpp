// NAME
//   documents — open documents and their edits (documents.hpp).
#include "lsp/documents.hpp"

#include <algorithm>

#include "lsp/uri.hpp"
#include "util/ascii.hpp"

namespace pflint::lsp {
namespace {

std::string_view base_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// modeline_role - "# pflint: file=main.cf" or "file=master.cf" in the first lines.
std::optional<Role> modeline_role(std::string_view text) {
  for (int line = 0; line < 5 && !text.empty(); ++line) {
    const auto eol = text.find('\n');
    const std::string_view l = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    const auto at = l.find("pflint:");
    if (at == std::string_view::npos || util::trim_left(l).substr(0, 1) != "#") continue;
    if (l.find("file=master.cf", at) != std::string_view::npos) return Role::master_cf;
    if (l.find("file=main.cf", at) != std::string_view::npos) return Role::main_cf;
  }
  return std::nullopt;
}

std::optional<LspPosition> read_position(const Json* p) {
  const auto line = get_uint32(p, "line");
  const auto character = get_uint32(p, "character");
  if (!line || !character) return std::nullopt;
  return LspPosition{*line, *character};
}

}  // namespace

Role classify(std::string_view path, std::string_view language_id, std::string_view text) {
  if (const auto r = modeline_role(text)) return *r;
  const std::string_view name = base_name(path);
  if (name == "main.cf" || name == "main.cf.proto" || name == "main.cf.default") return Role::main_cf;
  if (name == "master.cf" || name == "master.cf.proto") return Role::master_cf;
  if (language_id == "pfmain" || language_id == "postfix-main" || language_id == "postfix_main") return Role::main_cf;
  if (language_id == "pfmaster" || language_id == "postfix-master" || language_id == "postfix_master") {
    return Role::master_cf;
  }
  return Role::other;
}

bool apply_change(std::string& text, const Json& change, Encoding e, std::string& error) {
  const auto new_text = get_string(&change, "text");
  if (!new_text) {
    error = "a content change without text";
    return false;
  }
  const Json* range = get_object(&change, "range");
  if (range == nullptr) {
    if (member(&change, "range") != nullptr && !member(&change, "range")->IsNull()) {
      error = "a content change whose range is not an object";
      return false;
    }
    text.assign(new_text->data(), new_text->size());
    return true;
  }
  const auto start = read_position(get_object(range, "start"));
  const auto end = read_position(get_object(range, "end"));
  if (!start || !end) {
    error = "a content change with a malformed range";
    return false;
  }
  const LineIndex index(text);
  std::uint32_t from = index.offset(*start, e);
  std::uint32_t to = index.offset(*end, e);
  if (to < from) std::swap(from, to);
  text.replace(from, to - from, new_text->data(), new_text->size());
  return true;
}

Document& DocumentStore::open(std::string uri, std::string language_id, std::string text, std::int64_t version) {
  Document d;
  d.path = uri_to_path(uri);
  d.uri = std::move(uri);
  d.language_id = std::move(language_id);
  d.text = std::move(text);
  d.version = version;
  d.role = classify(d.path.value_or(d.uri), d.language_id, d.text);
  auto key = d.uri;
  auto& slot = docs_[key];
  slot = std::move(d);
  return slot;
}

bool DocumentStore::change(std::string_view uri, const Json& changes, std::optional<std::int64_t> version,
                           Encoding e, std::string& error) {
  Document* d = find(uri);
  if (d == nullptr) {
    error = "didChange for a document that is not open";
    return false;
  }
  if (!changes.IsArray()) {
    error = "contentChanges is not an array";
    return false;
  }
  std::string text = d->text;
  for (const auto& change : changes.GetArray()) {
    if (!apply_change(text, change, e, error)) {
      close(uri);
      return false;
    }
  }
  d->text = std::move(text);
  if (version) d->version = *version;
  // A modeline may have been typed or removed.
  d->role = classify(d->path.value_or(d->uri), d->language_id, d->text);
  return true;
}

void DocumentStore::close(std::string_view uri) {
  const auto it = docs_.find(uri);
  if (it != docs_.end()) docs_.erase(it);
}

Document* DocumentStore::find(std::string_view uri) {
  const auto it = docs_.find(uri);
  return it == docs_.end() ? nullptr : &it->second;
}

const Document* DocumentStore::find(std::string_view uri) const {
  const auto it = docs_.find(uri);
  return it == docs_.end() ? nullptr : &it->second;
}

const Document* DocumentStore::find_by_path(std::string_view path) const {
  for (const auto& [uri, d] : docs_) {
    if (d.path && *d.path == path) return &d;
  }
  return nullptr;
}

}  // namespace pflint::lsp
