// NAME
//   fuzz_policy_table — libFuzzer target: TLS policy-table sources through
//   the policy reader.
// DESCRIPTION
//   The input is read two ways: as the source text of a texthash:/hash:
//   table (postmap's syntax, read_source_entries), and as a map list
//   (split_maps) whose inline:{ } and static: maps are read with
//   read_table; file maps are left out (they would read the fuzzing
//   machine's files). Every entry's value goes through parse_policy() for
//   the default version and 3.10 (braced attributes), and parse_site_value().
//   Property: every Location that points into the input lies inside it, on
//   UTF-8 boundaries.
// USAGE
//   fuzz/run.sh build/asan/fuzz/fuzz_policy_table SHARED [libFuzzer options]   (fuzz/README.md)
#include <cstdint>

#include "props.hpp"
#include "tls/policy_table.hpp"

namespace {

namespace tls = pflint::tls;

void require_location(const pflint::syntax::SourceFile& file, const tls::Location& where, std::string_view what) {
  if (where.file == &file) pflint::fuzz::require_span(file.text(), where.span, what);
}

void require_entries(const pflint::syntax::SourceFile& file, const std::vector<tls::TableEntry>& entries,
                     const std::vector<tls::TableProblem>& problems) {
  for (const tls::TableProblem& p : problems) require_location(file, p.where, "table problem");
  for (const tls::TableEntry& e : entries) {
    require_location(file, e.where, "table entry");
    require_location(file, e.key_where, "table key");
    (void)tls::parse_site_value(e.value);
    for (const auto version : {pflint::params::default_version(), pflint::params::Version{3, 10, 0}}) {
      const tls::ParsedPolicy policy = tls::parse_policy(e.value, version, e.value_map);
      require_location(file, policy.level_where, "policy level");
      for (const tls::PolicyAttribute& a : policy.attributes) require_location(file, a.where, "policy attribute");
      for (const tls::PolicyProblem& p : policy.problems) require_location(file, p.where, "policy problem");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const pflint::syntax::SourceFile file("fuzz/tls_policy", pflint::fuzz::as_text(data, size));

  std::vector<tls::TableProblem> problems;
  const std::vector<tls::TableEntry> entries = tls::read_source_entries(file, problems);
  require_entries(file, entries, problems);

  tls::ReadOptions options;
  options.list_map.file = &file;
  options.list_map.pieces = {{0, 0}};  // the list is the whole input, byte for byte
  for (const tls::MapRef& ref : tls::split_maps(file.text())) {
    pflint::fuzz::require(ref.begin <= ref.end && ref.end <= file.size(), "map outside the list");
    if (ref.spec.find(":/") != std::string::npos) continue;  // a file map
    const tls::PolicyTable table = tls::read_table(ref, options);
    require_entries(file, table.entries, table.problems);
  }
  return 0;
}
