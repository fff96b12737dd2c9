// NAME
//   unified_diff — line matching and hunk printing.
#include "report/unified_diff.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <vector>

#include "util/physical_lines.hpp"

namespace pflint::report {
namespace {

struct Op {
  char kind;  // ' ', '-', '+'
  std::size_t a;  // index in the old lines (for ' ' and '-')
  std::size_t b;  // index in the new lines (for ' ' and '+')
};

// edit_script - keep/delete/insert steps turning `a` into `b`.
std::vector<Op> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  const std::size_t n = a.size() - pre - suf;
  const std::size_t m = b.size() - pre - suf;
  // lcs[i][j]: longest common subsequence of a[pre+i..] and b[pre+j..] in the middle.
  std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] = a[pre + i] == b[pre + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::vector<Op> ops;
  for (std::size_t k = 0; k < pre; ++k) ops.push_back({' ', k, k});
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[pre + i] == b[pre + j]) {
      ops.push_back({' ', pre + i++, pre + j++});
    } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      ops.push_back({'+', pre + i, pre + j++});
    } else {
      ops.push_back({'-', pre + i++, pre + j});
    }
  }
  // Deletions before insertions within a run of changes, as diff prints them.
  for (std::size_t k = 0; k < ops.size();) {
    std::size_t e = k;
    while (e < ops.size() && ops[e].kind != ' ') ++e;
    std::stable_partition(ops.begin() + static_cast<std::ptrdiff_t>(k), ops.begin() + static_cast<std::ptrdiff_t>(e),
                          [](const Op& o) { return o.kind == '-'; });
    k = e == k ? k + 1 : e;
  }
  for (std::size_t k = 0; k < suf; ++k) ops.push_back({' ', pre + n + k, pre + m + k});
  return ops;
}

// range - "START,COUNT" of a hunk side (GNU diff: START alone when COUNT is 1;
// START is the line before when COUNT is 0).
std::string range(std::size_t first, std::size_t count) {
  if (count == 1) return fmt::format("{}", first + 1);
  return fmt::format("{},{}", count == 0 ? first : first + 1, count);
}

// print_line - one diff line, with the marker for a missing last newline.
void print_line(std::string& out, char kind, std::string_view line) {
  out += kind;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after, int context) {
  if (before == after) return "";
  const std::vector<std::string_view> a = util::physical_lines(before);
  const std::vector<std::string_view> b = util::physical_lines(after);
  const std::vector<Op> ops = edit_script(a, b);
  const auto ctx = static_cast<std::size_t>(context);
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  std::size_t k = 0;
  while (k < ops.size()) {
    while (k < ops.size() && ops[k].kind == ' ') ++k;
    if (k == ops.size()) break;
    // The hunk runs from `start` to `end`: changes no more than 2*ctx apart.
    const std::size_t start = k >= ctx ? k - ctx : 0;
    std::size_t last = k;
    std::size_t e = k;
    while (e < ops.size()) {
      if (ops[e].kind != ' ') {
        last = e;
      } else if (e - last > 2 * ctx) {
        break;
      }
      ++e;
    }
    const std::size_t end = std::min(ops.size(), last + 1 + ctx);
    std::size_t a_count = 0;
    std::size_t b_count = 0;
    // The first line of each side: the smallest index in the hunk (a '-'
    // moved before a '+' carries the b index after that insertion).
    std::size_t a_first = ops[start].a;
    std::size_t b_first = ops[start].b;
    for (std::size_t x = start; x < end; ++x) {
      a_count += ops[x].kind != '+' ? 1 : 0;
      b_count += ops[x].kind != '-' ? 1 : 0;
      a_first = std::min(a_first, ops[x].a);
      b_first = std::min(b_first, ops[x].b);
    }
    out += fmt::format("@@ -{} +{} @@\n", range(a_first, a_count), range(b_first, b_count));
    for (std::size_t x = start; x < end; ++x) {
      print_line(out, ops[x].kind, ops[x].kind == '+' ? b[ops[x].b] : a[ops[x].a]);
    }
    k = end;
  }
  return out;
}

}  // namespace pflint::report
