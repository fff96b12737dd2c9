// NAME
//   print_line — postconf's line printer: normalized whitespace, optional folding.
// DESCRIPTION
//   Every main.cf-style line postconf prints goes through pcf_print_line():
//   the text is split on whitespace and the words are joined by single
//   spaces; with -f, a line is broken before a word that would reach
//   column 80 and the continuation is indented by four spaces.
// SEE ALSO
//   src/postconf/postconf_print.c (pcf_print_line) in Postfix.
#pragma once

#include <string>
#include <string_view>

namespace pflint::postconf {

inline constexpr int k_line_limit = 80;  // PCF_LINE_LIMIT
inline constexpr int k_indent_len = 4;   // PCF_INDENT_LEN
inline constexpr std::string_view k_indent_text = "    ";

// print_line - append `text` normalized (and folded when `fold`) plus '\n'.
// **Example**: print_line(s, false, "a =  b\t c") appends "a = b c\n".
void print_line(std::string& sink, bool fold, std::string_view text);

// print_name_value - print_line of "NAME = VALUE" without building the text.
void print_name_value(std::string& sink, bool fold, std::string_view name, std::string_view value);

}  // namespace pflint::postconf
