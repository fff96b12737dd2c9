// NAME
//   check_pipeline — one `pflint check` of in-memory main.cf/master.cf text,
//   as the check fuzz targets run it, with every property checked.
// DESCRIPTION
//   check_texts() parses the texts (each tree must reprint its file), runs
//   check::check_loaded() (model, TLS model, every rule, suppressions),
//   checks the findings' spans, writes the findings in every report format
//   (JSON and SARIF must parse), then runs the fix loop with unsafe fixes
//   allowed (fix::fix_checked) and requires every fixed file to reparse
//   without a fatal syntax error.
#pragma once

#include <optional>
#include <string>

#include "params/version.hpp"

namespace pflint::fuzz {

void check_texts(std::optional<std::string> main_cf, std::optional<std::string> master_cf,
                 params::Version version);

}  // namespace pflint::fuzz
