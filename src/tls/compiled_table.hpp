// NAME
//   compiled_table — the file a compiled (postmap) table type opens, and a
//   table pflint cannot read because only that file exists.
// DESCRIPTION
//   hash: and btree: open "<name>.db", lmdb: "<name>.lmdb", cdb: "<name>.cdb",
//   dbm: and sdbm: "<name>.dir" (with ".pag"); pflint reads the source file
//   "<name>" that postmap compiled them from.
// DIAGNOSTICS
//   None.
// SEE ALSO
//   src/util/dict_db.c (dict_hash_open, dict_btree_open), src/util/dict_lmdb.c,
//   src/util/dict_cdb.c, src/util/dict_dbm.c, src/util/dict_sdbm.c; policy_table.hpp.
#pragma once

#include <string_view>

#include "tls/policy_table.hpp"

namespace pflint::tls {

// compiled_suffix - the suffix a table type appends to the map name; empty
// for types without a compiled file.
// **Example**: compiled_suffix("hash") == ".db"; compiled_suffix("texthash") == "".
std::string_view compiled_suffix(std::string_view type);

// compiled_only - a compiled-type table whose compiled file exists without
// the source file pflint reads.
bool compiled_only(const PolicyTable& table);

}  // namespace pflint::tls
