// NAME
//   show_main — print main.cf parameters (postconf, -n, -d, -x, -h, -H, -f).
// DESCRIPTION
//   pcf_show_parameters(): without names, every name in the table in strcmp
//   order (built-in, service-defined and valid user-defined names; legacy
//   names only when set); with names, those in argument order. -n prints
//   only names that main.cf (or -o) sets, -d only defaults; -x expands
//   $name (except "raw" parameters); -h drops "name = ", -H prints names.
// DIAGNOSTICS
//   "NAME: unknown parameter" for a name postconf does not know.
// SEE ALSO
//   src/postconf/postconf_main.c (pcf_show_parameters) in Postfix.
#include "postconf/views.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "postconf/diag.hpp"
#include "postconf/print_line.hpp"
#include "util/ascii.hpp"

namespace pflint::postconf {

namespace {

// append_joined - print_line()'s word loop without -f: the words of text
// (split on ISSPACE and NUL) each preceded by one space, written at `o`;
// returns the new end. Values of a large main.cf run to many kilobytes:
// this is the hot loop of `postconf -n`.
char* append_joined(char* o, std::string_view text) {
  static constexpr std::array<bool, 256> k_blank = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[static_cast<std::size_t>(c)] = c == 0 || util::is_space(static_cast<char>(c));
    return t;
  }();
  const char* p = text.data();
  const char* const end = p + text.size();
  // Mostly only ' ' separates words: then memchr finds them and memcpy copies.
  bool spaces_only = true;
  for (const char blank : std::string_view("\t\n\r\f\v\0", 6))
    if (std::memchr(p, blank, text.size()) != nullptr) spaces_only = false;
  if (spaces_only) {
    while (true) {
      while (p < end && *p == ' ') ++p;
      if (p == end) return o;
      const void* space = std::memchr(p, ' ', static_cast<std::size_t>(end - p));
      const char* word_end = space != nullptr ? static_cast<const char*>(space) : end;
      *o++ = ' ';
      std::memcpy(o, p, static_cast<std::size_t>(word_end - p));
      o += word_end - p;
      p = word_end;
    }
  }
  bool gap = true;
  for (const char c : text) {
    if (k_blank[static_cast<unsigned char>(c)]) {
      gap = true;
      continue;
    }
    if (gap) *o++ = ' ';
    gap = false;
    *o++ = c;
  }
  return o;
}

// print_name_value_flat - print_name_value(sink, false, name, value).
void print_name_value_flat(std::string& sink, std::string_view name, std::string_view value) {
  const std::size_t mark = sink.size();
  sink.resize(mark + name.size() + value.size() + 4);  // each word adds at most one space
  char* const begin = sink.data() + mark;
  char* o = append_joined(begin, name);
  if (o == begin) {  // no words in the name: "=" starts the line
    *o++ = '=';
  } else {
    std::memmove(begin, begin + 1, static_cast<std::size_t>(o - begin - 1));  // no space before the first word
    o[-1] = ' ';
    *o++ = '=';
  }
  o = append_joined(o, value);
  *o++ = '\n';
  sink.resize(static_cast<std::size_t>(o - sink.data()));
}

// print_parameter - pcf_print_parameter().
void print_parameter(Session& s, std::string_view name, ParamNode* node) {
  const Options& o = s.options;
  const LookupMode mode{o.defaults, o.non_default};
  const std::string* value = s.lookup_value(mode, name, nullptr, node);
  if (value == nullptr) return;
  std::string& sink = out();
  if (o.hide_value) {
    print_line(sink, o.fold, name);
    return;
  }
  std::string expanded;
  std::string_view text = *value;
  if (o.expand && (node->flags & k_raw) == 0) {
    expanded = s.expand_value(mode, *value, nullptr);
    text = expanded;
  }
  if (o.hide_name)
    print_line(sink, o.fold, text);
  else if (!o.fold)
    print_name_value_flat(sink, name, text);
  else
    print_name_value(sink, o.fold, name, text);
}

}  // namespace

void show_parameters(Session& s) {
  if (s.options.args.empty() && s.options.non_default && !s.options.defaults) {
    // Only names that main.cf (or -o) sets can print: sort just those.
    std::vector<std::pair<std::string_view, ParamNode*>> list;
    std::size_t bytes = 0;  // the output's size, near enough: one allocation for it
    for (const Dict::Entry& e : s.main.entries()) {
      if (e.deleted) continue;
      if (ParamNode* node = s.find(e.name); node != nullptr && (node->flags & k_class_mask)) {
        list.emplace_back(e.name, node);
        bytes += e.name.size() + e.value.size() + 4;
      }
    }
    out().reserve(out().size() + bytes);
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [name, node] : list) print_parameter(s, name, node);
    return;
  }
  if (s.options.args.empty()) {
    for (const auto& [name, node] : s.sorted_names())
      if (node->flags & k_class_mask) print_parameter(s, name, node);
    return;
  }
  for (const std::string& name : s.options.args) {
    if (ParamNode* node = s.find(name))
      print_parameter(s, name, node);
    else
      warn(name + ": unknown parameter");
  }
}

}  // namespace pflint::postconf
