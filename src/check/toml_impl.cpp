// NAME
//   toml_impl — toml++'s implementation, compiled once into pflint (its
//   headers in TOML_HEADER_ONLY=0 mode everywhere else), so no shared
//   library is needed and static builds stay static.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
