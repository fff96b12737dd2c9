// NAME
//   compiled_table — compiled table files (see compiled_table.hpp).
// SEE ALSO
//   src/util/dict_db.c, src/util/dict_lmdb.c, src/util/dict_cdb.c, src/util/dict_dbm.c.
#include "tls/compiled_table.hpp"

#include <filesystem>
#include <string>
#include <system_error>

namespace pflint::tls {

std::string_view compiled_suffix(std::string_view type) {
  if (type == "hash" || type == "btree") return ".db";
  if (type == "lmdb") return ".lmdb";
  if (type == "cdb") return ".cdb";
  if (type == "dbm" || type == "sdbm") return ".dir";
  return "";
}

bool compiled_only(const PolicyTable& table) {
  const std::string_view suffix = compiled_suffix(table.type);
  std::error_code ec;
  return table.status == TableStatus::missing && !suffix.empty() && !table.source_path.empty() &&
         std::filesystem::exists(table.source_path + std::string(suffix), ec);
}

}  // namespace pflint::tls
