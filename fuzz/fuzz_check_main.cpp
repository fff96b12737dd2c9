// NAME
//   fuzz_check_main — libFuzzer target: any bytes as main.cf through the
//   whole `pflint check` pipeline (tree, model, TLS model, every rule, every
//   report format, the fix loop), with the properties of check_pipeline.hpp.
//   Inputs of odd length are checked for Postfix 3.11 (expansion functions,
//   the 3.11 defaults), even ones for the default version.
// USAGE
//   fuzz/run.sh build/asan/fuzz/fuzz_check_main SHARED [libFuzzer options]   (fuzz/README.md)
#include <cstdint>

#include "check_pipeline.hpp"
#include "props.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto version =
      (size % 2 == 1) ? pflint::params::Version{3, 11, 0} : pflint::params::default_version();
  pflint::fuzz::check_texts(pflint::fuzz::as_text(data, size), std::nullopt, version);
  return 0;
}
