// NAME
//   render — text, markdown and JSON output of `pflint simulate`.
// DESCRIPTION
//   Config mode: per service and destination, one row per scenario with the
//   outcome, the reason as smtp(8) logs it and the setting that decided it.
//   --all-levels: a scenario × level matrix, each cell judged against
//   data/level-outcomes.json, then every differing cell with its cause.
//   Expectation results come last. JSON carries everything (log lines and
//   SMTP transcripts included).
//   Why here and not in src/report/: rendering lives in src/report/, which is
//   part of pflint_core, except for pflint_sim's own output. pflint_sim is a
//   library of its own because it links OpenSSL, pflint_core must not depend
//   on it, so its rendering stays beside it (README.md, "Layout").
// SEE ALSO
//   docs/simulate.md, src/sim/level_table.hpp, src/sim/expect.hpp.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "sim/expect.hpp"
#include "sim/level_table.hpp"
#include "sim/simulate.hpp"

namespace pflint::sim {

struct Report {
  bool all_levels = false;
  bool connect = false;
  std::vector<std::string> columns;         // all-levels
  std::vector<Result> results;
  std::vector<Judgement> judgements;        // all-levels, parallel to results
  std::vector<ExpectationResult> expectations;
  std::vector<std::string> notes;           // said once at the top ("DNS skipped", stand-ins)
  double seconds = 0;
};

// short_label - compact cell text: plain, tls-U, tls-T, anon, VERIFIED, half-T, defer, defer>plain.
std::string short_label(const Outcome& o);

void render_text(const Report& report, std::ostream& out);
void render_markdown(const Report& report, std::ostream& out);
void render_json(const Report& report, std::ostream& out);

}  // namespace pflint::sim
