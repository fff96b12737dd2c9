// NAME
//   print_line — pcf_print_line() (see print_line.hpp).
#include "postconf/print_line.hpp"

#include "util/ascii.hpp"

namespace pflint::postconf {

namespace {

// append_words - the word loop of pcf_print_line over one piece of text.
void append_words(std::string& sink, bool fold, std::string_view text, int& line_len) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (true) {
    while (i < n && (util::is_space(text[i]) || text[i] == '\0')) ++i;
    if (i >= n) return;
    std::size_t j = i;
    while (j < n && !util::is_space(text[j]) && text[j] != '\0') ++j;
    const int word_len = static_cast<int>(j - i);
    if (line_len > 0) {
      if (!fold || line_len + word_len < k_line_limit) {
        sink.push_back(' ');
        line_len += 1;
      } else {
        sink.push_back('\n');
        sink.append(k_indent_text);
        line_len = k_indent_len;
      }
    }
    sink.append(text.substr(i, j - i));
    line_len += word_len;
    i = j;
  }
}

}  // namespace

void print_line(std::string& sink, bool fold, std::string_view text) {
  int line_len = 0;
  append_words(sink, fold, text, line_len);
  sink.push_back('\n');
}

void print_name_value(std::string& sink, bool fold, std::string_view name, std::string_view value) {
  int line_len = 0;
  append_words(sink, fold, name, line_len);
  append_words(sink, fold, " = ", line_len);
  append_words(sink, fold, value, line_len);
  sink.push_back('\n');
}

}  // namespace pflint::postconf
