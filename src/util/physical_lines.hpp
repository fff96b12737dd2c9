// NAME
//   physical_lines — a text cut into its physical lines, each with its '\n'.
// DESCRIPTION
//   The pieces concatenate to the text again; the last one lacks the '\n'
//   when the text does not end with one. Used by the postconf editors and
//   by the unified diff of `check --diff`.
#pragma once

#include <string_view>
#include <vector>

namespace pflint::util {

// physical_lines - the text cut after each '\n'; the last piece may lack it.
std::vector<std::string_view> physical_lines(std::string_view text);

}  // namespace pflint::util
