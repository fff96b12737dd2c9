// NAME
//   suggest — did-you-mean search over the known names as a trie (see suggest.hpp).
#include "model/suggest.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "params/params.hpp"

namespace pflint::model {
namespace {

// The known names of one version, one sorted array per length: each array
// is a trie laid out flat, where the names below a prefix are one
// contiguous run.
struct NameIndex {
  struct Entry {
    std::string_view name;
    std::size_t order;  // position in known_params: breaks ties
    std::array<std::uint8_t, 256> count{};  // of each byte in the name
  };
  struct Bucket {
    std::vector<Entry> names;
    // most[c] - the most times byte c occurs in one of the names
    std::array<std::uint8_t, 256> most{};
  };
  std::vector<Bucket> by_length;
};

const NameIndex& name_index(params::Version v) {
  static std::mutex mutex;
  static std::map<params::Version, NameIndex> cache;
  const std::lock_guard lock(mutex);
  auto [it, inserted] = cache.try_emplace(v);
  if (inserted) {
    auto& by_length = it->second.by_length;
    const std::vector<const params::param_info*> known = params::known_params(v);
    for (std::size_t i = 0; i < known.size(); ++i) {
      const std::string_view name = known[i]->name;
      if (by_length.size() <= name.size()) by_length.resize(name.size() + 1);
      NameIndex::Bucket& bucket = by_length[name.size()];
      NameIndex::Entry& entry = bucket.names.emplace_back(NameIndex::Entry{name, i});
      for (const char c : name) {
        auto& most = bucket.most[static_cast<unsigned char>(c)];
        most = std::max(most, ++entry.count[static_cast<unsigned char>(c)]);
      }
    }
    for (auto& bucket : by_length) {
      std::sort(bucket.names.begin(), bucket.names.end(),
                [](const NameIndex::Entry& a, const NameIndex::Entry& b) { return a.name < b.name; });
    }
  }
  return it->second;
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
  const auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  return static_cast<std::size_t>(ia - a.begin());
}

// The bytes of the name looked for, with how often each occurs.
struct Histogram {
  std::vector<std::pair<unsigned char, std::uint8_t>> counts;
  explicit Histogram(std::string_view name) {
    std::array<std::size_t, 256> count{};
    for (const char c : name) ++count[static_cast<unsigned char>(c)];
    for (std::size_t b = 0; b < count.size(); ++b) {
      if (count[b] != 0) counts.emplace_back(static_cast<unsigned char>(b), static_cast<std::uint8_t>(std::min<std::size_t>(count[b], 255)));
    }
  }
  // unmatched - how many characters of the name looked for a name with these
  // byte counts (or at most these) cannot match: each edit removes at most
  // one of them, so the distance is at least that.
  [[nodiscard]] std::size_t unmatched(const std::array<std::uint8_t, 256>& other) const {
    std::size_t extra = 0;
    for (const auto& [b, n] : counts) extra += n > other[b] ? n - other[b] : 0;
    return extra;
  }
};

std::size_t gap(std::size_t a, std::size_t b) { return a > b ? a - b : b - a; }

// The best name found so far, over all lengths searched.
struct Best {
  std::optional<std::string_view> name;
  std::size_t distance;
  std::size_t order = 0;
  // beaten - can a name at `distance` d (or more), `order` unknown, still win?
  [[nodiscard]] bool out_of_reach(std::size_t d, std::size_t cap) const { return d > distance || (d == distance && d > cap); }
};

// search_length - walk the trie of the known names of one length L.
// rows[i * width + j] is the distance between the first i characters of the
// current known name and the first j of `name`, kept only in the band
// |i - j| <= cap (outside it the distance exceeds cap: cap + 1 stands for
// it). A prefix is abandoned when no cell of its last row, plus the length
// still to make up, can reach the best.
void search_length(std::string_view name, const Histogram& query, const std::vector<NameIndex::Entry>& names, std::size_t cap,
                   std::vector<std::size_t>& rows, Best& best) {
  const std::size_t width = name.size() + 1;
  const std::size_t over = cap + 1;
  const std::size_t m = name.size();
  const char* const text = name.data();  // unchecked: the band keeps j - 2 .. j - 1 inside
  std::size_t valid = 0;  // rows 0..valid belong to the prefix of `last`
  std::string_view last;
  std::size_t k = 0;
  while (k < names.size()) {
    const auto& [known, order, count] = names[k];
    if (best.out_of_reach(query.unmatched(count), cap)) {
      ++k;
      continue;
    }
    const std::size_t length = known.size();
    std::size_t depth = std::min(valid, common_prefix(last, known));
    last = known;
    bool pruned = false;
    while (depth < length) {
      const std::size_t i = depth + 1;
      std::size_t* cur = &rows[i * width];
      const std::size_t* prev = cur - width;
      const std::size_t* prev2 = i > 1 ? prev - width : nullptr;
      const std::size_t lo = i > cap ? i - cap : 1;
      const std::size_t hi = std::min(m, i + cap);
      cur[0] = i;
      if (lo > 1) cur[lo - 1] = over;
      if (hi < m) cur[hi + 1] = over;
      std::size_t bound = i <= cap ? i + gap(length - i, m) : over;
      const char k1 = known[i - 1];
      const char k2 = i > 1 ? known[i - 2] : '\0';
      for (std::size_t j = lo; j <= hi; ++j) {
        const char n1 = text[j - 1];
        std::size_t d = prev[j - 1] + (k1 == n1 ? 0 : 1);
        d = std::min(d, std::min(prev[j], cur[j - 1]) + 1);
        if (prev2 != nullptr && j > 1 && k1 == text[j - 2] && k2 == n1) d = std::min(d, prev2[j - 2] + 1);
        cur[j] = d;
        bound = std::min(bound, d + gap(length - i, m - j));
      }
      depth = i;
      if (best.out_of_reach(bound, cap)) {
        pruned = true;
        break;
      }
    }
    valid = depth;
    if (pruned) {
      // Skip every name under the abandoned prefix: they are contiguous.
      const std::string_view prefix = known.substr(0, depth);
      k = static_cast<std::size_t>(std::partition_point(names.begin() + static_cast<std::ptrdiff_t>(k), names.end(),
                                                        [&](const NameIndex::Entry& e) { return e.name.starts_with(prefix); }) -
                                   names.begin());
      continue;
    }
    const std::size_t d = rows[length * width + m];
    if (d < best.distance || (d == best.distance && d <= cap && order < best.order)) best = Best{known, d, order};
    ++k;
  }
}

}  // namespace

std::optional<std::string_view> closest_param(std::string_view name, params::Version v) {
  const NameIndex& index = name_index(v);
  const std::size_t cap = std::max<std::size_t>(1, std::min<std::size_t>(3, name.size() / 5));
  const std::size_t width = name.size() + 1;
  const std::size_t longest = std::min(index.by_length.size() - 1, name.size() + cap);
  std::vector<std::size_t> rows((longest + 1) * width);
  for (std::size_t j = 0; j < width; ++j) rows[j] = j;
  Best best{std::nullopt, cap + 1};
  const Histogram query(name);
  for (std::size_t length = name.size() > cap ? name.size() - cap : 0; length <= longest; ++length) {
    const NameIndex::Bucket& bucket = index.by_length[length];
    if (best.out_of_reach(std::max(query.unmatched(bucket.most), gap(length, name.size())), cap)) continue;
    search_length(name, query, bucket.names, cap, rows, best);
  }
  return best.name;
}

}  // namespace pflint::model
