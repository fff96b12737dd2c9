// Unit tests: the did-you-mean index gives exactly the suggestions of the
// plain scan it replaced (kept here as the oracle) on many misspellings.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "model/suggest.hpp"
#include "params/params.hpp"

using namespace pflint;

namespace {

// The implementation before the index: every known name, in known_params
// order, against the capped edit distance with transpositions.
std::size_t oracle_distance(std::string_view a, std::string_view b, std::size_t cap) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > cap) return cap + 1;
  std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > cap) return cap + 1;
    prev2.swap(prev);
    prev.swap(cur);
  }
  return prev[b.size()];
}

std::optional<std::string_view> oracle_suggestion(std::string_view name, params::Version v) {
  const std::size_t cap = std::max<std::size_t>(1, std::min<std::size_t>(3, name.size() / 5));
  std::optional<std::string_view> best;
  std::size_t best_distance = cap + 1;
  for (const params::param_info* p : params::known_params(v)) {
    const std::size_t d = oracle_distance(name, p->name, cap);
    if (d < best_distance) {
      best_distance = d;
      best = p->name;
    }
  }
  return best;
}

// misspell - `name` with `edits` random deletions, insertions, substitutions
// or adjacent transpositions.
std::string misspell(std::string name, int edits, std::mt19937& rng) {
  static constexpr std::string_view alphabet = "abcdefghijklmnopqrstuvwxyz_0123456789ST";
  for (int e = 0; e < edits; ++e) {
    const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n)(rng); };
    const char c = alphabet[pick(alphabet.size() - 1)];
    switch (pick(3)) {
      case 0:
        if (!name.empty()) name.erase(pick(name.size() - 1), 1);
        break;
      case 1: name.insert(pick(name.size()), 1, c); break;
      case 2:
        if (!name.empty()) name[pick(name.size() - 1)] = c;
        break;
      default:
        if (name.size() > 1) {
          const std::size_t at = pick(name.size() - 2);
          std::swap(name[at], name[at + 1]);
        }
    }
  }
  return name;
}

}  // namespace

TEST_CASE("suggest: the index agrees with the plain scan on misspellings of every known name") {
  std::mt19937 rng(12);
  std::size_t compared = 0;
  std::size_t suggested = 0;
  for (const params::Version v : {params::Version{3, 7, 11}, params::Version{3, 12, 0}}) {
    std::vector<std::string> names = {"", "a", "ab", "smtp", "xyzzy", "header_checks_2", "smtp_tls_security_levle",
                                      "mynetwork", "relay_host", "smtpd_tls_cert_fil", "ZZZZZZZZZZZZZZZZZZZZZZZZ"};
    for (const params::param_info* p : params::known_params(v, true)) {
      names.emplace_back(p->name);
      for (int edits = 1; edits <= 4; ++edits) names.push_back(misspell(std::string(p->name), edits, rng));
      names.push_back(std::string(p->name) + "_" + std::to_string(names.size() % 100));
    }
    for (const std::string& name : names) {
      const auto expected = oracle_suggestion(name, v);
      const auto got = model::closest_param(name, v);
      INFO("name: ", name);
      REQUIRE(got.has_value() == expected.has_value());
      if (got) CHECK(*got == *expected);
      ++compared;
      suggested += got ? 1 : 0;
    }
  }
  // Both outcomes are exercised: a test where nothing (or everything) is
  // suggested would not tell the two apart.
  CHECK(compared > 5000);
  CHECK(suggested > compared / 3);
  CHECK(suggested < compared);
}
