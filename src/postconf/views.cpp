// NAME
//   views — run one viewing postconf command in postconf's order (see views.hpp).
#include "postconf/views.hpp"

#include <memory>

#include "postconf/diag.hpp"
#include "postconf/show_tls.hpp"

namespace pflint::postconf {

namespace {

// run_master_view - -M, -F or -P: master.cf first, and only its warnings.
void run_master_view(Session& s) {
  s.read_master(true);
  s.read_main();
  s.register_service_parameters();
  s.register_user_parameters();
  if (s.options.master_fields > 0)
    show_master_fields(s);
  else if (s.options.master_params > 0)
    show_master_params(s);
  else
    show_master_entries(s);
  flag_unused_master_parameters(s);
}

// run_main_view - parameters: main.cf, then master.cf for service names.
void run_main_view(Session& s) {
  if (!s.options.defaults) s.read_main();
  s.read_master(false);
  s.register_service_parameters();
  if (!s.options.defaults) s.register_user_parameters();
  show_parameters(s);
  if (!s.options.defaults) {
    flag_unused_main_parameters(s);
    flag_unused_master_parameters(s);
  }
}

}  // namespace

int run_views(const Options& options) {
  if (options.tls_mode) return show_tls(*options.tls_mode);  // -T reads no configuration
  try {
    // The session is freed when the next one starts, not on return: the
    // process exits right after, and freeing every node of a big session
    // costs more than the rest of a small run (10% of `postconf -n`).
    // (The holder is never destroyed, so neither is the last session.)
    static auto* const previous = new std::unique_ptr<Session>();
    previous->reset();
    *previous = std::make_unique<Session>(options);
    Session& session = **previous;
    if (options.master_entries > 0 || options.master_fields > 0 || options.master_params > 0)
      run_master_view(session);
    else
      run_main_view(session);
  } catch (const Fatal& f) {
    print_fatal(f.text);
    return 1;
  }
  flush_out();
  return 0;
}

}  // namespace pflint::postconf
