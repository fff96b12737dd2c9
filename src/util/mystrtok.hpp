// NAME
//   mystrtok — Postfix's tokenizers and brace unwrapping.
// DESCRIPTION
//   mystrtok() splits on any of a set of separators; runs of separators are
//   skipped, so no token is empty. mystrtokq() does the same but does not
//   split inside { } (braces are counted anywhere in a token and kept in
//   it). balpar() measures a leading balanced "{...}"; extpar() unwraps one
//   "{ text }" token as extpar(..., "{}", EXTPAR_FLAG_STRIP) does, trimming
//   blanks inside. Tokens are views into the text with their offsets.
// DIAGNOSTICS
//   extpar() returns Postfix's error text: missing '}' in "...",
//   syntax error after '}' in "...", no '{' at start of text in "...".
// SEE ALSO
//   grammar/list.hpp (the same split as a grammar, the tests' oracle);
//   src/util/mystrtok.c, src/util/extpar.c, src/util/balpar.c in Postfix.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pflint::util {

inline constexpr std::string_view k_comma_sp = ", \t\r\n";  // CHARS_COMMA_SP
inline constexpr std::string_view k_blanks = " \t\r\n";     // CHARS_SPACE, PCF_MASTER_BLANKS

struct Token {
  std::string_view text;    // points into the split text
  std::uint32_t begin = 0;  // offset of the token in the text
  std::uint32_t end = 0;    // one past its last byte
};

// mystrtok - split on separators; no empty tokens.
std::vector<Token> mystrtok(std::string_view text, std::string_view separators = k_comma_sp);

// mystrtokq - mystrtok() that keeps { } groups whole (mystrtokq(..., "{}")).
std::vector<Token> mystrtokq(std::string_view text, std::string_view separators = k_comma_sp);

// balpar - length of the leading "{...}" including both braces, 0 if unclosed.
std::size_t balpar(std::string_view s);

struct Unwrapped {
  std::string text;                  // what Postfix goes on with, even after an error
  std::optional<std::string> error;  // Postfix's message
};

// extpar - strip the outer "{" "}" of a token (and, with strip, blanks inside them).
Unwrapped extpar(std::string_view token, bool strip = true);

}  // namespace pflint::util
