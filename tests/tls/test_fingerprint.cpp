// Unit tests: tls::parse_fingerprint — the fingerprint syntax shared by the
// effective policy, PF3014 and the simulator (tls_dane_add_fpt_digests).
#include <doctest/doctest.h>

#include <string>

#include "tls/fingerprint.hpp"

using pflint::tls::parse_fingerprint;
using Bytes = std::vector<unsigned char>;

TEST_CASE("parse_fingerprint: hex pairs, with or without colons, either case") {
  CHECK(parse_fingerprint("A23C") == Bytes{0xA2, 0x3C});
  CHECK(parse_fingerprint("a2:3c") == Bytes{0xA2, 0x3C});
  CHECK(parse_fingerprint("00:ff:10") == Bytes{0x00, 0xFF, 0x10});
  CHECK(parse_fingerprint("7F") == Bytes{0x7F});
}

TEST_CASE("parse_fingerprint: malformed values") {
  CHECK_FALSE(parse_fingerprint(""));
  CHECK_FALSE(parse_fingerprint("A23"));       // odd number of digits
  CHECK_FALSE(parse_fingerprint("A2:3"));      // a half pair after a colon
  CHECK_FALSE(parse_fingerprint("A:23C"));     // colon inside a pair
  CHECK_FALSE(parse_fingerprint(":A2:3C"));    // leading colon
  CHECK_FALSE(parse_fingerprint("A2:3C:"));    // trailing colon
  CHECK_FALSE(parse_fingerprint("A2::3C"));    // doubled colon
  CHECK_FALSE(parse_fingerprint("A2:3C4D"));   // colons only between some pairs
  CHECK_FALSE(parse_fingerprint("G0"));        // not hex
  CHECK_FALSE(parse_fingerprint("A2|3C"));     // '|' separates match= values, not bytes
}

TEST_CASE("parse_fingerprint: at most 192 characters") {
  const std::string max(192, 'a');
  REQUIRE(parse_fingerprint(max));
  CHECK(parse_fingerprint(max)->size() == 96);
  CHECK_FALSE(parse_fingerprint(max + "aa"));
  std::string sha512;  // 64 bytes with colons: 191 characters
  for (int i = 0; i < 64; ++i) sha512 += i ? ":AB" : "AB";
  CHECK(parse_fingerprint(sha512)->size() == 64);
}
