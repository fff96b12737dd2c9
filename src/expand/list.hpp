// NAME
//   list — split Postfix list values and unwrap { } groups.
// DESCRIPTION
//   split_list() is mystrtokq(): runs of separators are skipped (no empty
//   elements) and a separator inside { } does not split; braces are counted
//   anywhere in an element and kept in it. With `braces` off it is plain
//   mystrtok(). extpar() unwraps one "{ text }" element as
//   extpar(..., "{}", EXTPAR_FLAG_STRIP) does, trimming blanks inside.
// DIAGNOSTICS
//   extpar() returns Postfix's error text: missing '}' in "...",
//   syntax error after '}' in "...", no '{' at start of text in "...".
// SEE ALSO
//   grammar/list.hpp; src/util/mystrtok.c, src/util/extpar.c,
//   src/util/balpar.c in the Postfix source.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expand/tree.hpp"

namespace pflint::expand {

inline constexpr std::string_view k_list_separators = ", \t\r\n";  // CHARS_COMMA_SP

struct ListElement {
  std::string_view text;  // points into the split text
  Span span;
};

// split_list - mystrtokq(text, separators, "{}"), or mystrtok() without braces.
std::vector<ListElement> split_list(std::string_view text, std::string_view separators = k_list_separators,
                                    bool braces = true);

struct Unwrapped {
  std::string text;                  // what Postfix goes on with, even after an error
  std::optional<std::string> error;  // Postfix's message
};

// extpar - strip the outer "{" "}" of an element (and blanks inside them).
Unwrapped extpar(std::string_view element, bool strip = true);

}  // namespace pflint::expand
