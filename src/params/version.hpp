// NAME
//   params/version.hpp - Postfix release numbers ("3.7", "3.7.11", "3.10")
//
// DESCRIPTION
//   A target Postfix version decides which parameter names exist, their
//   defaults and the deprecation warnings. A version without a patch level
//   means patch level 0: "3.7" is 3.7.0, which does not yet know the names
//   that 3.7.6 and 3.7.9 back-ported. Comparison is numeric per component,
//   so 3.10 > 3.9. Supported targets are 3.7 .. 3.12 (3.12 = the snapshot
//   postfix-3.12-20260821 that data/params.tsv describes).
//
// DIAGNOSTICS
//   Version::parse() throws std::invalid_argument with a message naming the
//   offending text; parse_version() returns std::nullopt and fills *error.
//
// SEE ALSO
//   params/params.hpp, Postfix global/compat_level.c (the same numbering).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pflint::params {

struct Version {
    int major = 0;
    int minor = 0;
    int patch = 0;

    friend constexpr auto operator<=>(const Version&, const Version&) = default;

    // parse - "3", "3.7" or "3.7.11"; throws std::invalid_argument.
    // **Example**: Version::parse("3.10") > Version::parse("3.9.4") is true.
    static Version parse(std::string_view text);

    // to_string - "3.7.11"; a zero patch level is omitted ("3.12").
    [[nodiscard]] std::string to_string() const;

    // same_line - same major.minor release line.
    [[nodiscard]] constexpr bool same_line(const Version& o) const {
        return major == o.major && minor == o.minor;
    }

    // packed - the generated table's encoding, (major << 16) | (minor << 8) | patch.
    [[nodiscard]] constexpr std::uint32_t packed() const {
        return (static_cast<std::uint32_t>(major) << 16) | (static_cast<std::uint32_t>(minor) << 8) |
               static_cast<std::uint32_t>(patch);
    }
    static constexpr Version unpack(std::uint32_t v) {
        return Version{static_cast<int>(v >> 16), static_cast<int>((v >> 8) & 0xffU),
                       static_cast<int>(v & 0xffU)};
    }
};

// parse_version - non-throwing form; on failure sets *error (if given).
std::optional<Version> parse_version(std::string_view text, std::string* error = nullptr);

// default_version - the version pflint emulates when none is given: 3.7.11,
// Debian 12 (bookworm)'s Postfix, which is the oracle our differential tests
// run against. The patch level matters: 3.7.11 knows the 3.7.6/3.7.9/3.7.10
// back-ports (smtpd_forbid_unauth_pipelining, smtpd_forbid_bare_newline, ...).
constexpr Version default_version() { return Version{3, 7, 11}; }

// oldest_supported_version / latest_version - the range our data covers well.
constexpr Version oldest_supported_version() { return Version{3, 7, 0}; }
constexpr Version latest_version() { return Version{3, 12, 0}; }

}  // namespace pflint::params
