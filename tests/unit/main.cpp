// The doctest runner shared by every unit test in tests/*/. Exits with
// test::skip_exit_code (77) when a test case called test::skip() and
// nothing failed, so CTest reports that entry as Skipped (tests/unit/skip.hpp).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "skip.hpp"

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int rc = context.run();
  if (context.shouldExit() || rc != 0) return rc;
  return pflint::test::skip_requested ? pflint::test::skip_exit_code : 0;
}
