// NAME
//   policy_json — `pflint policy --format json`: the effective SMTP/LMTP
//   client TLS policy as JSON (docs/policy.md).
// DESCRIPTION
//   The tables, then each client service with its global level, its policy
//   and its destinations; every setting with its origin (kind, parameter or
//   table attribute, file and line).
// SEE ALSO
//   docs/policy.md (the schema), src/report/policy_text.hpp.
#pragma once

#include <string>
#include <string_view>

#include "model/model.hpp"
#include "tls/tls_model.hpp"

namespace pflint::report {

// policy_json - one pretty-printed JSON object (two-space indent), without
// a final newline.
std::string policy_json(std::string_view config_dir, const model::Model& model, const tls::TlsModel& tm);

}  // namespace pflint::report
