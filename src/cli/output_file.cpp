// NAME
//   output_file — reports to stdout, or atomically into a file.
#include "cli/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace pflint::cli {

bool write_output(const std::optional<std::string>& path, const std::function<void(std::FILE*)>& write,
                  std::string& error) {
  if (!path) {
    write(stdout);
    std::fflush(stdout);
    return true;
  }
  // Buffer in memory first, so a failure never leaves a partial report.
  char* data = nullptr;
  std::size_t size = 0;
  std::FILE* buffer = ::open_memstream(&data, &size);
  if (!buffer) {
    error = std::string("cannot buffer output: ") + std::strerror(errno);
    return false;
  }
  write(buffer);
  std::fclose(buffer);
  std::string tmp = *path + ".pflint-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  bool ok = fd >= 0;
  if (ok) {
    struct stat st {};
    ::fchmod(fd, ::stat(path->c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644);
    for (std::size_t done = 0; ok && done < size;) {
      const ssize_t n = ::write(fd, data + done, size - done);
      if (n < 0 && errno == EINTR) continue;
      ok = n > 0;
      if (ok) done += static_cast<std::size_t>(n);
    }
    ok = ok && ::fsync(fd) == 0;
    ok = (::close(fd) == 0) && ok;
    ok = ok && ::rename(tmp.c_str(), path->c_str()) == 0;
  }
  if (!ok) {
    error = *path + ": " + std::strerror(errno);
    if (fd >= 0) ::unlink(tmp.c_str());
  }
  std::free(data);
  return ok;
}

}  // namespace pflint::cli
