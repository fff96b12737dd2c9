// NAME
//   apply_edits — splice byte edits into a file's text.
// DESCRIPTION
//   An edit replaces one half-open span of the original text. Edits are
//   applied against the original offsets (from the last to the first), so
//   each sees the bytes it was computed for; every byte outside the spans is
//   copied unchanged. Two edits conflict when their spans share a byte, or
//   when both insert (empty span) at the same offset, whose order would be
//   a guess; an insertion at the edge of a replaced span does not conflict.
// SEE ALSO
//   src/lint/diagnostic.hpp (lint::Edit), src/fix/fix_config.hpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "syntax/source.hpp"

namespace pflint::fix {

struct TextEdit {
  syntax::Span span{};
  std::string replacement;
};

// conflicts - the two spans cannot both be edited in one pass.
bool conflicts(syntax::Span a, syntax::Span b);

// apply_edits - `text` with every edit applied; the edits must not conflict
// with each other and must lie inside the text.
std::string apply_edits(std::string_view text, std::vector<TextEdit> edits);

}  // namespace pflint::fix
