// NAME
//   dbms — pcf_register_dbms_parameters() (see dbms.hpp).
#include "postconf/dbms.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

#include "postconf/diag.hpp"
#include "postconf/reader.hpp"
#include "postconf/session.hpp"
#include "util/mystrtok.hpp"
#include "util/read_file.hpp"

namespace pflint::postconf {

namespace {

// The client parameter names of each database type (cfg_get_* names of
// dict_<type>.c, plus "domain" and the legacy SQL query names).
constexpr std::string_view k_ldap[] = {
    "bind", "bind_dn", "bind_pw", "cache", "cache_expiry", "cache_size", "chase_referrals", "debuglevel",
    "dereference", "domain", "expansion_limit", "leaf_result_attribute", "query_filter", "recursion_limit",
    "result_attribute", "result_filter", "sasl_authz_id", "sasl_mechs", "sasl_minssf", "sasl_realm", "scope",
    "search_base", "server_host", "server_port", "size_limit", "special_result_attribute", "start_tls",
    "terminal_result_attribute", "timeout", "tls_ca_cert_dir", "tls_ca_cert_file", "tls_cert",
    "tls_cipher_suite", "tls_key", "tls_random_file", "tls_require_cert", "version"};
constexpr std::string_view k_mysql[] = {
    "additional_conditions", "dbname", "domain", "expansion_limit", "hosts", "idle_interval", "option_file",
    "option_group", "password", "query", "require_result_set", "result_format", "retry_interval",
    "select_field", "select_function", "table", "tls_CAfile", "tls_CApath", "tls_cert_file", "tls_ciphers",
    "tls_key_file", "tls_verify_cert", "user", "where_field"};
constexpr std::string_view k_pgsql[] = {
    "additional_conditions", "dbname", "domain", "encoding", "expansion_limit", "hosts", "idle_interval",
    "password", "query", "result_format", "retry_interval", "select_field", "select_function", "table",
    "user", "where_field"};
constexpr std::string_view k_sqlite[] = {"additional_conditions", "dbpath", "domain", "expansion_limit",
                                         "query", "result_format", "select_field", "table", "where_field"};
constexpr std::string_view k_memcache[] = {"backup", "data_size_limit", "domain", "flags", "key_format",
                                           "line_size_limit", "max_try", "memcache", "retry_pause",
                                           "timeout", "ttl"};

enum class DbClass { client, regex };
struct DbInfo {
  std::string_view type;
  DbClass cls;
  std::span<const std::string_view> suffixes;
};
constexpr DbInfo k_db_info[] = {
    {"ldap", DbClass::client, k_ldap},       {"mysql", DbClass::client, k_mysql},
    {"pgsql", DbClass::client, k_pgsql},     {"sqlite", DbClass::client, k_sqlite},
    {"memcache", DbClass::client, k_memcache}, {"regexp", DbClass::regex, {}},
    {"pcre", DbClass::regex, {}},
};

// find_db - the entry for a table type. It runs for every ':' in every
// value (tens of thousands in a big main.cf), and most words before a ':'
// are other types ("hash", "inet", "texthash"): the length and first
// letter rule nearly all of them out before any comparison.
// may_end_a_type - can a type of k_db_info or "proxy" end in c? A quick
// "no" for most colons (IPv6 addresses, "inet:", "hash:").
constexpr bool may_end_a_type(char c) { return c == 'p' || c == 'l' || c == 'e' || c == 'y'; }
static_assert([] {
  for (const DbInfo& d : k_db_info)
    if (!may_end_a_type(d.type.back())) return false;
  return may_end_a_type(std::string_view("proxy").back());
}());

const DbInfo* find_db(std::string_view type) {
  if (type.size() < 4 || type.size() > 8) return nullptr;
  const char c = type[0];
  if (c != 'l' && c != 'm' && c != 'p' && c != 's' && c != 'r') return nullptr;
  for (const DbInfo& d : k_db_info)
    if (d.type.size() == type.size() && d.type[0] == c && d.type == type) return &d;
  return nullptr;
}

// check_dbms_client - pcf_check_dbms_client(): read a client file once.
void check_dbms_client(const DbInfo& db, std::string_view file) {
  static std::unordered_set<std::string> visited;
  std::string spec = std::string(db.type) + ":" + std::string(file);
  if (!visited.insert(spec).second) return;
  const std::string path(file);
  std::string error;
  const std::optional<std::string> data = util::read_file(path, error);
  if (!data) {
    // postconf 3.7 opens a directory without complaint and reads nothing.
    if (error == std::strerror(EISDIR)) return;
    if (error != std::strerror(EACCES))
      warn("open \"" + std::string(db.type) + "\" configuration \"" + path + "\": " + error);
    return;
  }
  Dict dict;
  load_dict_text(*data, path, dict);
  for (std::string_view s : db.suffixes) dict.erase(s);
  for (const Dict::Entry& e : dict.entries())
    if (!e.deleted) warn(spec + ": unused parameter: " + e.name + "=" + e.value);
}

void dbms_helper(Session& s, std::string_view text, FlagParameter flag, MasterEntry* scope, bool recurse);

void brace_warning(MasterEntry* scope, const std::string& err) {
  if (scope != nullptr)
    warn("master.cf:" + scope->name_space + ": " + err);
  else
    warn("main.cf: " + err);
}

// table_type_before - is the word of letters that ends at text[colon] (at
// most 9 long) a table type of k_db_info or "proxy"? An element whose type
// is one of those has one before its first ':'; a "yes" for another colon
// only costs dbms_helper a look at an element it then ignores.
bool table_type_before(std::string_view text, std::size_t colon) {
  if (colon == 0 || !may_end_a_type(text[colon - 1])) return false;
  std::size_t begin = colon;
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  while (begin > 0 && colon - begin < 9 && letter(text[begin - 1])) --begin;
  const std::string_view word = text.substr(begin, colon - begin);
  return word == "proxy" || find_db(word) != nullptr;
}

// for_each_element - f(element) for each element of
// util::mystrtokq(text, util::k_comma_sp) (mystrtokq) that starts
// with '{' or has a ':', and without braces only those whose ':' follows a
// table type (the others are no-ops for dbms_helper), without
// building the list: main.cf list values run to thousands of elements.
template <typename F>
void for_each_element(std::string_view text, F&& f) {
  static constexpr std::array<bool, 256> k_sep = [] {
    std::array<bool, 256> t{};
    for (const char c : util::k_comma_sp) t[static_cast<unsigned char>(c)] = true;
    return t;
  }();
  const auto is_sep = [](char c) { return k_sep[static_cast<unsigned char>(c)]; };
  const std::size_t n = text.size();
  std::size_t pos = 0;
  if (text.find('{') == std::string_view::npos) {
    // Without braces an element is a run of non-separators, and only one
    // whose type (the text before its first ':') is a table type or "proxy"
    // matters: jump from ':' to ':' and look at the word before each.
    std::size_t done = 0;  // end of the last element handed to f
    std::size_t from = 0;
    while (true) {
      const std::size_t colon = text.find(':', from);
      if (colon == std::string_view::npos) return;
      from = colon + 1;
      if (!table_type_before(text, colon)) continue;
      std::size_t start = colon;
      while (start > done && !is_sep(text[start - 1])) --start;
      std::size_t end = colon + 1;
      while (end < n && !is_sep(text[end])) ++end;
      f(text.substr(start, end - start));
      done = end;
      from = std::max(from, end);
    }
  }
  // Character classes for the element scan: 0 other, 1 separator, 2 '{', 3 '}', 4 ':'.
  static constexpr std::array<std::uint8_t, 256> k_class = [] {
    std::array<std::uint8_t, 256> t{};
    for (const char c : util::k_comma_sp) t[static_cast<unsigned char>(c)] = 1;
    t['{'] = 2;
    t['}'] = 3;
    t[':'] = 4;
    return t;
  }();
  const auto cls = [&](std::size_t i) { return k_class[static_cast<unsigned char>(text[i])]; };
  while (true) {
    while (pos < n && is_sep(text[pos])) ++pos;
    if (pos == n) return;
    const std::size_t start = pos;
    std::size_t level = 0;
    bool wanted = text[pos] == '{';  // else only an element with a ':' matters
    for (; pos < n; ++pos) {
      const std::uint8_t c = cls(pos);
      if (c == 0) continue;
      if (c == 4) {
        wanted = true;
      } else if (c == 2) {
        ++level;
      } else if (c == 3) {
        if (level > 0) --level;
      } else if (level == 0) {
        break;
      }
    }
    if (wanted) f(text.substr(start, pos - start));
  }
}

void dbms_helper(Session& s, std::string_view text, FlagParameter flag, MasterEntry* scope, bool recurse) {
  if (text.find_first_of(":{") == std::string_view::npos) return;  // no element can matter
  for_each_element(text, [&](std::string_view token) {
    if (token[0] == '{') {
      util::Unwrapped u = util::extpar(token, false);
      if (u.error) brace_warning(scope, *u.error);
      if (recurse) dbms_helper(s, u.text, flag, scope, recurse);
      return;
    }
    std::string_view type = token;
    std::string_view prefix;
    bool has_prefix = false;
    while (true) {
      const auto colon = type.find(':');
      if (colon == std::string_view::npos) {
        has_prefix = false;
        break;
      }
      prefix = type.substr(colon + 1);
      type = type.substr(0, colon);
      has_prefix = true;
      if (type != "proxy") break;
      type = prefix;
    }
    if (!has_prefix) return;
    if (!prefix.empty() && prefix[0] == '/') {
      if (const DbInfo* db = find_db(type); db && db->cls == DbClass::client) check_dbms_client(*db, prefix);
      return;
    }
    if (!prefix.empty() && prefix[0] == '.') return;
    const DbInfo* db = find_db(type);
    if (!prefix.empty() && prefix[0] == '{') {
      util::Unwrapped u = util::extpar(prefix, false);
      if (u.error) brace_warning(scope, *u.error);
      const bool next = db != nullptr && db->cls == DbClass::regex ? false : recurse;
      dbms_helper(s, u.text, flag, scope, next);
      return;
    }
    if (db != nullptr && db->cls == DbClass::client) {
      std::string candidate;
      for (std::string_view suffix : db->suffixes) {
        candidate.assign(prefix).append("_").append(suffix);
        flag(s, candidate, k_dbms | k_user, scope);
      }
    }
  });
}

}  // namespace

void register_dbms_parameters(Session& session, std::string_view value, FlagParameter flag, MasterEntry* scope) {
  if (value.find('$') == std::string_view::npos) {  // mac_expand would copy it unchanged
    if (value.find_first_of(":{") != std::string_view::npos) dbms_helper(session, value, flag, scope, true);
    return;
  }
  const std::string expanded = session.expand_value(LookupMode{}, value, scope);
  dbms_helper(session, expanded, flag, scope, true);
}

}  // namespace pflint::postconf
