// NAME
//   weaken — level guarantees, cipher grade and digest orders (see weaken.hpp).
#include "diff/weaken.hpp"

#include <array>
#include <cstdint>

#include <fmt/format.h>

#include "util/ascii.hpp"

namespace pflint::diff {
namespace {
using tls::Level;

enum Guarantee : std::uint8_t { tried = 1, required = 2, authenticated = 4, strict_names = 8 };
constexpr std::array<std::string_view, 4> k_guarantee_names = {"TLS", "mandatory TLS", "peer authentication",
                                                               "names not from DNS"};

// guarantees - the table in weaken.hpp.
std::uint8_t guarantees(Level l) {
  switch (l) {
    case Level::may: return tried;
    case Level::encrypt: return tried | required;
    case Level::dane:
    case Level::halfdane: return tried | authenticated;
    case Level::verify: return tried | required | authenticated;
    case Level::fingerprint:
    case Level::dane_only:
    case Level::secure: return tried | required | authenticated | strict_names;
    case Level::none:
    case Level::invalid:
    case Level::not_found: return 0;
  }
  return 0;
}

// digest_rank - higher is stronger; 0 for a name not known here.
int digest_rank(std::string_view name) {
  constexpr std::array<std::string_view, 6> order = {"md5", "sha1", "sha224", "sha256", "sha384", "sha512"};
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (util::iequals(name, order[i])) return static_cast<int>(i) + 1;
  }
  return 0;
}
}  // namespace

std::string level_weakening(Level was, Level now) {
  if (was == Level::invalid || now == Level::invalid) return {};  // invalid defers: fails closed
  const std::uint8_t lost = static_cast<std::uint8_t>(guarantees(was) & ~guarantees(now));
  if (lost == 0) return {};
  std::string names;
  for (std::size_t i = 0; i < k_guarantee_names.size(); ++i) {
    if ((lost & (1U << i)) != 0) names += std::string(names.empty() ? "" : ", ") + std::string(k_guarantee_names[i]);
  }
  return fmt::format("level lowered: {} → {} (loses {})", tls::level_name(was), tls::level_name(now), names);
}

std::string grade_weakening(tls::CipherGrade was, tls::CipherGrade now) {
  using tls::CipherGrade;
  if (was == CipherGrade::invalid || now == CipherGrade::invalid || now <= was) return {};
  return fmt::format("cipher grade lowered: {} → {}", tls::cipher_grade_name(was), tls::cipher_grade_name(now));
}

std::string digest_weakening(std::string_view was, std::string_view now) {
  const int a = digest_rank(was);
  const int b = digest_rank(now);
  if (a == 0 || b == 0 || b >= a) return {};
  return fmt::format("fingerprint digest weakened: {} → {}", was, now);
}

}  // namespace pflint::diff
