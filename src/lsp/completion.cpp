// NAME
//   completion — names and values as a Postfix admin types them.
// DESCRIPTION
//   main.cf: at the start of a line, the parameter names of the target
//   version (default in the detail, deprecated ones tagged); after '=',
//   values by what the parameter takes (yes/no, TLS levels, protocol and
//   cipher-grade syntax, digests, DNS support levels, table types,
//   restriction names in smtpd_*_restrictions), its default first; after
//   `$`, `${` or `$(`, the names a $name may use here (built-in and set).
//   master.cf: the field values (type, y/n/-, the daemons as commands), and
//   after `-o` the parameter names, leaving out those the entry's command
//   certainly ignores; after `-o name=`, that parameter's values.
#include <algorithm>
#include <array>
#include <set>

#include "lsp/features.hpp"
#include "model/reads.hpp"
#include "params/param_docs.hpp"
#include "params/params.hpp"
#include "util/ascii.hpp"

namespace pflint::lsp {
namespace {

// LSP CompletionItemKind values.
constexpr std::int64_t k_variable = 6;
constexpr std::int64_t k_property = 10;
constexpr std::int64_t k_value = 12;
constexpr std::int64_t k_keyword = 14;
constexpr std::int64_t k_enum_member = 20;

constexpr std::array<std::string_view, 8> k_client_levels = {"none",        "may",    "encrypt", "dane",
                                                             "dane-only",   "fingerprint", "verify", "secure"};
constexpr std::array<std::string_view, 3> k_server_levels = {"none", "may", "encrypt"};
constexpr std::array<std::string_view, 8> k_protocols = {">=TLSv1.2", ">=TLSv1.3", "TLSv1.2", "TLSv1.3",
                                                         "!SSLv2",    "!SSLv3",    "!TLSv1",  "!TLSv1.1"};
constexpr std::array<std::string_view, 5> k_cipher_grades = {"high", "medium", "low", "export", "null"};
constexpr std::array<std::string_view, 4> k_digests = {"sha256", "sha512", "sha1", "md5"};
constexpr std::array<std::string_view, 11> k_table_types = {"hash:",  "lmdb:", "texthash:", "inline:{", "regexp:",
                                                            "pcre:",  "cidr:", "static:",   "proxy:",   "cdb:",
                                                            "btree:"};
constexpr std::array<std::string_view, 22> k_restrictions = {
    "permit_mynetworks",          "permit_sasl_authenticated",   "reject_unauth_destination",
    "defer_unauth_destination",   "reject_unauth_pipelining",    "reject_non_fqdn_recipient",
    "reject_non_fqdn_sender",     "reject_unknown_sender_domain", "reject_unknown_recipient_domain",
    "reject_rbl_client",          "reject_rhsbl_client",         "reject_invalid_helo_hostname",
    "reject_non_fqdn_helo_hostname", "reject_unknown_helo_hostname", "check_policy_service",
    "check_client_access",        "check_sender_access",         "check_recipient_access",
    "check_helo_access",          "permit",                      "reject",
    "defer"};
constexpr std::array<std::string_view, 5> k_master_types = {"inet", "unix", "unix-dgram", "fifo", "pass"};
constexpr std::array<std::string_view, 3> k_yes_no_default = {"y", "n", "-"};
constexpr std::array<std::string_view, 27> k_commands = {
    "smtp",    "smtpd",   "lmtp",     "local",   "virtual",  "pipe",    "spawn",   "error",    "discard",
    "qmgr",    "pickup",  "cleanup",  "trivial-rewrite",    "bounce",  "flush",   "proxymap", "verify",
    "anvil",   "scache",  "tlsmgr",   "showq",   "postscreen", "dnsblog", "tlsproxy", "postlogd", "oqmgr",
    "master"};

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

struct Builder {
  const Context& cx;
  const LineIndex& index;
  std::uint32_t word_begin;
  std::uint32_t cursor;
  std::string_view prefix;
  Json items{rapidjson::kArrayType};
  std::set<std::string, std::less<>> seen;

