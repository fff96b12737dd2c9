// NAME
//   policy_table — TLS policy tables read offline, and policy values parsed
//   as tls_policy_lookup_one() does (see policy_table.hpp).
// SEE ALSO
//   src/smtp/smtp_tls_policy.c, src/global/maps.c, src/util/dict_inline.c,
//   src/util/split_nameval.c, src/postmap/postmap.c in Postfix.
#include "tls/policy_table.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <span>

#include "syntax/tree.hpp"
#include "tls/compiled_table.hpp"
#include "tls/effective_policy.hpp"
#include "tls/text.hpp"
#include "util/ascii.hpp"
#include "util/mystrtok.hpp"
#include "util/readlline.hpp"
#include "util/split_nameval.hpp"

namespace pflint::tls {
namespace {

constexpr params::Version k_v3_9{3, 9, 0};
constexpr params::Version k_v3_10{3, 10, 0};

using util::is_space;

// split_nameval - util::split_nameval() with the error as a value.
struct NameValue {
  std::string_view name;
  std::string_view value;
  std::optional<std::string> error;  // split_nameval()'s text
};
NameValue split_nameval(std::string_view text) {
  util::NameValue nv;
  if (const char* err = util::split_nameval(text, nv)) return NameValue{{}, {}, std::string(err)};
  return NameValue{nv.name, nv.value, std::nullopt};
}

// braced_inner - the text between an element's outer braces, blanks trimmed,
// as an offset range of `element` (for positions); extpar() gives errors.
std::pair<std::size_t, std::size_t> braced_inner(std::string_view element) {
  std::size_t b = element.find('{');
  b = b == std::string_view::npos ? 0 : b + 1;
  std::size_t e = element.rfind('}');
  if (e == std::string_view::npos || e < b) e = element.size();
  while (b < e && is_space(element[b])) ++b;
  while (e > b && is_space(element[e - 1])) --e;
  return {b, e};
}

// ---- parse_policy helpers ----

enum class Multiplicity : std::uint8_t { once, repeat, last_wins };

struct AttributeRule {
  std::string_view name;
  Multiplicity multiplicity;
  params::Version since;
};

constexpr std::array<AttributeRule, 14> k_attributes{{
    {"ciphers", Multiplicity::once, {2, 3, 0}},
    {"protocols", Multiplicity::once, {2, 3, 0}},
    {"exclude", Multiplicity::once, {2, 3, 0}},
    {"match", Multiplicity::repeat, {2, 3, 0}},
    {"tafile", Multiplicity::repeat, {2, 11, 0}},
    {"servername", Multiplicity::once, {3, 4, 0}},
    {"connection_reuse", Multiplicity::last_wins, {3, 4, 0}},
    {"enable_rpk", Multiplicity::last_wins, k_v3_9},
    {"policy_type", Multiplicity::once, k_v3_10},
    {"policy_domain", Multiplicity::once, k_v3_10},
    {"policy_string", Multiplicity::repeat, k_v3_10},
    {"mx_host_pattern", Multiplicity::repeat, k_v3_10},
    {"policy_ttl", Multiplicity::once, k_v3_10},
    {"policy_failure", Multiplicity::once, k_v3_10},
}};

const AttributeRule* find_attribute_rule(std::string_view name) {
  for (const AttributeRule& r : k_attributes) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

bool is_tlsrpt_attribute(std::string_view name) { return name.starts_with("policy_") || name == "mx_host_pattern"; }

bool one_of(std::string_view value, std::initializer_list<std::string_view> allowed) {
  return std::any_of(allowed.begin(), allowed.end(), [&](std::string_view a) { return iequals(value, a); });
}

class PolicyParser {
 public:
  PolicyParser(std::string_view value, params::Version version, const ValueMap& map)
      : value_(value), version_(version), map_(map) {}

  ParsedPolicy run();

 private:
  void problem(PolicyProblemKind kind, std::string message, std::string attribute, std::uint32_t begin,
               std::uint32_t end, bool defers = true) {
    out_.problems.push_back({kind, std::move(message), std::move(attribute), map_.locate(begin, end), defers});
  }
  void attribute(std::string_view element, std::uint32_t begin);
  void check_attribute(const PolicyAttribute& a, std::uint32_t begin, std::uint32_t end);

  std::string_view value_;
  params::Version version_;
  const ValueMap& map_;
  ParsedPolicy out_;
};

// tls_policy_lookup_one - the level, then each attribute.
ParsedPolicy PolicyParser::run() {
  const std::vector<Token> first = tokens(value_, k_comma_sp);
  if (first.empty()) {
    problem(PolicyProblemKind::empty_policy, "invalid empty policy", "", 0, static_cast<std::uint32_t>(value_.size()));
    return std::move(out_);
  }
  const Token& level = first.front();
  const auto level_end = static_cast<std::uint32_t>(level.begin + level.text.size());
  out_.level_text = std::string(level.text);
  out_.level = parse_level(level.text);
  out_.level_where = map_.locate(level.begin, level_end);
  if (out_.level == Level::invalid) {
    problem(PolicyProblemKind::invalid_level, fmt::format("invalid security level \"{}\"", level.text), "",
            level.begin, level_end);
    return std::move(out_);
  }
  const std::string_view rest = value_.substr(level_end);
  if (out_.level < Level::may) {
    for (const Token& t : tokens(rest, k_comma_sp)) {
      const auto b = static_cast<std::uint32_t>(level_end + t.begin);
      problem(PolicyProblemKind::ignored_with_tls_disabled,
              fmt::format("ignoring attribute \"{}\" with TLS disabled", t.text), "", b,
              b + static_cast<std::uint32_t>(t.text.size()), false);
    }
    return std::move(out_);
  }
  // Split with { } grouping always, so that the pre-3.10 misuse is recognised.
  for (const util::Token& e : util::mystrtokq(rest, k_comma_sp)) {
    attribute(e.text, level_end + e.begin);
  }
  const bool has_type = out_.first("policy_type") != nullptr;
  for (const PolicyAttribute& a : out_.attributes) {
    if (!has_type && is_tlsrpt_attribute(a.name) && a.name != "policy_type") {
      out_.problems.push_back({PolicyProblemKind::missing_policy_type,
                               fmt::format("attribute \"{}\" requires a policy_type attribute", a.name), a.name,
                               a.where, true});
    }
  }
  return std::move(out_);
}

// attribute - one "name=value" or "{ name = value }" element at `begin`.
void PolicyParser::attribute(std::string_view element, std::uint32_t begin) {
  const auto end = static_cast<std::uint32_t>(begin + element.size());
  std::string_view inner = element;
  const bool braced = element.starts_with('{');
  if (braced) {
    if (version_ < k_v3_10) {
      problem(PolicyProblemKind::braced_before_3_10,
              fmt::format("malformed attribute/value pair \"{}\": the {{ name = value }} form needs Postfix 3.10 "
                          "or later",
                          element),
              "", begin, end);
      return;
    }
    if (const util::Unwrapped u = util::extpar(element); u.error) {
      problem(PolicyProblemKind::bad_braces, *u.error, "", begin, end);
      return;
    }
    const auto [b, e] = braced_inner(element);
    inner = element.substr(b, e - b);
  } else if (element.find('{') != std::string_view::npos && version_ < k_v3_10) {
    // Before 3.10 mystrtok() splits at blanks inside braces: "x={a" "b}".
    problem(PolicyProblemKind::braced_before_3_10,
            fmt::format("malformed attribute/value pair \"{}\": braces need Postfix 3.10 or later", element), "",
            begin, end);
    return;
  }
  const NameValue nv = split_nameval(inner);
  if (nv.error) {
    problem(PolicyProblemKind::malformed_attribute,
            fmt::format("malformed attribute/value pair \"{}\": {}{}", inner, *nv.error,
                        inner.starts_with('#') ? " ('#' starts a comment only at the beginning of a line)" : ""),
            "", begin, end);
    return;
  }
  PolicyAttribute a;
  a.name = lower(nv.name);
  a.value = std::string(nv.value);
  a.where = map_.locate(begin, end);
  a.braced = braced;
  check_attribute(a, begin, end);
  out_.attributes.push_back(std::move(a));
}

// check_attribute - the per-attribute checks, in tls_policy_lookup_one()'s order.
void PolicyParser::check_attribute(const PolicyAttribute& a, std::uint32_t begin, std::uint32_t end) {
  const AttributeRule* rule = find_attribute_rule(a.name);
  if (!rule) {
    problem(PolicyProblemKind::unknown_attribute, fmt::format("invalid attribute name: \"{}\"", a.name), a.name, begin,
            end);
    return;
  }
  if (version_ < rule->since) {
    problem(PolicyProblemKind::attribute_too_new,
            fmt::format("invalid attribute name: \"{}\" (needs Postfix {})", a.name, rule->since.to_string()), a.name,
            begin, end);
    return;
  }
  const Level level = out_.level;
  if (a.name == "tafile" && !tls_must_pkix(level)) {
    problem(PolicyProblemKind::invalid_at_level,
            fmt::format("attribute \"{}\" invalid at security level \"{}\"", a.name, level_name(level)), a.name, begin,
            end);
  }
  if (a.value.empty() && (a.name == "ciphers" || a.name == "match" || a.name == "tafile")) {
    problem(PolicyProblemKind::empty_value, fmt::format("attribute \"{}\" has empty value", a.name), a.name, begin,
            end);
  }
  if (rule->multiplicity == Multiplicity::once && out_.first(a.name) != nullptr) {
    problem(PolicyProblemKind::duplicate_attribute, fmt::format("attribute \"{}\" is specified multiple times", a.name),
            a.name, begin, end);
  }
  if (a.name == "match" && level != Level::fingerprint && level != Level::verify && level != Level::secure) {
    problem(PolicyProblemKind::invalid_at_level,
            fmt::format("attribute \"{}\" invalid at security level \"{}\"", a.name, level_name(level)), a.name, begin,
            end);
  }
  if (a.name == "servername" && !valid_hostname(a.value)) {
    problem(PolicyProblemKind::invalid_servername,
            fmt::format("\"{}={}\" specifies an invalid hostname", a.name, a.value), a.name, begin, end);
  }
  const bool bad = ((a.name == "connection_reuse" || a.name == "enable_rpk") && !one_of(a.value, {"yes", "no"})) ||
                   (a.name == "policy_type" && !one_of(a.value, {"sts", "no-policy-found"})) ||
                   (a.name == "policy_failure" &&
                    !one_of(a.value, {"sts-policy-fetch-error", "sts-policy-invalid", "sts-webpki-invalid",
                                      "validation-failure"}));
  if (bad) {
    problem(PolicyProblemKind::bad_value, fmt::format("attribute \"{}\" has bad value: \"{}\"", a.name, a.value),
            a.name, begin, end);
  }
}

// ---- tables ----

// shifted - a map of the text starting at `offset` of the mapped text.
ValueMap shifted(const ValueMap& map, std::uint32_t offset) {
  ValueMap m;
  m.file = map.file;
  if (!map.file || map.pieces.empty()) return m;
  for (std::size_t i = 0; i < map.pieces.size(); ++i) {
    const auto [index, file] = map.pieces[i];
    const std::uint32_t next = i + 1 < map.pieces.size() ? map.pieces[i + 1].first : UINT32_MAX;
    if (next <= offset) continue;
    if (index <= offset) m.pieces.emplace_back(0, file + (offset - index));
    else m.pieces.emplace_back(index - offset, file);
  }
  return m;
}

struct TypeName {
  std::string_view type;
  std::string_view name;
  bool ok = false;
};

TypeName split_type_name(std::string_view spec) {
  const auto colon = spec.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  return {spec.substr(0, colon), spec.substr(colon + 1), true};
}

constexpr std::array<std::string_view, 7> k_file_types{"texthash", "hash", "btree", "lmdb", "cdb", "dbm", "sdbm"};
constexpr std::array<std::string_view, 2> k_pattern_types{"regexp", "pcre"};

bool contains(std::span<const std::string_view> set, std::string_view v) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

// mark_duplicates - Postfix keeps the first of duplicate keys and warns.
void mark_duplicates(std::vector<TableEntry>& entries, std::vector<TableProblem>& problems) {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (!entries[j].duplicate && entries[j].folded == entries[i].folded) {
        entries[i].duplicate = true;
        problems.push_back({fmt::format("duplicate entry: \"{}\"", entries[i].key), entries[i].where});
        break;
      }
    }
  }
}

void read_file_table(PolicyTable& t, std::string_view name, const config::FileSource& files) {
  std::string path(name);
  const std::string_view suffix = compiled_suffix(t.type);
  if (!suffix.empty() && path.ends_with(suffix) && t.type != "dbm" && t.type != "sdbm") {
    t.problems.push_back({fmt::format("map name ends in \"{}\": Postfix opens \"{}{}\"", suffix, path, suffix), {}});
    path.resize(path.size() - suffix.size());
  }
  t.source_path = path;
  if (!path.starts_with('/')) {
    t.status = TableStatus::relative_path;
    t.status_detail = fmt::format("relative path \"{}\": Postfix resolves it against the queue directory", path);
    return;
  }
  if (!files.exists(path)) {
    t.status = TableStatus::missing;
    t.status_detail = fmt::format("open {}: No such file or directory", path);
    return;
  }
  std::string error;
  auto source = files.load(path, error);
  if (!source) {
    t.status = TableStatus::unreadable;
    t.status_detail = error;
    return;
  }
  t.source = std::make_shared<const syntax::SourceFile>(std::move(*source));
  t.entries = read_source_entries(*t.source, t.problems);
  t.status = TableStatus::read;
  if (!suffix.empty() && !files.exists(path + std::string(suffix))) {
    t.problems.push_back(
        {fmt::format("compiled table \"{}{}\" not found (postmap not run?)", path, suffix), Location{t.source.get()}});
  }
}

// read_inline - dict_inline: "{ key=value, { key = value } }".
void read_inline(PolicyTable& t, std::string_view name, std::uint32_t name_offset, const ValueMap& list_map) {
  if (const util::Unwrapped u = util::extpar(name); u.error || !name.starts_with('{')) {
    t.status = TableStatus::bad_spec;
    t.status_detail = u.error.value_or("inline: table needs {...}");
    return;
  }
  const auto [ib, ie] = braced_inner(name);
  const std::string_view inner = name.substr(ib, ie - ib);
  const auto inner_offset = static_cast<std::uint32_t>(name_offset + ib);
  for (const util::Token& e : util::mystrtokq(inner, k_comma_sp)) {
    std::string_view element = e.text;
    std::uint32_t element_offset = inner_offset + e.begin;
    const Location whole = list_map.locate(element_offset, element_offset + static_cast<std::uint32_t>(element.size()));
    if (element.starts_with('{')) {
      if (const util::Unwrapped u = util::extpar(element); u.error) {
        t.problems.push_back({*u.error, whole});
        t.status = TableStatus::bad_spec;
        continue;
      }
      const auto [b, en] = braced_inner(element);
      element = element.substr(b, en - b);
      element_offset += static_cast<std::uint32_t>(b);
    }
    const NameValue nv = split_nameval(element);
    if (nv.error) {
      t.problems.push_back({fmt::format("{}: \"{}\"", *nv.error, element), whole});
      t.status = TableStatus::bad_spec;
      continue;
    }
    TableEntry entry;
    entry.key = std::string(nv.name);
    entry.folded = lower(nv.name);
    entry.value = std::string(nv.value);
    entry.where = whole;
    const auto key_offset = static_cast<std::uint32_t>(element_offset + (nv.name.data() - element.data()));
    entry.key_where = list_map.locate(key_offset, key_offset + static_cast<std::uint32_t>(nv.name.size()));
    entry.value_map = shifted(list_map, static_cast<std::uint32_t>(element_offset + (nv.value.data() - element.data())));
    t.entries.push_back(std::move(entry));
  }
  if (t.status != TableStatus::bad_spec) t.status = TableStatus::read;
  mark_duplicates(t.entries, t.problems);
}

// read_static - static:value or static:{ value with spaces }: one answer for all keys.
void read_static(PolicyTable& t, std::string_view name, std::uint32_t name_offset, const ValueMap& list_map) {
  std::string_view value = name;
  std::uint32_t offset = name_offset;
  if (name.starts_with('{')) {
    if (const util::Unwrapped u = util::extpar(name); u.error) {
      t.status = TableStatus::bad_spec;
      t.status_detail = *u.error;
      return;
    }
    const auto [b, e] = braced_inner(name);
    value = name.substr(b, e - b);
    offset += static_cast<std::uint32_t>(b);
  }
  TableEntry entry;
  entry.key = "*";
  entry.folded = "*";
  entry.value = std::string(value);
  entry.where = list_map.locate(name_offset, name_offset + static_cast<std::uint32_t>(name.size()));
  entry.key_where = entry.where;
  entry.value_map = shifted(list_map, offset);
  t.entries.push_back(std::move(entry));
  t.matches_any = true;
  t.status = TableStatus::read;
}

}  // namespace

