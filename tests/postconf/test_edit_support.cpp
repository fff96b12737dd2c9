// Support code of the postconf edit tests (see test_edit_support.hpp).
#include "test_edit_support.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "postconf/edit.hpp"

namespace pflint::test_edit {

ScratchDir::ScratchDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string tmpl = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/pflint-edit-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  if (::mkdtemp(name.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = name.data();
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

void backdate(const std::string& path, int seconds) {
  timespec times[2];
  ::clock_gettime(CLOCK_REALTIME, &times[0]);
  times[0].tv_sec -= seconds;
  times[1] = times[0];
  ::utimensat(AT_FDCWD, path.c_str(), times, 0);
}

struct stat stat_of(const std::string& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st;
}

std::vector<std::string> list_dir(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

namespace {

void backdate_all(const std::string& dir) {
  for (const auto& name : list_dir(dir)) backdate(dir + "/" + name);
}

// normalize - program prefixes removed, the directory shown as DIR.
std::string normalize(std::string text, const std::string& dir) {
  for (std::size_t at; (at = text.find(dir)) != std::string::npos;) text.replace(at, dir.size(), "DIR");
  std::vector<std::string> lines_seen;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const std::size_t colon = line.find(": ");
    if (colon != std::string::npos) {
      const std::string program = line.substr(0, colon);
      const std::size_t slash = program.rfind('/');
      const std::string base = slash == std::string::npos ? program : program.substr(slash + 1);
      if (base == "postconf" || base == "pflint") line.erase(0, colon + 2);
    }
    lines_seen.push_back(line);
  }
  // As a set: postconf repeats some warnings (once per master.cf line).
  std::sort(lines_seen.begin(), lines_seen.end());
  lines_seen.erase(std::unique(lines_seen.begin(), lines_seen.end()), lines_seen.end());
  std::string out;
  for (const auto& line : lines_seen) out += line + "\n";
  return out;
}

}  // namespace

postconf::Options options_for(const std::string& dir, const std::string& flags, const std::vector<std::string>& args) {
  postconf::Options o;
  o.config_dir = dir;
  o.args = args;
  // postconf's main(): a first argument with '=' makes any main.cf or master.cf mode an edit.
  if (!args.empty() && args[0].find('=') != std::string::npos) o.edit = true;
  for (char c : flags) {
    switch (c) {
      case 'e': o.edit = true; break;
      case 'X': o.remove = true; break;
      case '#': o.comment_out = true; break;
      case 'M': ++o.master_entries; break;
      case 'F': ++o.master_fields; break;
      case 'P': ++o.master_params; break;
      default: break;
    }
  }
  return o;
}

RunResult run_real(const std::string& dir, const std::string& flags, const std::vector<std::string>& args) {
  backdate_all(dir);
  const std::string err_path = dir + ".stderr";
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fd, 2);
    std::vector<std::string> words = {real_postconf, "-c", dir, flags};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    ::execv(real_postconf, argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult r;
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.err = normalize(read_file(err_path).value_or(""), dir);
  ::unlink(err_path.c_str());
  return r;
}

RunResult run_ours(const std::string& dir, const std::string& flags, const std::vector<std::string>& args) {
  const std::string err_path = dir + ".stderr";
  std::fflush(stderr);
  const int saved = ::dup(2);
  const int fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ::dup2(fd, 2);
  ::close(fd);
  RunResult r;
  r.rc = postconf::run_edit(options_for(dir, flags, args));
  std::fflush(stderr);
  ::dup2(saved, 2);
  ::close(saved);
  r.err = normalize(read_file(err_path).value_or(""), dir);
  ::unlink(err_path.c_str());
  return r;
}

}  // namespace pflint::test_edit
