// NAME
//   param_docs — one line, in pflint's own words, on what a parameter does.
// DESCRIPTION
//   For the language server's hover and completion. Covered: the SMTP/LMTP
//   client TLS parameters pflint reasons about, their obsolete forerunners,
//   and the everyday names of a main.cf. Other names get a line made from
//   the parameter database (type, since when, successor).
#pragma once

#include <string>
#include <string_view>

#include "params/version.hpp"

namespace pflint::params {

// param_doc - the hand-written line for `name`, or "" when there is none.
std::string_view param_doc(std::string_view name);

// describe_param - param_doc(), else a line from the database: "Postfix
// parameter (time), since 2.3; deprecated in 3.9: use X instead."; "" for
// names the database does not know.
std::string describe_param(std::string_view name);

}  // namespace pflint::params
