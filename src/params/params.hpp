// NAME
//   params/params.hpp - the Postfix main.cf parameter database
//
// DESCRIPTION
//   Every name a Postfix 2.0 .. 3.12 postconf table ever had, with its type,
//   its raw default for a target version (exactly as `postconf -d` prints it:
//   $references and ${{$compatibility_level} ...} left unexpanded), when it
//   appeared, was deprecated or removed, its successor, its list separator,
//   and whether it is legacy, read-only, host-computed or a build-time path.
//   Also the postconf deprecation table (postconf_unused.c) and the
//   service-defined name templates (postconf_service.c).
//
//   The data is generated (tools/gen_params.py -> params_table.inc) into
//   constexpr arrays sorted by strcmp byte order: lookups are binary
//   searches and nothing is constructed at startup. Build-time paths are
//   Debian's for every version. Host-computed defaults (myhostname,
//   mydomain, mynetworks, process_id) are empty here; see params/host.hpp.
//
// DIAGNOSTICS
//   None: lookups of unknown names return nullptr / false / std::nullopt.
//
// SEE ALSO
//   data/README.md, params/version.hpp, params/host.hpp; Postfix
//   postconf/postconf_builtin.c, postconf_service.c, postconf_unused.c.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "params/version.hpp"

namespace pflint::params {

// The postconf table kinds. str_fn (computed default) is given as str.
enum class param_type : std::uint8_t { bool_, int_, long_, time, str, raw, nint, nbool };

// Where a default comes from (data/params.tsv column default_kind).
enum class default_kind : std::uint8_t {
    literal,    // fixed text in mail_params.h
    buildtime,  // #ifndef-guarded path or platform value; we use Debian's
    version,    // mail_version, mail_release_date
    openssl,    // depends on the OpenSSL version (value for OpenSSL < 3.5)
    computed,   // myhostname, mydomain, mynetworks: computed on the host
    readonly,   // process_name, process_id, service_name
    legacy,     // pcf_legacy_str_table: known, empty, not printed by -d
};

// The characters a list value is split on (list_separator column).
enum class list_separator : std::uint8_t { none, comma_space, comma_space_colon, comma, space };

std::string_view to_string(param_type t);

// One dated change of a default: from `since` (and in the listed back-port
// patch releases of older lines) the default is `value`.
struct default_step {
    std::uint32_t since;
    std::array<std::uint32_t, 5> backports;  // packed versions, 0-terminated
    std::string_view value;
};

// One parameter (a generated row). Versions are packed; use the accessors.
struct param_info {
    std::string_view name;
    param_type type;
    default_kind kind;
    list_separator separator;
    std::uint32_t since_packed;       // 0 = "old" (Postfix 1.x)
    std::uint32_t deprecated_packed;  // 0 = not deprecated
    std::uint32_t removed_packed;     // 0 = still present in 3.12
    std::array<std::uint32_t, 5> backports_packed;
    std::string_view replacement;     // successor name, may be empty
    std::string_view compat_default;  // "L:NEW else OLD" / "via X" (latest default)
    std::string_view default_3_7;     // Debian 3.7.11 `postconf -d` text
    std::string_view default_latest;  // 3.12 (or last release that had it)
    bool in_3_7;                      // printed by Debian 3.7.11 `postconf -d`
    std::uint16_t steps_begin;
    std::uint16_t steps_count;

