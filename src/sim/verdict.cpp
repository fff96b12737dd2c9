// NAME
//   verdict — outcome names and classes (see verdict.hpp).
#include "sim/verdict.hpp"

namespace pflint::sim {

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::plaintext: return "plaintext";
    case Verdict::anonymous: return "Anonymous TLS";
    case Verdict::untrusted: return "Untrusted TLS";
    case Verdict::trusted: return "Trusted TLS";
    case Verdict::verified: return "Verified TLS";
    case Verdict::deferred: return "deferred";
  }
  return "deferred";
}

std::string Blame::describe() const {
  if (setting.empty()) return {};
  if (where.empty()) return setting;
  return setting + " (" + where + ")";
}

std::string outcome_class(const Outcome& o) {
  switch (o.verdict) {
    case Verdict::plaintext: return "plaintext";
    case Verdict::anonymous: return "anonymous";
    case Verdict::untrusted: return "tls";
    case Verdict::trusted: return o.level == tls::Level::halfdane ? "trusted" : "tls";
    case Verdict::verified: return "verified";
    case Verdict::deferred: return o.plaintext_on_retry ? "deferred-then-plaintext" : "deferred";
  }
  return "deferred";
}

bool class_matches(std::string_view documented, std::string_view actual) {
  if (documented == actual) return true;
  return documented == "tls" && actual == "anonymous";
}

std::string summary(const Outcome& o) {
  if (o.verdict == Verdict::deferred) {
    std::string s = "deferred: " + o.reason;
    if (o.plaintext_on_retry) s += " — plaintext on a later retry";
    return s;
  }
  if (o.verdict == Verdict::plaintext) return o.reason.empty() ? "plaintext" : "plaintext (" + o.reason + ")";
  std::string s(verdict_name(o.verdict));
  if (o.level == tls::Level::halfdane) s += " (halfdane)";
  return s + " (" + o.protocol + ", " + o.cipher + ")";
}

}  // namespace pflint::sim