// ---- public ----

ValueMap map_logical_text(const syntax::LogicalText& lt, std::uint32_t from, const syntax::SourceFile* file) {
  ValueMap m;
  m.file = file;
  for (std::size_t i = 0; i < lt.pieces.size(); ++i) {
    const auto& p = lt.pieces[i];
    const std::uint32_t piece_end =
        i + 1 < lt.pieces.size() ? lt.pieces[i + 1].logical_begin : static_cast<std::uint32_t>(lt.text.size());
    if (piece_end <= from) continue;
    if (p.logical_begin <= from) {
      m.pieces.emplace_back(0, p.file_begin + (from - p.logical_begin));
    } else {
      m.pieces.emplace_back(p.logical_begin - from, p.file_begin);
    }
  }
  return m;
}

Location ValueMap::locate(std::uint32_t begin, std::uint32_t end) const {
  if (!file || pieces.empty()) return Location{file};
  const auto to_file = [this](std::uint32_t i) {
    auto it = std::upper_bound(pieces.begin(), pieces.end(), i,
                               [](std::uint32_t v, const std::pair<std::uint32_t, std::uint32_t>& p) {
                                 return v < p.first;
                               });
    if (it != pieces.begin()) --it;
    return it->second + (i - it->first);
  };
  const std::uint32_t b = to_file(begin);
  const std::uint32_t e = end > begin ? to_file(end - 1) + 1 : b;
  return Location{file, syntax::Span{b, std::max(b, e)}, file->position(b).line};
}