    [[nodiscard]] bool since_old() const { return since_packed == 0; }
    [[nodiscard]] Version since() const { return Version::unpack(since_packed); }
    [[nodiscard]] std::optional<Version> deprecated_since() const;
    [[nodiscard]] std::optional<Version> removed_in() const;
    [[nodiscard]] std::vector<Version> backported_in() const;
    [[nodiscard]] bool is_legacy() const { return kind == default_kind::legacy; }
    [[nodiscard]] bool is_read_only() const { return kind == default_kind::readonly; }
    // is_computed - default computed on the host (myhostname, mydomain,
    // mynetworks, process_id): default_value() returns "" for these.
    [[nodiscard]] bool is_computed() const;
    [[nodiscard]] bool is_buildtime() const { return kind == default_kind::buildtime; }
    [[nodiscard]] bool is_list() const { return separator != list_separator::none; }
};

// find_param - any name in the database, whatever the version; nullptr if none.
// **Example**: find_param("smtp_tls_security_level")->type == param_type::str.
const param_info* find_param(std::string_view name);

// all_params - every row, sorted by strcmp byte order (postconf's order).
std::span<const param_info> all_params();

// is_known - postconf at version v knows the name as built-in, legacy or
// read-only (honours since, backported_in and removed_in). Service-defined
// and user-defined names are not covered here.
bool is_known(const param_info& p, Version v);
bool is_known(std::string_view name, Version v = default_version());

// known_params - names known at v in postconf output order. `postconf -d`
// prints them without the legacy ones (include_legacy = false).
std::vector<const param_info*> known_params(Version v = default_version(),
                                            bool include_legacy = false);

// default_value - the raw default at v, as `postconf -d` prints it
// (unexpanded). Empty for computed names (see params/host.hpp) and legacy
// names. mail_version is v itself; mail_release_date is exact for 3.7.11
// and 3.12 and the nearest known date otherwise.
// **Example**: default_value(*find_param("milter_default_action"), {3,11,0}) == "shutdown".
std::string_view default_value(const param_info& p, Version v = default_version());
std::optional<std::string_view> default_value(std::string_view name,
                                              Version v = default_version());

// compat_default_info - the parsed compat_default column:
// ${{$compatibility_level} <level {L} ? {OLD} : {NEW}} means NEW at
// compatibility_level >= L, OLD below. `via` names the parameter the
// default depends on instead (e.g. mynetworks via mynetworks_style).
struct compat_default_info {
    std::optional<Version> level;
    std::string_view new_value;
    std::string_view old_value;
    std::string_view via;
    bool runtime_only = false;  // legacy value applied at run time only
};
// compat_default - nullopt unless the default at v depends on compatibility_level.
std::optional<compat_default_info> compat_default(const param_info& p,
                                                  Version v = default_version());

// ---- postconf deprecation table (postconf_unused.c pcf_depr_param_info) ----

struct deprecation {
    std::string_view name;
    std::uint32_t added_packed;    // first version whose table lists it
    std::string_view alternative;  // text after "instead, "
    [[nodiscard]] Version added_in() const { return Version::unpack(added_packed); }
};

// find_deprecation - the table entry in force at v (no table before 3.9).
const deprecation* find_deprecation(std::string_view name, Version v = default_version());
std::span<const deprecation> all_deprecations();

// deprecation_message - the warning text without the "<dir>/main.cf: " prefix:
//   known:   support for parameter "NAME" will be removed; instead, ALT
//   unknown: support for parameter NAME has been removed; instead, ALT
std::string deprecation_message(const deprecation& d, bool name_is_known);

// deprecation_footer - printed once after deprecation warnings (3.11+), else "".
std::string_view deprecation_footer(Version v = default_version());

// legacy_names / read_only_names - at version v, sorted.
std::vector<std::string_view> legacy_names(Version v = default_version());
std::vector<std::string_view> read_only_names(Version v = default_version());

// ---- service-defined names (postconf_service.c) ----

enum class command_bit : std::uint8_t {
    local_ = 1U << 0, error_ = 1U << 1, virtual_ = 1U << 2, smtp_ = 1U << 3,
    lmtp_ = 1U << 4, pipe_ = 1U << 5, spawn_ = 1U << 6,
};
constexpr std::uint8_t operator|(command_bit a, command_bit b) {
    return static_cast<std::uint8_t>(static_cast<std::uint8_t>(a) | static_cast<std::uint8_t>(b));
}
constexpr std::uint8_t operator|(std::uint8_t a, command_bit b) {
    return static_cast<std::uint8_t>(a | static_cast<std::uint8_t>(b));
}

// One `<service>SUFFIX` template; its default is `$generic`.
struct service_template {
    std::string_view suffix;   // "_destination_concurrency_limit"
    std::string_view generic;  // "default_destination_concurrency_limit"
    param_type type;
    std::uint32_t since_packed;
    std::uint8_t commands;     // command_bit mask
};
std::span<const service_template> all_service_templates();

// service_param - a name that a master.cf entry defines, with its default.
struct service_param {
    std::string name;  // "relay_destination_concurrency_limit"
    const service_template* tmpl;
    // default_value - "$default_destination_concurrency_limit" (built on
    // demand: postconf builds hundreds of these at every start).
    [[nodiscard]] std::string default_value() const { return "$" + std::string(tmpl->generic); }
};
// service_params - for a master.cf service whose command field is `command`
// (exactly local, error, virtual, smtp, lmtp, pipe or spawn; anything else
// yields nothing). Sorted by name.
std::vector<service_param> service_params(std::string_view service_name,
                                          std::string_view command,
                                          Version v = default_version());

}  // namespace pflint::params
