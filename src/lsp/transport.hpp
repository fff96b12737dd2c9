// NAME
//   transport — LSP base protocol framing over file descriptors.
// DESCRIPTION
//   A message is a header block (lines ending in "\r\n", a bare "\n" is
//   accepted too, then an empty line) and a body of Content-Length bytes.
//   Header names are matched case-insensitively; unknown headers are
//   ignored; of duplicate Content-Length headers the last counts (as
//   clangd). A header block without a usable length is dropped and reading
//   goes on after it. A body longer than the cap is skipped byte for byte,
//   so the stream stays framed, and reported as `too_large`. Reads retry on
//   EINTR; writes put header and body out in one buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace pflint::lsp {

inline constexpr std::size_t k_max_body_bytes = std::size_t{64} << 20;  // 64 MiB
inline constexpr std::size_t k_max_header_bytes = std::size_t{64} << 10;

class MessageReader {
 public:
  explicit MessageReader(int fd, std::size_t max_body = k_max_body_bytes) : fd_(fd), max_body_(max_body) {}

  enum class Status : std::uint8_t {
    message,     // `body` holds one message
    eof,         // the input ended (cleanly or inside a message)
    bad_header,  // a header block without a valid Content-Length was dropped
    too_large,   // a body over the cap was skipped
  };
  struct Result {
    Status status;
    std::string body;
    std::string detail;  // for bad_header / too_large: what was wrong
  };

  // next - block until the next message (or a framing problem) arrives.
  Result next();
  // watch - while waiting for input, call `alive` every second; when it
  // says false (the client's process is gone), the input counts as ended.
  void watch(std::function<bool()> alive) { alive_ = std::move(alive); }
  // ready - would next() return without blocking (input buffered or readable now)?
  [[nodiscard]] bool ready();

 private:
  // read_one - one step of next(): nullopt for a stray empty line.
  std::optional<Result> read_one();
  bool fill();  // read more bytes into buf_; false at EOF or on a read error
  int fd_;
  std::size_t max_body_;
  std::string buf_;
  std::size_t pos_ = 0;
  bool eof_ = false;
  std::function<bool()> alive_;
};

// write_message - frame `body` and write it to `fd`; false when the peer
// is gone (EPIPE) or the write fails.
bool write_message(int fd, const std::string& body);

}  // namespace pflint::lsp
