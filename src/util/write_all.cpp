// NAME
//   write_all — write_all() (see write_all.hpp).
#include "util/write_all.hpp"

#include <unistd.h>

#include <cerrno>

namespace pflint::util {

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace pflint::util
