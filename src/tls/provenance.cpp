// NAME
//   provenance — describing where TLS policy items come from (see provenance.hpp).
#include "tls/provenance.hpp"

#include <fmt/core.h>

namespace pflint::tls {

std::string Location::describe() const {
  if (!file) return "?";
  return line ? fmt::format("{}:{}", file->path(), line) : file->path();
}

std::string Provenance::describe() const {
  switch (kind) {
    case Kind::parameter: return origin.describe();
    case Kind::table: return where.describe();
    case Kind::level: return parameter;
  }
  return "?";
}

std::string origin_label(const Provenance& p) {
  if (p.kind == Provenance::Kind::level) return p.describe();
  return fmt::format("{}, {}", p.describe(), p.parameter);
}

}  // namespace pflint::tls
