// NAME
//   documents — the text of every open document, kept in sync with the client.
// DESCRIPTION
//   didOpen stores the text, didChange applies `contentChanges` in array
//   order (each against the result of the previous one; a change without a
//   range replaces the whole text, as ALE sends even to incremental
//   servers), didClose forgets it. A change whose range is malformed drops
//   the document rather than lint a text the client does not have (clangd
//   does the same); the server logs it. Versions are kept as sent: they
//   only grow, not necessarily by one.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "lsp/json.hpp"
#include "lsp/position.hpp"

namespace pflint::lsp {

// What a document is to Postfix.
enum class Role : std::uint8_t { main_cf, master_cf, other };

struct Document {
  std::string uri;
  std::optional<std::string> path;  // for file: URIs
  std::string language_id;
  std::string text;
  std::int64_t version = 0;
  Role role = Role::other;
};

// classify - by the modeline "# pflint: file=master.cf" (first 5 lines),
// then the file name, then the client's language id.
Role classify(std::string_view path, std::string_view language_id, std::string_view text);

class DocumentStore {
 public:
  // open - store (or replace) a document; returns it.
  Document& open(std::string uri, std::string language_id, std::string text, std::int64_t version);
  // change - apply one didChange's contentChanges; false (and the document
  // dropped) when a change cannot be applied.
  bool change(std::string_view uri, const Json& changes, std::optional<std::int64_t> version, Encoding e,
              std::string& error);
  void close(std::string_view uri);

  [[nodiscard]] Document* find(std::string_view uri);
  [[nodiscard]] const Document* find(std::string_view uri) const;
  // find_by_path - the open document of a file path, or nullptr.
  [[nodiscard]] const Document* find_by_path(std::string_view path) const;
  [[nodiscard]] const std::map<std::string, Document, std::less<>>& all() const { return docs_; }

 private:
  std::map<std::string, Document, std::less<>> docs_;
};

// apply_change - apply one TextDocumentContentChangeEvent to `text`.
bool apply_change(std::string& text, const Json& change, Encoding e, std::string& error);

}  // namespace pflint::lsp
