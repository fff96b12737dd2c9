// Postfix's ISSPACE, ASCII case folding and trimming (src/util/ascii.hpp):
// the C-locale answers, whatever the process locale says.
#include <doctest/doctest.h>

#include <clocale>
#include <string>

#include "util/ascii.hpp"

using namespace pflint::util;

TEST_CASE("ascii: is_space is ISSPACE in the C locale") {
  for (const char c : std::string(" \t\n\v\f\r")) CHECK(is_space(c));
  CHECK_FALSE(is_space('\0'));
  CHECK_FALSE(is_space('a'));
  CHECK_FALSE(is_space(static_cast<char>(0xa0)));  // NBSP in Latin-1: not ASCII space
  CHECK_FALSE(is_space(static_cast<char>(0x85)));
  CHECK(is_line_blank('\t'));
  CHECK_FALSE(is_line_blank('\n'));
}

TEST_CASE("ascii: case folding touches ASCII letters only") {
  CHECK(lower("SMTP_TLS_Security_Level") == "smtp_tls_security_level");
  CHECK(lower("\xc3\x89T\xc3\x89") == "\xc3\x89t\xc3\x89");  // UTF-8 bytes unchanged
  CHECK(to_lower('@') == '@');
  CHECK(to_lower('[') == '[');
  CHECK(iequals("TLSv1.2", "tlsV1.2"));
  CHECK_FALSE(iequals("TLSv1.2", "TLSv1.3"));
  CHECK_FALSE(iequals("a", "ab"));
  // A process locale must not change the answers (the simulator once used tolower()).
  const char* old = std::setlocale(LC_CTYPE, nullptr);
  const std::string saved = old ? old : "C";
  if (std::setlocale(LC_CTYPE, "C.UTF-8") != nullptr) {
    CHECK(lower("\xc4") == "\xc4");
    CHECK_FALSE(is_space(static_cast<char>(0xa0)));
  }
  std::setlocale(LC_CTYPE, saved.c_str());
}

TEST_CASE("ascii: trim drops ISSPACE bytes at the ends only") {
  CHECK(trim("  a b \t\r\n") == "a b");
  CHECK(trim(" \t ").empty());
  CHECK(trim("") == "");
  CHECK(trim_left("  a ") == "a ");
  CHECK(trim_right("  a ") == "  a");
}
