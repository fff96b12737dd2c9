// NAME
//   fuzz_expand — libFuzzer target: the `$name` expansion language, parsed
//   and evaluated with a dictionary built from the input.
// DESCRIPTION
//   The first line of the input is the value; every later line
//   "name = value" (or "name=value") is one dictionary entry (the first of
//   a name wins). The value is parsed (with and without 3.11 functions),
//   scanned as postconf scans it, and expanded recursively and not.
//   Properties: every diagnostic's and reference's span lies inside the
//   value; an expansion makes at most pflint's bound of lookups (plus the
//   one that crosses it) and says too_large exactly when it stops on it.
// USAGE
//   fuzz/run.sh build/asan/fuzz/fuzz_expand SHARED [libFuzzer options]   (fuzz/README.md)
#include <cstdint>
#include <map>
#include <string>

#include "expand/evaluate.hpp"
#include "expand/parse.hpp"
#include "expand/scan.hpp"
#include "props.hpp"
#include "util/ascii.hpp"

namespace {

namespace ex = pflint::expand;
using pflint::fuzz::require;

void require_inside(std::string_view value, ex::Span span, std::string_view what) {
  require(span.begin <= span.end && span.end <= value.size(), what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = pflint::fuzz::as_text(data, size);
  const std::string_view all(input);
  const std::size_t eol = all.find('\n');
  const std::string_view value = all.substr(0, eol);
  std::map<std::string, std::string, std::less<>> dict;
  for (std::size_t at = eol; at != std::string_view::npos && at < all.size();) {
    const std::size_t next = all.find('\n', at + 1);
    const std::string_view line = all.substr(at + 1, next == std::string_view::npos ? next : next - at - 1);
    if (const std::size_t eq = line.find('='); eq != std::string_view::npos) {
      dict.emplace(std::string(pflint::util::trim(line.substr(0, eq))),
                   std::string(pflint::util::trim(line.substr(eq + 1))));
    }
    at = next;
  }

  const bool functions = size % 2 == 1;
  for (const bool f : {false, true}) {
    ex::ParseOptions po;
    po.allow_functions = f;
    const ex::ParseResult parsed = ex::parse(value, po);
    require(parsed.root != nullptr, "parse gave no tree");
    for (const ex::Diag& d : parsed.diagnostics) require_inside(value, d.span, "parse diagnostic outside the value");
  }
  for (const ex::NameRef& r : ex::scan(value, functions).names) {
    require_inside(value, r.span, "scanned name outside the value");
  }

  std::uint32_t lookups = 0;
  const ex::Lookup lookup = [&](std::string_view name, ex::LookupMode) -> std::optional<std::string> {
    ++lookups;
    const auto it = dict.find(name);
    if (it == dict.end()) return std::nullopt;
    return it->second;
  };
  for (const bool recursive : {true, false}) {
    ex::EvalOptions options;
    options.recursive = recursive;
    options.allow_functions = functions;
    lookups = 0;
    const ex::Result r = ex::expand(value, lookup, options);
    require(lookups <= options.max_lookups + 1, "an expansion made more lookups than its bound");
    require(!r.too_large || (r.fatal && r.value.empty()), "too_large without a fatal message, or with a value");
    for (const ex::NameRef& ref : r.references) require_inside(value, ref.span, "reference outside the value");
  }
  return 0;
}
