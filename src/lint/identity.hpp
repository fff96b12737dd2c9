// NAME
//   identity — what makes two findings "the same" across edits of a file.
// DESCRIPTION
//   A finding's identity is its code, the path of its file (as reported,
//   lexically normalised), the subject it is about — the parameter name of
//   the main.cf setting, the service/type of the master.cf entry, or the
//   text of the comment line, whatever line of the logical line the finding
//   points into — and its message with line numbers of file references
//   (main.cf:12, /etc/postfix/tls_policy:3) dropped and runs of white space
//   made one space. Line numbers and indentation are not part of it, so the
//   identity survives lines added above and reindentation. Baselines
//   (check/baseline.hpp) and SARIF partialFingerprints both use it.
#pragma once

#include <string>

#include "lint/diagnostic.hpp"

namespace pflint::lint {

struct FindingIdentity {
  std::string code;
  std::string file;     // empty for a finding about the whole configuration
  std::string subject;  // "smtp_tls_security_level", "relay/unix", "# pflint: disable=PF3004"
  std::string message;  // normalised
};

FindingIdentity identity_of(const Diagnostic& d);

// fingerprint - 16 hex digits (FNV-1a, 64 bits) of the identity's fields.
std::string fingerprint(const FindingIdentity& id);

// normalise_message - the message as the identity keeps it.
std::string normalise_message(std::string_view message);

}  // namespace pflint::lint
