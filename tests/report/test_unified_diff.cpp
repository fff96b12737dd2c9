// NAME
//   test_unified_diff — the --diff output, compared with what diff -u prints.
#include <doctest/doctest.h>

#include "report/unified_diff.hpp"

using namespace pflint;

TEST_CASE("fix: unified diff of equal texts is empty") { CHECK(report::unified_diff("main.cf", "a\n", "a\n").empty()); }

TEST_CASE("fix: unified diff with three lines of context, hunks merged or split") {
  std::string before;
  for (int i = 1; i <= 20; ++i) before += "l" + std::to_string(i) + "\n";
  std::string after = before;
  after.replace(after.find("l2\n"), 3, "");              // delete line 2
  after.replace(after.find("l10\n"), 4, "ten\n");        // change line 10
  after.replace(after.find("l19\n"), 4, "l19\nnew\n");   // insert after 19
  CHECK(report::unified_diff("etc/main.cf", before, after) ==
        "--- a/etc/main.cf\n+++ b/etc/main.cf\n"
        "@@ -1,5 +1,4 @@\n l1\n-l2\n l3\n l4\n l5\n"
        "@@ -7,7 +6,7 @@\n l7\n l8\n l9\n-l10\n+ten\n l11\n l12\n l13\n"
        "@@ -17,4 +16,5 @@\n l17\n l18\n l19\n+new\n l20\n");
  // Changes six lines apart share one hunk.
  std::string close = before;
  close.replace(close.find("l4\n"), 3, "four\n");
  close.replace(close.find("l11\n"), 4, "eleven\n");
  CHECK(report::unified_diff("m", before, close) ==
        "--- a/m\n+++ b/m\n@@ -1,14 +1,14 @@\n l1\n l2\n l3\n-l4\n+four\n l5\n l6\n l7\n l8\n l9\n l10\n-l11\n"
        "+eleven\n l12\n l13\n l14\n");
}

TEST_CASE("fix: unified diff marks a missing newline and an emptied file") {
  CHECK(report::unified_diff("m", "a\nb", "a\n") == "--- a/m\n+++ b/m\n@@ -1,2 +1 @@\n a\n-b\n\\ No newline at end of file\n");
  CHECK(report::unified_diff("m", "x\n", "") == "--- a/m\n+++ b/m\n@@ -1 +0,0 @@\n-x\n");
}

TEST_CASE("fix: unified diff of a changed first line starts both sides at line 1 (diff -u: @@ -1 +1 @@)") {
  CHECK(report::unified_diff("m", "smtp_enforce_tls = yes\n", "smtp_tls_security_level = verify\n") ==
        "--- a/m\n+++ b/m\n@@ -1 +1 @@\n-smtp_enforce_tls = yes\n+smtp_tls_security_level = verify\n");
  CHECK(report::unified_diff("m", "a\nb\n", "c\nd\n") == "--- a/m\n+++ b/m\n@@ -1,2 +1,2 @@\n-a\n-b\n+c\n+d\n");
}
