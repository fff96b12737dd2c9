// Unit tests: parse + reprint equals the input for the real-config corpus
// (../shared/corpus), for mutated inputs, and for hostile input (binary,
// huge lines, invalid UTF-8, deep nesting) that must never crash or hang.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "tree_test_util.hpp"
#include "util/read_file.hpp"
#include "../unit/skip.hpp"

using namespace pflint;
namespace fs = std::filesystem;

namespace {
std::string read_file(const fs::path& path) {
  std::string error;
  return util::read_file(path.string(), error).value_or(std::string());
}

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> files;
  const fs::path root = fs::path(PFLINT_SHARED_DIR) / "corpus";
  for (const char* sub : {"main", "master"}) {
    if (!fs::is_directory(root / sub)) continue;
    for (const auto& e : fs::directory_iterator(root / sub)) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

syntax::FileKind kind_of(const fs::path& p) {
  return p.parent_path().filename() == "master" ? syntax::FileKind::master_cf : syntax::FileKind::main_cf;
}

// mutate - a copy of text with a few random edits drawn from the bytes that
// matter to the grammars.
std::string mutate(std::string text, std::mt19937& rng) {
  static const std::string alphabet = std::string(" \t\n\r#={}$-o,:\\\"\0\xff", 18);
  std::uniform_int_distribution<int> edits(1, 8);
  for (int n = edits(rng); n > 0; --n) {
    const std::size_t pos = text.empty() ? 0 : std::uniform_int_distribution<std::size_t>(0, text.size())(rng);
    const char c = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
    switch (std::uniform_int_distribution<int>(0, 2)(rng)) {
      case 0: text.insert(pos, 1, c); break;
      case 1: if (pos < text.size()) text.erase(pos, 1); break;
      default: if (pos < text.size()) text[pos] = c; break;
    }
  }
  return text;
}
}  // namespace

// Needs ../shared: left out of doctest discovery (skip()) and run by its own
// CTest entry, syntax.roundtrip.corpus, which reports Skipped without it.
TEST_CASE("round trip: every main.cf and master.cf in ../shared/corpus" * doctest::skip()) {
  const auto files = corpus_files();
  if (files.empty()) {
    test::skip("../shared not present");
    return;
  }
  for (const auto& path : files) {
    CAPTURE(path.string());
    auto p = test::parse_text(read_file(path), kind_of(path));
    CHECK(test::lossless(p));
  }
  CHECK(files.size() > 50);
}

TEST_CASE("round trip: mutated inputs (fixed seed)") {
  std::vector<std::string> seeds = {
      "myhostname = a\nmynetworks = 1\n  2\n# c\n\n  3\n",
      "smtp inet n - y - - smtpd\n  -o a=b\n  -o { c = d e }\n#x\n",
  };
  for (const auto& path : corpus_files()) seeds.push_back(read_file(path));
  std::mt19937 rng(20261128);
  for (std::size_t round = 0; round < 3000; ++round) {
    const std::string& seed = seeds[round % seeds.size()];
    const std::string text = mutate(seed, rng);
    for (auto kind : {syntax::FileKind::main_cf, syntax::FileKind::master_cf}) {
      auto p = test::parse_text(text, kind);
      if (!test::lossless(p)) {
        FAIL("not lossless for mutated input of round " << round);
      }
    }
  }
}

TEST_CASE("hostile input: binary, invalid UTF-8, huge line, deep nesting") {
  std::mt19937 rng(7);
  std::string binary(1 << 20, '\0');
  for (auto& c : binary) c = static_cast<char>(rng());
  for (auto kind : {syntax::FileKind::main_cf, syntax::FileKind::master_cf}) {
    CHECK(test::lossless(test::parse_text(binary, kind)));
    CHECK(test::lossless(test::parse_text("a = \xff\xfe\xc3(\xed\xa0\x80\n", kind)));
    CHECK(test::lossless(test::parse_text("x = " + std::string(10000, '$') + std::string(10000, '{') + "\n", kind)));
  }
  std::string huge = "big = " + std::string(50u << 20, 'x');
  auto p = test::parse_text(huge);
  CHECK(test::item_kinds(p.tree) == "parameter");
  CHECK(p.tree.items[0].value.size() == 50u << 20);
  CHECK(test::lossless(p));
}
