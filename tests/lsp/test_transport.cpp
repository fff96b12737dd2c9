// NAME
//   test_transport — LSP framing over a pipe: headers, limits, recovery.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "lsp/transport.hpp"

using pflint::lsp::MessageReader;

namespace {

// PipeInput - `bytes` as a readable descriptor (fds[0]) that ends after them:
// a temporary file, since a pipe would block the writer past 64 KiB.
struct PipeInput {
  std::FILE* file = nullptr;
  int fds[1] = {-1};
  explicit PipeInput(const std::string& bytes) {
    file = std::tmpfile();
    REQUIRE(file != nullptr);
    fds[0] = ::fileno(file);
    REQUIRE(::write(fds[0], bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
    REQUIRE(::lseek(fds[0], 0, SEEK_SET) == 0);
  }
  ~PipeInput() { std::fclose(file); }
};

}  // namespace

TEST_CASE("lsp.transport: headers are case-insensitive, unknown ones ignored, the last length counts") {
  PipeInput in("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"
               "CONTENT-LENGTH: 99\r\nContent-Length: 3\r\n\r\n[1]"
               "Content-Length: 2\n\n{}");
  MessageReader r(in.fds[0]);
  auto m = r.next();
  CHECK(m.status == MessageReader::Status::message);
  CHECK(m.body == "{}");
  m = r.next();
  CHECK(m.status == MessageReader::Status::message);
  CHECK(m.body == "[1]");
  m = r.next();  // bare \n line ends are accepted too
  CHECK(m.status == MessageReader::Status::message);
  CHECK(m.body == "{}");
  CHECK(r.next().status == MessageReader::Status::eof);
}

TEST_CASE("lsp.transport: a body over the cap is skipped and the stream stays framed") {
  std::string big(100, 'x');
  PipeInput in("Content-Length: 100\r\n\r\n" + big + "Content-Length: 2\r\n\r\n{}");
  MessageReader r(in.fds[0], 50);
  auto m = r.next();
  CHECK(m.status == MessageReader::Status::too_large);
  m = r.next();
  CHECK(m.status == MessageReader::Status::message);
  CHECK(m.body == "{}");
}

TEST_CASE("lsp.transport: a bad or missing length drops that header block only") {
  PipeInput in("Content-Length: abc\r\n\r\nContent-Type: x\r\n\r\n\r\n\r\nContent-Length: 2\r\n\r\n{}");
  MessageReader r(in.fds[0]);
  CHECK(r.next().status == MessageReader::Status::bad_header);
  CHECK(r.next().status == MessageReader::Status::bad_header);
  auto m = r.next();  // stray empty lines are skipped
  CHECK(m.status == MessageReader::Status::message);
  CHECK(m.body == "{}");
}

TEST_CASE("lsp.transport: a huge announced length or a truncated body ends at EOF, no hang") {
  {
    PipeInput in("Content-Length: 99999999999\r\n\r\n{\"a\":1}");
    MessageReader r(in.fds[0]);
    CHECK(r.next().status == MessageReader::Status::eof);
  }
  {
    PipeInput in("Content-Length: 10\r\n\r\n{}");
    MessageReader r(in.fds[0]);
    CHECK(r.next().status == MessageReader::Status::eof);
  }
  {
    PipeInput in(std::string(70000, 'h'));
    MessageReader r(in.fds[0]);
    CHECK(r.next().status == MessageReader::Status::bad_header);
    CHECK(r.next().status == MessageReader::Status::eof);
  }
}

TEST_CASE("lsp.transport: write_message frames the body") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  REQUIRE(pflint::lsp::write_message(fds[1], "{\"x\":1}"));
  ::close(fds[1]);
  MessageReader r(fds[0]);
  const auto m = r.next();
  CHECK(m.body == "{\"x\":1}");
  ::close(fds[0]);
}
