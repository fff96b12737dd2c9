// NAME
//   fuzz_parse — libFuzzer target: any bytes through both parsers and the
//   config model must never crash, and the tree must reprint the input.
// USAGE
//   CC=clang CXX=clang++ cmake -S . -B build/fuzz -DPFLINT_BUILD_FUZZ=ON
//   cmake --build build/fuzz --target fuzz_parse
//   build/fuzz/fuzz/fuzz_parse -max_total_time=60 ../shared/corpus/main
#include <cstdint>
#include <cstdlib>
#include <string>

#include "config/main_config.hpp"
#include "config/master_config.hpp"
#include "syntax/tree.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (auto kind : {pflint::syntax::FileKind::main_cf, pflint::syntax::FileKind::master_cf}) {
    const pflint::syntax::SourceFile source("fuzz.cf", text);
    const pflint::syntax::Tree tree = pflint::syntax::parse(source, kind);
    if (pflint::syntax::print(source, tree) != text) std::abort();  // lossless or bust
    if (kind == pflint::syntax::FileKind::main_cf) {
      (void)pflint::config::MainConfig::build(source, tree);
    } else {
      (void)pflint::config::MasterConfig::build(source, tree);
    }
  }
  return 0;
}