ParsedPolicy parse_policy(std::string_view value, params::Version version, const ValueMap& map) {
  return PolicyParser(value, version, map).run();
}

const PolicyAttribute* ParsedPolicy::first(std::string_view name) const {
  for (const PolicyAttribute& a : attributes) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

std::vector<const PolicyAttribute*> ParsedPolicy::all(std::string_view name) const {
  std::vector<const PolicyAttribute*> out;
  for (const PolicyAttribute& a : attributes) {
    if (a.name == name) out.push_back(&a);
  }
  return out;
}

bool ParsedPolicy::valid() const {
  return level != Level::invalid &&
         std::none_of(problems.begin(), problems.end(), [](const PolicyProblem& p) { return p.defers; });
}

SiteValue parse_site_value(std::string_view value) {
  if (iequals(value, "NONE")) return SiteValue::none;
  if (iequals(value, "MAY")) return SiteValue::may;
  if (iequals(value, "MUST_NOPEERMATCH")) return SiteValue::must_nopeermatch;
  if (iequals(value, "MUST")) return SiteValue::must;
  return SiteValue::invalid;
}

std::string_view site_value_name(SiteValue value) {
  switch (value) {
    case SiteValue::none: return "NONE";
    case SiteValue::may: return "MAY";
    case SiteValue::must_nopeermatch: return "MUST_NOPEERMATCH";
    case SiteValue::must: return "MUST";
    case SiteValue::invalid: return "invalid";
  }
  return "invalid";
}

std::string_view status_name(TableStatus status) {
  switch (status) {
    case TableStatus::read: return "read";
    case TableStatus::missing: return "missing";
    case TableStatus::unreadable: return "unreadable";
    case TableStatus::relative_path: return "relative-path";
    case TableStatus::not_inspectable: return "not-inspectable";
    case TableStatus::not_evaluated: return "not-evaluated";
    case TableStatus::bad_spec: return "bad-spec";
  }
  return "?";
}

const TableEntry* PolicyTable::find(std::string_view key) const {
  if (status != TableStatus::read) return nullptr;
  if (matches_any) return entries.empty() ? nullptr : &entries.front();
  const std::string folded_key = lower(key);
  for (const TableEntry& e : entries) {
    if (!e.duplicate && e.folded == folded_key) return &e;
  }
  return nullptr;
}

std::vector<MapRef> split_maps(std::string_view list) {
  std::vector<MapRef> out;
  for (const util::Token& e : util::mystrtokq(list, k_comma_sp)) {
    out.push_back({std::string(e.text), e.begin, e.end});
  }
  return out;
}

PolicyTable read_table(const MapRef& ref, const ReadOptions& options) {
  PolicyTable t;
  t.spec = ref.spec;
  std::string_view rest = ref.spec;
  std::uint32_t offset = ref.begin;
  TypeName tn = split_type_name(rest);
  while (tn.ok && tn.type == "proxy") {
    t.proxied = true;
    offset += static_cast<std::uint32_t>(tn.type.size() + 1);
    rest = tn.name;
    tn = split_type_name(rest);
  }
  if (!tn.ok) {
    t.status = TableStatus::bad_spec;
    t.status_detail = fmt::format("open dictionary: expecting \"type:name\" form instead of \"{}\"", rest);
    return t;
  }
  t.type = lower(tn.type);
  t.name = std::string(tn.name);
  const auto name_offset = static_cast<std::uint32_t>(offset + tn.type.size() + 1);
  if (contains(k_file_types, t.type)) {
    read_file_table(t, tn.name, options.files ? *options.files : config::disk_files());
  } else if (t.type == "inline") {
    read_inline(t, tn.name, name_offset, options.list_map);
  } else if (t.type == "static") {
    read_static(t, tn.name, name_offset, options.list_map);
  } else if (contains(k_pattern_types, t.type)) {
    t.status = TableStatus::not_evaluated;
    t.status_detail = "pattern tables are not evaluated offline";
  } else {
    t.status = TableStatus::not_inspectable;
    t.status_detail = fmt::format("{}: table is not inspectable offline", t.type);
  }
  return t;
}

std::vector<TableEntry> read_source_entries(const syntax::SourceFile& file, std::vector<TableProblem>& problems) {
  std::vector<TableEntry> out;
  util::LogicalLines lines(file.text());  // postmap reads its input with readllines()
  std::string logical;
  while (lines.next(logical)) {
    const std::uint32_t first = lines.first_line();
    const syntax::Span span{file.line_span(first).begin, file.line_span(lines.last_line()).end};
    if (util::leading_space(logical)) {
      problems.push_back({"logical line must not start with whitespace", Location{&file, span, first}});
      continue;
    }
    const syntax::LogicalText lt = syntax::logical_text(file, span);
    const std::string_view text = lt.text;
    std::size_t key_end = 0;
    while (key_end < text.size() && !is_space(text[key_end])) ++key_end;
    std::size_t value_begin = key_end;
    while (value_begin < text.size() && is_space(text[value_begin])) ++value_begin;
    std::size_t value_end = text.size();
    while (value_end > value_begin && is_space(text[value_end - 1])) --value_end;
    const Location where{&file, span, first};
    if (value_begin >= value_end) {
      problems.push_back({"expected format: key whitespace value", where});
      continue;
    }
    TableEntry e;
    e.key = std::string(text.substr(0, key_end));
    e.folded = lower(e.key);
    e.value = std::string(text.substr(value_begin, value_end - value_begin));
    e.where = where;
    e.key_where = Location{&file, syntax::Span{span.begin, span.begin + static_cast<std::uint32_t>(key_end)}, first};
    e.value_map = map_logical_text(lt, static_cast<std::uint32_t>(value_begin), &file);
    out.push_back(std::move(e));
  }
  mark_duplicates(out, problems);
  return out;
}

}  // namespace pflint::tls
