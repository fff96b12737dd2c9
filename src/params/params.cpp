// NAME
//   params/params.cpp - lookups over the generated parameter table
//
// DESCRIPTION
//   Binary searches and version gates over the constexpr arrays in
//   params_table.inc (generated; see tools/gen_params.py). Nothing here
//   allocates except the functions that return vectors or strings, and
//   find_param's index (once).
//
// DIAGNOSTICS
//   None.
//
// SEE ALSO
//   params/params.hpp; Postfix postconf/postconf_builtin.c,
//   postconf/postconf_service.c, postconf/postconf_unused.c.
#include "params/params.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace pflint::params {
namespace detail {
using namespace std::string_view_literals;
#include "params/params_table.inc"
}  // namespace detail

namespace {

constexpr Version k_first_deprecation_table{3, 9, 0};
constexpr Version k_first_deprecation_footer{3, 11, 0};

// applies - a fact dated `since` (plus back-ports) holds at version v.
bool applies(std::uint32_t since, const std::array<std::uint32_t, 5>& backports, Version v) {
    if (v.packed() >= since)
        return true;
    for (std::uint32_t b : backports) {
        if (b == 0)
            break;
        const Version bv = Version::unpack(b);
        if (bv.same_line(v) && v.patch >= bv.patch)
            return true;
    }
    return false;
}

template <typename Row>
const Row* bsearch_name(std::span<const Row> rows, std::string_view name) {
    auto it = std::lower_bound(rows.begin(), rows.end(), name,
                               [](const Row& r, std::string_view n) { return r.name < n; });
    return (it != rows.end() && it->name == name) ? &*it : nullptr;
}

// parse_compat_value - the compat_default column writes "" as "(empty)".
std::string_view parse_compat_value(std::string_view s) {
    return s == "(empty)" ? std::string_view{} : s;
}

}  // namespace

std::string_view to_string(param_type t) {
    switch (t) {
    case param_type::bool_: return "bool";
    case param_type::int_: return "int";
    case param_type::long_: return "long";
    case param_type::time: return "time";
    case param_type::str: return "str";
    case param_type::raw: return "raw";
    case param_type::nint: return "nint";
    case param_type::nbool: return "nbool";
    }
    return "?";
}

std::optional<Version> param_info::deprecated_since() const {
    if (deprecated_packed == 0)
        return std::nullopt;
    return Version::unpack(deprecated_packed);
}

std::optional<Version> param_info::removed_in() const {
    if (removed_packed == 0)
        return std::nullopt;
    return Version::unpack(removed_packed);
}

std::vector<Version> param_info::backported_in() const {
    std::vector<Version> out;
    for (std::uint32_t b : backports_packed)
        if (b != 0)
            out.push_back(Version::unpack(b));
    return out;
}

bool param_info::is_computed() const {
    return kind == default_kind::computed || name == "process_id";
}

const param_info* find_param(std::string_view name) {
    // A hash index over the table, built once: every setting, expansion
    // and rule looks names up, and the binary search's string compares
    // were a visible share of checking a configuration.
    static const std::unordered_map<std::string_view, const param_info*> index = [] {
        std::unordered_map<std::string_view, const param_info*> m;
        m.reserve(std::size(detail::k_params));
        for (const param_info& p : detail::k_params)
            m.emplace(p.name, &p);
        return m;
    }();
    const auto it = index.find(name);
    return it == index.end() ? nullptr : it->second;
}

std::span<const param_info> all_params() { return detail::k_params; }

bool is_known(const param_info& p, Version v) {
    if (p.removed_packed != 0 && v.packed() >= p.removed_packed)
        return false;
    return applies(p.since_packed, p.backports_packed, v);
}

bool is_known(std::string_view name, Version v) {
    const param_info* p = find_param(name);
    return p != nullptr && is_known(*p, v);
}

std::vector<const param_info*> known_params(Version v, bool include_legacy) {
    std::vector<const param_info*> out;
    out.reserve(std::size(detail::k_params));
    for (const param_info& p : detail::k_params)
        if (is_known(p, v) && (include_legacy || !p.is_legacy()))
            out.push_back(&p);
    return out;
}

std::string_view default_value(const param_info& p, Version v) {
    if (p.is_computed() || p.is_legacy())
        return {};
    if (p.kind == default_kind::buildtime && p.in_3_7)
        return p.default_3_7;  // Debian's build-time value, every version
    if (p.kind == default_kind::version) {
        if (p.name == "mail_version") {
            // The table has no storage for arbitrary versions; the two known
            // strings cover Debian 3.7.11 and the 3.12 snapshot.
            if (v == Version{3, 7, 11})
                return p.default_3_7;
            if (v == latest_version())
                return p.default_latest;
        }
        return v.same_line(Version{3, 7, 0}) ? p.default_3_7 : p.default_latest;
    }
    std::string_view value = p.in_3_7 ? p.default_3_7 : p.default_latest;
    const auto steps = std::span<const default_step>(detail::k_default_steps)
                           .subspan(p.steps_begin, p.steps_count);
    for (const default_step& s : steps)
        if (applies(s.since, s.backports, v))
            value = s.value;
    return value;
}

