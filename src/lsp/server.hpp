// NAME
//   server — the pflint language server: lifecycle, dispatch, publishing.
// DESCRIPTION
//   handle() takes one message body and answers through `send`: exactly one
//   reply per request, whatever happens in the handler (an exception becomes
//   -32603, unusable params -32602). The error codes follow LSP 3.17:
//   -32700 for a body that is not JSON (id null), -32600 for JSON that is no
//   request or notification, for a second initialize and for requests after
//   shutdown, -32002 for requests before initialize, -32601 for unknown
//   methods (and every "$/" request), -32800 for a cancelled request.
//   Notifications before initialize are dropped, except exit.
//   Edits are applied as they come; linting waits for flush(), which the
//   loop calls once the input that is already readable has been handled, so
//   a burst of didChange for one document is linted once, at its newest text.
//   flush() publishes the diagnostics of every open document whose config
//   directory changed (an edit of main.cf re-publishes master.cf and the
//   policy tables), unless the client pulls diagnostics.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "lint/rule.hpp"
#include "lsp/context.hpp"

namespace pflint::lsp {

struct ServerOptions {
  Settings settings;                       // from the command line
  std::optional<Encoding> forced_encoding;  // --offset-encoding
  std::string version = "0";               // serverInfo.version
};

class Server {
 public:
  using Send = std::function<void(const std::string& body)>;
  using Log = std::function<void(const std::string& line)>;

  Server(ServerOptions options, std::span<const lint::Rule> rules, Send send, Log log);

  // handle - one message body (framing already removed).
  void handle(const std::string& body);
  // flush - lint what changed and publish; call when no input is waiting.
  void flush();
  // note_cancelled - requests with these ids (serialised JSON) are answered
  // with -32800 when they come up.
  void note_cancelled(const std::string& id) { cancelled_.insert(id); }

  [[nodiscard]] bool exited() const { return exit_code_.has_value(); }
  // exit_code - 0 after shutdown + exit, 1 for exit without shutdown.
  [[nodiscard]] int exit_code() const { return exit_code_.value_or(shutdown_ ? 0 : 1); }
  // parent_pid - initialize's processId, if the client gave one.
  [[nodiscard]] std::optional<std::int64_t> parent_pid() const { return parent_pid_; }

 private:
  void request(const Json& id, std::string_view method, const Json* params);
  void notification(std::string_view method, const Json* params);
  void reply(const Json& id, Json result, rapidjson::Document& doc);
  void reply_error(const Json& id, int code, const std::string& message);
  void send_notification(std::string_view method, Json params, rapidjson::Document& doc);
  void send_request(std::string_view method, Json params, rapidjson::Document& doc);
  Json initialize(const Json* params, Allocator& a);
  void mark_changed(const std::string& path);
  void publish(const std::string& uri, const std::string& path, rapidjson::Document& doc);
  void log_settings_problems(const std::vector<std::string>& problems);

  ServerOptions options_;
  std::span<const lint::Rule> rules_;
  Send send_;
  Log log_;
  Settings settings_;
  ClientCaps caps_;
  Encoding encoding_ = Encoding::utf16;
  DocumentStore documents_;
  Workspace workspace_;
  bool initialized_ = false;
  bool shutdown_ = false;
  std::optional<int> exit_code_;
  std::optional<std::int64_t> parent_pid_;
  std::set<std::string> cancelled_;
  std::set<std::string> dirty_dirs_;         // config dirs whose documents need publishing
  std::set<std::string> published_;          // URIs with non-empty diagnostics published
  std::int64_t next_request_id_ = 1;
};

// run_stdio - serve on stdin/stdout until exit or EOF; the exit status.
int run_stdio(ServerOptions options, std::span<const lint::Rule> rules);

// run_lit_test - read a transcript (messages separated by lines "---",
// lines starting with '#' ignored), handle each message, and print every
// message the server sends, pretty-printed with sorted keys, each followed
// by a line "---". The exit status is the server's.
int run_lit_test(std::string_view transcript, ServerOptions options, std::span<const lint::Rule> rules,
                 std::FILE* out);

}  // namespace pflint::lsp
