// NAME
//   policy_table — read smtp_tls_policy_maps / smtp_tls_per_site tables
//   offline and parse their policy values.
// DESCRIPTION
//   split_maps() splits a map list as maps_create() does (comma/space
//   separated, `{ }` groups kept together). read_table() reads what can be
//   read without a running Postfix: the source file of texthash:, hash:,
//   btree:, lmdb:, cdb:, dbm:, sdbm: tables (the path as given; postmap's
//   input syntax: `key value` logical lines, `#` comment lines, lines that
//   start with whitespace continue the previous one), inline:{ … } entries
//   (positions in main.cf/master.cf when the text is literal), static:.
//   proxy: is looked through. Network/SQL tables and regexp:/pcre: are
//   listed but not evaluated. parse_policy() reimplements
//   tls_policy_lookup_one(): level, attributes and every problem it finds.
// DIAGNOSTICS
//   Nothing is printed. Reading problems are TableStatus + `status_detail`
//   and TableProblem; policy-value problems are PolicyProblem with
//   Postfix's warning text, and whether Postfix then defers the destination.
// SEE ALSO
//   src/smtp/smtp_tls_policy.c (tls_policy_lookup_one, tls_site_lookup),
//   src/global/maps.c, src/util/dict_thash.c, src/util/dict_inline.c,
//   src/postmap/postmap.c; postfix-semantics.md §5.4, §5.5.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/file_source.hpp"
#include "params/version.hpp"
#include "syntax/tree.hpp"
#include "tls/level.hpp"
#include "tls/provenance.hpp"

