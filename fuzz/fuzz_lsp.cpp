// NAME
//   fuzz_lsp — libFuzzer target: the language server's message stream.
// DESCRIPTION
//   The input goes through the framing reader (MessageReader) as raw bytes,
//   and, split at lines "---" as in `pflint lsp --lit-test`, message by
//   message through Server::handle() and flush(): lifecycle, dispatch and
//   every feature handler, over documents the input opens and edits.
//   Properties: every message the server sends is one JSON object with
//   "jsonrpc": "2.0"; no request gets more than one reply.
// USAGE
//   fuzz/run.sh build/asan/fuzz/fuzz_lsp - [libFuzzer options]   (fuzz/README.md)
#include <rapidjson/document.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>

#include "lsp/json.hpp"
#include "lsp/server.hpp"
#include "lsp/transport.hpp"
#include "props.hpp"
#include "rules/registry.hpp"

namespace {

using pflint::fuzz::require;

void through_reader(const std::string& input) {
  std::FILE* f = std::tmpfile();
  if (f == nullptr) return;
  if (::write(::fileno(f), input.data(), input.size()) == static_cast<ssize_t>(input.size()) &&
      ::lseek(::fileno(f), 0, SEEK_SET) == 0) {
    pflint::lsp::MessageReader reader(::fileno(f), 1 << 16);
    for (int i = 0; i < 10000; ++i) {
      if (reader.next().status == pflint::lsp::MessageReader::Status::eof) break;
    }
  }
  std::fclose(f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = pflint::fuzz::as_text(data, size);
  through_reader(input);

  std::map<std::string, int> replies;  // serialised id → replies seen
  const auto send = [&replies](const std::string& body) {
    rapidjson::Document d;
    std::string error;
    require(pflint::lsp::parse_message(body, d, error), "the server sent a message that is not JSON");
    require(d.IsObject() && pflint::lsp::get_string(&d, "jsonrpc") == "2.0", "a message without jsonrpc 2.0");
    const pflint::lsp::Json* id = pflint::lsp::member(&d, "id");
    const bool is_reply = pflint::lsp::member(&d, "method") == nullptr;
    if (is_reply && id != nullptr && !id->IsNull()) {
      require(++replies[pflint::lsp::serialize(*id)] <= 1, "a request got two replies");
    }
  };
  pflint::lsp::Server server({}, pflint::rules::all_rules(), send, [](const std::string&) {});
  std::string_view rest(input);
  std::string message;
  while (!server.exited()) {
    const auto eol = rest.find('\n');
    const std::string_view line = rest.substr(0, eol);
    const bool last = eol == std::string_view::npos;
    if (line == "---" || last) {
      if (last) message.append(line);
      // Ids may repeat across messages in a fuzzed stream: count per message.
      replies.clear();
      server.handle(message);
      server.flush();
      message.clear();
      if (last) break;
    } else {
      message.append(line);
      message += '\n';
    }
    rest = rest.substr(eol + 1);
  }
  return 0;
}
