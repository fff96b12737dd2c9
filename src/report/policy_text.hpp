// NAME
//   policy_text — `pflint policy` for people: the effective SMTP/LMTP client
//   TLS policy of every client service and policy-table destination.
// DESCRIPTION
//   One block per client service, then one per destination of its policy
//   tables: a row per item (level, protocols, ciphers, match, trust, DANE,
//   servername), each with where it comes from in brackets. The level row
//   shows the level Postfix uses; when DANE falls back, the configured level
//   and the reason follow it.
// SEE ALSO
//   src/report/policy_json.hpp (the same for programs), src/tls/tls_model.hpp.
#pragma once

#include <cstdio>
#include <string_view>

#include "model/model.hpp"
#include "tls/tls_model.hpp"

namespace pflint::report {

// write_policy_text - the policy of the configuration in `config_dir`.
void write_policy_text(std::string_view config_dir, const model::Model& model, const tls::TlsModel& tm,
                       std::FILE* out);

}  // namespace pflint::report