std::optional<std::string_view> default_value(std::string_view name, Version v) {
    const param_info* p = find_param(name);
    if (p == nullptr || !is_known(*p, v))
        return std::nullopt;
    return default_value(*p, v);
}

std::optional<compat_default_info> compat_default(const param_info& p, Version v) {
    const std::string_view col = p.compat_default;
    if (col.empty())
        return std::nullopt;
    compat_default_info info;
    if (col.starts_with("via ")) {
        // "via a,b": compat-dependent at v if any of a, b is (transitively).
        info.via = col.substr(4);
        std::string_view rest = info.via;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const param_info* dep = find_param(rest.substr(0, comma));
            if (dep != nullptr && dep != &p && compat_default(*dep, v))
                return info;
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
        return std::nullopt;
    }
    // "L:NEW else OLD", optionally followed by " (applied at run time when unset)".
    std::string_view rest = col;
    if (auto paren = rest.find(" (applied"); paren != std::string_view::npos) {
        info.runtime_only = true;
        rest = rest.substr(0, paren);
    }
    const auto colon = rest.find(':');
    const auto sep = rest.find(" else ");
    if (colon == std::string_view::npos || sep == std::string_view::npos || sep < colon)
        return std::nullopt;
    info.level = parse_version(rest.substr(0, colon));
    info.new_value = parse_compat_value(rest.substr(colon + 1, sep - colon - 1));
    info.old_value = parse_compat_value(rest.substr(sep + 6));
    if (!info.runtime_only &&
        default_value(p, v).find("${{$compatibility_level}") == std::string_view::npos)
        return std::nullopt;  // at v the default does not depend on the level
    if (info.runtime_only && !is_known(p, v))
        return std::nullopt;
    return info;
}

const deprecation* find_deprecation(std::string_view name, Version v) {
    if (v < k_first_deprecation_table)
        return nullptr;
    const deprecation* d = bsearch_name<deprecation>(detail::k_deprecations, name);
    return (d != nullptr && v.packed() >= d->added_packed) ? d : nullptr;
}

std::span<const deprecation> all_deprecations() { return detail::k_deprecations; }

std::string deprecation_message(const deprecation& d, bool name_is_known) {
    std::string out = "support for parameter ";
    if (name_is_known) {
        out.append("\"").append(d.name).append("\" will be removed; instead, ");
    } else {
        out.append(d.name).append(" has been removed; instead, ");
    }
    out.append(d.alternative);
    return out;
}

std::string_view deprecation_footer(Version v) {
    if (v < k_first_deprecation_footer)
        return {};
    return "See https://www.postfix.org/DEPRECATION_README.html for details";
}

std::vector<std::string_view> legacy_names(Version v) {
    std::vector<std::string_view> out;
    for (const param_info& p : detail::k_params)
        if (p.is_legacy() && is_known(p, v))
            out.push_back(p.name);
    return out;
}

std::vector<std::string_view> read_only_names(Version v) {
    std::vector<std::string_view> out;
    for (const param_info& p : detail::k_params)
        if (p.is_read_only() && is_known(p, v))
            out.push_back(p.name);
    return out;
}

std::span<const service_template> all_service_templates() {
    return detail::k_service_templates;
}

namespace {
std::uint8_t command_mask(std::string_view command) {
    struct entry {
        std::string_view name;
        command_bit bit;
    };
    static constexpr entry k_commands[] = {
        {"error", command_bit::error_}, {"lmtp", command_bit::lmtp_},
        {"local", command_bit::local_}, {"pipe", command_bit::pipe_},
        {"smtp", command_bit::smtp_},   {"spawn", command_bit::spawn_},
        {"virtual", command_bit::virtual_},
    };
    for (const entry& e : k_commands)
        if (e.name == command)
            return static_cast<std::uint8_t>(e.bit);
    return 0;
}
}  // namespace

std::vector<service_param> service_params(std::string_view service_name,
                                          std::string_view command, Version v) {
    std::vector<service_param> out;
    const std::uint8_t bit = command_mask(command);
    if (bit == 0)
        return out;
    for (const service_template& t : detail::k_service_templates) {
        if ((t.commands & bit) == 0 || v.packed() < t.since_packed)
            continue;
        service_param sp;
        sp.name.reserve(service_name.size() + t.suffix.size());
        sp.name.append(service_name).append(t.suffix);
        sp.tmpl = &t;
        out.push_back(std::move(sp));
    }
    std::sort(out.begin(), out.end(), [](const service_param& a, const service_param& b) {
        return std::strcmp(a.name.c_str(), b.name.c_str()) < 0;
    });
    return out;
}

}  // namespace pflint::params
