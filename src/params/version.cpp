// NAME
//   params/version.cpp - parse and print Postfix release numbers
//
// DESCRIPTION
//   Accepts 1 to 3 dot-separated decimal components ("3", "3.7", "3.7.11");
//   rejects empty components, signs, spaces, leading junk and values that do
//   not fit the table encoding (minor and patch < 256).
//
// DIAGNOSTICS
//   "invalid Postfix version "TEXT": expected MAJOR.MINOR[.PATCH]"
//
// SEE ALSO
//   params/version.hpp
#include "params/version.hpp"

#include <charconv>
#include <stdexcept>

namespace pflint::params {

namespace {
constexpr int k_max_component = 255;
}

std::optional<Version> parse_version(std::string_view text, std::string* error) {
    int parts[3] = {0, 0, 0};
    int count = 0;
    const char* p = text.data();
    const char* const end = text.data() + text.size();
    bool ok = !text.empty();
    while (ok && p < end) {
        if (count == 3) {
            ok = false;
            break;
        }
        int value = 0;
        auto [next, ec] = std::from_chars(p, end, value);
        if (ec != std::errc{} || next == p || value < 0 || value > k_max_component) {
            ok = false;
            break;
        }
        parts[count++] = value;
        p = next;
        if (p < end) {
            if (*p != '.' || p + 1 == end) {
                ok = false;
                break;
            }
            ++p;
        }
    }
    if (!ok || count == 0) {
        if (error != nullptr)
            *error = "invalid Postfix version \"" + std::string(text) +
                     "\": expected MAJOR.MINOR[.PATCH], e.g. 3.7 or 3.7.11";
        return std::nullopt;
    }
    return Version{parts[0], parts[1], parts[2]};
}

Version Version::parse(std::string_view text) {
    std::string error;
    auto v = parse_version(text, &error);
    if (!v)
        throw std::invalid_argument(error);
    return *v;
}

std::string Version::to_string() const {
    std::string out = std::to_string(major) + "." + std::to_string(minor);
    if (patch != 0)
        out += "." + std::to_string(patch);
    return out;
}

}  // namespace pflint::params
