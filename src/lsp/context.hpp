// NAME
//   context — what every language-server feature handler is given.
// DESCRIPTION
//   The handlers (diagnostics, hover, completion, navigation, code actions,
//   symbols, inlay hints) are functions of a Context and the request's
//   params; they read documents and analyses and build their reply with the
//   reply's allocator. A handler that finds the params unusable throws
//   InvalidParams, which the server answers with -32602.
#pragma once

#include <span>
#include <stdexcept>
#include <string>

#include "lint/rule.hpp"
#include "lsp/documents.hpp"
#include "lsp/json.hpp"
#include "lsp/position.hpp"
#include "lsp/settings.hpp"
#include "lsp/workspace.hpp"

namespace pflint::lsp {

// What the client said it supports (initialize's capabilities).
struct ClientCaps {
  bool hover_markdown = false;         // textDocument.hover.contentFormat has "markdown"
  bool code_action_literals = false;   // textDocument.codeAction.codeActionLiteralSupport
  bool document_changes = false;       // workspace.workspaceEdit.documentChanges
  bool prepare_rename = false;         // textDocument.rename.prepareSupport
  bool pull_diagnostics = false;       // textDocument.diagnostic present
  bool diagnostic_refresh = false;     // workspace.diagnostics.refreshSupport
  bool inlay_hint_refresh = false;     // workspace.inlayHint.refreshSupport
  bool related_information = false;    // textDocument.publishDiagnostics.relatedInformation
  bool completion_snippets = false;    // completionItem.snippetSupport
  bool watched_files_dynamic = false;  // workspace.didChangeWatchedFiles.dynamicRegistration
};

struct InvalidParams : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// RequestFailed - the request is understood but cannot be done (-32803),
// e.g. renaming a built-in parameter.
struct RequestFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Context {
  DocumentStore& documents;
  Workspace& workspace;
  const Settings& settings;
  const ClientCaps& caps;
  Encoding encoding;
  Allocator& alloc;
  std::span<const lint::Rule> rules;
};

// The document a request names (params.textDocument.uri); throws
// InvalidParams when it is missing or not open.
const Document& document_param(const Context& cx, const Json& params);
// The position of a request (params.position); throws InvalidParams.
LspPosition position_param(const Json& params);

// range_json - {start, end} of byte span [begin, end) in `index`.
Json range_json(const LineIndex& index, std::uint32_t begin, std::uint32_t end, Encoding e, Allocator& a);
Json position_json(LspPosition p, Allocator& a);

// Parsed file of the analysis that holds `d`'s text, or nullptr.
const config::ParsedFile* parsed_file_of(const Analysis& a, const Document& d);

}  // namespace pflint::lsp
