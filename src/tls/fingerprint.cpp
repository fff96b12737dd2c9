// NAME
//   fingerprint — one fingerprint's syntax (see fingerprint.hpp).
// SEE ALSO
//   src/tls/tls_dane.c (tls_dane_add_fpt_digests), src/util/hex_code.c (hex_decode_opt).
#include "tls/fingerprint.hpp"

namespace pflint::tls {
namespace {

// Postfix's limit on a fingerprint's text (tls_dane_add_fpt_digests).
constexpr std::size_t k_max_fingerprint = 192;

// hex_value - the value of a hexadecimal digit, or -1.
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::vector<unsigned char>> parse_fingerprint(std::string_view text) {
  if (text.empty() || text.size() > k_max_fingerprint) return std::nullopt;
  const bool colons = text.find(':') != std::string_view::npos;
  std::vector<unsigned char> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (colons && i > 0) {
      if (text[i] != ':') return std::nullopt;
      ++i;
    }
    if (i + 2 > text.size()) return std::nullopt;
    const int hi = hex_value(text[i]);
    const int lo = hex_value(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<unsigned char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

}  // namespace pflint::tls
