// NAME
//   atomic_file — lock, read, temp file, fsync, check, rename (see atomic_file.hpp).
#include "postconf/atomic_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <utility>
#include <vector>

#include "util/read_file.hpp"
#include "util/write_all.hpp"

namespace pflint::postconf::edits {

namespace {

// Failure - what went wrong, before the file's name is put in front.
std::string errno_text(const std::string& what, int err) { return what + ": " + std::strerror(err); }

constexpr const char* k_changed = "another program changed it after pflint read it; run pflint again";

std::string unchanged(const std::string& path, const std::string& why) {
  return "cannot update " + path + " (left as it was): " + why;
}

// sync_directory - make the rename durable; best effort (some file systems refuse).
void sync_directory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  (void)::close(fd);
}

// resolve - the file a path names: a symbolic link followed, else the path.
std::optional<std::string> resolve(const std::string& path, int& err) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
  char* real = ::realpath(path.c_str(), nullptr);
  if (real == nullptr) {
    err = errno;
    return std::nullopt;
  }
  std::string target(real);
  std::free(real);
  return target;
}

// replace - write `bytes` next to `target` and rename it over; `original`
// gives the mode and owner to keep (null: a new file, 0666 less the umask,
// our own owner); `still_same` is asked last, just before the rename.
// The failure text without the file's name in front.
std::optional<std::string> replace(const std::string& target, std::string_view bytes, const struct stat* original,
                                   const std::function<std::optional<std::string>()>& still_same) {
  const std::size_t slash = target.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : target.substr(0, slash));
  const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  std::string tmp = (slash == std::string::npos ? "" : target.substr(0, slash + 1)) + "." + base + ".pflint-XXXXXX";
  std::vector<char> name(tmp.begin(), tmp.end());
  name.push_back('\0');
  const int fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) return errno_text("create a temporary file in " + dir, errno);
  tmp.assign(name.data());

  bool open = true;
  auto fail = [&](const std::string& what, int err) {
    if (open) (void)::close(fd);
    (void)::unlink(tmp.c_str());
    return errno_text(what, err);
  };
  if (!util::write_all(fd, bytes)) return fail("write " + tmp, errno);
  struct stat own {};
  if (::fstat(fd, &own) != 0) return fail("stat " + tmp, errno);
  if (original) {
    if ((own.st_uid != original->st_uid || own.st_gid != original->st_gid) &&
        ::fchown(fd, original->st_uid, original->st_gid) != 0)
      return fail("give " + tmp + " the owner of " + target, errno);
    if (::fchmod(fd, original->st_mode & 07777) != 0) return fail("give " + tmp + " the mode of " + target, errno);
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0) return fail("set the mode of " + tmp, errno);
  }
  if (::fsync(fd) != 0) return fail("fsync " + tmp, errno);
  open = false;
  if (::close(fd) != 0) return fail("close " + tmp, errno);
  if (auto changed = still_same()) {
    (void)::unlink(tmp.c_str());
    return changed;
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) return fail("rename " + tmp + " to " + target, errno);
  sync_directory(dir);
  return std::nullopt;
}

}  // namespace

EditedFile::EditedFile(std::string path, std::string target, int fd, const struct stat& st, std::string bytes)
    : path_(std::move(path)), target_(std::move(target)), fd_(fd), st_(st), bytes_(std::move(bytes)) {}

EditedFile::EditedFile(EditedFile&& other) noexcept
    : path_(std::move(other.path_)),
      target_(std::move(other.target_)),
      fd_(std::exchange(other.fd_, -1)),
      st_(other.st_),
      bytes_(std::move(other.bytes_)) {}

EditedFile::~EditedFile() {
  if (fd_ >= 0) (void)::close(fd_);  // releases the lock
}

std::optional<EditedFile> EditedFile::open(const std::string& path, std::string& error) {
  int err = 0;
  const auto target = resolve(path, err);
  if (!target) {
    error = std::strerror(err);
    return std::nullopt;
  }
  // Lock, then make sure the path still names the locked file: an edit
  // that held the lock before us may have renamed a new file into place.
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int fd = ::open(target->c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      error = std::strerror(errno);
      return std::nullopt;
    }
    struct stat locked {};
    struct stat now {};
    int rc = 0;
    while ((rc = ::flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
    }
    if (rc != 0 || ::fstat(fd, &locked) != 0) {
      error = std::strerror(errno);
      (void)::close(fd);
      return std::nullopt;
    }
    if (::stat(target->c_str(), &now) != 0 || now.st_ino != locked.st_ino || now.st_dev != locked.st_dev) {
      (void)::close(fd);
      continue;
    }
    auto bytes = util::read_fd(fd, error);
    if (!bytes) {
      (void)::close(fd);
      return std::nullopt;
    }
    return EditedFile(path, *target, fd, locked, std::move(*bytes));
  }
  error = "the file keeps being replaced";
  return std::nullopt;
}

std::optional<std::string> EditedFile::replace(std::string_view bytes) const {
  const auto still_same = [&]() -> std::optional<std::string> {
    // Another program (an editor, the real postconf) may have written the
    // file since we read it; our lock keeps only other pflint edits out.
    struct stat now {};
    std::string why;
    std::optional<std::string> current;
    if (::stat(target_.c_str(), &now) == 0 && now.st_ino == st_.st_ino && now.st_dev == st_.st_dev &&
        ::lseek(fd_, 0, SEEK_SET) == 0)
      current = util::read_fd(fd_, why);
    if (current && *current == bytes_) return std::nullopt;
    return std::string(k_changed);
  };
  if (auto failure = edits::replace(target_, bytes, &st_, still_same)) return unchanged(path_, *failure);
  return std::nullopt;
}

std::optional<std::string> replace_file_if_unchanged(const std::string& path, std::string_view expected,
                                                     std::string_view bytes) {
  std::string why;
  const auto file = EditedFile::open(path, why);
  if (!file) return unchanged(path, "open for reading: " + why);
  if (file->bytes() != expected) return unchanged(path, k_changed);
  return file->replace(bytes);
}

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view bytes) {
  int err = 0;
  const auto target = resolve(path, err);
  if (!target) return unchanged(path, errno_text("follow the symbolic link", err));
  const auto no_check = [] { return std::optional<std::string>(); };
  struct stat st {};
  std::optional<std::string> failure;
  if (::stat(target->c_str(), &st) == 0) {
    failure = replace(*target, bytes, &st, no_check);
  } else if (errno != ENOENT) {
    failure = errno_text("stat " + *target, errno);
  } else {
    failure = replace(*target, bytes, nullptr, no_check);
  }
  if (failure) return unchanged(path, *failure);
  return std::nullopt;
}

}  // namespace pflint::postconf::edits
