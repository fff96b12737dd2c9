// NAME
//   provenance — where one piece of an effective TLS policy comes from.
// DESCRIPTION
//   Either a parameter (with the model's Origin: default, main.cf line,
//   master.cf -o, command line), a policy-table entry (its source file and
//   line: a table source file, or main.cf/master.cf for inline: maps), or
//   the level itself (e.g. the eNULL/aNULL exclusions a level implies).
#pragma once

#include <cstdint>
#include <string>

#include "model/model.hpp"
#include "syntax/source.hpp"

namespace pflint::tls {

// Location - a place in a table source (or main.cf/master.cf for inline:).
struct Location {
  const syntax::SourceFile* file = nullptr;
  syntax::Span span{};          // the part this location is about (entry, key, value, attribute)
  std::uint32_t line = 0;       // 1-based line of span.begin; 0 if unknown
  // describe - "/etc/postfix/tls_policy:3", or "?" without a file.
  [[nodiscard]] std::string describe() const;
};

struct Provenance {
  enum class Kind : std::uint8_t { parameter, table, level };
  Kind kind = Kind::parameter;
  std::string parameter;  // parameter (e.g. "smtp_tls_protocols") or attribute (e.g. "protocols")
  model::Origin origin;   // Kind::parameter
  Location where;         // Kind::table
  // describe - "main.cf:12", "master.cf:40 (-o of relay/unix)", "default",
  // "/etc/postfix/tls_policy:3", or "level encrypt" for Kind::level.
  [[nodiscard]] std::string describe() const;
};

// origin_label - describe() with the parameter or attribute that sets it:
// "main.cf:12, smtp_tls_security_level" (just describe() for Kind::level).
std::string origin_label(const Provenance& p);

// A value with where it comes from.
struct Setting {
  std::string value;   // expanded
  Provenance from;
};

}  // namespace pflint::tls
