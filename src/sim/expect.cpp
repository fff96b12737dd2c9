// NAME
//   expect — `--expect` assertions (see expect.hpp).
#include "sim/expect.hpp"

#include <fmt/core.h>

namespace pflint::sim {
namespace {

bool applies(const Expectation& e, const Result& r) {
  if (!e.service.empty() && r.job->service->name != e.service) return false;
  if (e.destination == "*") return true;
  if (e.destination == "default") return r.job->target.empty();
  return r.job->target == e.destination;
}

std::optional<std::string> violation(const Expectation& e, const Result& r) {
  const std::string cls = outcome_class(r.outcome);
  if (e.rule == "never-plaintext" && (cls == "plaintext" || cls == "deferred-then-plaintext")) return cls;
  if (e.rule == "always-verified" && r.outcome.verdict != Verdict::verified && r.outcome.verdict != Verdict::deferred) {
    return cls;
  }
  if (e.rule == "never-deferred" && r.outcome.verdict == Verdict::deferred) return cls;
  if (e.rule == "cell" && r.job->scenario->name == e.scenario && !class_matches(e.outcome, cls)) return cls;
  return std::nullopt;
}

}  // namespace

std::optional<Expectation> parse_expectation(const std::string& text, std::string& error) {
  Expectation e;
  e.text = text;
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    error = "expected [SERVICE@]DESTINATION:RULE, got \"" + text + "\"";
    return std::nullopt;
  }
  std::string dest = text.substr(0, colon);
  e.rule = text.substr(colon + 1);
  if (const auto at = dest.find('@'); at != std::string::npos) {
    e.service = dest.substr(0, at);
    dest = dest.substr(at + 1);
  }
  e.destination = dest;
  if (const auto eq = e.rule.find('='); eq != std::string::npos) {
    e.scenario = e.rule.substr(0, eq);
    e.outcome = e.rule.substr(eq + 1);
    e.rule = "cell";
    static const char* const classes[] = {"plaintext", "tls", "anonymous", "verified",
                                          "trusted", "deferred", "deferred-then-plaintext"};
    bool known = false;
    for (const char* c : classes) known = known || e.outcome == c;
    if (!known) {
      error = "unknown outcome \"" + e.outcome + "\" in \"" + text + "\"";
      return std::nullopt;
    }
  } else if (e.rule != "never-plaintext" && e.rule != "always-verified" && e.rule != "never-deferred") {
    error = "unknown rule \"" + e.rule + "\" in \"" + text + "\" (never-plaintext, always-verified, never-deferred, SCENARIO=OUTCOME)";
    return std::nullopt;
  }
  return e;
}

std::vector<ExpectationResult> check_expectations(const std::vector<Expectation>& expectations,
                                                  const std::vector<Result>& results) {
  std::vector<ExpectationResult> out;
  for (const Expectation& e : expectations) {
    ExpectationResult er;
    er.expectation = &e;
    for (const Result& r : results) {
      if (!applies(e, r)) continue;
      if (e.rule == "cell" && r.job->scenario->name != e.scenario) continue;
      ++er.cells;
      if (const auto v = violation(e, r)) {
        er.failures.push_back(fmt::format("{} {} {}: {} — {}", r.job->service->name,
                                          r.job->target.empty() ? "default" : r.job->target, r.job->scenario->name, *v,
                                          summary(r.outcome)));
      }
    }
    er.passed = er.failures.empty() && er.cells > 0;
    if (er.cells == 0) er.failures.push_back("no simulated cell matches this expectation");
    out.push_back(std::move(er));
  }
  return out;
}

}  // namespace pflint::sim
