// NAME
//   reader — readllines(), split_nameval(), dict_ht and dict_load_fp() (see reader.hpp).
// DESIGN
//   Why postconf does not read main.cf through syntax::parse() and
//   config::MainConfig (measured 2026-11, Release, GCC 12, callgrind and
//   steady_clock, 20,000-line / 0.94 MB main.cf of bench/postconf_gen.py):
//     syntax::parse + MainConfig::build   27.4 M instructions, 2.5 ms
//     load_main_cf (this file)             7.0 M instructions, 0.75 ms
//   (60 lines: 0.015 ms vs 0.008 ms.) The whole `pflint postconf -n` run on
//   that file is 29 M instructions against the real postconf's 222 M, and
//   the target is 0.1 x postconf: the lossless tree, its spans and per-item
//   strings would add ~20 M instructions (~70%) and ~1.8 ms to every run.
//   The lossless parser is for diagnostics with positions; postconf needs
//   only names and values, with C-string (NUL) behaviour.
#include "postconf/reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "postconf/diag.hpp"
#include "postconf/print_line.hpp"

namespace pflint::postconf {

std::optional<std::string> read_whole_file(const std::string& path, std::string* error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (error) *error = std::strerror(errno);
    return std::nullopt;
  }
  // Read straight into the string: st_size + 1 bytes, so a file that did
  // not grow ends on the first short read; grow and go on if it did.
  std::string data;
  struct stat st {};
  std::size_t capacity = 65536;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) capacity = static_cast<std::size_t>(st.st_size) + 1;
  std::size_t used = 0;
  data.resize(capacity);
  while (true) {
    if (used == data.size()) data.resize(data.size() * 2);
    const ssize_t n = ::read(fd, data.data() + used, data.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (error) *error = std::strerror(errno);
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  ::close(fd);
  data.resize(used);
  return data;
}

// next_raw - readllines() without the leading-whitespace check.
bool LogicalLines::next_raw(std::string& text, std::uint32_t& first_line) {
  text.clear();
  first_line = 0;
  const std::size_t n = data_.size();
  while (true) {
    if (pos_ >= n) break;
    const std::size_t start = text.size();
    const char* base = data_.data() + pos_;
    const void* nl = std::memchr(base, '\n', n - pos_);
    const std::size_t len = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - base) : n - pos_;
    const std::string_view line(base, len);
    const bool has_newline = nl != nullptr;
    pos_ += len + (has_newline ? 1 : 0);
    const std::uint32_t this_line = lineno_ + 1;
    if (has_newline) ++lineno_;
    std::size_t k = 0;
    while (k < line.size() && is_space(line[k])) ++k;
    if (k < line.size() && line[k] != '#') {
      if (start == 0) first_line = this_line;
      text.append(line);
    }
    if (!has_newline) break;
    if (!text.empty()) {
      if (pos_ >= n) break;
      const char next = data_[pos_];
      if (next != '#' && !is_space(next)) break;
    }
  }
  if (const auto nul = text.find('\0'); nul != std::string::npos) text.resize(nul);
  return !text.empty();
}

bool LogicalLines::next(std::string& text, std::uint32_t& first_line) {
  while (next_raw(text, first_line)) {
    if (!is_space(text[0])) return true;
    std::string msg = path_;
    msg.append(": logical line must not start with whitespace: \"");
    msg.append(text.substr(0, 30)).append(text.size() > 30 ? "...\"" : "\"");
    warn(msg);
  }
  return false;
}

const char* split_nameval(std::string_view text, NameValue& result) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n && is_space(text[i])) ++i;
  if (i >= n || text[i] == '=') return "missing attribute name";
  const std::size_t name_begin = i;
  while (i < n && !is_space(text[i]) && text[i] != '=') ++i;
  const std::size_t name_end = i;
  while (i < n && is_space(text[i])) ++i;
  if (i >= n || text[i] != '=') return "missing '=' after attribute name";
  ++i;
  while (i < n && is_space(text[i])) ++i;
  std::size_t end = n;
  while (end > i && is_space(text[end - 1])) --end;
  result.name = text.substr(name_begin, name_end - name_begin);
  result.value = text.substr(i, end - i);
  return nullptr;
}

const std::string* Dict::get(std::string_view name) const {
  const auto it = index_.find(name);
  if (it == index_.end()) return nullptr;
  return &entries_[it->second].value;
}

void Dict::put(std::string_view name, std::string_view value) {
  const auto it = index_.find(name);
  if (it != index_.end()) {
    entries_[it->second].value.assign(value);
    return;
  }
  entries_.push_back(Entry{std::string(name), std::string(value), false});
  index_.emplace(entries_.back().name, entries_.size() - 1);
  ++live_;
}

bool Dict::erase(std::string_view name) {
  const auto it = index_.find(name);
  if (it == index_.end()) return false;
  entries_[it->second].deleted = true;
  index_.erase(it);
  --live_;
  return true;
}

void load_main_cf(const std::string& path, Dict& dict) {
  std::string error;
  const std::optional<std::string> data = read_whole_file(path, &error);
  if (!data) fatal("open " + path + ": " + error);
  LogicalLines lines(*data, path);
  std::string text;
  std::uint32_t line = 0;
  NameValue nv;
  while (lines.next(text, line)) {
    if (const char* err = split_nameval(text, nv))
      fatal(path + ", line " + std::to_string(line) + ": " + err + ": \"" + text + "\"");
    if (const std::string* old = dict.get(nv.name); old && *old != nv.value)
      warn(path + ", line " + std::to_string(line) + ": overriding earlier entry: " + std::string(nv.name) + "=" +
           *old);
    dict.put(nv.name, nv.value);
  }
}

}  // namespace pflint::postconf
