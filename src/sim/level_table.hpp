// NAME
//   level_table — the documented outcome of every level against every
//   scenario (data/level-outcomes.json), and the judgement of a simulated
//   cell against it.
// DESCRIPTION
//   Columns are the eight input levels plus the obsolete parameters (which
//   map onto a level); each column says which main.cf settings select it.
//   A "platform" entry records where OpenSSL 3 makes the documented outcome
//   impossible (TLS 1.0); a cell equal to it is a platform divergence, not a
//   difference caused by the configuration.
// DIAGNOSTICS
//   load_level_table() throws std::runtime_error on malformed data.
// SEE ALSO
//   data/level-outcomes.json, postconf(5) smtp_tls_security_level, docs/simulate.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/verdict.hpp"

namespace pflint::sim {

struct LevelColumn {
  std::string name;                                        // "verify", "obsolete"
  std::vector<std::pair<std::string, std::string>> set;    // main.cf settings (smtp_ names)
  std::string maps_to;                                     // level whose outcomes apply (default: name)
  std::string note;
};

struct LevelTable {
  std::vector<LevelColumn> columns;
  std::map<std::string, std::map<std::string, std::string>> outcomes;  // scenario → level → class
  std::map<std::string, std::map<std::string, std::string>> platform;  // scenario → level → class
  std::map<std::string, std::string> platform_why;                     // scenario → why
  [[nodiscard]] const LevelColumn* column(std::string_view name) const;
  [[nodiscard]] std::optional<std::string> documented(const std::string& scenario, const std::string& column) const;
};

LevelTable load_level_table(std::string_view json);
const LevelTable& builtin_level_table();

struct Judgement {
  std::string status;       // ok | differs | platform | undocumented
  std::string documented;   // the table's class
  std::string actual;       // outcome_class()
  std::string explanation;  // for differs: the setting that caused it; for platform: why
};

Judgement judge(const LevelTable& table, const std::string& scenario, const std::string& column, const Outcome& outcome);

}  // namespace pflint::sim
