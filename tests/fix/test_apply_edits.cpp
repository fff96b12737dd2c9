// NAME
//   test_apply_edits — splicing edits and telling which conflict.
#include <doctest/doctest.h>

#include "fix/apply_edits.hpp"

using namespace pflint;

TEST_CASE("fix: edits apply against the original offsets, bytes outside them stay") {
  const std::string text = "a = 1\n# note\nb = 2\n";
  CHECK(fix::apply_edits(text, {{{4, 5}, "10"}, {{13, 14}, "c"}}) == "a = 10\n# note\nc = 2\n");
  CHECK(fix::apply_edits(text, {{{6, 13}, ""}}) == "a = 1\nb = 2\n");
  CHECK(fix::apply_edits(text, {{{19, 19}, "d = 3\n"}}) == text + "d = 3\n");
  CHECK(fix::apply_edits(text, {}) == text);
}

TEST_CASE("fix: conflicting spans") {
  CHECK(fix::conflicts({0, 5}, {4, 6}));
  CHECK(fix::conflicts({0, 5}, {0, 5}));
  CHECK(fix::conflicts({2, 2}, {2, 2}));   // two insertions at one place: order unknown
  CHECK(fix::conflicts({1, 4}, {2, 2}));   // insertion inside a replaced span
  CHECK_FALSE(fix::conflicts({0, 5}, {5, 6}));
  CHECK_FALSE(fix::conflicts({0, 5}, {5, 5}));
  CHECK_FALSE(fix::conflicts({3, 3}, {3, 6}));
}
