// NAME
//   reader — read Postfix configuration files as postconf does.
// DESCRIPTION
//   next_logical_line() is readllines() as postconf sees it: util's fast
//   LogicalLines, with a logical line that starts with whitespace dropped
//   and warned about. Dict is the in-memory dict_ht that holds main.cf and
//   each master.cf name space: last update wins, iteration in first-
//   insertion order. load_dict_text() is dict_load_fp() and load_main_cf()
//   dict_load_file_xt() on main.cf. This reader is deliberately separate
//   from syntax/: postconf needs the exact C-string behaviour and only a
//   few bytes of work per line (the DESIGN note in reader.cpp).
// DIAGNOSTICS
//   Warnings "logical line must not start with whitespace" and "overriding
//   earlier entry"; fatal "open PATH: ERRNO TEXT" and "PATH, line N:
//   missing '=' after attribute name: ..." / "missing attribute name".
// SEE ALSO
//   src/util/ (readlline, split_nameval); src/util/dict.c
//   (dict_load_fp), src/util/dict_ht.c in Postfix.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/readlline.hpp"

namespace pflint::postconf {

// next_logical_line - the next logical line readllines() keeps; a line
// that starts with whitespace is warned about (as PATH: ...) and skipped.
bool next_logical_line(util::LogicalLines& lines, std::string& text, std::string_view path);

class Dict {
 public:
  struct Entry {
    std::string name;
    std::string value;
    bool deleted = false;
  };
  [[nodiscard]] const std::string* get(std::string_view name) const;
  void put(std::string_view name, std::string_view value);
  bool erase(std::string_view name);
  [[nodiscard]] const std::deque<Entry>& entries() const { return entries_; }
  [[nodiscard]] bool empty() const { return live_ == 0; }

 private:
  std::deque<Entry> entries_;
  std::unordered_map<std::string_view, std::size_t> index_;
  std::size_t live_ = 0;
};

// load_dict_text - dict_load_fp(): every "name = value" of the text into
// dict, fatal on a line without one, a warning when a value is overridden.
void load_dict_text(std::string_view data, const std::string& path, Dict& dict);

// load_main_cf - dict_load_file_xt(CONFIG_DICT, path): fatal when missing.
void load_main_cf(const std::string& path, Dict& dict);

}  // namespace pflint::postconf
