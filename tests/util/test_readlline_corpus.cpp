// The two readers of Postfix's line syntax agree: util::LogicalLines with
// split_nameval (what `pflint postconf` reads) and the lossless syntax tree
// with config::MainConfig (what `pflint check` reads) give the same names,
// values and line numbers, up to the first line Postfix would stop at — on
// tricky hand-made inputs and on every main.cf of ../shared/corpus.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../unit/skip.hpp"
#include "config/main_config.hpp"
#include "syntax/tree.hpp"
#include "util/read_file.hpp"
#include "util/readlline.hpp"
#include "util/split_nameval.hpp"

using namespace pflint;
namespace fs = std::filesystem;

namespace {

struct Setting {
  std::string name;
  std::string value;
  std::uint32_t line = 0;
};

// fast_read - dict_load_fp() over util's reader: the settings before the first bad line.
std::vector<Setting> fast_read(std::string_view text) {
  std::vector<Setting> out;
  util::LogicalLines lines(text);
  std::string logical;
  util::NameValue nv;
  while (lines.next(logical)) {
    if (util::leading_space(logical)) continue;
    if (util::split_nameval(logical, nv) != nullptr) break;
    out.push_back({std::string(nv.name), std::string(nv.value), lines.first_line()});
  }
  return out;
}

// lossless_read - the same from the syntax tree and MainConfig.
std::vector<Setting> lossless_read(const std::string& text) {
  const syntax::SourceFile source("main.cf", text);
  const syntax::Tree tree = syntax::parse_main_cf(source);
  const config::MainConfig config = config::MainConfig::build(source, tree);
  const std::uint32_t stop =
      config.first_error() ? source.position(config.first_error()->span.begin).line : UINT32_MAX;
  std::vector<Setting> out;
  for (const config::MainEntry& e : config.entries())
    if (e.line < stop) out.push_back({e.name, e.value, e.line});
  return out;
}

void check_agree(const std::string& text) {
  const auto fast = fast_read(text);
  const auto lossless = lossless_read(text);
  CHECK(fast.size() == lossless.size());
  for (std::size_t i = 0; i < std::min(fast.size(), lossless.size()); ++i) {
    CAPTURE(i);
    CHECK(fast[i].name == lossless[i].name);
    CHECK(fast[i].value == lossless[i].value);
    CHECK(fast[i].line == lossless[i].line);
  }
}

}  // namespace

TEST_CASE("readers agree: hand-made inputs") {
  for (const std::string& text : {
           std::string("a = 1\n  2\n# c\n\n  3\nb=x\n"),
           std::string("  indented = first\nok = 1\n"),
           std::string("a = 1 \t\r\nb =\n"),
           std::string("a = x\0y\nb = 2\n", 14),
           std::string("a = 1\nbroken line\nc = 3\n"),
           std::string("a = 1\n   # comment between\n  continued\n"),
           std::string("x = {a = b}\ny = $x ${z}\n"),
       }) {
    CAPTURE(text);
    check_agree(text);
  }
}

// Needs ../shared: left out of doctest discovery (skip()) and run by its own
// CTest entry, util.readers_agree.corpus, which reports Skipped without it.
TEST_CASE("readers agree: every main.cf in ../shared/corpus" * doctest::skip()) {
  const fs::path root = fs::path(PFLINT_SHARED_DIR) / "corpus" / "main";
  if (!fs::is_directory(root)) {
    test::skip("../shared not present");
    return;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(root)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    CAPTURE(path.string());
    std::string error;
    const auto text = util::read_file(path.string(), error);
    REQUIRE_MESSAGE(text, error);
    check_agree(*text);
  }
  CHECK(files.size() > 30);
}
