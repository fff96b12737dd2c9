// NAME
//   views — postconf's viewing modes: main.cf parameters and master.cf
//   entries, fields and -o parameters, with postconf's warnings.
// DESCRIPTION
//   run_views() runs one postconf invocation that does not edit: the main
//   view (no flag, names, -n, -d, -x, -h, -H, -f, -o) or a master.cf view
//   (-M, -F, -P with filters and -f/-x/-h/-H). It reads the files in
//   postconf's order, so warnings and fatal errors come out as postconf
//   gives them, and returns the exit status.
// DIAGNOSTICS
//   Fatal errors print "pflint: fatal: TEXT" and return 1.
// SEE ALSO
//   src/postconf/postconf.c (main) in Postfix.
#pragma once

#include "postconf/options.hpp"
#include "postconf/session.hpp"

namespace pflint::postconf {

// run_views - the viewing modes; exit status 0 or 1.
int run_views(const Options& options);

// The steps, one per source file.
void show_parameters(Session& s);       // show_main.cpp
void show_master_entries(Session& s);   // show_master.cpp (-M)
void show_master_fields(Session& s);    // show_master.cpp (-F)
void show_master_params(Session& s);    // show_master.cpp (-P)
void flag_unused_main_parameters(Session& s);    // unused.cpp
void flag_unused_master_parameters(Session& s);  // unused.cpp

}  // namespace pflint::postconf
