// NAME
//   parse_bench — parse throughput and peak memory of the main.cf parser.
// DESCRIPTION
//   Loads FILE, parses it once and reports peak RSS (getrusage) for that
//   single parse, then parses it REPEAT more times and reports MB/s on one
//   core. Run by bench/run_parse_bench.sh; not a test.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "syntax/tree.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parse_bench FILE [REPEAT]\n");
    return 2;
  }
  const int repeat = argc > 2 ? std::atoi(argv[2]) : 10;
  std::string error;
  auto source = pflint::syntax::SourceFile::load(argv[1], error);
  if (!source) {
    std::fprintf(stderr, "parse_bench: %s\n", error.c_str());
    return 2;
  }
  std::size_t items = 0;
  {
    const auto tree = pflint::syntax::parse(*source, pflint::syntax::FileKind::main_cf);
    items = tree.items.size();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("input_bytes %u\nitems %zu\ntokens %zu\npeak_rss_kb %ld\n", source->size(), items, tree.tokens.size(),
                usage.ru_maxrss);
  }
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < repeat; ++i) {
    const auto tree = pflint::syntax::parse(*source, pflint::syntax::FileKind::main_cf);
    if (tree.items.size() != items) return 1;
  }
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  std::printf("mb_per_s %.1f\n", repeat * source->size() / (1024.0 * 1024.0) / seconds.count());
  return 0;
}
