// NAME
//   reader — read Postfix configuration files as postconf does.
// DESCRIPTION
//   LogicalLines is readllines(): comment lines (first non-blank '#') and
//   blank lines are skipped everywhere, a line starting with whitespace
//   continues the logical line, and a first logical line that starts with
//   whitespace is dropped with a warning. Text after a NUL byte is cut, as
//   C strings cut it. split_nameval() is Postfix's name = value splitter.
//   Dict is the in-memory dict_ht that holds main.cf and each master.cf
//   name space: last update wins, iteration in first-insertion order.
//   load_main_cf() is dict_load_file_xt() on main.cf (dict_load_fp).
//   This reader is deliberately separate from syntax/: postconf needs the
//   exact C-string behaviour and only a few bytes of work per line.
// DIAGNOSTICS
//   Warnings "logical line must not start with whitespace" and "overriding
//   earlier entry"; fatal "open PATH: ERRNO TEXT" and "PATH, line N:
//   missing '=' after attribute name: ..." / "missing attribute name".
// SEE ALSO
//   src/util/readlline.c, src/util/split_nameval.c, src/util/dict.c
//   (dict_load_fp), src/util/dict_ht.c in Postfix.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pflint::postconf {

// read_whole_file - the file's bytes, or nullopt with errno text in *error.
std::optional<std::string> read_whole_file(const std::string& path, std::string* error);

class LogicalLines {
 public:
  LogicalLines(std::string_view data, std::string path) : data_(data), path_(std::move(path)) {}
  // next - the next logical line; false at the end of the data.
  bool next(std::string& text, std::uint32_t& first_line);

 private:
  bool next_raw(std::string& text, std::uint32_t& first_line);
  std::string_view data_;
  std::string path_;
  std::size_t pos_ = 0;
  std::uint32_t lineno_ = 0;
};

struct NameValue {
  std::string_view name;
  std::string_view value;
};
// split_nameval - nullptr and the parts, or Postfix's error text.
const char* split_nameval(std::string_view text, NameValue& result);

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

// load_main_cf - dict_load_file_xt(CONFIG_DICT, path): fatal when missing.
void load_main_cf(const std::string& path, Dict& dict);

}  // namespace pflint::postconf
