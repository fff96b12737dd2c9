// NAME
//   read_file — read_file() (see read_file.hpp).
#include "util/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace pflint::util {

std::optional<std::string> read_file(const std::string& path, std::string& error, std::size_t limit) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::optional<std::string> data = read_fd(fd, error, limit);
  ::close(fd);
  return data;
}

std::optional<std::string> read_fd(int fd, std::string& error, std::size_t limit) {
  // Read straight into the string: st_size + 1 bytes, so a file that did
  // not grow ends on the first short read; grow and go on if it did.
  std::string data;
  struct stat st {};
  std::size_t capacity = 65536;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    if (static_cast<std::uint64_t>(st.st_size) > limit) {
      error = k_too_large;
      return std::nullopt;
    }
    capacity = static_cast<std::size_t>(st.st_size) + 1;
  }
  std::size_t used = 0;
  data.resize(capacity);
  while (true) {
    if (used == data.size()) data.resize(data.size() * 2);
    const ssize_t n = ::read(fd, data.data() + used, data.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
    if (used > limit) {
      error = k_too_large;
      return std::nullopt;
    }
  }
  data.resize(used);
  return data;
}

}  // namespace pflint::util
