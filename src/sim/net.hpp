// NAME
//   net — sockets with a deadline on every operation: socket pairs, a
//   127.0.0.1-only listener, an outgoing TCP connection, and an SMTP line
//   channel that can switch to TLS.
// DESCRIPTION
//   All descriptors are non-blocking; every read, write, accept, connect
//   and TLS handshake step waits with poll(2) for at most the channel's
//   timeout. The listener binds 127.0.0.1 and nothing else.
// DIAGNOSTICS
//   Operations return false / nullopt and set Channel::error ("timeout",
//   "lost connection", the OpenSSL error text, ...).
// SEE ALSO
//   src/util/timed_read.c, src/tls/tls_bio_ops.c (tls_bio) in Postfix.
#pragma once

#include <openssl/ssl.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pflint::sim {

using millis = std::chrono::milliseconds;

// socket_pair - two connected non-blocking stream sockets; false on failure.
bool socket_pair(int fds[2]);
// listen_loopback - a listening socket on 127.0.0.1:port (0: any free port); -1 + error.
int listen_loopback(unsigned port, std::string& error);
// bound_port - the local port of a socket.
unsigned bound_port(int fd);
// accept_within - accept one connection, waiting at most `timeout`; -1 on timeout/error.
int accept_within(int listen_fd, millis timeout);
// connect_tcp - connect to host:port within `timeout`; -1 + error. `address` gets the numeric address.
int connect_tcp(const std::string& host, unsigned port, millis timeout, std::string& address, std::string& error);

// An SMTP conversation endpoint: CRLF lines over a socket, then over TLS.
class Channel {
 public:
  Channel(int fd, millis timeout);
  ~Channel();
  Channel(const Channel&) = delete;
  Channel& operator=(const Channel&) = delete;

  bool write_line(std::string_view line);
  // read_line - one line without CRLF.
  std::optional<std::string> read_line();
  // read_reply - an SMTP reply (all lines of a multi-line reply).
  std::optional<std::vector<std::string>> read_reply();
  // handshake - run SSL_connect/SSL_accept on this socket; afterwards lines go over TLS.
  bool handshake(SSL* ssl, bool client);
  // shutdown_tls - send close_notify (best effort).
  void shutdown_tls();
  // close - close the socket now.
  void close();
  [[nodiscard]] int fd() const { return fd_; }
  [[nodiscard]] const std::string& error() const { return error_; }
  // pending_plaintext - bytes read ahead of the TLS handshake (must be none).
  [[nodiscard]] bool pending_plaintext() const { return !buffer_.empty(); }

 private:
  bool wait(short events);
  bool fill();
  int fd_;
  millis timeout_;
  SSL* ssl_ = nullptr;
  std::string buffer_;
  std::string error_;
};

}  // namespace pflint::sim
