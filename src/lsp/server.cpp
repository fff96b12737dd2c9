// NAME
//   server — the pflint language server (server.hpp).
#include "lsp/server.hpp"

#include <csignal>
#include <cstdio>
#include <map>
#include <signal.h>
#include <unistd.h>

#include "lsp/features.hpp"
#include "lsp/transport.hpp"
#include "lsp/uri.hpp"

namespace pflint::lsp {
namespace {

// JSON-RPC / LSP error codes.
constexpr int k_parse_error = -32700;
constexpr int k_invalid_request = -32600;
constexpr int k_method_not_found = -32601;
constexpr int k_invalid_params = -32602;
constexpr int k_internal_error = -32603;
constexpr int k_server_not_initialized = -32002;
constexpr int k_request_cancelled = -32800;
constexpr int k_request_failed = -32803;

using Handler = Json (*)(Context&, const Json&);

const std::map<std::string_view, Handler>& handlers() {
  static const std::map<std::string_view, Handler> table = {
      {"textDocument/hover", hover},
      {"textDocument/completion", completion},
      {"textDocument/definition", definition},
      {"textDocument/references", references},
      {"textDocument/prepareRename", prepare_rename},
      {"textDocument/rename", rename},
      {"textDocument/codeAction", code_actions},
      {"textDocument/documentSymbol", document_symbols},
      {"textDocument/foldingRange", folding_ranges},
      {"textDocument/inlayHint", inlay_hints},
      {"textDocument/documentLink", document_links},
      {"textDocument/diagnostic", pull_diagnostics},
  };
  return table;
}

Json array_of(std::initializer_list<std::string_view> items, Allocator& a) {
  Json arr(rapidjson::kArrayType);
  for (const auto s : items) arr.PushBack(string_value(s, a), a);
  return arr;
}

bool has_string(const Json* array, std::string_view value) {
  if (array == nullptr || !array->IsArray()) return false;
  for (const auto& e : array->GetArray()) {
    if (as_string(&e) == value) return true;
  }
  return false;
}

std::string parent_dir(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
}

}  // namespace

Server::Server(ServerOptions options, std::span<const lint::Rule> rules, Send send, Log log)
    : options_(std::move(options)),
      rules_(rules),
      send_(std::move(send)),
      log_(std::move(log)),
      settings_(options_.settings),
      workspace_(documents_, settings_, rules_) {}

void Server::reply(const Json& id, Json result, rapidjson::Document& doc) {
  Allocator& a = doc.GetAllocator();
  Json msg(rapidjson::kObjectType);
  add(msg, "jsonrpc", "2.0", a);
  add(msg, "id", Json(id, a), a);
  add(msg, "result", std::move(result), a);
  send_(serialize(msg));
}

void Server::reply_error(const Json& id, int code, const std::string& message) {
  rapidjson::Document doc;
  Allocator& a = doc.GetAllocator();
  Json msg(rapidjson::kObjectType);
  add(msg, "jsonrpc", "2.0", a);
  add(msg, "id", Json(id, a), a);
  Json error(rapidjson::kObjectType);
  add(error, "code", static_cast<std::int64_t>(code), a);
  add(error, "message", message, a);
  add(msg, "error", std::move(error), a);
  send_(serialize(msg));
}

void Server::send_notification(std::string_view method, Json params, rapidjson::Document& doc) {
  Allocator& a = doc.GetAllocator();
  Json msg(rapidjson::kObjectType);
  add(msg, "jsonrpc", "2.0", a);
  add(msg, "method", method, a);
  add(msg, "params", std::move(params), a);
  send_(serialize(msg));
}

void Server::send_request(std::string_view method, Json params, rapidjson::Document& doc) {
  Allocator& a = doc.GetAllocator();
  Json msg(rapidjson::kObjectType);
  add(msg, "jsonrpc", "2.0", a);
  add(msg, "id", "pflint-" + std::to_string(next_request_id_++), a);
  add(msg, "method", method, a);
  add(msg, "params", std::move(params), a);
  send_(serialize(msg));
}

void Server::log_settings_problems(const std::vector<std::string>& problems) {
  for (const auto& p : problems) {
    log_("settings: " + p);
    rapidjson::Document doc;
    Json params(rapidjson::kObjectType);
    add(params, "type", std::int64_t{2}, doc.GetAllocator());
    add(params, "message", "pflint: " + p, doc.GetAllocator());
    send_notification("window/showMessage", std::move(params), doc);
  }
}

void Server::handle(const std::string& body) {
  rapidjson::Document in;
  std::string error;
  const Json null_id;
  if (!parse_message(body, in, error)) {
    log_("unparseable message: " + error);
    reply_error(null_id, k_parse_error, "Parse error: " + error);
    return;
  }
  if (!in.IsObject()) {
    reply_error(null_id, k_invalid_request, "Invalid request: a message must be a JSON object");
    return;
  }
  const Json* id = member(&in, "id");
  const bool id_ok = id != nullptr && (id->IsString() || id->IsInt64() || id->IsUint64());
  const Json* method = member(&in, "method");
  if (method == nullptr) {
    // A response to one of our requests (workspace/diagnostic/refresh, ...): nothing to do.
    if (id != nullptr && (member(&in, "result") != nullptr || member(&in, "error") != nullptr)) return;
    reply_error(id_ok ? *id : null_id, k_invalid_request, "Invalid request: no method");
    return;
  }
  if (!method->IsString()) {
    reply_error(id_ok ? *id : null_id, k_invalid_request, "Invalid request: method is not a string");
    return;
  }
  if (get_string(&in, "jsonrpc") != "2.0") {
    if (id != nullptr) reply_error(id_ok ? *id : null_id, k_invalid_request, "Invalid request: jsonrpc must be \"2.0\"");
    return;
  }
  const std::string_view name(method->GetString(), method->GetStringLength());
  const Json* params = member(&in, "params");
  if (id == nullptr) {
    notification(name, params);
    return;
  }
  if (!id_ok) {
    reply_error(null_id, k_invalid_request, "Invalid request: id must be a string or an integer");
    return;
  }
  request(*id, name, params);
}

void Server::request(const Json& id, std::string_view method, const Json* params) {
  const std::string key = serialize(id);
  if (cancelled_.erase(key) != 0) {
    reply_error(id, k_request_cancelled, "Request cancelled");
    return;
  }
  if (method == "initialize") {
    if (initialized_) {
      reply_error(id, k_invalid_request, "Invalid request: initialize was already received");
      return;
    }
    rapidjson::Document doc;
    Json result = initialize(params, doc.GetAllocator());
    initialized_ = true;
    reply(id, std::move(result), doc);
    return;
  }
  if (!initialized_) {
    reply_error(id, k_server_not_initialized, "Server not initialized: send initialize first");
    return;
  }
  if (shutdown_) {
    reply_error(id, k_invalid_request, "Invalid request: the server is shutting down");
    return;
  }
  if (method == "shutdown") {
    shutdown_ = true;
    rapidjson::Document doc;
    reply(id, Json(rapidjson::kNullType), doc);
    return;
  }
  const auto it = handlers().find(method);
  if (it == handlers().end()) {
    reply_error(id, k_method_not_found, "Method not found: " + std::string(method));
    return;
  }
  static const Json empty_params(rapidjson::kObjectType);
  const Json& p = params != nullptr ? *params : empty_params;
  if (!p.IsObject()) {
    reply_error(id, k_invalid_params, "Invalid params: params must be an object");
    return;
  }
  rapidjson::Document doc;
  try {
    Context cx{documents_, workspace_, settings_, caps_, encoding_, doc.GetAllocator(), rules_};
    Json result = it->second(cx, p);
    reply(id, std::move(result), doc);
  } catch (const InvalidParams& e) {
    reply_error(id, k_invalid_params, std::string("Invalid params: ") + e.what());
  } catch (const RequestFailed& e) {
    reply_error(id, k_request_failed, e.what());
  } catch (const std::exception& e) {
    log_(std::string(method) + " failed: " + e.what());
    reply_error(id, k_internal_error, std::string("Internal error: ") + e.what());
  }
}

Json Server::initialize(const Json* params, Allocator& a) {
  const Json* caps = get_object(params, "capabilities");
  if (const auto pid = get_int(params, "processId")) parent_pid_ = *pid;
  const Json* text = get_object(caps, "textDocument");
  caps_.hover_markdown = has_string(path(text, {"hover", "contentFormat"}), "markdown");
  caps_.code_action_literals = get_object(get_object(text, "codeAction"), "codeActionLiteralSupport") != nullptr;
  caps_.document_changes = get_bool(path(caps, {"workspace", "workspaceEdit"}), "documentChanges").value_or(false);
  caps_.prepare_rename = get_bool(get_object(text, "rename"), "prepareSupport").value_or(false);
  caps_.pull_diagnostics = get_object(text, "diagnostic") != nullptr;
  caps_.diagnostic_refresh = get_bool(path(caps, {"workspace", "diagnostics"}), "refreshSupport").value_or(false);
  caps_.inlay_hint_refresh = get_bool(path(caps, {"workspace", "inlayHint"}), "refreshSupport").value_or(false);
  caps_.related_information =
      get_bool(get_object(text, "publishDiagnostics"), "relatedInformation").value_or(false);
  caps_.completion_snippets =
      get_bool(path(text, {"completion", "completionItem"}), "snippetSupport").value_or(false);
  caps_.watched_files_dynamic =
      get_bool(path(caps, {"workspace", "didChangeWatchedFiles"}), "dynamicRegistration").value_or(false);

  // Position encoding: the client's first choice that we speak; UTF-16 otherwise.
  encoding_ = Encoding::utf16;
  if (options_.forced_encoding) {
    encoding_ = *options_.forced_encoding;
  } else if (const Json* offered = path(caps, {"general", "positionEncodings"}); offered && offered->IsArray()) {
    for (const auto& e : offered->GetArray()) {
      const auto s = as_string(&e);
      if (s == "utf-8") encoding_ = Encoding::utf8;
      else if (s == "utf-32") encoding_ = Encoding::utf32;
      else if (s == "utf-16") encoding_ = Encoding::utf16;
      else continue;
      break;
    }
  }
  if (const Json* init = member(params, "initializationOptions"); init != nullptr) {
    std::vector<std::string> problems;
    apply_settings(*init, settings_, problems);
    log_settings_problems(problems);
  }

  Json c(rapidjson::kObjectType);
  add(c, "positionEncoding", to_string(encoding_), a);
  Json sync(rapidjson::kObjectType);
  add(sync, "openClose", true, a);
  add(sync, "change", std::int64_t{2}, a);  // incremental
  Json save(rapidjson::kObjectType);
  add(save, "includeText", false, a);
  add(sync, "save", std::move(save), a);
  add(c, "textDocumentSync", std::move(sync), a);
  add(c, "hoverProvider", true, a);
  Json completion(rapidjson::kObjectType);
  add(completion, "triggerCharacters", array_of({"$", "{", "(", "=", ",", ":", " "}, a), a);
  add(c, "completionProvider", std::move(completion), a);
  add(c, "definitionProvider", true, a);
  add(c, "referencesProvider", true, a);
  if (caps_.prepare_rename) {
    Json rename(rapidjson::kObjectType);
    add(rename, "prepareProvider", true, a);
    add(c, "renameProvider", std::move(rename), a);
  } else {
    add(c, "renameProvider", true, a);
  }
  if (caps_.code_action_literals) {
    Json actions(rapidjson::kObjectType);
    add(actions, "codeActionKinds", array_of({"quickfix"}, a), a);
    add(c, "codeActionProvider", std::move(actions), a);
  } else {
    add(c, "codeActionProvider", true, a);
  }
  add(c, "documentSymbolProvider", true, a);
  add(c, "foldingRangeProvider", true, a);
  add(c, "inlayHintProvider", true, a);
  Json links(rapidjson::kObjectType);
  add(links, "resolveProvider", false, a);
  add(c, "documentLinkProvider", std::move(links), a);
  Json diagnostics(rapidjson::kObjectType);
  add(diagnostics, "identifier", "pflint", a);
  add(diagnostics, "interFileDependencies", true, a);
  add(diagnostics, "workspaceDiagnostics", false, a);
  add(c, "diagnosticProvider", std::move(diagnostics), a);

  Json result(rapidjson::kObjectType);
  add(result, "capabilities", std::move(c), a);
  Json info(rapidjson::kObjectType);
  add(info, "name", "pflint", a);
  add(info, "version", options_.version, a);
  add(result, "serverInfo", std::move(info), a);
  return result;
}

void Server::mark_changed(const std::string& path) {
  for (auto& dir : workspace_.changed(path)) dirty_dirs_.insert(std::move(dir));
}

void Server::notification(std::string_view method, const Json* params) {
  if (method == "exit") {
    exit_code_ = shutdown_ ? 0 : 1;
    return;
  }
  if (!initialized_) return;  // dropped before initialize
  if (method == "$/cancelRequest") {
    if (const Json* id = member(params, "id"); id != nullptr && (id->IsString() || id->IsNumber())) {
      note_cancelled(serialize(*id));
    }
    return;
  }
  const Json* text_document = get_object(params, "textDocument");
  const auto uri = get_string(text_document, "uri");
  if (method == "textDocument/didOpen") {
    const auto text = get_string(text_document, "text");
    if (!uri || !text) {
      log_("didOpen without textDocument.uri or text: ignored");
      return;
    }
    const auto language = get_string(text_document, "languageId").value_or("");
    const Document& d = documents_.open(std::string(*uri), std::string(language), std::string(*text),
                                        get_int(text_document, "version").value_or(0));
    if (d.path) mark_changed(*d.path);
    else log_("didOpen of " + std::string(*uri) + ": not a file: URI, no config directory to check");
    return;
  }
  if (method == "textDocument/didChange") {
    const Json* changes = get_array(params, "contentChanges");
    if (!uri || changes == nullptr) {
      log_("didChange without textDocument.uri or contentChanges: ignored");
      return;
    }
    const Document* before = documents_.find(*uri);
    const std::optional<std::string> path_before = before != nullptr ? before->path : std::nullopt;
    std::string error;
    if (!documents_.change(*uri, *changes, get_int(text_document, "version"), encoding_, error)) {
      log_("didChange of " + std::string(*uri) + ": " + error + "; the document is dropped until it is opened again");
    }
    if (path_before) mark_changed(*path_before);
    return;
  }
  if (method == "textDocument/didClose") {
    if (!uri) return;
    const Document* d = documents_.find(*uri);
    const std::optional<std::string> path = d != nullptr ? d->path : std::nullopt;
    documents_.close(*uri);
    if (published_.erase(std::string(*uri)) != 0 && !caps_.pull_diagnostics) {
      rapidjson::Document doc;
      Json p(rapidjson::kObjectType);
      add(p, "uri", *uri, doc.GetAllocator());
      add(p, "diagnostics", Json(rapidjson::kArrayType), doc.GetAllocator());
      send_notification("textDocument/publishDiagnostics", std::move(p), doc);
    }
    if (path) mark_changed(*path);  // the disk file takes the buffer's place
    return;
  }
  if (method == "textDocument/didSave") {
    if (uri) {
      if (const Document* d = documents_.find(*uri); d != nullptr && d->path) mark_changed(*d->path);
    }
    return;
  }
  if (method == "workspace/didChangeWatchedFiles") {
    const Json* changes = get_array(params, "changes");
    if (changes == nullptr) return;
    for (const auto& c : changes->GetArray()) {
      const auto changed_uri = get_string(&c, "uri");
      const auto path = changed_uri ? uri_to_path(*changed_uri) : std::nullopt;
      if (!path) continue;
      // A compiled table (tls_policy.db) stands for its source file.
      std::string p = *path;
      if (p.size() > 3 && p.compare(p.size() - 3, 3, ".db") == 0) p.resize(p.size() - 3);
      mark_changed(p);
    }
    return;
  }
  if (method == "workspace/didChangeConfiguration") {
    if (const Json* s = member(params, "settings"); s != nullptr) {
      std::vector<std::string> problems;
      apply_settings(*s, settings_, problems);
      log_settings_problems(problems);
      for (auto& dir : workspace_.forget_all()) dirty_dirs_.insert(std::move(dir));
      for (const auto& [u, d] : documents_.all()) {
        if (d.path) dirty_dirs_.insert(parent_dir(*d.path));
      }
    }
    return;
  }
  // initialized, $/setTrace, $/progress, and anything unknown: nothing to do.
}

void Server::flush() {
  if (dirty_dirs_.empty()) return;
  const std::set<std::string> dirs = std::move(dirty_dirs_);
  dirty_dirs_.clear();
  rapidjson::Document doc;
  if (caps_.pull_diagnostics) {
    if (caps_.diagnostic_refresh) send_request("workspace/diagnostic/refresh", Json(rapidjson::kNullType), doc);
    return;
  }
  // Every open document that one of the changed analyses covers, with its
  // findings from all of them (a table may be read by several configs).
  std::map<std::string, Json> by_uri;
  Context cx{documents_, workspace_, settings_, caps_, encoding_, doc.GetAllocator(), rules_};
  for (const auto& dir : dirs) {
    const Analysis& a = workspace_.analysis(dir);
    for (const auto& [uri, d] : documents_.all()) {
      if (!d.path) continue;
      if (parent_dir(*d.path) != dir && a.inputs.count(*d.path) == 0) continue;
      Json list = file_diagnostics(cx, a, *d.path);
      auto it = by_uri.try_emplace(uri, rapidjson::kArrayType).first;
      for (auto& item : list.GetArray()) it->second.PushBack(Json(item, doc.GetAllocator()), doc.GetAllocator());
    }
  }
  for (auto& [uri, list] : by_uri) {
    const Document* d = documents_.find(uri);
    Json p(rapidjson::kObjectType);
    add(p, "uri", uri, doc.GetAllocator());
    if (d != nullptr) add(p, "version", d->version, doc.GetAllocator());
    if (list.Empty()) published_.erase(uri);
    else published_.insert(uri);
    add(p, "diagnostics", std::move(list), doc.GetAllocator());
    send_notification("textDocument/publishDiagnostics", std::move(p), doc);
  }
}

int run_stdio(ServerOptions options, std::span<const lint::Rule> rules) {
  std::signal(SIGPIPE, SIG_IGN);
  bool peer_gone = false;
  const auto send = [&peer_gone](const std::string& body) {
    if (!peer_gone && !write_message(STDOUT_FILENO, body)) peer_gone = true;
  };
  const auto log = [](const std::string& line) { std::fprintf(stderr, "pflint lsp: %s\n", line.c_str()); };
  Server server(std::move(options), rules, send, log);
  MessageReader reader(STDIN_FILENO);
  bool watching = false;
  while (!server.exited() && !peer_gone) {
    if (!watching && server.parent_pid()) {
      const auto pid = static_cast<pid_t>(*server.parent_pid());
      if (pid > 0) reader.watch([pid] { return ::kill(pid, 0) == 0 || errno == EPERM; });
      watching = true;
    }
    // One batch: what is readable now, so queued edits are linted once and
    // cancellations are seen before the requests they cancel.
    std::vector<std::string> batch;
    bool ended = false;
    do {
      auto r = reader.next();
      switch (r.status) {
        case MessageReader::Status::message: batch.push_back(std::move(r.body)); break;
        case MessageReader::Status::eof: ended = true; break;
        case MessageReader::Status::bad_header: log("dropped a message: " + r.detail); break;
        case MessageReader::Status::too_large: log("dropped a message: " + r.detail); break;
      }
    } while (!ended && batch.size() < 1024 && reader.ready());
    for (const auto& body : batch) {
      if (body.find("$/cancelRequest") == std::string::npos) continue;
      rapidjson::Document d;
      std::string error;
      if (!parse_message(body, d, error) || get_string(&d, "method") != "$/cancelRequest") continue;
      if (const Json* id = member(get_object(&d, "params"), "id"); id != nullptr && (id->IsString() || id->IsNumber())) {
        server.note_cancelled(serialize(*id));
      }
    }
    for (const auto& body : batch) {
      server.handle(body);
      if (server.exited()) break;
    }
    if (!server.exited()) server.flush();
    if (ended) break;
  }
  return server.exit_code();
}

int run_lit_test(std::string_view transcript, ServerOptions options, std::span<const lint::Rule> rules,
                 std::FILE* out) {
  const auto send = [out](const std::string& body) {
    rapidjson::Document d;
    std::string error;
    if (parse_message(body, d, error)) std::fprintf(out, "%s\n---\n", serialize_pretty(d).c_str());
    else std::fprintf(out, "<unparseable reply: %s>\n---\n", error.c_str());
  };
  const auto log = [](const std::string& line) { std::fprintf(stderr, "pflint lsp: %s\n", line.c_str()); };
  Server server(std::move(options), rules, send, log);
  std::string message;
  const auto deliver = [&] {
    if (message.find_first_not_of(" \t\r\n") != std::string::npos) {
      server.handle(message);
      if (!server.exited()) server.flush();
    }
    message.clear();
  };
  while (!transcript.empty() && !server.exited()) {
    const auto eol = transcript.find('\n');
    std::string_view line = transcript.substr(0, eol);
    transcript = eol == std::string_view::npos ? std::string_view() : transcript.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.substr(0, 1) == "#") continue;
    if (line == "---") {
      deliver();
      continue;
    }
    message.append(line);
    message += '\n';
  }
  if (!server.exited()) deliver();
  return server.exit_code();
}

}  // namespace pflint::lsp
