// NAME
//   verdict — what one simulated delivery attempt ends in, worded like
//   smtp(8)'s log, with the setting responsible.
// DESCRIPTION
//   Verdict is the coarse outcome (plaintext, TLS of each log kind,
//   deferred); Outcome adds the reason as Postfix logs it, the log and SMTP
//   transcript, the level in effect after DANE decisions, and `blame`: the
//   configuration setting (or scenario property) that decided it.
//   outcome_class() maps an Outcome onto the vocabulary of
//   data/level-outcomes.json and --expect.
// SEE ALSO
//   src/tls/tls_misc.c (tls_log_summary), src/smtp/smtp_proto.c, src/sim/client.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tls/level.hpp"

namespace pflint::sim {

enum class Verdict : std::uint8_t { plaintext, anonymous, untrusted, trusted, verified, deferred };
std::string_view verdict_name(Verdict v);  // "plaintext", "Anonymous TLS", ...

// Who or what decided an outcome.
struct Blame {
  std::string setting;  // "smtp_tls_security_level = verify", or "server: STARTTLS not offered"
  std::string where;    // "main.cf:3", "default", "/etc/postfix/tls_policy:2", "scenario"
  [[nodiscard]] std::string describe() const;  // "smtp_tls_security_level = verify (main.cf:3)"
};

struct Outcome {
  Verdict verdict = Verdict::deferred;
  bool plaintext_on_retry = false;  // may: deferred now, plaintext on a later retry
  std::string reason;               // "Server certificate not verified", "TLS is required, but ..."
  std::string dsn;                  // "4.7.5" for deferrals
  tls::Level level = tls::Level::none;  // in effect after DANE decisions (halfdane included)
  std::string protocol;             // "TLSv1.3"
  std::string cipher;               // "TLS_AES_256_GCM_SHA384"
  std::vector<std::string> log;     // smtp(8)-style log lines
  std::vector<std::string> transcript;  // "> EHLO ...", "< 250 ..."
  Blame blame;
  std::string server_error;         // the test server's own view, if it failed
};

// outcome_class - plaintext | tls | anonymous | verified | trusted | deferred | deferred-then-plaintext.
// "tls" covers Untrusted and Trusted unauthenticated sessions; see class_matches().
std::string outcome_class(const Outcome& o);
// class_matches - `documented` (table vocabulary) accepts `actual` (outcome_class):
// "tls" accepts "tls" and "anonymous"; otherwise equality.
bool class_matches(std::string_view documented, std::string_view actual);
// summary - one line: "Verified TLS (TLSv1.3, TLS_AES_...)", "deferred: Server certificate not verified".
std::string summary(const Outcome& o);

}  // namespace pflint::sim
