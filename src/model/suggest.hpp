// NAME
//   suggest — the closest built-in parameter name to a misspelt one.
// DESCRIPTION
//   closest_param(name, v) returns the name, among params::known_params(v),
//   with the smallest edit distance (insertions, deletions, substitutions
//   and adjacent transpositions, each costing 1) to `name`, if that distance
//   is at most 1 for names up to 9 characters, 2 up to 14, else 3; ties go to the name first in
//   known_params order. The index (built once per version and cached) keeps
//   the known names in one sorted array per length, each a trie laid out
//   flat. Only lengths within the cap are searched; a length, and then a
//   name, is passed over when `name` holds more bytes it cannot match than
//   the best distance still allows (each edit matches at most one); the
//   remaining names are walked as a trie, one edit distance row (a band of
//   width 2 * cap + 1) per character, and a prefix is abandoned once no cell
//   of its row can still reach the best. A query costs a few thousand
//   instructions instead of a distance to every one of ~1,000 names.
#pragma once

#include <optional>
#include <string_view>

#include "params/version.hpp"

namespace pflint::model {

std::optional<std::string_view> closest_param(std::string_view name, params::Version v);

}  // namespace pflint::model
