// NAME
//   route — a "transport:nexthop" value (default_transport, relay_transport,
//   mailbox_transport, ...) split as trivial-rewrite(8) splits it.
// DESCRIPTION
//   The text before the first ':' names the master.cf service that
//   delivers; the rest, possibly empty, is the next hop, which overrides
//   relayhost. "lmtp:unix:private/dovecot-lmtp" is transport "lmtp" with
//   next hop "unix:private/dovecot-lmtp".
// DIAGNOSTICS
//   None: any text splits.
// SEE ALSO
//   src/trivial-rewrite/resolve.c (resolve_addr), src/util/split_at.c (split_at).
#pragma once

#include <string>
#include <string_view>

namespace pflint::model {

struct Route {
  std::string transport;  // master.cf service name; the whole value without ':'
  std::string nexthop;    // empty: none given
};

// route_of - split `value` (as Model::expanded() gives it: trimmed) at its
// first ':'; the parts stay as they are: Postfix looks the transport up verbatim.
// **Example**: route_of("smtp:[relay.example]:587") == {"smtp", "[relay.example]:587"}.
Route route_of(std::string_view value);

}  // namespace pflint::model
