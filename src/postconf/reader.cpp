// NAME
//   reader — postconf's readllines() loop, dict_ht and dict_load_fp() (see reader.hpp).
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

#include "postconf/diag.hpp"
#include "util/read_file.hpp"
#include "util/split_nameval.hpp"

namespace pflint::postconf {

bool next_logical_line(util::LogicalLines& lines, std::string& text, std::string_view path) {
  while (lines.next(text)) {
    if (!util::leading_space(text)) return true;
    std::string msg(path);
    msg.append(": logical line must not start with whitespace: \"");
    msg.append(text.substr(0, 30)).append(text.size() > 30 ? "...\"" : "\"");
    warn(msg);
  }
  return false;
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

void load_dict_text(std::string_view data, const std::string& path, Dict& dict) {
  util::LogicalLines lines(data);
  std::string text;
  util::NameValue nv;
  while (next_logical_line(lines, text, path)) {
    const auto where = [&] { return path + ", line " + std::to_string(lines.first_line()) + ": "; };
    if (const char* err = util::split_nameval(text, nv)) fatal(where() + err + ": \"" + text + "\"");
    if (const std::string* old = dict.get(nv.name); old && *old != nv.value)
      warn(where() + "overriding earlier entry: " + std::string(nv.name) + "=" + *old);
    dict.put(nv.name, nv.value);
  }
}

void load_main_cf(const std::string& path, Dict& dict) {
  std::string error;
  const std::optional<std::string> data = util::read_file(path, error);
  if (!data) fatal("open " + path + ": " + error);
  load_dict_text(*data, path, dict);
}

}  // namespace pflint::postconf
