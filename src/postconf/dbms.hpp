// NAME
//   dbms — legacy database client parameter names (postconf_dbms.c).
// DESCRIPTION
//   A value such as "ldap:foo" makes foo_server_host, foo_search_base, ...
//   (the LDAP client's own parameter names) valid user-defined names. A
//   value such as "mysql:/etc/postfix/m.cf" makes postconf read that client
//   configuration file once and report names the client does not know.
//   The value is expanded first (with the entry's -o scope), which is why
//   a bad $name expression is fatal even for plain "postconf -n".
// DIAGNOSTICS
//   "TYPE:PATH: unused parameter: name=value", "open "TYPE" configuration
//   "PATH": ERRNO TEXT"; brace errors as "PATH: missing '}' ...".
// SEE ALSO
//   src/postconf/postconf_dbms.c in Postfix; ldap_table(5), mysql_table(5),
//   pgsql_table(5), sqlite_table(5), memcache_table(5).
#pragma once

#include <string_view>

namespace pflint::postconf {

class Session;
struct MasterEntry;

// FlagParameter - flag_user_parameter(name, class, scope).
using FlagParameter = void (*)(Session&, std::string_view, unsigned, MasterEntry*);

// register_dbms_parameters - pcf_register_dbms_parameters().
void register_dbms_parameters(Session& session, std::string_view value, FlagParameter flag, MasterEntry* scope);

}  // namespace pflint::postconf
