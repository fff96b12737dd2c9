// NAME
//   edit — postconf's editing modes: -e, -X, -# on main.cf and -M#, -MX,
//   -Me, -F …=…, -P …=…, -PX on master.cf.
// DESCRIPTION
//   Each edit rewrites the file as the real postconf does (byte-identical),
//   with two documented improvements: a main.cf without a final newline is
//   not corrupted, and new parameters are appended in argument order. Files
//   are replaced atomically (temp file in the same directory, fsync,
//   rename; mode and owner kept). Nothing is written when the file has a
//   fatal error.
#pragma once

#include "postconf/options.hpp"

namespace pflint::postconf {

// run_edit - performs the edit the options ask for; returns the exit status
// (0 done, 1 fatal error as postconf reports it on stderr).
int run_edit(const Options& options);

}  // namespace pflint::postconf
