// Unit tests: PEGTL's analyze() finds no problem (no rule that can loop
// without consuming input) in any top-level grammar.
#include <doctest/doctest.h>

#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/main_cf.hpp"
#include "grammar/master_cf.hpp"

TEST_CASE("grammar analysis: main.cf") {
  CHECK(tao::pegtl::analyze<pflint::grammar::main_cf::file>(1) == 0);
}

TEST_CASE("grammar analysis: master.cf") {
  CHECK(tao::pegtl::analyze<pflint::grammar::master_cf::file>(1) == 0);
}
