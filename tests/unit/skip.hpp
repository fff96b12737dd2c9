// NAME
//   skip — report a unit test as Skipped to CTest, not as Passed.
// DESCRIPTION
//   skip("../shared not present") prints "skipped: <reason>" and makes the
//   runner (tests/unit/main.cpp) exit with skip_exit_code when everything
//   else passed. CTest entries that run such a test case carry
//   SKIP_RETURN_CODE 77 (tests/CMakeLists.txt), so a run without the input
//   shows as Skipped. Test cases that may skip are marked doctest::skip()
//   so that doctest_discover_tests leaves them out and they get an entry of
//   their own; a plain run of the binary lists them as skipped.
// SEE ALSO
//   ccache's unittest runner (SKIP_RETURN_CODE), automake's exit status 77.
#pragma once

#include <cstdio>
#include <string_view>

namespace pflint::test {

inline constexpr int skip_exit_code = 77;
inline bool skip_requested = false;

inline void skip(std::string_view reason) {
  std::printf("skipped: %.*s\n", static_cast<int>(reason.size()), reason.data());
  std::fflush(stdout);
  skip_requested = true;
}

}  // namespace pflint::test
