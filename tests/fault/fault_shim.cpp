// NAME
//   fault_shim — an LD_PRELOAD library that makes one chosen system call fail,
//   for the fault tests of pflint's file writers (test_edit_faults.sh).
// SYNOPSIS
//   PFLINT_FAULT=OP:N:WHAT[,OP:N:WHAT…] LD_PRELOAD=libpflint_fault_shim.so pflint …
// DESCRIPTION
//   OP is write, fsync, rename, mkostemp, fchmod or close; N counts that
//   call from 1 (write and close count only descriptors above 2, so
//   messages on stderr never trip a fault). WHAT is an errno name (ENOSPC,
//   EIO, EACCES, EXDEV, EPERM, EROFS, EDQUOT), "short" (write: write half
//   the bytes and return that count), or "touch" (before doing the call
//   for real, append PFLINT_FAULT_TOUCH_TEXT to the file PFLINT_FAULT_TOUCH:
//   another program changing main.cf at that moment).
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

struct Errno {
  const char* name;
  int value;
};
constexpr Errno k_errnos[] = {{"ENOSPC", ENOSPC}, {"EIO", EIO},     {"EACCES", EACCES}, {"EXDEV", EXDEV},
                              {"EPERM", EPERM},   {"EROFS", EROFS}, {"EDQUOT", EDQUOT}};

enum class Action { none, fail, short_write, touch };
struct Fault {
  Action action = Action::none;
  int err = 0;
};

// fault_for - what the Nth call of `op` must do, from PFLINT_FAULT.
Fault fault_for(const char* op, int n) {
  const char* spec = std::getenv("PFLINT_FAULT");
  if (spec == nullptr) return {};
  const std::size_t op_len = std::strlen(op);
  for (const char* p = spec; *p != '\0';) {
    const char* end = std::strchr(p, ',');
    if (end == nullptr) end = p + std::strlen(p);
    char item[64] = {};
    const std::size_t len = static_cast<std::size_t>(end - p) < sizeof item - 1 ? end - p : sizeof item - 1;
    std::memcpy(item, p, len);
    p = *end == ',' ? end + 1 : end;
    char* colon = std::strchr(item, ':');
    if (colon == nullptr || static_cast<std::size_t>(colon - item) != op_len || std::strncmp(item, op, op_len) != 0)
      continue;
    char* what = nullptr;
    if (std::strtol(colon + 1, &what, 10) != n || *what != ':') continue;
    ++what;
    if (std::strcmp(what, "short") == 0) return {Action::short_write, 0};
    if (std::strcmp(what, "touch") == 0) return {Action::touch, 0};
    for (const Errno& e : k_errnos)
      if (std::strcmp(what, e.name) == 0) return {Action::fail, e.value};
    std::fprintf(stderr, "fault_shim: unknown fault '%s'\n", what);
    std::abort();
  }
  return {};
}

template <typename F>
F next(const char* name) {
  return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

ssize_t real_write(int fd, const void* buf, std::size_t count) {
  static auto f = next<ssize_t (*)(int, const void*, std::size_t)>("write");
  return f(fd, buf, count);
}

// touch - someone else appends to the file being edited.
void touch() {
  const char* path = std::getenv("PFLINT_FAULT_TOUCH");
  const char* text = std::getenv("PFLINT_FAULT_TOUCH_TEXT");
  if (path == nullptr) return;
  const int fd = ::open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0) return;
  const char* t = text != nullptr ? text : "touched = yes\n";
  (void)real_write(fd, t, std::strlen(t));
  static auto close_fn = next<int (*)(int)>("close");
  close_fn(fd);
}

// fault - apply the Nth call's fault: -1 with errno set when it fails.
int fault(const char* op, int& counter, Fault* out = nullptr) {
  const Fault f = fault_for(op, ++counter);
  if (out) *out = f;
  if (f.action == Action::fail) {
    errno = f.err;
    return -1;
  }
  if (f.action == Action::touch) touch();
  return 0;
}

int n_write = 0, n_fsync = 0, n_rename = 0, n_mkostemp = 0, n_fchmod = 0, n_close = 0;

}  // namespace

extern "C" {

ssize_t write(int fd, const void* buf, std::size_t count) {
  if (fd > 2) {
    Fault f;
    if (fault("write", n_write, &f) != 0) return -1;
    if (f.action == Action::short_write && count > 1) return real_write(fd, buf, count / 2);
  }
  return real_write(fd, buf, count);
}

int fsync(int fd) {
  if (fault("fsync", n_fsync) != 0) return -1;
  return next<int (*)(int)>("fsync")(fd);
}

int rename(const char* from, const char* to) {
  if (fault("rename", n_rename) != 0) return -1;
  return next<int (*)(const char*, const char*)>("rename")(from, to);
}

int mkostemp(char* templ, int flags) {
  if (fault("mkostemp", n_mkostemp) != 0) return -1;
  return next<int (*)(char*, int)>("mkostemp")(templ, flags);
}

int fchmod(int fd, mode_t mode) {
  if (fault("fchmod", n_fchmod) != 0) return -1;
  return next<int (*)(int, mode_t)>("fchmod")(fd, mode);
}

int close(int fd) {
  static auto f = next<int (*)(int)>("close");
  if (fd > 2 && fault("close", n_close) != 0) {
    const int err = errno;
    f(fd);  // the descriptor is gone either way, as after a real EIO from close
    errno = err;
    return -1;
  }
  return f(fd);
}

}  // extern "C"
