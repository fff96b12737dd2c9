// NAME
//   atomic_file — temp file, fsync, rename (see atomic_file.hpp).
#include "postconf/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace pflint::postconf::edits {

namespace {

std::string error_text(const std::string& what, const std::string& path, int err) {
  return what + " " + path + ": " + std::strerror(err);
}

// write_all - the whole buffer, through short writes and EINTR.
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

// sync_directory - make the rename durable; best effort (some file systems refuse).
void sync_directory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  (void)::close(fd);
}

// replace - the shared work; `original` gives the mode and owner to keep,
// or null for a new file (mode 0666 less the umask, our own owner).
std::optional<std::string> replace(const std::string& path, std::string_view bytes, const struct stat* original) {
  const std::size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string tmp = (slash == std::string::npos ? "" : path.substr(0, slash + 1)) + "." + base + ".pflint-XXXXXX";
  std::vector<char> name(tmp.begin(), tmp.end());
  name.push_back('\0');
  const int fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) return error_text("create temporary file for", path, errno);
  tmp.assign(name.data());

  auto fail = [&](const std::string& what, const std::string& which) {
    const int err = errno;
    (void)::close(fd);
    (void)::unlink(tmp.c_str());
    return error_text(what, which, err);
  };
  if (!write_all(fd, bytes)) return fail("write", tmp);
  struct stat own {};
  if (::fstat(fd, &own) != 0) return fail("stat", tmp);
  if (original) {
    if ((own.st_uid != original->st_uid || own.st_gid != original->st_gid) &&
        ::fchown(fd, original->st_uid, original->st_gid) != 0)
      return fail("keep the owner of", path);
    if (::fchmod(fd, original->st_mode & 07777) != 0) return fail("keep the mode of", path);
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0) return fail("set the mode of", path);
  }
  if (::fsync(fd) != 0) return fail("fsync", tmp);
  if (::close(fd) != 0) {
    const int err = errno;
    (void)::unlink(tmp.c_str());
    return error_text("close", tmp, err);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    (void)::unlink(tmp.c_str());
    return error_text("rename " + tmp + " to", path, err);
  }
  sync_directory(dir);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> replace_file_atomically(const std::string& path, std::string_view bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return error_text("stat", path, errno);
  return replace(path, bytes, &st);
}

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return replace(path, bytes, &st);
  if (errno != ENOENT) return error_text("stat", path, errno);
  return replace(path, bytes, nullptr);
}

}  // namespace pflint::postconf::edits
