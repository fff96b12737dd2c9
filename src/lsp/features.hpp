// NAME
//   features — the language-server requests pflint answers, one file each.
// DESCRIPTION
//   Each takes the request's params and returns its result (a JSON value
//   built with cx.alloc); see the file of each for what it computes.
#pragma once

#include <string>
#include <vector>

#include "lsp/context.hpp"

namespace pflint::lsp {

// diagnostics.cpp - the LSP diagnostics of file `path` in analysis `a`
// (findings of the file, template skips, config-wide findings on main.cf).
Json file_diagnostics(const Context& cx, const Analysis& a, const std::string& path);
// textDocument/diagnostic (pull): a full report.
Json pull_diagnostics(Context& cx, const Json& params);

// code_actions.cpp - textDocument/codeAction: fixes and "disable" actions.
Json code_actions(Context& cx, const Json& params);

// hover.cpp - textDocument/hover.
Json hover(Context& cx, const Json& params);

// completion.cpp - textDocument/completion.
Json completion(Context& cx, const Json& params);

// navigation.cpp - definition, references, prepareRename, rename, documentLink.
Json definition(Context& cx, const Json& params);
Json references(Context& cx, const Json& params);
Json prepare_rename(Context& cx, const Json& params);
Json rename(Context& cx, const Json& params);
Json document_links(Context& cx, const Json& params);

// symbols.cpp - documentSymbol and foldingRange.
Json document_symbols(Context& cx, const Json& params);
Json folding_ranges(Context& cx, const Json& params);

// inlay_hints.cpp - textDocument/inlayHint (empty unless settings.inlay_hints).
Json inlay_hints(Context& cx, const Json& params);

// workspace_edit - a WorkspaceEdit for byte edits of files, in the form the
// client supports (documentChanges with versions, else changes by URI).
struct FileEdit {
  std::string path;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string text;
};
Json workspace_edit(const Context& cx, const std::vector<FileEdit>& edits);
// uri_of - the client's URI of an open file, else a file: URI of the path.
std::string uri_of(const Context& cx, const std::string& path);

}  // namespace pflint::lsp
