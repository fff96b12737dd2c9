// NAME
//   expect — CI assertions over simulated outcomes (`--expect`).
// DESCRIPTION
//   Syntax: `[SERVICE@]DESTINATION:RULE`. DESTINATION is a next hop as
//   smtp(8) looks it up (example.com, [relay.example]:587), `default` (no
//   policy-table entry: the service's global level) or `*` (every simulated
//   destination). RULE is one of
//     never-plaintext     no scenario is delivered in plaintext, now or on a retry
//     always-verified     every delivery is Verified TLS (deferrals allowed)
//     never-deferred      no scenario is deferred
//     SCENARIO=OUTCOME    that scenario's outcome class, e.g. self-signed=deferred
//   OUTCOME uses the vocabulary of data/level-outcomes.json (plaintext, tls,
//   anonymous, verified, trusted, deferred, deferred-then-plaintext).
// DIAGNOSTICS
//   parse_expectation() returns nullopt with `error` for bad syntax.
// SEE ALSO
//   docs/simulate.md, src/sim/verdict.hpp (outcome_class).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/simulate.hpp"

namespace pflint::sim {

struct Expectation {
  std::string text;
  std::string service;      // empty: every service
  std::string destination;  // "default", "*", or a next hop
  std::string rule;         // never-plaintext | always-verified | never-deferred | cell
  std::string scenario;     // rule cell
  std::string outcome;      // rule cell
};

std::optional<Expectation> parse_expectation(const std::string& text, std::string& error);

struct ExpectationResult {
  const Expectation* expectation = nullptr;
  bool passed = true;
  std::vector<std::string> failures;  // "relay/unix example.com self-signed: plaintext (STARTTLS not offered)"
  std::size_t cells = 0;              // how many results it looked at
};

// check_expectations - evaluate against results (job.target "" is "default").
std::vector<ExpectationResult> check_expectations(const std::vector<Expectation>& expectations,
                                                  const std::vector<Result>& results);

}  // namespace pflint::sim