namespace pflint::tls {

// ---- one policy value: "level attr=value ..." ----------------------------

enum class PolicyProblemKind : std::uint8_t {
  empty_policy,                // "invalid empty policy"
  invalid_level,               // "invalid security level \"x\""
  ignored_with_tls_disabled,   // attribute after none (warning only)
  malformed_attribute,         // "malformed attribute/value pair"
  bad_braces,                  // extpar error in "{ name = value }"
  braced_before_3_10,          // "{ name = value }" form on Postfix < 3.10
  unknown_attribute,           // "invalid attribute name"
  attribute_too_new,           // known in later Postfix only (also unknown_attribute-fatal)
  duplicate_attribute,         // "is specified multiple times"
  empty_value,                 // "has empty value"
  invalid_at_level,            // match=/tafile= at a level that does not use them
  bad_value,                   // yes/no, policy_type, policy_failure values
  invalid_servername,          // "specifies an invalid hostname"
  missing_policy_type,         // TLSRPT/STS attributes without policy_type
};

struct PolicyProblem {
  PolicyProblemKind kind;
  std::string message;     // Postfix's warning text after "<table>, next-hop destination \"d\": "
                           // (a plain description where Postfix's own text would mislead)
  std::string attribute;   // lower-case attribute name, if any
  Location where;          // the token (file positions when known)
  bool defers = true;      // Postfix marks the destination invalid (4.7.5); false: warning only
};

struct PolicyAttribute {
  std::string name;    // lower-case
  std::string value;
  Location where;      // the whole "name=value" token
  bool braced = false; // written as "{ name = value }"
};

struct ParsedPolicy {
  Level level = Level::invalid;
  std::string level_text;
  Location level_where;
  std::vector<PolicyAttribute> attributes;   // in order, including problem ones
  std::vector<PolicyProblem> problems;       // in order
  // first - the first attribute with this name, or nullptr.
  [[nodiscard]] const PolicyAttribute* first(std::string_view name) const;
  // all - every attribute with this name (match=, tafile= are repeatable).
  [[nodiscard]] std::vector<const PolicyAttribute*> all(std::string_view name) const;
  // valid - no problem that makes Postfix defer the destination.
  [[nodiscard]] bool valid() const;
};

// Where each byte of `value` is in a file, for Location spans (optional).
struct ValueMap {
  const syntax::SourceFile* file = nullptr;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pieces;  // (value index, file offset), ascending
  [[nodiscard]] Location locate(std::uint32_t begin, std::uint32_t end) const;
};

// map_logical_text - a ValueMap of `text` from index `from` on (the value
// part of a logical line, or a parameter value in main.cf/master.cf).
ValueMap map_logical_text(const syntax::LogicalText& text, std::uint32_t from, const syntax::SourceFile* file);

// parse_policy - tls_policy_lookup_one() on one table value, for `version`.
// Unlike Postfix, it does not stop at the first problem.
// **Example**: parse_policy("secure match=.example.com:example.com", v).level == Level::secure.
ParsedPolicy parse_policy(std::string_view value, params::Version version, const ValueMap& map = {});

// Per-site values: NONE, MAY, MUST_NOPEERMATCH, MUST (case-insensitive).
enum class SiteValue : std::uint8_t { none, may, must_nopeermatch, must, invalid };
SiteValue parse_site_value(std::string_view value);
std::string_view site_value_name(SiteValue value);

// ---- tables ---------------------------------------------------------------

enum class TableStatus : std::uint8_t {
  read,             // entries are known
  missing,          // source file does not exist (hash: etc. → every lookup fails → deferral)
  unreadable,       // exists but cannot be read
  relative_path,    // Postfix needs an absolute path; not read
  not_inspectable,  // needs a server, socket or database (mysql:, ldap:, tcp:, socketmap:, …)
  not_evaluated,    // pattern tables (regexp:, pcre:) — read but not matched
  bad_spec,         // "type:name" malformed, or an inline:/static: syntax error
};
std::string_view status_name(TableStatus status);

struct TableEntry {
  std::string key;      // as written
  std::string folded;   // lower-case (tables are opened with case folding)
  std::string value;    // the logical value, trimmed
  Location where;       // the whole entry (key..end of value)
  Location key_where;
  ValueMap value_map;   // positions of the value's bytes
  bool duplicate = false;  // a later entry with an earlier key: Postfix keeps the first
};

struct TableProblem {
  std::string message;  // e.g. "expected format: key whitespace value", "duplicate entry: \"k\""
  Location where;
};

struct PolicyTable {
  std::string spec;          // as listed: "texthash:/etc/postfix/tls_policy", "inline:{ … }"
  std::string type;          // "texthash", "inline", "mysql", … (after proxy: when proxied)
  std::string name;          // the part after "type:"
  bool proxied = false;      // listed as proxy:type:name
  bool matches_any = false;  // static: answers every key with its one entry
  std::string source_path;   // file actually read (hash: without .db), if any
  TableStatus status = TableStatus::not_inspectable;
  std::string status_detail;  // e.g. "open /x: No such file or directory"
  Provenance listed_in;       // the parameter that lists it (smtp_tls_policy_maps, per service)
  std::vector<TableEntry> entries;
  std::vector<TableProblem> problems;
  std::shared_ptr<const syntax::SourceFile> source;  // keeps Location::file alive for file tables
  // find - the entry Postfix's exact lookup returns (case-folded; first of duplicates).
  [[nodiscard]] const TableEntry* find(std::string_view key) const;
  // evaluable - lookups can be answered offline (status read, not a pattern table).
  [[nodiscard]] bool evaluable() const { return status == TableStatus::read; }
};

struct MapRef {
  std::string spec;
  std::uint32_t begin = 0;  // offset in the (expanded) list text
  std::uint32_t end = 0;
};

// split_maps - the maps of a map-list value, as maps_create() splits it.
// **Example**: split_maps("hash:/a, inline:{ x=may, y=none }") has 2 elements.
std::vector<MapRef> split_maps(std::string_view list);

struct ReadOptions {
  params::Version version = params::default_version();
  // Where the text that MapRef offsets index lies in main.cf/master.cf, when it is literal there
  // (inline: entries then get file positions).
  ValueMap list_map;
  // Where table source files are read from (null: the disk).
  const config::FileSource* files = nullptr;
};

// read_table - read one map of a policy map list (see DESCRIPTION).
PolicyTable read_table(const MapRef& ref, const ReadOptions& options);

// read_source_entries - postmap(1) input syntax over a whole source file.
std::vector<TableEntry> read_source_entries(const syntax::SourceFile& file, std::vector<TableProblem>& problems);

}  // namespace pflint::tls