  void add_item(std::string_view label, std::int64_t kind, std::string_view detail = {},
                std::string_view documentation = {}, bool deprecated = false) {
    if (label.substr(0, prefix.size()) != prefix) return;
    if (!seen.insert(std::string(label)).second) return;
    Allocator& a = cx.alloc;
    Json item(rapidjson::kObjectType);
    add(item, "label", label, a);
    add(item, "kind", kind, a);
    if (!detail.empty()) add(item, "detail", detail, a);
    if (!documentation.empty()) add(item, "documentation", documentation, a);
    if (deprecated) {
      Json tags(rapidjson::kArrayType);
      tags.PushBack(1, a);
      add(item, "tags", std::move(tags), a);
    }
    Json edit(rapidjson::kObjectType);
    add(edit, "range", range_json(index, word_begin, cursor, cx.encoding, a), a);
    add(edit, "newText", label, a);
    add(item, "textEdit", std::move(edit), a);
    items.PushBack(item, a);
  }
};

void parameter_names(Builder& b, const model::Model* m, const config::MasterEntry* entry) {
  const params::Version v = m != nullptr ? m->version() : params::default_version();
  for (const params::param_info* p : params::known_params(v)) {
    if (entry != nullptr && model::not_read_by(entry->process_name(), p->name)) continue;
    const std::string_view def = params::default_value(*p, v);
    std::string detail = "default: " + std::string(def.substr(0, 80));
    const bool deprecated = p->deprecated_since() && *p->deprecated_since() <= v;
    b.add_item(p->name, k_property, detail, params::param_doc(p->name), deprecated);
  }
}

void dollar_names(Builder& b, const model::Model& m, const config::MasterEntry* scope) {
  for (const model::Setting& s : m.settings()) {
    if (s.origin.service != nullptr && s.origin.service != scope) continue;
    b.add_item(s.name, k_variable, "set in " + s.origin.describe());
  }
  for (const params::param_info* p : params::known_params(m.version())) {
    b.add_item(p->name, k_variable, "default: " + std::string(params::default_value(*p, m.version()).substr(0, 80)));
  }
}

template <std::size_t N>
void words(Builder& b, const std::array<std::string_view, N>& list, std::int64_t kind) {
  for (const auto w : list) b.add_item(w, kind);
}

void parameter_values(Builder& b, std::string_view name, const model::Model* m) {
  const params::Version v = m != nullptr ? m->version() : params::default_version();
  const params::param_info* p = params::find_param(name);
  if (p != nullptr) {
    if (const std::string_view def = params::default_value(*p, v); !def.empty()) b.add_item(def, k_value, "default");
  }
  const auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  if (p != nullptr && (p->type == params::param_type::bool_ || p->type == params::param_type::nbool)) {
    b.add_item("yes", k_enum_member);
    b.add_item("no", k_enum_member);
  }
  if (ends("_tls_security_level")) {
    if (name.substr(0, 6) == "smtpd_") words(b, k_server_levels, k_enum_member);
    else words(b, k_client_levels, k_enum_member);
  }
  if (ends("_tls_protocols") || ends("_tls_mandatory_protocols")) words(b, k_protocols, k_enum_member);
  if (ends("_tls_ciphers") || ends("_tls_mandatory_ciphers")) words(b, k_cipher_grades, k_enum_member);
  if (ends("_fingerprint_digest")) words(b, k_digests, k_enum_member);
  if (ends("_dns_support_level")) {
    for (const auto w : {"disabled", "enabled", "dnssec"}) b.add_item(w, k_enum_member);
  }
  if (ends("_tls_dane_insecure_mx_policy")) {
    for (const auto w : {"may", "encrypt", "dane"}) b.add_item(w, k_enum_member);
  }
  if (ends("_tls_servername")) {
    for (const auto w : {"hostname", "nexthop"}) b.add_item(w, k_enum_member);
  }
  if (ends("_maps") || ends("_tls_per_site") || ends("_checks")) words(b, k_table_types, k_keyword);
  if (name.substr(0, 6) == "smtpd_" && ends("_restrictions")) {
    words(b, k_restrictions, k_keyword);
    if (m != nullptr) {
      // User-defined restriction classes are usable by name too.
      const std::string classes = m->raw("smtpd_restriction_classes").raw;
      for (std::size_t i = 0; i < classes.size();) {
        while (i < classes.size() && (util::is_space(classes[i]) || classes[i] == ',')) ++i;
        std::size_t j = i;
        while (j < classes.size() && !util::is_space(classes[j]) && classes[j] != ',') ++j;
        if (j > i) b.add_item(std::string_view(classes).substr(i, j - i), k_keyword, "restriction class");
        i = j;
      }
    }
  }
}

// dollar_at - the name typed after "$", "${" or "$(" before the cursor, if any.
std::optional<std::uint32_t> dollar_at(std::string_view before) {
  std::size_t i = before.size();
  while (i > 0 && is_name_char(before[i - 1])) --i;
  std::size_t j = i;
  if (j > 0 && (before[j - 1] == '{' || before[j - 1] == '(')) --j;
  if (j > 0 && before[j - 1] == '$') return static_cast<std::uint32_t>(i);
  return std::nullopt;
}

// value_word_begin - the start of the word being typed in a value (after
// whitespace, a comma, or '=' of an attribute).
std::size_t value_word_begin(std::string_view before) {
  std::size_t i = before.size();
  while (i > 0 && !util::is_space(before[i - 1]) && before[i - 1] != ',') --i;
  return i;
}

// entry_at - the master.cf entry whose item holds `offset`.
const config::MasterEntry* entry_at(const Analysis& a, const config::ParsedFile& file, std::uint32_t offset) {
  if (!a.checked) return nullptr;
  for (const auto& e : a.checked->files.master.entries()) {
    const syntax::Item& item = file.tree.items[e.item];
    if (item.span.begin <= offset && offset <= item.span.end) return &e;
  }
  return nullptr;
}

}  // namespace

Json completion(Context& cx, const Json& params) {
  const Document& d = document_param(cx, params);
  const LspPosition pos = position_param(params);
  const LineIndex index(d.text);
  const std::uint32_t cursor = index.offset(pos, cx.encoding);
  const std::uint32_t line_begin = index.line_start(std::min(pos.line, index.line_count() - 1));
  const std::string_view before = std::string_view(d.text).substr(line_begin, cursor - line_begin);
  const Analysis* a = d.path ? cx.workspace.analysis_of(d) : nullptr;
  const model::Model* m = a != nullptr && a->checked ? a->checked->model.get() : nullptr;
  const config::ParsedFile* file = a != nullptr ? parsed_file_of(*a, d) : nullptr;

  Builder b{cx, index, cursor, cursor, {}, Json(rapidjson::kArrayType), {}};
  const auto start_word = [&](std::size_t at) {
    b.word_begin = static_cast<std::uint32_t>(line_begin + at);
    b.prefix = before.substr(at);
  };
  const std::string_view trimmed = util::trim_left(before);
  if (!trimmed.empty() && trimmed.front() == '#') return Json(rapidjson::kArrayType);

  if (d.role == Role::master_cf) {
    const config::MasterEntry* entry = file != nullptr ? entry_at(*a, *file, cursor) : nullptr;
    const bool continuation = !before.empty() && util::is_space(before.front());
    // Words on this line before the cursor.
    std::vector<std::string_view> fields;
    for (std::size_t i = 0; i < before.size();) {
      while (i < before.size() && util::is_space(before[i])) ++i;
      std::size_t j = i;
      while (j < before.size() && !util::is_space(before[j])) ++j;
      if (j > i) fields.push_back(before.substr(i, j - i));
      i = j;
    }
    const bool in_word = !before.empty() && !util::is_space(before.back());
    const std::size_t complete = in_word ? fields.size() - 1 : fields.size();
    const std::string_view previous = complete > 0 ? fields[complete - 1] : std::string_view();
    const std::string_view current = in_word ? fields.back() : std::string_view();
    start_word(before.size() - current.size());
    if (previous == "-o") {
      const auto eq = current.find('=');
      if (eq == std::string_view::npos) {
        parameter_names(b, m, entry);
      } else {
        start_word(before.size() - current.size() + eq + 1);
        parameter_values(b, current.substr(0, eq), m);
      }
    } else if (!continuation) {
      switch (complete) {
        case 1: words(b, k_master_types, k_enum_member); break;
        case 2: case 3: case 4: words(b, k_yes_no_default, k_enum_member); break;
        case 5: case 6: b.add_item("-", k_enum_member, "the default"); break;
        case 7: words(b, k_commands, k_keyword); break;
        default:
          if (complete > 7) b.add_item("-o", k_keyword, "override a main.cf parameter for this service");
      }
    } else {
      b.add_item("-o", k_keyword, "override a main.cf parameter for this service");
    }
    return std::move(b.items);
  }

  // main.cf (and anything else: treated as main.cf syntax).
  const bool continuation = !before.empty() && util::is_space(before.front());
  const auto eq = before.find('=');
  std::string name;
  if (!continuation && eq == std::string_view::npos) {
    std::size_t at = before.size();
    while (at > 0 && is_name_char(before[at - 1])) --at;
    start_word(at);
    parameter_names(b, m, nullptr);
    return std::move(b.items);
  }
  if (!continuation) {
    name = std::string(util::trim(before.substr(0, eq)));
  } else if (file != nullptr) {
    // The logical line this continuation belongs to.
    for (const auto& item : file->tree.items) {
      if (item.kind == syntax::ItemKind::parameter && item.span.begin <= cursor && cursor <= item.span.end) {
        name = std::string(file->source.slice(item.name));
      }
    }
  }
  if (const auto at = dollar_at(before)) {
    start_word(*at);
    if (m != nullptr) dollar_names(b, *m, nullptr);
    return std::move(b.items);
  }
  start_word(value_word_begin(before));
  parameter_values(b, name, m);
  return std::move(b.items);
}

}  // namespace pflint::lsp
