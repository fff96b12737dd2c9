// NAME
//   compare — relational operator evaluation (see compare.hpp).
// SEE ALSO
//   src/util/mac_expand.c (atol_or_die, mac_exp_eval), src/util/alldig.c,
//   src/global/compat_level.c (compat_level_from_string) in the Postfix source.
#include "expand/compare.hpp"

#include <climits>
#include <cstddef>

#include "util/ascii.hpp"

namespace pflint::expand {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  for (const char ch : s) {
    if (ch < '0' || ch > '9') {
      return false;
    }
  }
  return true;
}

// Strtol - what strtol(s, &end, 10) reports: value, bytes used, overflow.
struct Strtol {
  long value = 0;
  std::size_t used = 0;  // 0: no conversion
  bool range = false;
};

// c_strtol - strtol(3) in base 10: blanks, an optional sign, digits.
Strtol c_strtol(std::string_view s) {
  Strtol r;
  std::size_t i = 0;
  while (i < s.size() && util::is_space(s[i])) {
    ++i;
  }
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    negative = s[i] == '-';
    ++i;
  }
  const std::size_t digits = i;
  unsigned long magnitude = 0;
  const unsigned long limit = negative ? static_cast<unsigned long>(LONG_MAX) + 1UL : LONG_MAX;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    const auto d = static_cast<unsigned long>(s[i] - '0');
    if (!r.range && magnitude > (limit - d) / 10) {
      r.range = true;
    }
    if (!r.range) {
      magnitude = magnitude * 10 + d;
    }
  }
  if (i == digits) {
    return r;  // no digits: nothing converted
  }
  r.used = i;
  if (r.range) {
    r.value = negative ? LONG_MIN : LONG_MAX;
  } else if (negative) {
    r.value = magnitude == static_cast<unsigned long>(LONG_MAX) + 1UL ? LONG_MIN : -static_cast<long>(magnitude);
  } else {
    r.value = static_cast<long>(magnitude);
  }
  return r;
}

bool apply(long delta, RelOp op) {
  switch (op) {
    case RelOp::eq: return delta == 0;
    case RelOp::ne: return delta != 0;
    case RelOp::lt: return delta < 0;
    case RelOp::le: return delta <= 0;
    case RelOp::gt: return delta > 0;
    case RelOp::ge: return delta >= 0;
  }
  return false;
}

constexpr int k_patch_width = 10;
constexpr int k_minor_width = 10;
constexpr long k_minor_bits = 0x3ff;
constexpr long k_patch_bits = 0x3ff;
constexpr int k_major_shift = k_patch_width + k_minor_width;

}  // namespace

CompareResult compare_values(std::string_view left, RelOp op, std::string_view right) {
  CompareResult r;
  long delta = 0;
  if (all_digits(left) && all_digits(right)) {
    const Strtol l = c_strtol(left);
    if (l.range) {
      r.fatal = "mac_exp_eval: bad conversion: " + std::string(left);
      return r;
    }
    const Strtol rt = c_strtol(right);
    if (rt.range) {
      r.fatal = "mac_exp_eval: bad conversion: " + std::string(right);
      return r;
    }
    delta = l.value - rt.value;  // both non-negative: cannot overflow
  } else {
    const int c = left.compare(right);
    delta = c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  r.value = apply(delta, op);
  return r;
}

std::optional<long> compat_level_from_string(std::string_view text) {
  std::string_view rest = text;
  // field - one number up to the end or (when more may follow) a '.';
  // `last` is set when the number ended the text.
  auto field = [&rest](long max, bool more_allowed, long& out, bool& last) {
    const Strtol f = c_strtol(rest);
    if (f.used == 0 || f.range || f.value < 0 || f.value > max) {
      return false;
    }
    last = f.used == rest.size();
    if (!last && !(more_allowed && rest[f.used] == '.')) {
      return false;
    }
    out = f.value;
    rest = last ? std::string_view{} : rest.substr(f.used + 1);
    return true;
  };
  long major = 0;
  long minor = 0;
  long patch = 0;
  bool last = false;
  if (!field(LONG_MAX >> k_major_shift, true, major, last)) {
    return std::nullopt;
  }
  long result = major << k_major_shift;
  if (last) {
    return result;
  }
  if (!field(k_minor_bits, true, minor, last)) {
    return std::nullopt;
  }
  result |= minor << k_patch_width;
  if (last) {
    return result;
  }
  if (!field(k_patch_bits, false, patch, last)) {
    return std::nullopt;
  }
  return result | patch;
}

CompareResult compare_levels(std::string_view left, RelOp op, std::string_view right) {
  CompareResult r;
  const auto l = compat_level_from_string(left);
  if (!l) {
    r.warning = "malformed compatibility level syntax: \"" + std::string(left) + "\"";
    return r;
  }
  const auto rt = compat_level_from_string(right);
  if (!rt) {
    r.warning = "malformed compatibility level syntax: \"" + std::string(right) + "\"";
    return r;
  }
  r.value = apply(*l - *rt, op);
  return r;
}

}  // namespace pflint::expand
