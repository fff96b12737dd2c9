// NAME
//   net — deadline-bounded sockets and the SMTP line channel (see net.hpp).
#include "sim/net.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <openssl/err.h>

#include "sim/ossl.hpp"

namespace pflint::sim {
namespace {

void set_nonblocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

bool poll_for(int fd, short events, millis timeout) {
  pollfd p{fd, events, 0};
  for (;;) {
    const int n = ::poll(&p, 1, static_cast<int>(timeout.count()));
    if (n < 0 && errno == EINTR) continue;
    return n > 0;
  }
}

}  // namespace

bool socket_pair(int fds[2]) {
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return false;
  set_nonblocking(fds[0]);
  set_nonblocking(fds[1]);
  return true;
}

int listen_loopback(unsigned port, std::string& error) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    error = std::strerror(errno);
    return -1;
  }
  const int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // 127.0.0.1 only, never INADDR_ANY
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, 64) != 0) {
    error = "bind 127.0.0.1:" + std::to_string(port) + ": " + std::strerror(errno);
    ::close(fd);
    return -1;
  }
  set_nonblocking(fd);
  return fd;
}

unsigned bound_port(int fd) {
  sockaddr_in addr{};
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  return ntohs(addr.sin_port);
}

int accept_within(int listen_fd, millis timeout) {
  if (!poll_for(listen_fd, POLLIN, timeout)) return -1;
  const int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
  return fd;
}

int connect_tcp(const std::string& host, unsigned port, millis timeout, std::string& address, std::string& error) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  if (const int rc = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &res); rc != 0) {
    error = "lookup " + host + ": " + gai_strerror(rc);
    return -1;
  }
  int fd = -1;
  for (addrinfo* ai = res; ai; ai = ai->ai_next) {
    fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
    if (fd < 0) continue;
    char buf[INET6_ADDRSTRLEN] = "";
    ::getnameinfo(ai->ai_addr, ai->ai_addrlen, buf, sizeof buf, nullptr, 0, NI_NUMERICHOST);
    address = buf;
    int rc = ::connect(fd, ai->ai_addr, ai->ai_addrlen);
    if (rc != 0 && errno == EINPROGRESS && poll_for(fd, POLLOUT, timeout)) {
      int err = 0;
      socklen_t len = sizeof err;
      ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
      rc = err == 0 ? 0 : -1;
      errno = err ? err : ETIMEDOUT;
    } else if (rc != 0 && errno == EINPROGRESS) {
      errno = ETIMEDOUT;
    }
    if (rc == 0) break;
    error = "connect to " + host + "[" + address + "]:" + std::to_string(port) + ": " + std::strerror(errno);
    ::close(fd);
    fd = -1;
  }
  ::freeaddrinfo(res);
  return fd;
}

Channel::Channel(int fd, millis timeout) : fd_(fd), timeout_(timeout) {}

Channel::~Channel() { close(); }

void Channel::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

bool Channel::wait(short events) {
  if (poll_for(fd_, events, timeout_)) return true;
  error_ = "timeout";
  return false;
}

bool Channel::write_line(std::string_view line) {
  std::string data(line);
  data += "\r\n";
  std::size_t done = 0;
  while (done < data.size()) {
    if (ssl_) {
      std::size_t n = 0;
      if (SSL_write_ex(ssl_, data.data() + done, data.size() - done, &n) == 1) {
        done += n;
        continue;
      }
      const int e = SSL_get_error(ssl_, 0);
      if (e == SSL_ERROR_WANT_READ ? wait(POLLIN) : e == SSL_ERROR_WANT_WRITE ? wait(POLLOUT) : false) continue;
      if (error_.empty()) error_ = "lost connection";
      return false;
    }
    const ssize_t n = ::send(fd_, data.data() + done, data.size() - done, MSG_NOSIGNAL);
    if (n > 0) {
      done += static_cast<std::size_t>(n);
    } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
      if (!wait(POLLOUT)) return false;
    } else {
      error_ = "lost connection";
      return false;
    }
  }
  return true;
}

bool Channel::fill() {
  char buf[4096];
  for (;;) {
    if (ssl_) {
      std::size_t n = 0;
      if (SSL_read_ex(ssl_, buf, sizeof buf, &n) == 1) {
        buffer_.append(buf, n);
        return true;
      }
      const int e = SSL_get_error(ssl_, 0);
      if (e == SSL_ERROR_WANT_READ ? wait(POLLIN) : e == SSL_ERROR_WANT_WRITE ? wait(POLLOUT) : false) continue;
      if (error_.empty()) error_ = "lost connection";
      return false;
    }
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n > 0) {
      buffer_.append(buf, static_cast<std::size_t>(n));
      return true;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
      if (!wait(POLLIN)) return false;
      continue;
    }
    error_ = "lost connection";
    return false;
  }
}

std::optional<std::string> Channel::read_line() {
  for (;;) {
    const std::size_t eol = buffer_.find('\n');
    if (eol != std::string::npos) {
      std::string line = buffer_.substr(0, eol);
      buffer_.erase(0, eol + 1);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return line;
    }
    if (buffer_.size() > 65536 || !fill()) return std::nullopt;
  }
}

std::optional<std::vector<std::string>> Channel::read_reply() {
  std::vector<std::string> lines;
  for (;;) {
    std::optional<std::string> line = read_line();
    if (!line) return std::nullopt;
    lines.push_back(*line);
    if (line->size() < 4 || (*line)[3] != '-') return lines;
  }
}

bool Channel::handshake(SSL* ssl, bool client) {
  SSL_set_fd(ssl, fd_);
  for (;;) {
    ERR_clear_error();
    const int rc = client ? SSL_connect(ssl) : SSL_accept(ssl);
    if (rc == 1) {
      ssl_ = ssl;
      return true;
    }
    const int e = SSL_get_error(ssl, rc);
    if (e == SSL_ERROR_WANT_READ && wait(POLLIN)) continue;
    if (e == SSL_ERROR_WANT_WRITE && wait(POLLOUT)) continue;
    if (error_.empty()) {
      error_ = error_text();
      if (error_.empty()) error_ = e == SSL_ERROR_SYSCALL || e == SSL_ERROR_ZERO_RETURN ? "lost connection" : "-1";
    }
    return false;
  }
}

void Channel::shutdown_tls() {
  if (ssl_) SSL_shutdown(ssl_);
  ssl_ = nullptr;
}

}  // namespace pflint::sim
