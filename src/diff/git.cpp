// NAME
//   git — Git trees and blobs through `git` subprocesses (see git.hpp).
// DESCRIPTION
//   Commands run with posix_spawnp() and pipes; `git` reads no terminal and
//   no pager (`--no-pager`, stdin closed for one-shot commands). Output of
//   one-shot commands is read with poll() on stdout and stderr together, so
//   neither pipe can fill up and stall git.
#include "diff/git.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/core.h>

extern char** environ;

namespace pflint::diff {
namespace {

struct Pipe {
  int fd[2] = {-1, -1};
  Pipe() {
    if (::pipe2(fd, O_CLOEXEC) != 0) throw GitError(fmt::format("pipe: {}", std::strerror(errno)));
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  ~Pipe() { close_both(); }
  void close_end(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
  void close_both() {
    close_end(0);
    close_end(1);
  }
};

// spawn - start `git -C dir args…` with the given child ends of pipes (-1: /dev/null).
pid_t spawn(const std::string& dir, const std::vector<std::string>& args, int in, int out, int err) {
  std::vector<std::string> argv_s{"git", "--no-pager", "-C", dir};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  const auto attach = [&](int fd, int target, int flags) {
    if (fd >= 0)
      posix_spawn_file_actions_adddup2(&fa, fd, target);
    else
      posix_spawn_file_actions_addopen(&fa, target, "/dev/null", flags, 0);
  };
  attach(in, 0, O_RDONLY);
  attach(out, 1, O_WRONLY);
  attach(err, 2, O_WRONLY);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, "git", &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) throw GitError(fmt::format("cannot run git: {}", std::strerror(rc)));
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// git - run a one-shot command; its stdout, or GitError with its stderr.
std::string git(const std::string& dir, const std::vector<std::string>& args) {
  Pipe out, err;
  const pid_t pid = spawn(dir, args, -1, out.fd[1], err.fd[1]);
  out.close_end(1);
  err.close_end(1);
  std::string text[2];
  pollfd fds[2] = {{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}};
  char buf[65536];
  int open_fds = 2;
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        text[i].append(buf, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  if (wait_for(pid) != 0) {
    std::string message = text[1];
    while (!message.empty() && (message.back() == '\n' || message.back() == '\r')) message.pop_back();
    if (message.empty()) message = fmt::format("git {} failed", args.empty() ? "" : args.front());
    throw GitError(message);
  }
  return std::move(text[0]);
}

// nul_split - the NUL-terminated records of -z output.
std::vector<std::string_view> nul_split(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const std::size_t end = text.find('\0');
    out.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}
}  // namespace

// The `git cat-file --batch` process: request "ID\n", answer
// "ID blob SIZE\n" + SIZE bytes + "\n" (or "ID missing\n").
class CatFile {
 public:
  explicit CatFile(const std::string& dir) {
    pid_ = spawn(dir, {"cat-file", "--batch"}, in_.fd[0], out_.fd[1], -1);
    in_.close_end(0);
    out_.close_end(1);
  }
  CatFile(const CatFile&) = delete;
  CatFile& operator=(const CatFile&) = delete;
  ~CatFile() {
    in_.close_end(1);  // EOF: git exits
    wait_for(pid_);
  }

  std::string blob(const std::string& id) {
    write_all(id + "\n");
    const std::string header = read_line();
    const std::size_t sp1 = header.find(' ');
    const std::size_t sp2 = sp1 == std::string::npos ? sp1 : header.find(' ', sp1 + 1);
    if (sp2 == std::string::npos) throw GitError(fmt::format("git cat-file: {}", header));
    const std::size_t size = std::stoull(header.substr(sp2 + 1));
    std::string data = read_exact(size + 1);
    data.pop_back();  // the "\n" after the contents
    return data;
  }

 private:
  void write_all(std::string_view s) {
    while (!s.empty()) {
      const ssize_t n = ::write(in_.fd[1], s.data(), s.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw GitError("git cat-file: write failed");
      s.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  bool fill() {
    char chunk[65536];
    for (;;) {
      const ssize_t n = ::read(out_.fd[0], chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      buf_.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
  }
  std::string read_line() {
    std::size_t nl;
    while ((nl = buf_.find('\n', pos_)) == std::string::npos) {
      if (!fill()) throw GitError("git cat-file: unexpected end of output");
    }
    std::string line = buf_.substr(pos_, nl - pos_);
    pos_ = nl + 1;
    compact();
    return line;
  }
  std::string read_exact(std::size_t n) {
    while (buf_.size() - pos_ < n) {
      if (!fill()) throw GitError("git cat-file: unexpected end of output");
    }
    std::string out = buf_.substr(pos_, n);
    pos_ += n;
    compact();
    return out;
  }
  void compact() {
    if (pos_ == buf_.size()) {
      buf_.clear();
      pos_ = 0;
    }
  }

  Pipe in_, out_;
  pid_t pid_ = -1;
  std::string buf_;
  std::size_t pos_ = 0;
};

GitRepo::GitRepo(std::string top) : top_(std::move(top)), cat_(std::make_unique<CatFile>(top_)) {}
GitRepo::GitRepo(GitRepo&&) noexcept = default;
GitRepo& GitRepo::operator=(GitRepo&&) noexcept = default;
GitRepo::~GitRepo() = default;

GitRepo GitRepo::open(const std::string& dir) {
  std::string top = git(dir, {"rev-parse", "--show-toplevel"});
  while (!top.empty() && (top.back() == '\n' || top.back() == '\r')) top.pop_back();
  return GitRepo(std::move(top));
}

GitTree GitRepo::tree(const std::string& rev) const {
  GitTree t;
  t.rev = rev;
  // "MODE TYPE ID\tPATH\0"; only regular files (100644, 100755).
  const std::string listing = git(top_, {"ls-tree", "-r", "-z", "--full-tree", rev + "^{tree}"});
  for (std::string_view rec : nul_split(listing)) {
    const std::size_t tab = rec.find('\t');
    if (tab == std::string_view::npos || (!rec.starts_with("1006") && !rec.starts_with("1007"))) continue;
    const std::string_view meta = rec.substr(0, tab);
    if (meta.find(" blob ") == std::string_view::npos) continue;
    t.blobs.emplace(std::string(rec.substr(tab + 1)), std::string(meta.substr(meta.rfind(' ') + 1)));
  }
  return t;
}

std::unordered_set<std::string> GitRepo::changed(const std::string& old_rev, const std::string& new_rev) const {
  const std::string names = git(top_, {"diff", "--name-only", "--no-renames", "-z", old_rev, new_rev, "--"});
  std::unordered_set<std::string> out;
  for (std::string_view p : nul_split(names)) out.emplace(p);
  return out;
}

std::string GitRepo::blob(const std::string& id) const { return cat_->blob(id); }

std::optional<std::string> TreeFiles::relative(const std::string& raw) const {
  const std::string& top = repo_.top();
  const std::string path = std::filesystem::path(raw).lexically_normal().string();
  if (path.size() > top.size() && path.starts_with(top) && path[top.size()] == '/') return path.substr(top.size() + 1);
  return std::nullopt;
}

bool TreeFiles::untouched_by(const std::unordered_set<std::string>& changed) const {
  const bool same =
      std::none_of(asked_.begin(), asked_.end(), [&](const std::string& p) { return changed.contains(p); });
  asked_.clear();
  return same;
}

bool TreeFiles::exists(const std::string& path) const {
  const std::optional<std::string> rel = relative(path);
  if (!rel) return config::disk_files().exists(path);
  asked_.push_back(*rel);
  return tree_->blobs.contains(*rel);
}

std::optional<syntax::SourceFile> TreeFiles::load(const std::string& path, std::string& error) const {
  const std::optional<std::string> rel = relative(path);
  if (!rel) return config::disk_files().load(path, error);
  asked_.push_back(*rel);
  const auto it = tree_->blobs.find(*rel);
  if (it == tree_->blobs.end()) {
    error = fmt::format("{}: No such file or directory (in {})", path, tree_->rev);
    return std::nullopt;
  }
  return syntax::SourceFile(path, repo_.blob(it->second));
}

}  // namespace pflint::diff
