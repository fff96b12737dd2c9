// NAME
//   output_file — reports to stdout, or atomically into a file.
#include "cli/output_file.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <unistd.h>

#include "postconf/atomic_file.hpp"

namespace pflint::cli {

bool write_output(const std::optional<std::string>& path, const std::function<void(std::FILE*)>& write,
                  std::string& error) {
  if (!path) {
    // Reports of big repositories are long: fewer, larger writes when stdout
    // is a file or a pipe (a terminal keeps its line buffering).
    if (::isatty(STDOUT_FILENO) == 0) std::setvbuf(stdout, nullptr, _IOFBF, std::size_t{1} << 16);
    write(stdout);
    // A report cut short (full disk, closed pipe) must not pass a CI gate.
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      error = std::string("cannot write the report to standard output: ") + std::strerror(errno);
      return false;
    }
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
  const auto failure = postconf::edits::write_file_atomically(*path, std::string_view(data, size));
  std::free(data);
  if (failure) error = *failure;
  return !failure;
}

}  // namespace pflint::cli
