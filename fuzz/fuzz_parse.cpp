// NAME
//   fuzz_parse — libFuzzer target: any bytes through both parsers and the
//   config model must never crash, and the tree must reprint the input.
// USAGE
//   fuzz/run.sh build/asan/fuzz/fuzz_parse SHARED [libFuzzer options]   (fuzz/README.md)
#include <cstdint>
#include <string>

#include "config/main_config.hpp"
#include "config/master_config.hpp"
#include "props.hpp"
#include "syntax/tree.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = pflint::fuzz::as_text(data, size);
  for (auto kind : {pflint::syntax::FileKind::main_cf, pflint::syntax::FileKind::master_cf}) {
    const pflint::syntax::SourceFile source("fuzz.cf", text);
    const pflint::syntax::Tree tree = pflint::syntax::parse(source, kind);
    pflint::fuzz::require_roundtrip(source, tree);
    if (kind == pflint::syntax::FileKind::main_cf) {
      (void)pflint::config::MainConfig::build(source, tree);
    } else {
      (void)pflint::config::MasterConfig::build(source, tree);
    }
  }
  return 0;
}
