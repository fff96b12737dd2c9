// NAME
//   transport — LSP base protocol framing (transport.hpp).
#include "lsp/transport.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <optional>
#include <string_view>

#include "util/ascii.hpp"

namespace pflint::lsp {
namespace {

// header_length - the Content-Length of a header block (the last one), or
// nullopt with `why` when none is valid.
std::optional<std::size_t> header_length(std::string_view block, std::string& why) {
  std::optional<std::size_t> length;
  why = "no Content-Length header";
  while (!block.empty()) {
    const auto eol = block.find('\n');
    std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    if (!util::iequals(util::trim(line.substr(0, colon)), "content-length")) continue;
    const std::string_view digits = util::trim(line.substr(colon + 1));
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) {
      why = "bad Content-Length \"" + std::string(digits.substr(0, 40)) + "\"";
      length.reset();
      continue;
    }
    length = n;
  }
  return length;
}

}  // namespace

bool MessageReader::fill() {
  if (eof_) return false;
  if (pos_ > 0 && pos_ == buf_.size()) {
    buf_.clear();
    pos_ = 0;
  } else if (pos_ > (std::size_t{1} << 20)) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  char chunk[65536];
  for (;;) {
    if (alive_) {
      pollfd p{fd_, POLLIN, 0};
      const int ready = ::poll(&p, 1, 1000);
      if (ready < 0 && errno == EINTR) continue;
      if (ready == 0) {
        if (!alive_()) {
          eof_ = true;
          return false;
        }
        continue;
      }
    }
    const ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n > 0) {
      buf_.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    eof_ = true;
    return false;
  }
}

bool MessageReader::ready() {
  if (pos_ < buf_.size()) return true;
  if (eof_) return true;
  pollfd p{fd_, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0;
}

std::optional<MessageReader::Result> MessageReader::read_one() {
  // The header block: lines up to the first empty one. Offsets are kept
  // relative to pos_, since fill() may move the buffer's contents.
  std::size_t end = 0;         // length of the header block
  std::size_t body_start = 0;  // where the body begins
  std::size_t line = 0;        // start of the next line to look at
  for (;;) {
    const std::size_t nl = buf_.find('\n', pos_ + line);
    if (nl == std::string::npos) {
      if (buf_.size() - pos_ > k_max_header_bytes) {
        pos_ = buf_.size();
        return Result{Status::bad_header, {}, "header block longer than 64 KiB without an empty line"};
      }
      if (!fill()) return Result{Status::eof, {}, {}};
      continue;
    }
    std::string_view text(buf_.data() + pos_ + line, nl - pos_ - line);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty()) {
      end = line;
      body_start = nl + 1 - pos_;
      break;
    }
    line = nl + 1 - pos_;
  }
  const std::string_view block(buf_.data() + pos_, end);
  std::string why;
  const auto length = header_length(block, why);
  pos_ += body_start;
  if (!length) {
    // An empty header block (a stray blank line between messages) is no message at all.
    if (end == 0) return std::nullopt;
    return Result{Status::bad_header, {}, why};
  }
  if (*length > max_body_) {
    std::size_t left = *length;
    while (left > 0) {
      const std::size_t have = buf_.size() - pos_;
      const std::size_t take = have < left ? have : left;
      pos_ += take;
      left -= take;
      if (left > 0 && !fill()) return Result{Status::eof, {}, {}};
    }
    return Result{Status::too_large, {}, "body of " + std::to_string(*length) + " bytes skipped (the limit is " +
                                       std::to_string(max_body_) + ")"};
  }
  while (buf_.size() - pos_ < *length) {
    if (!fill()) return Result{Status::eof, {}, {}};
  }
  Result r{Status::message, buf_.substr(pos_, *length), {}};
  pos_ += *length;
  return r;
}

MessageReader::Result MessageReader::next() {
  for (;;) {
    if (auto r = read_one()) return std::move(*r);
  }
}

bool write_message(int fd, const std::string& body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out += body;
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = ::write(fd, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace pflint::lsp
