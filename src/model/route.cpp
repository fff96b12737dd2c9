// NAME
//   route — "transport:nexthop" split (see route.hpp).
// SEE ALSO
//   src/trivial-rewrite/resolve.c (resolve_addr), src/util/split_at.c (split_at).
#include "model/route.hpp"

namespace pflint::model {

Route route_of(std::string_view value) {
  const auto colon = value.find(':');
  if (colon == std::string_view::npos) return Route{std::string(value), {}};
  return Route{std::string(value.substr(0, colon)), std::string(value.substr(colon + 1))};
}

}  // namespace pflint::model
